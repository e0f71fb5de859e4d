"""The fake itself, through the real client: the Google semantics the adapter relies on."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import datetime
from typing import Any

import pytest
from googleapiclient.errors import HttpError

from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.support import UserHands, at, when

Service = Any


@pytest.fixture
def service(calendar: Any) -> Service:
    return calendar.service


def status_of(request: Any) -> int:
    with pytest.raises(HttpError) as raised:
        request.execute()
    return int(raised.value.resp.status)


def test_paging_gives_the_sync_token_on_the_last_page_only(service: Service, user: UserHands) -> None:
    for hour in range(9, 14):
        user.add(f"slot {hour}", at(0, hour), at(0, hour + 1))
    pages, token = [], None
    while True:
        page = service.events().list(calendarId="primary", maxResults=2, pageToken=token).execute()
        pages.append(page)
        token = page.get("nextPageToken")
        if token is None:
            break
    assert [len(p["items"]) for p in pages] == [2, 2, 1]
    assert ["nextSyncToken" in p for p in pages] == [False, False, True]


def test_etags_guard_updates_and_deletes(service: Service, user: UserHands) -> None:
    event = user.add("talk", at(0, 9), at(0, 10))
    patch = service.events().patch(calendarId="primary", eventId=event["id"], body={"summary": "Talk!"})
    patch.headers["If-Match"] = event["etag"]
    changed = patch.execute()
    assert changed["etag"] != event["etag"] and changed["start"] == event["start"]

    stale = service.events().update(calendarId="primary", eventId=event["id"], body=event)
    stale.headers["If-Match"] = event["etag"]
    assert status_of(stale) == 412
    delete = service.events().delete(calendarId="primary", eventId=event["id"])
    assert delete.execute() == ""
    assert status_of(service.events().delete(calendarId="primary", eventId=event["id"])) == 410


def test_unexpanded_listing_shows_series_and_cancelled_exceptions(service: Service, user: UserHands) -> None:
    series = user.add("run", at(0, 6), at(0, 7), recurrence=["RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3"])
    user.delete(f"{series['id']}_20300109T060000Z")
    user.move(f"{series['id']}_20300111T060000Z", at(4, 18), at(4, 19))

    plain = service.events().list(calendarId="primary").execute()["items"]
    expanded = service.events().list(calendarId="primary", singleEvents=True).execute()["items"]

    assert sorted(e.get("status") for e in plain) == ["cancelled", "confirmed", "confirmed"]
    starts = [datetime.fromisoformat(e["start"]["dateTime"]) for e in expanded]
    assert starts == [at(0, 6), at(4, 18)]


def test_weekly_rule_keeps_local_time_across_daylight_saving(service: Service, user: UserHands) -> None:
    # Berlin moves from +01:00 to +02:00 on Sunday 2030-03-31.
    start = {"dateTime": "2030-03-25T09:00:00+01:00", "timeZone": "Europe/Berlin"}
    end = {"dateTime": "2030-03-25T10:00:00+01:00", "timeZone": "Europe/Berlin"}
    rule = ["RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20300408"]
    user.fake.store.insert(user.account, {"summary": "team", "start": start, "end": end, "recurrence": rule})

    items = service.events().list(calendarId="primary", singleEvents=True).execute()["items"]

    assert [e["start"]["dateTime"] for e in items] == [
        "2030-03-25T09:00:00+01:00",
        "2030-04-01T09:00:00+02:00",
        "2030-04-08T09:00:00+02:00",
    ]
    assert items[1]["id"].endswith("_20300401T070000Z")


def test_private_property_filter_and_sync_token_rules(service: Service, user: UserHands) -> None:
    tags = {"private": {"owner": "worker"}}
    ours = user.add("ours", at(0, 9), at(0, 10), extendedProperties=tags)
    user.add("theirs", at(0, 11), at(0, 12))
    found = service.events().list(calendarId="primary", privateExtendedProperty="owner=worker").execute()
    assert [e["id"] for e in found["items"]] == [ours["id"]]

    token = found["nextSyncToken"]
    clash = service.events().list(calendarId="primary", syncToken=token, timeMin=when(at(0, 0))["dateTime"])
    assert status_of(clash) == 400
    assert status_of(service.events().list(calendarId="primary", syncToken="not-a-token")) == 410


def test_requests_without_a_valid_bearer_get_401(fake: FakeGoogleCalendar, user: UserHands) -> None:
    url = f"{fake.api_endpoint}calendars/primary/events"
    for headers in ({}, {"Authorization": "Bearer made-up"}):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=5)
        assert refused.value.code == 401
        assert "authError" in refused.value.read().decode()


def test_other_accounts_calendars_are_not_found(fake: FakeGoogleCalendar, service: Service) -> None:
    fake.add_account("grace@example.com")
    assert status_of(service.events().list(calendarId="grace@example.com")) == 404
