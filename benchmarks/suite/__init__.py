"""The fanzha benchmark suite, run by `benchmarks/run.py`; see benchmarks/README.md.

Every module imports only the standard library at module level (heavy modules are imported inside the
functions), so the memory child process, which loads this package too, starts from a clean interpreter.
"""
