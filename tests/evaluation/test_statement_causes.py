from evaluation.statement_causes import table


def test_the_cause_table_counts_each_cause_per_page_type():
    rows = [
        ("forum", "miss", "no-candidate", "a"),
        ("service", "miss", "no-candidate", "b"),
        ("service", "false", "no-key", "c"),
        ("forum", "miss", "merged", "d"),
        ("service", "miss", "no-candidate", "e"),
    ]
    lines = table(rows).splitlines()
    assert lines[0].split() == ["kind", "cause", "count", "forum", "service"]
    assert lines[1].split() == ["miss", "no-candidate", "3", "1", "2"]
    assert lines[2].split() == ["miss", "merged", "1", "1"]
    assert lines[3].split() == ["false", "no-key", "1", "1"]


def test_a_miss_whose_date_the_cleaner_dropped_is_told_apart():
    from types import SimpleNamespace

    from evaluation.statement_causes import page_causes
    from evaluation.statements_eval import GoldPage, GoldStatement

    gold = GoldStatement(key="Preventing Burnout: Recharge Before", expr="April 22, 2025", date="2025-04-22")
    page = GoldPage(page_id="x", page_type="service", site="s", url="", doc_date=None, statements=(gold,))
    text = "Upcoming Webinars\n\nPreventing Burnout: Recharge Before It Is Too Late\n\nBy: A Speaker"
    result = SimpleNamespace(statements=(), held_back=(), skipped=None, page=SimpleNamespace(text=text))
    assert page_causes(page, result, {}) == [("miss", "date-dropped", "x 'Preventing Burnout: Recharge Before' 'April 22, 2025' -> 2025-04-22")]


def test_a_date_the_tagger_does_not_read_is_told_from_one_it_reads():
    from evaluation.statement_causes import reads_date
    from evaluation.statements_eval import GoldStatement

    text = "Intro.\n\nI hope to be back in a month with news. We met on 3 March 2024 in Paris."
    assert reads_date(text, GoldStatement(key="We met on 3 March", expr="on 3 March 2024", date="2024-03-03"))
    assert not reads_date(text, GoldStatement(key="I hope to be back", expr="in a month", date="2026-03"))
