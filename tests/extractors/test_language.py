"""Language guess of clean text."""

from __future__ import annotations

import pytest

from extractors.language import guess_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("NATO and New Zealand have been engaged in dialogue and cooperation since 2001, with which the alliance works.", "en"),
        ("Die Brücke über die Förde wurde nach zwei Jahren für den Verkehr freigegeben, und sie ist nicht mehr gesperrt.", "de"),
        ("Le pont a été rouvert à la circulation après deux ans de travaux sur les câbles et la chaussée de la ville.", "fr"),
        ("El puente fue reabierto al tráfico después de dos años de obras en los cables y en la calzada de la ciudad.", "es"),
        ("東京都は本日、新しい公園の開園を発表しました。公園には桜の木が千本植えられています。", "ja"),
        ("Мост был снова открыт для движения после двух лет ремонта тросов и дорожного полотна.", "ru"),
    ],
)
def test_guess_language(text: str, lang: str) -> None:
    assert guess_language(text) == lang


def test_too_little_text_is_unknown() -> None:
    assert guess_language("") is None
    assert guess_language("OK 42") is None


def test_lists_of_codes_and_units_are_not_read_as_czech() -> None:
    # One-letter tokens ("v", "s", "a", "k") are Czech stopwords; an English chart made of them is not Czech.
    chart = "\n".join(f"#{i} Some Film Title {2025 + i % 2} 1h {40 + i}m PG-13 v {i}.{i} s a k"
                      for i in range(1, 26))
    assert guess_language(chart + "\nThe most popular movies of the week, as rated by users.") in ("en", None)


def test_a_short_english_card_is_not_set_aside_as_another_language() -> None:
    card = "Men's Quarter Socks. Color: white. Build a Pack and Save on four. Shop all men's socks for men."
    assert guess_language(card) in ("en", None)


@pytest.mark.parametrize(("text", "lang"), [
    ("Die Stadt hat am Montag die neue Brücke eröffnet. Der Bürgermeister sprach von einem großen Tag.", "de"),
    ("El gobierno anunció el lunes un nuevo plan. La ministra dijo que las obras empiezan en marzo.", "es"),
])
def test_two_sentences_of_another_language_are_enough(text: str, lang: str) -> None:
    assert guess_language(text) == lang


def test_another_language_needs_evidence_beyond_a_few_shared_words() -> None:
    text = ("Le pont a été rouvert à la circulation après deux ans de travaux sur les câbles et la chaussée "
            "de la ville. Les habitants sont contents et la mairie dit que le chantier est fini pour cette année.")
    assert guess_language(text) == "fr"
