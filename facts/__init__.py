"""Cross-document reasoning over extracted statements: the fact model, stable
ids, truth discovery, reconciliation and diffs. Pure: no I/O, no Prefect."""
