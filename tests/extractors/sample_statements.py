"""Dated statements of a text for the extractor tests, through the real model, counted from one fetch day."""

from __future__ import annotations

from datetime import date

from tests.support import read_statements


def statements(text, models, anchor=date(2018, 9, 12)):
    return read_statements(text, models, anchor)
