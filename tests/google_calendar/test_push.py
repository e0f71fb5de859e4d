"""Push channels end to end: Google's notification reaches the endpoint, which enqueues a sync."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from actors.google_calendar import (
    Horizon,
    MemoryChannelStore,
    PushReceiver,
    UserCalendar,
    due_for_renewal,
    open_channel,
    renew,
    stop_user,
    sync,
)
from tests.fakes.google_calendar import FakeGoogleCalendar
from tests.google_calendar.support import UserHands, at

Enqueued = list[tuple[str, str, str]]


@pytest.fixture
def enqueued() -> Enqueued:
    return []


@pytest.fixture
def store() -> MemoryChannelStore:
    return MemoryChannelStore()


@pytest.fixture
def receiver(store: MemoryChannelStore, enqueued: Enqueued) -> Iterator[PushReceiver]:
    def enqueue(user_id: str, calendar_id: str, reason: str) -> None:
        if user_id == "broken-queue":
            raise RuntimeError("the producer is down")
        enqueued.append((user_id, calendar_id, reason))

    server = PushReceiver(store, enqueue).start()
    yield server
    server.stop()


def post(url: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=b"", headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return int(refused.code)


def test_a_push_notification_enqueues_a_sync_that_sees_the_change(
    calendar: UserCalendar,
    fake: FakeGoogleCalendar,
    receiver: PushReceiver,
    store: MemoryChannelStore,
    enqueued: Enqueued,
    user: UserHands,
    horizon: Horizon,
) -> None:
    first = sync(calendar, None, horizon)
    channel = open_channel(calendar, store, "user-42", receiver.url)
    assert fake.channels.channels[channel.channel_id].messages == 1 and enqueued == []  # "sync" ignored

    user.add("new meeting", at(1, 10), at(1, 11))
    assert fake.channels.notify_calendar(user.account) == [200]

    assert enqueued == [("user-42", "primary", f"push exists #2 on channel {channel.channel_id}")]
    changes = sync(calendar, first.next_sync_token, horizon)
    assert [e.summary for e in changes.upserts] == ["new meeting"]


def test_forged_or_unknown_notifications_are_refused_without_enqueueing(
    calendar: UserCalendar, receiver: PushReceiver, store: MemoryChannelStore, enqueued: Enqueued
) -> None:
    channel = open_channel(calendar, store, "user-42", receiver.url)
    genuine = {
        "X-Goog-Channel-ID": channel.channel_id,
        "X-Goog-Channel-Token": channel.token.get_secret_value(),
        "X-Goog-Resource-ID": channel.resource_id,
        "X-Goog-Resource-State": "exists",
        "X-Goog-Message-Number": "9",
    }

    assert post(receiver.url, {**genuine, "X-Goog-Channel-Token": "guess"}) == 403
    assert post(receiver.url, {**genuine, "X-Goog-Resource-ID": "other"}) == 403
    assert post(receiver.url, {**genuine, "X-Goog-Channel-ID": "not-ours"}) == 404
    assert post(receiver.url, {k: v for k, v in genuine.items() if k != "X-Goog-Channel-ID"}) == 400
    assert enqueued == []
    assert post(receiver.url, genuine) == 200 and len(enqueued) == 1


def test_a_failing_queue_answers_503_so_google_retries(
    calendar: UserCalendar, fake: FakeGoogleCalendar, receiver: PushReceiver, store: MemoryChannelStore
) -> None:
    channel = open_channel(calendar, store, "broken-queue", receiver.url)

    assert fake.channels.notify(channel.channel_id) == 503


def test_channels_are_renewed_before_expiry_and_stopped_on_disconnect(
    calendar: UserCalendar,
    fake: FakeGoogleCalendar,
    receiver: PushReceiver,
    store: MemoryChannelStore,
    enqueued: Enqueued,
) -> None:
    old = open_channel(calendar, store, "user-42", receiver.url, ttl=timedelta(days=2))
    now = datetime.now(UTC)
    assert due_for_renewal(store, now) == []
    assert due_for_renewal(store, now + timedelta(days=1, hours=1)) == [old]

    fresh = renew(calendar, store, old)

    assert [c.channel_id for c in store.all()] == [fresh.channel_id] == list(fake.channels.channels)
    assert fresh.expires_at > old.expires_at and fake.channels.notify(old.channel_id) is None
    assert stop_user(calendar, store, "user-42") == 1
    assert store.all() == [] and fake.channels.channels == {}
    assert fake.channels.notify(fresh.channel_id) is None and enqueued == []


def test_an_expired_channel_delivers_nothing(
    calendar: UserCalendar, fake: FakeGoogleCalendar, receiver: PushReceiver, store: MemoryChannelStore
) -> None:
    channel = open_channel(calendar, store, "user-42", receiver.url, ttl=timedelta(hours=1))
    fake.clock.advance(3601)

    assert fake.channels.notify(channel.channel_id) is None
