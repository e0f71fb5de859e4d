"""Users to virtual shards to hosts.

A user maps to one of `VIRTUAL_SHARDS` shards by BLAKE2b of the user id. Kafka places the same user by
murmur2 or crc32 of the key; reusing that (crc32 mod hosts) would send every user of one partition, and so
every batch, to one host. Shards map to hosts by rendezvous hashing, so a change in the host count moves
only the shards that must move.
"""

from __future__ import annotations

from functools import lru_cache
from hashlib import blake2b

VIRTUAL_SHARDS = 256


def _hash64(text: str) -> int:
    return int.from_bytes(blake2b(text.encode(), digest_size=8).digest(), "big")


def shard_of(user_id: str) -> int:
    return _hash64(user_id) % VIRTUAL_SHARDS


@lru_cache(maxsize=64)
def shard_table(n_hosts: int) -> tuple[int, ...]:
    """Host index for each virtual shard: the host with the highest hash of (shard, host)."""
    if n_hosts < 1:
        raise ValueError(f"need at least one host, got {n_hosts}")
    return tuple(
        max(range(n_hosts), key=lambda host: _hash64(f"{shard}/{host}")) for shard in range(VIRTUAL_SHARDS)
    )


def host_for(user_id: str, n_hosts: int) -> int:
    return shard_table(n_hosts)[shard_of(user_id)]
