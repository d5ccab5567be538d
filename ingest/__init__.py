"""Ingest: the sources file and fetching pages (local files, http/https)."""
