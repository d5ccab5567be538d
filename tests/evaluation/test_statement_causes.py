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
