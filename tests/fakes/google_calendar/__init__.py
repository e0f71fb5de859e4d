"""A stateful fake of the Google Calendar API v3 and Google's OAuth token endpoint, for tests."""

from .errors import ApiError
from .faults import fault
from .oauth import Grant
from .server import FakeClock, FakeGoogleCalendar

__all__ = ["ApiError", "FakeClock", "FakeGoogleCalendar", "Grant", "fault"]
