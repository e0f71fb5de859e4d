"""Soft rules, one module each; every helper returns named `Term`s for the objective."""
