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
