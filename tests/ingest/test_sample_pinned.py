"""The default sample is the load the benchmarks, e2e and cluster tests measure: it stays byte for byte.

The digests were taken from the generator before the demo's steady sample was added next to it. A
change here changes every benchmark figure: if one is meant, say so in docs/benchmarks.md and re-measure.
A new command field with a default changes the bytes too, not the load: then take the new digests.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from ingest.sample import SampleRecord, SampleShape, sample_commands

NOW = datetime(2026, 3, 2, 8, 17, 23, 456789, tzinfo=UTC)

PINNED = {
    "default": SampleShape(),
    "bench week": SampleShape(
        users=3, commands_per_user=4, horizon_days=7, meetings=(15, 25), time_limit_ms=1000,
        malformed_every=None, sync_share=0.0, run="warm", user_prefix="warm-ab12cd", seed=11,
    ),
    "bench trivial": SampleShape(
        users=6, commands_per_user=2, malformed_every=None, sync_share=1.0, run="timed", user_prefix="t",
        seed=11,
    ),
    "e2e": SampleShape(
        users=20, commands_per_user=5, horizon_days=1, time_limit_ms=300, malformed_every=37, run="e2e",
        user_prefix="ue2e",
    ),
    "cluster": SampleShape(
        users=12, commands_per_user=3, time_limit_ms=300, malformed_every=None, sync_share=0.0,
        run="cluster", user_prefix="node-user",
    ),
}  # fmt: skip

DIGESTS = {
    "default": "5e20c5d2de61729b482249f037967bdc0b26cdd75f82b07e2c2872a3e6a1c34e",
    "bench week": "8e0d1e09e8c12b699d1656b55d1bb419129c94b45b1d8969beca310ec008d1b4",
    "bench trivial": "688aea7270a353258429a9286dcb6a93a2315d57bed023b20ef0764f9545e70f",
    "e2e": "30c469cfdf5f363dad9bd129a599acd468f1c7a4cfa499131f1d7105eda994ef",
    "cluster": "03471500132047eda0b1dea8c264f905bd59a83705e2ddebefb509ba78d69eba",
}


def digest(records: list[SampleRecord]) -> str:
    sha = hashlib.sha256()
    for r in records:
        fields = (
            r.key,
            r.value,
            r.task_id.encode(),
            r.user_id.encode(),
            b"%d %d" % (r.sequence, r.malformed),
        )
        sha.update(b"\0".join(fields) + b"\n")
    return sha.hexdigest()


@pytest.mark.parametrize("name", sorted(PINNED))
def test_the_default_sample_is_unchanged(name: str) -> None:
    assert digest(sample_commands(PINNED[name], NOW)) == DIGESTS[name]


def test_steady_is_off_by_default_and_a_steady_sample_differs() -> None:
    default = SampleShape()
    assert not default.steady
    assert digest(sample_commands(SampleShape(steady=True), NOW)) != DIGESTS["default"]
