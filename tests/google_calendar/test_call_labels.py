"""EXTERNAL_API_CALL metrics carry the spec's `method` and `statusCode` of the last Google answer."""

from __future__ import annotations

import pytest

from actors.google_calendar import CalendarCalls, UserCalendar
from actors.google_calendar.errors import CalendarApiError
from actors.host import ShardHost
from tests.fakes.google_calendar import FakeGoogleCalendar, fault
from tests.google_calendar.wiring import habits_item, label, run


def test_the_last_answer_gives_method_and_status(
    calendar: UserCalendar, calls: CalendarCalls, fake: FakeGoogleCalendar
) -> None:
    assert calls.http_labels() == {}
    calendar.execute(calendar.events().list(calendarId="primary"), "list events")
    assert calls.http_labels() == {"method": "GET", "statusCode": 200}

    fake.faults.push(fault(404, "notFound"))
    with pytest.raises(CalendarApiError):
        calendar.execute(calendar.events().delete(calendarId="primary", eventId="gone"), "delete event")
    assert calls.http_labels() == {"method": "DELETE", "statusCode": 404}


def test_a_write_back_metric_carries_the_last_requests_method_and_status(host: ShardHost) -> None:
    (result,) = run(host, habits_item(days=3))

    assert result.ok, result.reason
    assert label(result, "writes") == 3 and label(result, "statusCode") == 200
    assert label(result, "method") == "POST"  # the last of its three writes: an insert
