"""The command line's choices on top of the settings: a host count asks for host actors of their own."""

from __future__ import annotations

import argparse

from ingest.run_worker import with_overrides
from ingest.settings import Settings


def test_hosts_live_in_the_ingest_actors_unless_a_host_count_is_given() -> None:
    settings = Settings(store_url="sqlite:///state.sqlite3")
    plain = with_overrides(settings, argparse.Namespace(hosts=None, ingest_actors=3))
    assert plain.pipeline.hosts_in_ingest and plain.pipeline.ingest_actors == 3
    assert plain.actors.hosts == settings.actors.hosts

    apart = with_overrides(settings, argparse.Namespace(hosts=4, store_url="sqlite:///other.sqlite3"))
    assert not apart.pipeline.hosts_in_ingest and apart.actors.hosts == 4
    assert apart.store_url == "sqlite:///other.sqlite3"
