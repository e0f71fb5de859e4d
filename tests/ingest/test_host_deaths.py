"""Host deaths per command: lost commands go alone from the second death, and one that keeps killing
its host alone fails for the dead letters."""

from __future__ import annotations

from ingest.host_deaths import KILLER_AFTER, SOLO_AFTER, HostDeaths
from tests.ingest.test_host_lane import items


def test_lost_commands_are_suspected_from_the_second_death() -> None:
    deaths = HostDeaths()
    lost = [items("a", "b"), items("c")]
    assert deaths.died(lost) == []
    assert not deaths.suspected(lost)
    for _ in range(SOLO_AFTER - 1):
        deaths.died(lost)
    assert deaths.suspected(lost)


def test_only_deaths_alone_make_a_killer_and_its_result_says_what_to_do() -> None:
    deaths = HostDeaths()
    (killer,) = items("k")
    for _ in range(KILLER_AFTER + 2):
        assert deaths.died([items("k", "x")]) == []  # never alone: not blamed
    for _ in range(KILLER_AFTER - 1):
        assert deaths.died([[killer]]) == []
    assert deaths.died([[killer]]) == [killer]
    result = deaths.crashed(killer)
    assert (result.task_id, result.error_class) == ("k", "HostCrashed")
    assert "replay this command from the dead letters" in (result.reason or "")
    assert not deaths.suspected([[killer]])  # forgotten once answered


def test_answered_commands_are_forgotten() -> None:
    deaths = HostDeaths()
    lost = [items("a")]
    for _ in range(SOLO_AFTER):
        deaths.died(lost)
    deaths.forget(lost[0])
    assert not deaths.suspected(lost)
