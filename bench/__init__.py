"""Benchmarks: a synthetic-corpus generator and the measurements behind ``make bench``."""
