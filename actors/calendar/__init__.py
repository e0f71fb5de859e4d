"""SYNC_CALENDAR: the Google Calendar edge wired into the user actors (docs/google-calendar.md)."""
