"""`kafka up|down|status`: bring the local broker up once, reuse it, stop it cleanly."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ingest.broker import probe, process
from ingest.broker.errors import BrokerError
from ingest.broker.files import BrokerFiles, format_storage_once, write_config
from ingest.broker.jars import ensure_jars, require_java
from ingest.broker.settings import BrokerSettings
from ingest.settings import Settings

Say = Callable[[str], None]


@dataclass(frozen=True)
class BrokerStatus:
    running: bool
    bootstrap: str
    detail: str


def up(settings: Settings, say: Say) -> str:
    """Start the local broker unless it (or an external cluster) already serves; the bootstrap."""
    if settings.kafka_is_external:
        say(f"Kafka is external at {settings.kafka.bootstrap_servers}: starting nothing")
        return settings.kafka.bootstrap_servers
    broker, files = settings.broker, BrokerFiles(settings.broker)
    with _exclusive(files):
        if _reuse(broker, files, say):
            return broker.bootstrap
        _start(broker, files, say)
    return broker.bootstrap


def down(settings: Settings, say: Say) -> None:
    if settings.kafka_is_external:
        say(f"Kafka is external at {settings.kafka.bootstrap_servers}: nothing to stop")
        return
    files = BrokerFiles(settings.broker)
    pid = process.running_pid(files)
    if pid is None:
        files.pidfile.unlink(missing_ok=True)
        say(f"no broker running from {files.home}")
        return
    say(f"stopping broker (pid {pid}) ...")
    clean = process.stop(pid, files, settings.broker.stop_timeout_s)
    say("stopped" if clean else f"killed: no clean stop within {settings.broker.stop_timeout_s:.0f}s")


def status(settings: Settings) -> BrokerStatus:
    bootstrap = settings.kafka.bootstrap_servers
    if settings.kafka_is_external:
        serving = probe.answers(settings.kafka.admin_config())
        return BrokerStatus(
            serving, bootstrap, f"external cluster, {'answers' if serving else 'not reachable'}"
        )
    files = BrokerFiles(settings.broker)
    pid = process.running_pid(files)
    if pid is None:
        return BrokerStatus(False, bootstrap, f"stopped (data in {files.home})")
    if not probe.answers(_local_admin(settings.broker)):
        return BrokerStatus(False, bootstrap, f"pid {pid} runs but does not answer yet; log {files.log}")
    return BrokerStatus(True, bootstrap, f"pid {pid}, log {files.log}")


def _reuse(broker: BrokerSettings, files: BrokerFiles, say: Say) -> bool:
    config = _local_admin(broker)
    pid = process.running_pid(files)
    if pid is not None:
        alive = lambda: process.running_pid(files) == pid  # noqa: E731
        if probe.wait_until(lambda: probe.answers(config), alive, broker.start_timeout_s):
            say(f"reusing the running broker (pid {pid}) at {broker.bootstrap}")
            return True
        raise BrokerError(
            f"broker pid {pid} runs but does not answer at {broker.bootstrap}; see {files.log}, "
            "then `scheduling-worker kafka down` and `kafka up` again"
        )
    if not probe.port_open(broker.host, broker.port):
        return False
    if probe.answers(config):
        say(f"a Kafka broker not started from {files.home} answers at {broker.bootstrap}: using it")
        return True
    raise BrokerError(f"{broker.bootstrap} is taken by another program: stop it or set broker.port")


def _start(broker: BrokerSettings, files: BrokerFiles, say: Say) -> None:
    java = require_java()
    jars = ensure_jars(broker, say)
    write_config(broker, files)
    if format_storage_once(java, jars, files):
        say(f"formatted new KRaft storage in {files.data}")
    started = time.monotonic()
    pid = process.start(java, jars, broker, files)
    say(f"starting Kafka {broker.kafka_version} (pid {pid}, log {files.log}) ...")
    alive = lambda: process.running_pid(files) == pid  # noqa: E731
    config = _local_admin(broker)
    if probe.wait_until(lambda: probe.answers(config), alive, broker.start_timeout_s):
        say(f"broker ready at {broker.bootstrap} after {time.monotonic() - started:.1f}s")
        return
    exited = not alive()
    if not exited:
        process.stop(pid, files, broker.stop_timeout_s)
    reason = "exited" if exited else f"did not answer within {broker.start_timeout_s:.0f}s and was stopped"
    raise BrokerError(f"the broker {reason}; last lines of its output:\n{_tail(files)}")


def _local_admin(broker: BrokerSettings) -> dict[str, str | int | bool | float]:
    # The local broker speaks PLAINTEXT only, whatever security the clients are configured with.
    return {"bootstrap.servers": broker.bootstrap}


def _tail(files: BrokerFiles, lines: int = 15) -> str:
    parts = []
    for path in (files.console, files.log):
        if path.is_file():
            text = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {path}\n" + "\n".join(text))
    return "\n".join(parts) or "(no output)"


@contextmanager
def _exclusive(files: BrokerFiles) -> Iterator[None]:
    """Two `kafka up` at once (parallel test sessions) must not start two brokers on one directory."""
    files.home.mkdir(parents=True, exist_ok=True)
    with files.lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
