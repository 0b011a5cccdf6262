"""The pieces of `benchmarks/run.py`: databases, terminal timing, query counts, commands, the report."""
