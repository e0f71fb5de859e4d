"""`ray job submit` of the worker, run in a process of its own (`python -m tests.cluster.job_scenario DIR`).

A Ray head with its dashboard (the job server) on loopback (`ray.cluster_utils.Cluster`); the worker is
submitted to it as the docs say, `scheduling-worker run --create-topics` with its settings in the job's
environment; a sample goes through it; `ray job stop` then ends it. Prints one JSON line: the job's
final status, its log, and what the output topics and the group's offsets show. The Kafka bootstrap
comes from `SCHEDULING_WORKER_KAFKA__BOOTSTRAP_SERVERS`, as it does for the job.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from ray.cluster_utils import Cluster
from ray.job_submission import JobStatus, JobSubmissionClient

from ingest.pipeline_topics import delete_pipeline_topics
from ingest.sample import SampleShape, sample_commands
from ingest.settings import Settings
from tests.e2e import checks
from tests.e2e.harness import outputs, produce, wait_committed
from tests.ports import free_port

LOOPBACK = "127.0.0.1"
BOOTSTRAP = "SCHEDULING_WORKER_KAFKA__BOOTSTRAP_SERVERS"
USERS, COMMANDS = 8, 3
TERMINAL = {JobStatus.STOPPED, JobStatus.SUCCEEDED, JobStatus.FAILED}


def job_env(folder: Path) -> dict[str, str]:
    """The worker's settings for the job: topics, group and actor names of its own, short solves."""
    tag = uuid.uuid4().hex[:8]
    return {
        BOOTSTRAP: os.environ[BOOTSTRAP],
        "SCHEDULING_WORKER_STORE_URL": f"sqlite:///{folder / 'state.sqlite3'}",
        "SCHEDULING_WORKER_PIPELINE__TOPIC_SUFFIX": f".job-{tag}",
        "SCHEDULING_WORKER_PIPELINE__GROUP_ID": f"job-{tag}",
        "SCHEDULING_WORKER_PIPELINE__NAME_PREFIX": f"job-ingest-{tag}",
        "SCHEDULING_WORKER_PIPELINE__COMMIT_INTERVAL_S": "0.2",
        "SCHEDULING_WORKER_PIPELINE__STATUS_INTERVAL_S": "1",
        "SCHEDULING_WORKER_ACTORS__NAME_PREFIX": f"job-host-{tag}",
        "SCHEDULING_WORKER_ACTORS__HOSTS": "1",
        "SCHEDULING_WORKER_ACTORS__SOLVER__TIME_LIMIT_S": '{"HIGH": 0.3, "NORMAL": 0.3, "LOW": 0.3}',
        # `ray job stop` kills the job this long after its SIGTERM: the drain needs more than 3 s.
        "RAY_JOB_STOP_WAIT_TIME_S": "60",
    }


def wait_for(what: str, check: Callable[[], bool], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise TimeoutError(f"{what} after {timeout_s}s")


def main(folder: Path) -> dict[str, object]:
    dashboard = free_port()
    cluster = Cluster(
        initialize_head=True,
        head_node_args={
            "num_cpus": 2,
            "node_ip_address": LOOPBACK,
            "include_dashboard": True,
            "dashboard_host": LOOPBACK,
            "dashboard_port": dashboard,
            # The test session's own Ray runs beside this one: no port of its agents may be shared.
            "dashboard_agent_listen_port": free_port(),
        },
    )
    env = job_env(folder)
    os.environ.update(env)
    settings = Settings()
    try:
        client = JobSubmissionClient(f"http://{LOOPBACK}:{dashboard}")
        worker = Path(sys.executable).parent / "scheduling-worker"
        job = client.submit_job(entrypoint=f"{worker} run --create-topics", runtime_env={"env_vars": env})
        wait_for("the job never said it was running", lambda: "running:" in client.get_job_logs(job), 180)
        shape = SampleShape(
            users=USERS, commands_per_user=COMMANDS, time_limit_ms=300, malformed_every=None,
            run="job", user_prefix=f"job-user-{uuid.uuid4().hex[:6]}",
        )  # fmt: skip
        records = sample_commands(shape, datetime.now(UTC))
        landed = produce(settings, records)
        wait_committed(settings, 120)  # every command's outputs acked, then committed
        client.stop_job(job)
        wait_for("the job never stopped", lambda: client.get_job_status(job) in TERMINAL, 90)
        dlq = settings.pipeline.resolved_topics.outputs.dead_letter
        read = outputs(settings)
        checks.one_outcome_set_each(records, read, dlq, landed)
        return {
            "status": client.get_job_status(job).value,
            "log": client.get_job_logs(job),
            "commands": len(records),
            "answered": len({o.task_id for o in read if o.topic != dlq}),
        }
    finally:
        delete_pipeline_topics(settings)
        cluster.shutdown()


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
