"""Errors of the local broker; each message names what failed and what to do."""

from ingest.errors import IngestError


class BrokerError(IngestError):
    """The local broker could not be fetched, started, reached or stopped."""
