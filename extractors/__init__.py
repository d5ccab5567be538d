"""Per-document understanding, pure and I/O-free: page decoding and
boilerplate removal, page metadata, entities, temporal expressions, events."""
