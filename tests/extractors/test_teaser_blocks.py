"""A run of cards (short texts under headings of one rank) holds its dates back."""

from extractors.block_roles import Piece, join_blocks, teaser_blocks
from extractors.rule_switches import rules_off
from extractors.section_statements import sentences_with_dates
from extractors.timex import date_mentions
from extractors.types import BlockRole, CleanPage

H, P = BlockRole.HEADING, BlockRole.PARAGRAPH


def _page(pieces):
    text, blocks = join_blocks([[p] for p in pieces])
    return CleanPage(text=text, blocks=blocks)


CARDS = [
    Piece("Main story about the harbour", H, 1),
    Piece("The council approved the new harbour wall on 3 May 2024 after a long debate about its cost and "
          "the design chosen by the engineers who surveyed the site.", P),
    Piece("Other stories", H, 2),
    Piece("Bridge reopens", H, 3), Piece("The bridge reopened on 12 June 2024.", P),
    Piece("School wins prize", H, 3), Piece("Pupils won the regional prize in July 2024.", P),
    Piece("Market returns", H, 3), Piece("The market returned in August 2024.", P),
]


def test_a_run_of_three_cards_is_held_and_the_story_is_not():
    page = _page(CARDS)
    held = teaser_blocks(page.text, page.blocks, max_words=30, min_repeats=3)
    held_text = [page.text[b.char_start:b.char_end] for b in page.blocks if b.char_start in held]
    assert held_text == ["The bridge reopened on 12 June 2024.", "Pupils won the regional prize in July 2024.",
                         "The market returned in August 2024."]


def test_two_cards_are_no_run_and_long_sections_are_no_cards():
    page = _page(CARDS[:-2])
    assert not teaser_blocks(page.text, page.blocks, max_words=30, min_repeats=3)
    page = _page(CARDS)
    assert not teaser_blocks(page.text, page.blocks, max_words=5, min_repeats=3)


def test_sections_under_headings_of_different_ranks_make_no_run():
    pieces = [Piece("A", H, 2), Piece("It rained in May 2024.", P), Piece("B", H, 3),
              Piece("It rained in June 2024.", P), Piece("C", H, 2), Piece("It rained in July 2024.", P)]
    page = _page(pieces)
    assert not teaser_blocks(page.text, page.blocks, max_words=30, min_repeats=3)


def test_teaser_dates_make_no_sentence_to_read_unless_the_rule_is_off():
    page = _page(CARDS)
    dates = date_mentions(page.text)
    sentences = [(b.char_start, b.char_end) for b in page.blocks if b.role is P]
    on = {page.text[s:e] for (s, e), _ in sentences_with_dates(page, sentences, dates)}
    with rules_off(["teaser-block"]):
        off = {page.text[s:e] for (s, e), _ in sentences_with_dates(page, sentences, dates)}
    assert len(on) == 1 and next(iter(on)).startswith("The council approved")
    assert len(off) == 4
