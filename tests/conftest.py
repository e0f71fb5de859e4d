"""Shared test setup: each real dependency has its own fixture module."""

import os

# Ray swaps 127.0.0.1 for the machine's outward address unless it is told the cluster is this one
# machine; read when ray is first imported, so it is set before any test module imports it.
# The tests' traffic then stays on loopback.
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")

from hypothesis import settings

pytest_plugins = [
    "tests.fixtures.kafka",
    "tests.fixtures.postgres",
    "tests.fixtures.ray_local",
]

# Property tests share two cores with a broker, Ray and PostgreSQL: a per-example deadline would fail
# on load, not on a defect. In CI the examples are derived from the test, so a red run reproduces.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
