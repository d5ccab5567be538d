"""Light language guess (ISO 639-1) of a clean text, without any model download.

Scripts decide first (kana -> ja, hangul -> ko, han -> zh, arabic, hebrew,
greek, thai, devanagari, cyrillic with a ru/uk/bg split); Latin-script text
is scored against short stopword profiles of the common European languages.
Returns None when the text is too short or no profile stands out.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in is that for it was on with as be by this are at from or have an "
        "not which but they were his her has their we you will would been can there its also",
        "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
        "auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über "
        "so zum war haben nur oder aber vor zur bis mehr durch",
        "fr": "le la les de des et en un une du est que qui dans pour pas sur au par plus avec ce "
        "il ne se sont a aux son sa ses ou elle nous vous leur cette mais été être fait comme",
        "es": "el la los las de del y en que un una por con para es se no su al lo como más pero "
        "sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también me hasta hay "
        "donde",
        "it": "il la di che e è un una per non in con del della le i gli dei delle da si sono al "
        "alla nel nella ma come anche più questo questa lo ha essere stato tra o se",
        "pt": "o a os as de do da dos das e em um uma para com não por que se na no mais como mas "
        "foi ao à pelo pela ser está são tem seu sua ou quando muito já também entre",
        "nl": "de het een en van in is dat op te zijn met voor niet aan er om ook als dan maar bij "
        "of uit nog wel naar kan door worden deze tot hij ze wordt zich dit",
        "sv": "och i att det som en på är av för med till den har de inte om ett men var jag sig "
        "från vi så kan man när år också efter under eller detta",
        "da": "og i at det er en til på af med for den som de har ikke der et var fra vil kan men "
        "også efter om sig blev når eller dette hvor skal",
        "no": "og i det er som en til på av med for at den har de ikke var et fra vil kan men også "
        "etter om seg ble når eller dette hvor skal",
        "fi": "ja on ei se että oli hän ovat mutta myös kuin tai joka sen niin jo kun vain ole "
        "olla ovat mukaan sekä voi",
        "pl": "i w na z się nie do to że jest o jak po co ale od za przez dla tak jego są czy już "
        "może jej oraz było lub także",
        "cs": "a v se na je že s z do to o jako by k ve pro ale i jsou tak jeho které podle také "
        "už byl",
        "tr": "ve bir bu da de için ile olarak çok daha gibi olan en ama kadar sonra ya her ne "
        "var değil",
        "id": "dan yang di ke dari ini itu dengan untuk tidak dalam akan pada juga ada adalah "
        "oleh atau sudah karena bisa",
        "ro": "și în de la a cu o un pe care din se nu că este pentru sau mai ca au fost sunt",
        "hu": "a az és hogy nem is egy meg de van ez csak már el volt mint még ki fel",
    }.items()
}

# A page guessed to be in another language is stored but not read (entities and
# dates are read in English only), so another language needs evidence: this many
# of its stopwords (two sentences of German, Spanish or French news have 6 to 9),
# and this many times English's. A short product card ("Men's Quarter Socks ...
# for ... men") has 4 Danish hits to English's 3; French and Indonesian pages have
# 100s, with English under a fifth of them.
MIN_OTHER_HITS = 5
OTHER_OVER_ENGLISH = 2.0

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
)


def guess_language(text: str, sample_chars: int = 20_000) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    if not text:
        return None
    sample = text[:sample_chars]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < 20:
        return None
    counts = {lang: len(pattern.findall(sample)) for lang, pattern in _SCRIPTS}
    if counts["ja"] > 0.05 * letters:
        return "ja"
    best_script, best_count = max(counts.items(), key=lambda kv: kv[1])
    if best_count > 0.3 * letters:
        if best_script == "ru":
            if re.search(r"[іїєґ]", sample):
                return "uk"
            if re.search(r"\b(?:на|за|от|се|са|да)\b", sample) and not re.search(r"[ыэ]", sample):
                return "bg"
            return "ru"
        return best_script
    # One-letter words are left out: "a", "i", "v", "s", "k", "o" are stopwords of several
    # languages and also what lists of codes, units and initials are made of ("1h 54m",
    # "v2", "S. Smith"), which read as Czech or Polish on English product and chart pages.
    words = Counter(w.lower() for w in _WORD.findall(sample) if len(w) > 1)
    total = sum(words.values())
    if total < 5:
        return None
    hits = {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    lang, best = max(hits.items(), key=lambda kv: kv[1])
    if best / total < 0.05:
        return None
    if lang != "en" and (best < MIN_OTHER_HITS or best < OTHER_OVER_ENGLISH * hits["en"]):
        return None  # too little to set an English-looking page aside (it would not be read)
    return lang
