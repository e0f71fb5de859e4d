"""Root of the errors the command line reports as a one-line message instead of a traceback.

Each error's message names what failed and what to do about it.
"""


class IngestError(Exception):
    """An expected failure at the Kafka edge: bad settings, an unreachable broker, a topic mismatch."""
