"""Decoding page bytes: declared, wrongly declared and undeclared charsets."""

from __future__ import annotations

import codecs

from extractors.decode import declared_charset, decode_bytes, http_charset, normalize_label
from extractors.rule_switches import rules_off

FRENCH = "Le café de la gare a rouvert ses portes. L'été dernier, les élèves ont créé une fresque."
GERMAN = "Die Brücke über die Förde wurde nach zwei Jahren Bauzeit für den Verkehr freigegeben. Größere Schäden gab es nicht."
JAPANESE = "東京都は本日、新しい公園の開園を発表しました。公園には桜の木が千本植えられています。" * 4


def html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


def test_labels_map_like_browsers() -> None:
    assert normalize_label("ISO-8859-1") == "cp1252"
    assert normalize_label("latin1") == "cp1252"
    assert normalize_label("Shift_JIS") == "cp932"
    assert normalize_label("UTF8") == "utf-8"
    assert normalize_label("no-such-charset") is None
    assert http_charset('text/html; charset="windows-1252"') == "cp1252"
    assert http_charset("text/html") is None
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">') == "cp1252"
    assert declared_charset(b'<?xml version="1.0" encoding="Shift_JIS"?><html>') == "cp932"


def test_utf8_bom_is_stripped() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + html(FRENCH).encode("utf-8"))
    assert decoded.encoding == "utf-8" and decoded.source == "bom"
    assert FRENCH in decoded.text and not decoded.text.startswith("\ufeff")


def test_utf16_with_bom() -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        raw = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + html(GERMAN).encode(encoding)
        decoded = decode_bytes(raw)
        assert GERMAN in decoded.text, encoding


def test_utf16_without_bom_with_and_without_declaration() -> None:
    declared = html(GERMAN, '<meta charset="utf-16">').encode("utf-16-le")
    undeclared = html(GERMAN).encode("utf-16-be")
    assert GERMAN in decode_bytes(declared).text
    assert GERMAN in decode_bytes(undeclared).text


def test_http_charset_windows_1252() -> None:
    raw = html(FRENCH).encode("cp1252")
    decoded = decode_bytes(raw, "text/html; charset=windows-1252")
    assert FRENCH in decoded.text
    assert decoded.source == "http"


def test_meta_charset_latin1_bytes() -> None:
    raw = html(GERMAN, '<meta charset="iso-8859-1">').encode("latin-1")
    decoded = decode_bytes(raw)
    assert GERMAN in decoded.text
    assert decoded.encoding == "cp1252"


def test_utf8_wrongly_declared_as_latin1_gives_no_mojibake() -> None:
    raw = html(FRENCH, '<meta charset="iso-8859-1">').encode("utf-8")
    decoded = decode_bytes(raw, "text/html; charset=ISO-8859-1")
    assert FRENCH in decoded.text
    assert "Ã©" not in decoded.text
    assert decoded.encoding == "utf-8"


def test_declared_utf8_but_windows_1252_bytes() -> None:
    raw = html(GERMAN + " " + FRENCH, '<meta charset="utf-8">').encode("cp1252")
    decoded = decode_bytes(raw)
    assert GERMAN in decoded.text and FRENCH in decoded.text
    assert "\ufffd" not in decoded.text


def test_undeclared_windows_1252_is_detected() -> None:
    raw = html(GERMAN + " " + FRENCH).encode("cp1252")
    decoded = decode_bytes(raw)
    assert GERMAN in decoded.text and FRENCH in decoded.text


def test_shift_jis_declared_and_undeclared() -> None:
    declared = html(JAPANESE, '<meta charset="Shift_JIS">').encode("shift_jis")
    assert JAPANESE in decode_bytes(declared).text
    undeclared = html(JAPANESE).encode("shift_jis")
    assert JAPANESE in decode_bytes(undeclared).text


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    raw = html(FRENCH * 5).encode("utf-8")
    raw = raw.replace(b"gare", b"ga\xffre", 1)
    decoded = decode_bytes(raw)
    assert decoded.encoding == "utf-8"
    assert "élèves" in decoded.text


def test_empty_bytes() -> None:
    assert decode_bytes(b"").text == ""


def test_mojibake_the_page_carries_is_repaired_and_nothing_else():
    raw = "<p>South Africaâ€™s water – “quoted” &amp; café ﬁne</p>".encode()
    assert decode_bytes(raw).text == "<p>South Africa’s water – “quoted” &amp; café ﬁne</p>"
    with rules_off({"mojibake"}):
        assert "Africaâ€™s" in decode_bytes(raw).text


def test_a_windows_1252_byte_read_as_latin_1_is_repaired_and_clean_text_left_as_it_is():
    from extractors.decode import decode_bytes

    assert decode_bytes("Because we\x92re here".encode("utf-8")).text == "Because we’re here"
    clean = "Because we’re here — café, naïve, 東京".encode("utf-8")
    assert decode_bytes(clean).text == clean.decode("utf-8")


def test_utf_8_read_as_mac_roman_is_repaired():
    from extractors.decode import decode_bytes

    assert decode_bytes("Bengals v¬†Oakland, it‚Äôs".encode("utf-8")).text == "Bengals v\u00a0Oakland, it’s"
