"""The causes the identity tool gives a wrong pair of statements."""

from evaluation.identity_causes import pair_cause


def missed(**kw):
    return pair_cause(same_happening=True, **({"banned": False, "apart": False, "gated": False, "score": 0.0,
                                               "threshold": -0.75} | kw))


def test_a_constraint_is_named_before_the_score():
    assert missed(banned=True, score=5.0) == "cannot-link"
    assert missed(apart=True, score=5.0) == "likely-apart"
    assert missed(gated=True) == "gate"


def test_a_missed_pair_scored_above_the_threshold_was_kept_apart_by_its_groups():
    assert missed(score=-1.0) == "below-threshold"
    assert missed(score=0.5) == "group"


def test_a_false_pair_scored_under_the_threshold_came_in_through_its_group():
    kw = {"same_happening": False, "banned": False, "apart": False, "gated": False, "threshold": -0.75}
    assert pair_cause(score=1.0, **kw) == "above-threshold"
    assert pair_cause(score=-2.0, **kw) == "group"
    assert pair_cause(**(kw | {"score": 1.0, "apart": True})) == "group"
