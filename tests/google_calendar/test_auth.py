"""OAuth through the real google-auth library: refreshes, revoked grants, wrong clients."""

from __future__ import annotations

import pytest

from actors.google_calendar import (
    BreakerState,
    CalendarApiError,
    CircuitBreaker,
    GoogleCalendarSettings,
    Horizon,
    OAuthGrant,
    ReconnectNeeded,
    UserCalendar,
    connect,
    sync,
)
from tests.fakes.google_calendar import FakeGoogleCalendar, Grant, fault
from tests.google_calendar.support import FakeTime


def test_an_expired_access_token_is_refreshed_transparently(
    calendar: UserCalendar, fake: FakeGoogleCalendar, horizon: Horizon
) -> None:
    sync(calendar, None, horizon)
    fake.oauth.expire_access_tokens()  # Google forgets the token early; the client still trusts it

    sync(calendar, None, horizon)

    assert fake.oauth.refreshes == 2


def test_a_401_that_survives_a_token_refresh_is_not_retried(
    calendar: UserCalendar, fake: FakeGoogleCalendar, clock: FakeTime, horizon: Horizon
) -> None:
    fake.faults.push(fault(401, "authError"), times=3)  # the library refreshes twice on 401s, then gives up

    with pytest.raises(CalendarApiError) as raised:
        sync(calendar, None, horizon)

    assert raised.value.status == 401 and not raised.value.retryable
    assert fake.faults.served == 3 and fake.oauth.refreshes == 3 and clock.sleeps == []


def test_a_revoked_grant_asks_for_reconnection_and_is_never_retried(
    fake: FakeGoogleCalendar,
    google_grant: Grant,
    calendar: UserCalendar,
    clock: FakeTime,
    breaker: CircuitBreaker,
    horizon: Horizon,
) -> None:
    fake.oauth.revoke(google_grant.refresh_token)

    with pytest.raises(ReconnectNeeded) as raised:
        sync(calendar, None, horizon)

    assert not raised.value.retryable and clock.sleeps == [] and fake.requests == 0
    assert breaker.state is BreakerState.CLOSED
    assert google_grant.refresh_token not in str(raised.value)


def test_a_wrong_client_is_a_final_error_not_a_reconnect(
    grant: OAuthGrant, settings: GoogleCalendarSettings, calendar: UserCalendar, horizon: Horizon
) -> None:
    wrong_client = grant.model_copy(update={"client_id": "someone-else"})
    with pytest.raises(CalendarApiError) as refused:
        sync(connect(wrong_client, settings, calendar.calls), None, horizon)
    assert refused.value.reason == "invalid_client" and not refused.value.retryable
