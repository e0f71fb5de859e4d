"""What a correct run looks like from the outside: read off the output topics, and compared with what the
hosts recorded in the store's outbox for each command."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from actors.store import open_store
from ingest.messages import derive_id
from ingest.sample import SampleRecord
from ingest.settings import Settings
from ingest.tail import Output
from ingest.topics import ANALYTICS_USAGE

Landed = dict[tuple[int, int], SampleRecord]


def split(outputs: list[Output], dead_letter_topic: str) -> tuple[list[Output], list[Output]]:
    results = [o for o in outputs if o.topic != dead_letter_topic]
    return results, [o for o in outputs if o.topic == dead_letter_topic]


def one_outcome_set_each(
    records: list[SampleRecord], outputs: list[Output], dlq: str, landed: Landed
) -> None:
    """Valid commands have result events and no dead letter; malformed ones exactly one dead letter (by
    id: a copy after a restart carries the same id) and nothing else."""
    results, dead = split(outputs, dlq)
    answered = {o.task_id for o in results}
    letters = {o.message_id: landed[(o.body["sourcePartition"], o.body["sourceOffset"])] for o in dead}
    per_task = Counter(record.task_id for record in letters.values())
    valid = {r.task_id for r in records if not r.malformed}
    broken = {r.task_id for r in records if r.malformed}
    assert answered == valid, f"{len(valid - answered)} commands unanswered, {len(answered - valid)} unknown"
    assert set(per_task) == broken, f"dead letters for {sorted(set(per_task) ^ broken)[:5]}"
    twice = sorted(task_id for task_id, count in per_task.items() if count > 1)
    assert not twice, f"more than one dead letter for {twice[:5]}"


def outputs_match_outbox(
    records: list[SampleRecord], outputs: list[Output], dlq: str, store_url: str
) -> None:
    """Each applied command published every output the host recorded for it, and no other: a lost tail
    of a command's outputs leaves no gap in the ids, only a count short of the outbox's."""
    results, _ = split(outputs, dlq)
    published: dict[str, set[str]] = defaultdict(set)
    for output in results:
        published[output.task_id].add(output.message_id)
    store = open_store(store_url)
    try:
        for record in records:
            if record.malformed:
                continue
            applied = store.recall(record.user_id, record.task_id)
            assert applied is not None, f"{record.task_id} has outputs but no outbox row"
            expected = {derive_id(record.task_id, "output", str(i)) for i in range(applied.count)}
            assert published[record.task_id] == expected, (
                f"{record.task_id}: {len(published[record.task_id])} outputs published, "
                f"{applied.count} recorded"
            )
    finally:
        store.close()


def same_ids_same_bytes(outputs: list[Output], dlq: str) -> dict[str, bytes]:
    """Copies of an output (after a restart or a replay) are byte-identical, and no output of a command is
    missing: its message ids are those of positions 0..n-1. Returns each distinct output by id."""
    results, _ = split(outputs, dlq)
    by_id: dict[str, bytes] = {}
    per_command: dict[str, set[str]] = defaultdict(set)
    for output in results:
        assert by_id.setdefault(output.message_id, output.value) == output.value, "a copy differs"
        per_command[output.task_id].add(output.message_id)
    for task_id, ids in per_command.items():
        assert ids == {derive_id(task_id, "output", str(i)) for i in range(len(ids))}, f"{task_id} has gaps"
    return by_id


def user_order_holds(records: list[SampleRecord], outputs: list[Output], dlq: str) -> None:
    """Each user's commands were applied, and published, in the order the user sent them."""
    results, _ = split(outputs, dlq)
    sequence = {r.task_id: r.sequence for r in records}
    applied_at: dict[str, datetime] = {}
    for output in results:
        if not output.topic.startswith(ANALYTICS_USAGE):  # a usage event has the user's own time
            applied_at.setdefault(output.task_id, datetime.fromisoformat(output.body["timestamp"]))
    for user_id, task_ids in _by_user(records).items():
        stamps = [applied_at[t] for t in task_ids if t in applied_at]
        assert stamps == sorted(stamps), f"{user_id}'s commands were applied out of order"
    first_seen: dict[tuple[str, int], list[str]] = defaultdict(list)
    for output in results:
        seen = first_seen[(output.topic, output.partition)]
        if output.task_id not in seen:
            seen.append(output.task_id)
    for seen in first_seen.values():
        last: dict[str, int] = {}
        for task_id in seen:
            user = task_id.rsplit("-", 1)[0]
            assert last.get(user, -1) < sequence[task_id], f"{task_id} published before an earlier command"
            last[user] = sequence[task_id]


def _by_user(records: list[SampleRecord]) -> dict[str, list[str]]:
    users: dict[str, list[str]] = defaultdict(list)
    for record in sorted(records, key=lambda r: r.sequence):
        if not record.malformed:
            users[record.user_id].append(record.task_id)
    return users


def store_metrics_sent(outputs: list[Output], settings: Settings) -> None:
    """The hosts' DB_QUERY_TIME windows arrived among the outputs: saves of the run's store kind, each
    with figures that agree with each other."""
    performance = settings.pipeline.resolved_topics.outputs.performance
    metrics = [o.body for o in outputs if o.topic == performance and o.body["metricType"] == "DB_QUERY_TIME"]
    saves = [m for m in metrics if m["labels"]["endpoint"] == "state_store/save"]
    assert saves, f"no state store metric among {len(outputs)} outputs"
    kind = "sqlite" if settings.store_url.startswith("sqlite") else "postgresql"
    for m in saves:
        labels = m["labels"]
        assert labels["store"] == kind and m["unit"] == "milliseconds"
        assert labels["rows"] >= labels["calls"] > 0
        assert 0 < labels["p50Us"] <= labels["p99Us"] <= labels["maxUs"]
        assert 0 < m["value"] <= labels["maxUs"] / 1000
