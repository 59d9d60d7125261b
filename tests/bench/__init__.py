"""Benchmarks: one script per figure (`bench_*.py`), run all with `python -m tests.bench`."""
