"""Where user state lives between activations: versioned rows, one per user."""

from actors.store.base import Save, StaleStateError, StateStore, StoredState, StoreError
from actors.store.open import open_store

__all__ = ["Save", "StaleStateError", "StateStore", "StoreError", "StoredState", "open_store"]
