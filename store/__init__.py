"""Storage: the raw snapshot store and the curated table store. All writes
are atomic (temp file, then rename)."""
