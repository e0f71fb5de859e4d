"""Users spread over hosts independently of Kafka's partitioner, and host changes move few shards."""

from __future__ import annotations

import zlib
from collections import Counter

from actors.sharding import VIRTUAL_SHARDS, host_for, shard_of, shard_table

USERS = [f"user-{n}" for n in range(6_000)]


def test_mapping_is_stable_and_in_range() -> None:
    # Literal routes: every process (hosts, ingest, other versions during a rolling upgrade) must route
    # a user to the same shard and host, so this must never change. A process-salted hash (`hash()`)
    # or a changed hash function fails here.
    assert [shard_of(u) for u in USERS[:12]] == [113, 136, 200, 53, 181, 209, 52, 153, 112, 22, 130, 92]
    assert [host_for(u, 4) for u in USERS[:12]] == [2, 1, 0, 0, 3, 0, 3, 3, 3, 1, 3, 1]
    assert shard_table(4)[:16] == (1, 2, 2, 2, 2, 3, 3, 1, 3, 3, 2, 0, 2, 2, 2, 1)
    assert {shard_of(u) for u in USERS} <= set(range(VIRTUAL_SHARDS))
    assert set(shard_table(4)) == {0, 1, 2, 3}


def test_users_of_one_kafka_partition_spread_over_every_host() -> None:
    # librdkafka's default partitioner for keyed messages is crc32(key) mod partitions.
    partition_zero = [u for u in USERS if zlib.crc32(u.encode()) % 6 == 0]
    load = Counter(host_for(u, 6) for u in partition_zero)
    assert set(load) == set(range(6))
    assert max(load.values()) < 2 * len(partition_zero) / 6


def test_adding_a_host_moves_only_shards_to_the_new_host() -> None:
    before, after = shard_table(4), shard_table(5)
    moved = [s for s in range(VIRTUAL_SHARDS) if before[s] != after[s]]
    assert all(after[s] == 4 for s in moved)
    assert 0.1 * VIRTUAL_SHARDS < len(moved) < 0.3 * VIRTUAL_SHARDS
