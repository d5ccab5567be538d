"""Table assembly: a run's domain objects (documents, entities, events, facts,
fetch records) turned into the curated Arrow tables, and back (pure: no I/O)."""
