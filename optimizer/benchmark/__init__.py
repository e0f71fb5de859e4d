"""Benchmark parts: measured solves, summarised per family and model; see `optimizer.bench`."""
