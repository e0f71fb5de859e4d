"""The tests' local Ray listens on loopback only, like every other server the tests start."""

import ray


def test_the_local_ray_is_on_loopback(ray_local: None) -> None:
    assert ray.get_runtime_context().gcs_address.startswith("127.0.0.1:")
