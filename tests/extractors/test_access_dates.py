"""The day a cited source was looked at makes no statement."""

from extractors.block_roles import Piece, join_blocks
from extractors.rule_switches import rules_off
from extractors.section_statements import sentences_with_dates
from extractors.timex import date_mentions
from extractors.types import BlockRole, CleanPage

P, L = BlockRole.PARAGRAPH, BlockRole.LIST_ITEM


def _read(pieces):
    text, blocks = join_blocks([[p] for p in pieces])
    page = CleanPage(text=text, blocks=blocks)
    sentences = [(b.char_start, b.char_end) for b in blocks]
    return {text[s:e] for (s, e), _ in sentences_with_dates(page, sentences, date_mentions(text))}


PIECES = [
    Piece("The gallery opened its new wing on 3 May 2024.", P),
    Piece("Gallery site, artist page, consulted on October 22, 2025", L),
    Piece("Annual report. Accessed 4 Nov 2025.", L),
    Piece("Museum history. Retrieved: 5 May 2020", L),
]


def test_access_dates_give_no_sentence_to_read_unless_the_rule_is_off():
    assert _read(PIECES) == {"The gallery opened its new wing on 3 May 2024."}
    with rules_off(["access-date"]):
        assert len(_read(PIECES)) == 4


def test_a_date_the_sentence_tells_after_such_a_word_elsewhere_is_kept():
    pieces = [Piece("The archive was consulted by the court, which ruled on 12 June 2024.", P)]
    assert len(_read(pieces)) == 1
