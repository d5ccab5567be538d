"""The confidence of a dated statement: features of the reading and the
calibrated model that turns them into a probability.

Inference only (pure, no learning library); the model is fitted by
``evaluation/statement_confidence.py`` and stored in
``extractors/data/statement_confidence.json``.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from extractors.event_rules import FRAME_VERBS
from extractors.types import DateMention


def confidence_features(
    trigger: Token | None, by_parse: bool, date: DateMention, subject_named: bool, participants: int, n_dates: int
) -> dict[str, float]:
    """Simple, inspectable features of a statement; the calibrated model
    (extractors/data/statement_confidence.json) turns them into a probability
    that the statement is a real dated statement with the right date."""
    sent = trigger.sent if trigger is not None else None
    words = sum(1 for t in sent if not t.is_punct) if sent is not None else 0
    return {
        "trigger_verb": float(trigger is not None and trigger.pos_ == "VERB"),
        "trigger_noun": float(trigger is not None and trigger.pos_ == "NOUN"),
        "trigger_frame": float(trigger is not None and trigger.lemma_.lower() in FRAME_VERBS),
        "by_parse": float(by_parse),
        "past_tense": float(trigger is not None and (trigger.tag_ in ("VBD", "VBN")
                                                     or any(c.tag_ in ("VBD",) and c.dep_ in ("aux", "auxpass")
                                                            for c in trigger.children))),
        "anchored": float(date.anchored),
        "day": float(date.precision == "day"),
        "month": float(date.precision == "month"),
        "year": float(date.precision == "year"),
        "role_point": float(date.role == "point"),
        "subject_named": float(subject_named),
        "participants": float(min(participants, 4)) / 4,
        "short_sentence": float(words < 8),
        "log_words": math.log1p(words) / 4,
        "dates_in_sentence": float(min(n_dates, 5)) / 5,
        "sentence_ends": float(sent is not None and sent.text.rstrip().endswith((".", "!", '"', "”", ")"))),
    }


CONFIDENCE_FEATURES = (
    "trigger_verb", "trigger_noun", "trigger_frame", "by_parse", "past_tense", "anchored", "day", "month", "year",
    "role_point", "subject_named", "participants", "short_sentence", "log_words", "dates_in_sentence", "sentence_ends",
)


@lru_cache(maxsize=1)
def _calibration() -> dict | None:
    path = Path(__file__).with_name("data") / "statement_confidence.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def calibrated_confidence(features: dict[str, float], model: dict | None = None) -> float:
    """P(real dated statement with the right date | features), from a logistic
    model fitted on the labelled dev pages (cross-validated by site; see
    evaluation/statement_confidence.py). Without the model file: 0.5."""
    model = model if model is not None else _calibration()
    if not model:
        return 0.5
    z = model["intercept"] + sum(w * features.get(k, 0.0) for k, w in model["weights"].items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)
