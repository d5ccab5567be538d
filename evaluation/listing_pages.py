"""Which pages of a WCXB page folder the listing rule fires on: a check that
``extractors.block_roles.listing_entries`` is a rule of event listings in
general and not of the page it was written from.

Offline tool::

    python -m evaluation.listing_pages ../shared/eval/boilerplate/wcxb-dev

prints each page with entries (its id, the count, the first title and its
date) and the count of pages read; pages are read as the statements
benchmark reads them (fetched 2026-03-15, ``statements_eval.DEFAULT_FETCHED_AT``).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from evaluation.statements_eval import DEFAULT_FETCHED_AT
from extractors.anchoring import page_date_mentions
from extractors.block_roles import listing_entries
from extractors.clean import clean_page


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    pages = sorted((Path(argv[0]) / "html").glob("*.html.gz"))
    fired = 0
    for path in pages:
        page = clean_page(gzip.decompress(path.read_bytes()), content_type="text/html")
        _, dates = page_date_mentions(page, DEFAULT_FETCHED_AT)
        entries = listing_entries(page.text, page.blocks, dates)
        if entries:
            fired += 1
            first = entries[0]
            title = page.text[first.title.char_start : first.title.char_end][:40]
            print(f"{path.name.split('.')[0]}\t{len(entries)}\t{title!r}\t{first.date.date_start}")
    print(f"{fired} of {len(pages)} pages with listing entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
