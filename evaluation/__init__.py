"""Benchmarks on public datasets: metric code (pure) and runners that read
the datasets' native layouts. Used by ``factwatch eval``."""
