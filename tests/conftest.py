"""Shared test setup: each real dependency has its own fixture module."""

pytest_plugins = [
    "tests.fixtures.kafka",
    "tests.fixtures.postgres",
    "tests.fixtures.ray_local",
]
