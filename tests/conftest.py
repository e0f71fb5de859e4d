"""Shared test setup: each real dependency has its own fixture module."""

import os

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
