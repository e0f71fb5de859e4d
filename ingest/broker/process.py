"""The broker's JVM process: start it in the background, find it by pidfile, stop it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

from ingest.broker.files import BrokerFiles
from ingest.broker.settings import BrokerSettings

MAIN_CLASS = "kafka.Kafka"


def running_pid(files: BrokerFiles) -> int | None:
    """The broker's pid from the pidfile when that process still runs Kafka, else None."""
    try:
        pid = int(files.pidfile.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if is_live_broker(pid) else None


def is_live_broker(pid: int) -> bool:
    proc = Path(f"/proc/{pid}")
    try:
        # A pid can be reused by another program, and a dead child we started stays a zombie.
        cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return MAIN_CLASS.encode() in cmdline and state not in ("Z", "X")


def start(java: str, jars: Path, broker: BrokerSettings, files: BrokerFiles) -> int:
    command = [
        java, f"-Xms{broker.heap}", f"-Xmx{broker.heap}", "-XX:+ExitOnOutOfMemoryError",
        f"-Dlog4j2.configurationFile={files.log4j}", "-cp", f"{jars}/*", MAIN_CLASS, str(files.properties),
    ]  # fmt: skip
    with files.console.open("ab") as console:
        # A session of its own: the broker outlives the command that started it and ignores
        # the terminal's Ctrl-C.
        process = subprocess.Popen(
            command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            cwd=files.home, start_new_session=True,
        )  # fmt: skip
    files.pidfile.write_text(f"{process.pid}\n")
    return process.pid


def stop(pid: int, files: BrokerFiles, timeout_s: float) -> bool:
    """SIGTERM (Kafka shuts down cleanly), then SIGKILL after `timeout_s`; True when it was clean."""
    _signal(pid, signal.SIGTERM)
    clean = _wait_gone(pid, timeout_s)
    if not clean:
        _signal(pid, signal.SIGKILL)
        _wait_gone(pid, 10.0)
    files.pidfile.unlink(missing_ok=True)
    return clean


def _signal(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _wait_gone(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        _reap(pid)
        if not is_live_broker(pid):
            return True
        time.sleep(0.1)
    return False


def _reap(pid: int) -> None:
    # When this process started the broker, collect its exit status so it leaves no zombie.
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
