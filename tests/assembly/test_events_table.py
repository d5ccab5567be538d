"""The events table: its columns as the contract (docs/tables.md) states them."""

from datetime import date

from assembly.tables import events_table
from tests.facts.sample_events import entity_id, event


def test_the_reporter_has_its_own_columns_and_stays_out_of_the_participants():
    ev = event("Sales rose in 2019, Acme said.", date(2019, 1, 1), trigger="rise", participants=(),
               reported_by=("Acme",), reported_by_ids=(entity_id("Acme"),))
    (row,) = events_table([ev], {}).to_pylist()
    assert row["reported_by"] == ["Acme"] and row["reported_by_ids"] == ["ent_acme"]
    assert row["participants"] == [] and row["participant_ids"] == []
