"""The off-main measure: containment in WCXB main content, lost main sentences, site folds."""

from evaluation.offmain_eval import (
    PageRecord,
    StatementRecord,
    choose,
    cross_validate,
    main_sentences,
    norm,
    overlaps,
    score_page,
    teaser_blocks,
)
from extractors.block_roles import Piece, join_blocks
from extractors.types import BlockRole


def test_norm_and_containment():
    assert norm("The Bridge — reopened, on 12 June!") == "the bridge reopened on 12 june"
    assert overlaps(norm("bridge reopened"), norm("The bridge reopened on 12 June."))
    assert not overlaps("", "anything")


def test_main_sentences_split_lines_and_sentence_ends_and_drop_short_ones():
    main = "The first line here. It rained in May 2024 in town.\nToo short.\nAnother full sentence of words"
    assert main_sentences(main) == ["the first line here", "it rained in may 2024 in town",
                                    "another full sentence of words"]


def _st(sentence, in_main, held):
    return StatementRecord(sentence, in_main, "paragraph", {"a": held, "b": False})


def test_a_held_main_statement_counts_as_lost_and_an_off_main_one_as_removed():
    rec = PageRecord("0001", "x.org", "listing", [_st("it rained in may 2024", True, True),
                                                  _st("teaser of june 2024", False, True)],
                     ["it rained in may 2024 in town"])
    off = score_page(rec, None)
    assert (off.statements, off.off_main, off.lost_main) == (2, 1, 0)
    on = score_page(rec, "a")
    assert (on.statements, on.off_main, on.lost_main, on.held_off, on.held_main) == (0, 0, 1, 1, 1)


def test_site_folds_choose_on_other_sites():
    good = [PageRecord(f"{i}", f"s{i}.org", "listing", [_st(f"teaser {i}", False, True)], []) for i in range(4)]
    bad = PageRecord("9", "s9.org", "article", [_st("main one", True, True)], ["main one"])
    assert choose(good, ["a", "b"]) == "a"
    assert choose([bad], ["a", "b"]) is None  # no setting gains: the rule stays off
    cv, chosen = cross_validate([*good, bad], ["a", "b"])
    assert chosen == {"a": 5}
    assert cv["all"].held_off == 4 and cv["all"].held_main == 1


def test_a_run_of_three_cards_is_a_teaser_run_and_two_are_not():
    H, P = BlockRole.HEADING, BlockRole.PARAGRAPH
    pieces = [Piece("Main story", H, 1), Piece(" ".join(["word"] * 40) + ".", P), Piece("Other stories", H, 2),
              Piece("Bridge reopens", H, 3), Piece("The bridge reopened on 12 June 2024.", P),
              Piece("School wins prize", H, 3), Piece("Pupils won the regional prize in July 2024.", P),
              Piece("Market returns", H, 3), Piece("The market returned in August 2024.", P)]
    text, blocks = join_blocks([[p] for p in pieces])
    held = teaser_blocks(text, blocks, 30, 3)
    assert [text[b.char_start:b.char_end] for b in blocks if b.char_start in held] == [
        "The bridge reopened on 12 June 2024.", "Pupils won the regional prize in July 2024.",
        "The market returned in August 2024."]
    text, blocks = join_blocks([[p] for p in pieces[:-2]])
    assert not teaser_blocks(text, blocks, 30, 3)
