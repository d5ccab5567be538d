"""Main text of HTML: blocks, structure kept, furniture and boilerplate out."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from extractors.clean import clean_page
from extractors.html_text import html_main_text
from extractors.segmentation import class_groups, is_consent_name, parse_html, segment
from tests.support import SHARED, needs_shared

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

PARAS = [
    "NATO and New Zealand have been engaged in dialogue and cooperation since 2001, and the partnership has grown steadily since then.",
    "Since 2012, work has been taken forward through an Individual Partnership and Cooperation Programme agreed by both sides.",
    "New Zealand made a significant contribution to the International Security Assistance Force in Afghanistan until December 2014.",
]

PAGE = f"""<!DOCTYPE html><html><head><title>Relations with New Zealand</title>
<style>p {{ color: red }}</style><script>var tracking = "We use cookies";</script></head>
<body>
<header class="site-header"><a href="/">NATO</a><nav><ul><li><a href="/a">Topics</a></li><li><a href="/b">News</a></li>
<li><a href="/c">Events</a></li><li><a href="/d">Contact</a></li></ul></nav></header>
<div id="content"><article>
<h1>Relations with New Zealand</h1>
<p>{PARAS[0]}</p>
<h2>NATO</h2>
<h2>Cooperation</h2>
<p>{PARAS[1]}</p>
<ul><li>Support for <a href="/isaf">NATO-led operations</a> and missions in several regions of the world</li>
<li>Science and technology cooperation on maritime security and cyber defence</li></ul>
<table><tr><th>Year</th><th>Event</th></tr><tr><td>2001</td><td>Dialogue begins</td></tr>
<tr><td>2012</td><td>Partnership programme agreed</td></tr></table>
<p>{PARAS[2]}</p>
<form class="search"><label>Search</label><input type="text"><button>Go</button></form>
</article></div>
<footer class="site-footer"><p>© NATO 2024 · Privacy · Terms · Accessibility</p></footer>
</body></html>"""


def test_main_text_keeps_paragraphs_headings_lists_tables_as_blocks() -> None:
    root = parse_html(PAGE)
    assert root is not None
    result = html_main_text(root)
    text = result.text
    for para in PARAS:
        assert para in text
    # a heading never runs into the next heading or paragraph
    assert "\n\nNATO\n\nCooperation\n\n" in text
    assert "NATO Cooperation" not in text
    assert "Support for NATO-led operations and missions in several regions of the world" in result.blocks
    assert "Science and technology cooperation on maritime security and cyber defence" in result.blocks
    # table rows stay together, one row per block
    assert "2012 | Partnership programme agreed" in result.blocks
    # blocks are separated by one blank line
    assert "\n\n\n" not in text
    assert text == "\n\n".join(result.blocks)


def test_scripts_styles_navigation_footer_forms_are_out() -> None:
    text = html_main_text(parse_html(PAGE)).text
    for junk in ("color: red", "tracking", "Topics", "Events", "Privacy · Terms", "Search", "Go"):
        assert junk not in text


def test_skip_links_breadcrumbs_share_bars_toc_markers_overlays_out() -> None:
    page = clean_page((FIXTURES / "overlays.html").read_bytes(), content_type="text/html")
    text = page.text
    assert "The national rail strike planned for Wednesday has been called off" in text
    assert "Drivers will receive a pay rise of 4.5 percent this year" in text
    assert "according to a statement from the union." in text  # "(external link)" cut, words kept
    assert "(external link)" not in text
    assert "Overtime rules will be reviewed by an independent panel." in text
    assert "Members will vote on the agreement" in text
    for junk in ("On this page", "newsletter", "Share this article", "limit of free articles",
                 "More stories", "Bus fares", "Coastal Times ©"):
        assert junk not in text, junk
    assert page.title == "Rail strike called off after late-night agreement"
    assert page.published_at is not None and page.published_at == datetime.fromisoformat("2024-09-03T21:40:00+00:00")
    assert page.updated_at is not None and page.updated_at == datetime.fromisoformat("2024-09-04T05:05:00+00:00")


def test_cookie_text_longer_than_the_article_is_out() -> None:
    page = clean_page((FIXTURES / "long_cookie_notice.html").read_bytes())
    assert "Water supply was restored to all homes in the east district" in page.text
    assert "Crews replaced a two-metre section" in page.text
    assert "cookie" not in page.text.lower()


def test_visible_date_line_becomes_metadata_not_text() -> None:
    html = f"""<html><body><main><h1>Budget approved</h1><p>Last updated: 12 Sep. 2018 13:28</p>
    <p>{PARAS[0]}</p><p>{PARAS[1]}</p></main></body></html>"""
    page = clean_page(html.encode())
    assert "Last updated" not in page.text
    assert page.updated_at is not None and page.updated_at == datetime.fromisoformat("2018-09-12T13:28:00+00:00")


def test_hidden_elements_and_dialogs_are_pruned_but_tab_panels_are_kept() -> None:
    html = f"""<html><body><main><p>{PARAS[0]}</p>
    <div style="display:none"><p>Hidden mobile menu text that nobody sees on the page.</p></div>
    <div role="dialog"><p>Modal dialog text about something else entirely here.</p></div>
    <div role="tabpanel" hidden><p>{PARAS[1]}</p></div></main></body></html>"""
    seg = segment(parse_html(html))
    texts = [b.text for b in seg.blocks]
    assert PARAS[0] in texts and PARAS[1] in texts
    assert not any("Hidden mobile menu" in t or "Modal dialog" in t for t in texts)


def test_an_aria_hidden_link_is_seen_an_aria_hidden_element_is_not() -> None:
    # aria-hidden keeps a duplicate link from screen readers, its text stays on the screen (a card's teaser
    # under its headline link); on any other element it marks decoration or text not shown
    html = f"""<html><body><main><p>{PARAS[0]}</p>
    <p class="desc"><a href="/story" aria-hidden="true" tabindex="-1">{PARAS[1]}</a></p>
    <div aria-hidden="true"><p>Decorative text behind the icon that the page does not show as content.</p></div>
    </main></body></html>"""
    texts = [b.text for b in segment(parse_html(html)).blocks]
    assert PARAS[1] in texts
    assert not any("Decorative text" in t for t in texts)


def test_consent_names_and_class_groups() -> None:
    assert is_consent_name("onetrust-banner-sdk", "")
    assert is_consent_name("", "cmplz-cookiebanner banner-1")
    assert is_consent_name("CybotCookiebotDialog", "")
    assert not is_consent_name("", "js cookie-banner-visible")  # a page state on <html>
    assert not is_consent_name("", "fltonetrustpoplive")  # a fragment inside another word
    assert not is_consent_name("main", "recipe cookie-dough")
    groups = class_groups("related-posts sidebar")
    assert groups and groups == class_groups("relatedPosts sidebar")
    assert class_groups("entry-content") != class_groups("site-footer")


def test_a_class_that_names_a_style_preset_says_nothing_of_the_element() -> None:
    from extractors.segmentation import semantic_classes

    assert semantic_classes("has-legal-font-size has-text-color footer-note") == "footer-note"
    assert semantic_classes("has-em-gray-20-background-color site-footer") == "site-footer"
    assert class_groups(semantic_classes("has-legal-font-size")) == 0 != class_groups("legal")


_WP_FOOTNOTES = SHARED / "eval" / "boilerplate" / "wcxb-dev" / "html" / "0021.html.gz"


@needs_shared(_WP_FOOTNOTES)
def test_small_print_styled_by_a_preset_stays_in_the_text() -> None:
    """A tuition page's numbered notes set in a block theme's "legal" font size
    (WCXB dev 0021, whose ground truth holds them) are text, not a footer."""
    import gzip

    text = clean_page(gzip.decompress(_WP_FOOTNOTES.read_bytes()), content_type="text/html").text
    assert text.count("2025-2026 academic year") >= 3


def test_markup_nested_deeper_than_the_parser_allows_keeps_its_text():
    from extractors.html_text import html_main_text
    from extractors.segmentation import flatten_deep_markup, parse_html

    body = "<p>The partnership programme was signed in Brussels on 3 May 2011 by both sides.</p>"
    page = "<html><body>" + "<div>" * 5000 + body + "</div>" * 5000 + "</body></html>"
    root = parse_html(page)
    assert "signed in Brussels" in "".join(root.itertext())
    assert "signed in Brussels" in html_main_text(root).text
    flat = flatten_deep_markup("<a><b><c>x</c></b></a>", limit=2)
    assert flat == "<a><b>x</b></a>"


def test_shallow_markup_is_left_alone():
    from extractors.segmentation import flatten_deep_markup

    page = "<html><body><div><p>one<br>two<img src=x/></p></div></body></html>"
    assert flatten_deep_markup(page) == page


def _seg_of(*blocks: tuple[str, str, bool, float]):
    from extractors.segmentation import Block, Segmented

    out = [Block(text, tag, 0, (0,), 0, 0, index=i, prob=prob, keep=keep) for i, (tag, text, keep, prob) in enumerate(blocks)]
    return Segmented(out, [])


def test_a_paragraph_the_model_nearly_kept_after_kept_text_is_kept() -> None:
    from extractors.html_text import promote_continuations

    prose = "Since 2010 the firm has worked with small shops and large retailers across the region, " * 2 + "and it still does."
    seg = _seg_of(("p", "The services are listed below, with what each costs and how long it takes.", True, 0.9),
                  ("p", prose, False, 0.45))
    promote_continuations(seg)
    assert seg.blocks[1].keep


def test_a_doubtful_paragraph_after_dropped_text_or_far_under_the_threshold_stays_out() -> None:
    from extractors.html_text import promote_continuations

    prose = "Since 2010 the firm has worked with small shops and large retailers across the region, " * 2 + "and it still does."
    seg = _seg_of(("p", "Related posts from other authors on this site.", False, 0.1), ("p", prose, False, 0.45),
                  ("p", "The services are listed below, with what each costs.", True, 0.9), ("p", prose, False, 0.2))
    promote_continuations(seg)
    assert not seg.blocks[1].keep and not seg.blocks[3].keep



_PROSE = "Since 2010 the firm has worked with small shops and large retailers across the region, " * 2 + "and it still does."
_KEPT = ("p", "The services are listed below, with what each costs and how long it takes.", True, 0.9)


def test_a_promoted_paragraph_does_not_promote_the_next() -> None:
    from extractors.html_text import promote_continuations

    # two doubtful paragraphs after the text (an author's bio in two parts): only the first continues kept text
    seg = _seg_of(_KEPT, ("p", _PROSE, False, 0.41), ("p", _PROSE, False, 0.41))
    promote_continuations(seg)
    assert [b.keep for b in seg.blocks] == [True, True, False]


def test_a_paragraph_in_an_element_named_as_furniture_is_not_promoted() -> None:
    from extractors.html_text import promote_continuations
    from extractors.segmentation import Block, Element, Segmented

    elements = [Element("article", -1, 0, class_groups("entry-content"), 0),
                Element("div", 0, 1, class_groups("author-bio"), 0),
                Element("div", 0, 1, class_groups("comment-body"), 0),
                Element("div", 0, 1, class_groups("chapter"), 0)]
    kept, *_ = _KEPT[1:]
    blocks = [Block(kept, "p", 0, (0,), 0, 0, index=0, prob=0.9, keep=True),
              Block(_PROSE, "p", 1, (0, 1), 0, 0, index=1, prob=0.45),
              Block(kept, "p", 0, (0,), 0, 0, index=2, prob=0.9, keep=True),
              Block(_PROSE, "p", 2, (0, 2), 0, 0, index=3, prob=0.45),
              Block(kept, "p", 0, (0,), 0, 0, index=4, prob=0.9, keep=True),
              Block(_PROSE, "p", 3, (0, 3), 0, 0, index=5, prob=0.45)]
    promote_continuations(Segmented(blocks, elements))
    assert [b.keep for b in blocks] == [True, False, True, False, True, True]


def test_a_paragraph_under_a_doubted_heading_after_kept_text_is_promoted() -> None:
    from extractors.html_text import promote_continuations
    from extractors.segmentation import F_HEADING

    seg = _seg_of(_KEPT, ("h2", "SEO services offered", False, 0.3), ("p", _PROSE, False, 0.45),
                  ("p", "Menu of other pages on this site, with their links.", False, 0.1),
                  ("h2", "Other services", False, 0.3), ("p", _PROSE, False, 0.45))
    seg.blocks[1].flags = seg.blocks[4].flags = F_HEADING
    promote_continuations(seg)
    # the heading itself is left to promote_headings; the paragraph after dropped text stays out
    assert [b.keep for b in seg.blocks] == [True, False, True, False, False, False]


def test_a_promoted_paragraph_does_not_promote_past_a_heading() -> None:
    from extractors.html_text import promote_continuations
    from extractors.segmentation import F_HEADING

    seg = _seg_of(_KEPT, ("p", _PROSE, False, 0.45), ("h3", "About the author", False, 0.2), ("p", _PROSE, False, 0.45))
    seg.blocks[2].flags = F_HEADING
    promote_continuations(seg)
    assert [b.keep for b in seg.blocks] == [True, True, False, False]


def test_a_sentence_typeset_over_broken_lines_is_one_block_again() -> None:
    from extractors.html_text import runs_on

    card = ("<p>In 2019, more than<br>400 volunteers<br><strong>planted trees</strong> along<br>the canal.</p>"
            "<p>By 2021, more than<br>90 herons were<br>nesting on the<br>island.<sup>4</sup></p>"
            "<p>Opening times<br>Monday to Friday<br>9am to 5pm</p>"
            "<p>Genre: Puzzle<br>Release: 3 May 2019<br>Developer: Acme Games</p>")
    root = parse_html(f"<html><body><main><h1>Canal trust</h1><p>{PARAS[0]}</p>{card}<p>{PARAS[1]}</p></main></body></html>")
    assert root is not None
    blocks = html_main_text(root).blocks
    assert "In 2019, more than 400 volunteers planted trees along the canal." in blocks
    assert "By 2021, more than 90 herons were nesting on the island.4" in blocks  # a note's number after its end
    # lines that name rather than run on, and labelled rows, stay apart
    assert runs_on("Opening times", "Monday to Friday") is False
    assert runs_on("Genre: Puzzle", "release in May") is False
    assert runs_on("untreated leaks", "in the roof.") is True


def test_verse_broken_over_lines_stays_apart() -> None:
    poem = ("<p>The heron waits beside the weir<br>and watches for the silver flash,<br>"
            "the reeds bend low along the bank<br>and evening settles on the ash</p>")
    root = parse_html(f"<html><body><main><h1>Poems</h1><p>{PARAS[0]}</p>{poem}<p>{PARAS[1]}</p></main></body></html>")
    assert root is not None
    blocks = html_main_text(root).blocks
    # the lines run on (a comma, "and", "the") but end with no sentence end: verse, kept line by line
    assert "The heron waits beside the weir" in blocks
    assert "and evening settles on the ash" in blocks


def _block_texts(html: str) -> list[str]:
    return [b.text for b in segment(parse_html(html)).blocks]


def test_items_a_layout_parts_by_style_alone_are_spaced() -> None:
    from extractors.rule_switches import rules_off

    row = ('<html><body><div class="meta"><span class="item">2026</span><span class="item">1h 54m</span>'
           '<span class="item">R</span></div></body></html>')
    assert _block_texts(row) == ["2026 1h 54m R"]
    with rules_off(["inline-items"]):
        assert _block_texts(row) == ["20261h 54mR"]
    # letters a script split a word into, and spans of other classes, stay one word
    letters = '<html><body><h1><span class="c">W</span><span class="c">e</span><span class="c">b</span>b</h1></body></html>'
    assert _block_texts(letters) == ["Webb"]
    styled = '<html><body><p>The <b class="x">Web</b><i class="x">site</i> <span class="a">re</span><span class="b">opened</span>.</p></body></html>'
    assert _block_texts(styled) == ["The Website reopened."]
