"""Stateful fakes of external systems, served on 127.0.0.1 for the tests to talk to."""
