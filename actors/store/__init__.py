"""Where user state lives between activations: a versioned state row per user, and its outbox rows."""

from actors.store.base import (
    OutboxBounds,
    OutboxRecord,
    Save,
    StaleStateError,
    StateStore,
    StoredState,
    StoreError,
)
from actors.store.open import open_store

__all__ = [
    "OutboxBounds",
    "OutboxRecord",
    "Save",
    "StaleStateError",
    "StateStore",
    "StoreError",
    "StoredState",
    "open_store",
]
