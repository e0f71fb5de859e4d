"""`scheduling-worker run`: start the worker on Ray, print a status line, stop cleanly on a signal."""

from __future__ import annotations

import argparse
import signal
import threading
import time
from types import FrameType

import ray

from ingest.local_ray import connect_ray
from ingest.pipeline_topics import create_pipeline_topics
from ingest.settings import Settings
from ingest.worker import Worker


def _say(text: str) -> None:
    print(text, flush=True)


def with_overrides(settings: Settings, args: argparse.Namespace) -> Settings:
    """The settings with the command line's choices applied on top (those `args` has). A host count
    asks for host actors of their own: hosts inside the ingest actors number as many as those."""
    hosts = getattr(args, "hosts", None)
    actors = settings.actors.model_copy(update={"hosts": hosts} if hosts else {})
    pipeline_update = {
        "ingest_actors": getattr(args, "ingest_actors", None),
        "status_interval_s": getattr(args, "status_every", None),
    }
    pipeline = settings.pipeline.model_copy(
        update={k: v for k, v in pipeline_update.items() if v} | ({"hosts_in_ingest": False} if hosts else {})
    )
    store = getattr(args, "store_url", None) or settings.store_url
    return settings.model_copy(update={"actors": actors, "pipeline": pipeline, "store_url": store})


def run_worker(args: argparse.Namespace, settings: Settings) -> int:
    settings = with_overrides(settings, args)
    if args.create_topics:
        for line in create_pipeline_topics(settings).lines():
            _say(f"topics: {line}")
    started_ray = connect_ray()
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        _say(f"{signal.Signals(signum).name}: draining in-flight work, then stopping")
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    worker = Worker.start(settings)
    hosts, ingest = worker.host_count, len(worker.ingest)
    _say(f"running: {ingest} ingest actors, {hosts} hosts, Ray at {ray.get_runtime_context().gcs_address}")
    try:
        watch(worker, stop, settings.pipeline.status_interval_s)
    finally:
        _say(f"stopped: {worker.stop().line()}")
        if started_ray:
            ray.shutdown()
    return 0


def watch(worker: Worker, stop: threading.Event, every: float) -> None:
    """A status line every `every` seconds; ingest actors that died are replaced."""
    before, then = 0, time.monotonic()
    while not stop.wait(every):
        for note in worker.watch():
            _say(note)
        stats, now = worker.stats(), time.monotonic()
        _say(f"{stats.line()}  rate {(stats.done - before) / (now - then):.0f}/s")
        before, then = stats.done, now
