"""Reading a clean text with spaCy: sentences within blocks, trimmed, offsets
into the whole text; the per-page limits."""

from __future__ import annotations

from extractors.reading import ReadingLimits, read_texts, text_blocks


def test_blocks_are_the_text_between_blank_lines_trimmed():
    text = "  First block line.\nSame block.\n \n\nSecond block.  \n"
    assert [text[s:e] for s, e in text_blocks(text)] == ["First block line.\nSame block.", "Second block."]


def test_sentences_are_offsets_into_the_text_without_trailing_blanks(models):
    texts = ["Heading\n\nThe board met on Monday. It approved the plan.  \n\nA closing line.", "One more page."]
    readings = read_texts(texts, models.reader)
    sentences = [[t[s:e] for s, e in r.sentences] for t, r in zip(texts, readings)]
    assert sentences == [["Heading", "The board met on Monday.", "It approved the plan.", "A closing line."],
                         ["One more page."]]
    assert all(r.limited is None and r.read_chars is None for r in readings)


def test_a_sentence_over_the_limit_is_cut_at_spaces(models):
    text = "word " * 60 + "end."
    (reading,) = read_texts([text], models.reader, limits=ReadingLimits(max_sentence_chars=50))
    pieces = [text[s:e] for s, e in reading.sentences]
    assert len(pieces) > 1 and all(len(p) <= 50 for p in pieces)
    assert " ".join(pieces).split() == text.split()
    assert "max_sentence_chars" in (reading.limited or "")


def test_a_page_over_the_sentence_limit_is_read_up_to_it(models):
    text = "\n\n".join(f"Block {i} has one sentence." for i in range(10))
    (reading,) = read_texts([text], models.reader, limits=ReadingLimits(max_sentences=3))
    assert len(reading.sentences) == 3
    assert reading.read_chars == reading.sentences[-1][1]
    assert "max_sentences" in (reading.limited or "")


def test_reference_marks_end_a_sentence_and_no_name_runs_into_them(models):
    text = ("Musk had 80 million followers at the time of the purchase.[2] In 2017, he replied, "
            "\"How much is it?\"[3] On March 24, Musk began tweeting statements critical of Twitter,[8] polling "
            "his followers.[9][10]")
    (reading,) = read_texts([text], models.reader)
    sentences = [text[s:e] for s, e in reading.sentences]
    assert [s.split()[0] for s in sentences] == ["Musk", "In", "On"]
    assert sentences[1].endswith('is it?"[3]')
    assert not any("[" in m.text for m in reading.mentions)
