"""Conflict typing on hand-built claims: every kind, and the false alarms that must not be contradictions."""

from __future__ import annotations

from _reconcile_helpers import make_article

from newsweave.model import Article, Claim, Span, Statement
from newsweave.reconcile.conflicts import attribution_conflicts, compare_claims, pair_verdict


def claim(
    aid,
    *args,
    subject="the guards",
    predicate="injure",
    cls="harm",
    hedge=None,
    certainty=1.0,
    polarity=True,
    start=0,
):
    return Claim(
        id=f"{aid}:{start}",
        evidence=Span(aid, start, start + 10),
        subject=subject,
        predicate=predicate,
        arguments=(("class", cls), *args),
        polarity=polarity,
        hedge=hedge,
        certainty=certainty,
    )


def count(text, low, high, kind="exact", what="guard"):
    return (
        ("count", text),
        ("count_kind", kind),
        ("count_low", str(low)),
        ("count_high", str(high)),
        ("counted", what),
    )


def when(value, text, earliest, latest, granularity="day"):
    return (
        ("time", value),
        ("time_text", text),
        ("time_earliest", earliest),
        ("time_latest", latest),
        ("time_granularity", granularity),
    )


def verdicts(a, b, context=None):
    return {(c.kind, c.verdict) for c in compare_claims(a, b, context=context)}


def test_precise_numbers_that_differ_contradict():
    a, b = claim("A", *count("seven", 7, 7)), claim("B", *count("12", 12, 12))
    got = compare_claims(a, b)
    assert ("number", "contradiction") in {(c.kind, c.verdict) for c in got}
    assert all(c.reason for c in got)
    assert pair_verdict(got) == "contradict"


def test_equal_numbers_agree():
    assert compare_claims(claim("A", *count("seven", 7, 7)), claim("B", *count("7", 7, 7))) == []


def test_several_vs_seven_is_precision_not_contradiction():
    a, b = claim("A", *count("several", 3, 9, "vague")), claim("B", *count("seven", 7, 7))
    got = compare_claims(a, b)
    assert {(c.kind, c.verdict) for c in got} == {("number", "precision")}
    assert "several" in got[0].reason and "seven" in got[0].reason


def test_vague_quantity_out_of_range_contradicts():
    a, b = claim("A", *count("a few", 2, 5, "vague")), claim("B", *count("40", 40, 40))
    assert ("number", "contradiction") in verdicts(a, b)


def test_counts_of_different_things_are_not_compared():
    a, b = claim("A", *count("seven", 7, 7, what="guard")), claim("B", *count("two", 2, 2, what="rocket"))
    assert verdicts(a, b) == set()


def test_not_injured_vs_mildly_hurt_is_a_status_contradiction_flagging_the_hedge():
    a = claim("A", ("status", "not injured"), ("status_text", "not injured"), subject="the governor")
    b = claim(
        "B",
        ("status", "mildly hurt"),
        ("status_text", "mildly hurt"),
        subject="the governor",
        hedge="believed",
        certainty=0.6,
    )
    got = compare_claims(a, b)
    contra = [c for c in got if c.verdict == "contradiction"]
    assert [c.kind for c in contra] == ["status"]
    assert "hedged" in contra[0].reason and "believed" in contra[0].reason
    assert "certainty" not in {c.kind for c in got}  # the hedge is reported inside the contradiction


def test_injured_vs_mildly_hurt_is_precision():
    a = claim("A", ("status", "injured"), ("status_text", "injured"))
    b = claim("B", ("status", "mildly hurt"), ("status_text", "mildly hurt"))
    assert verdicts(a, b) == {("status", "precision")}


def test_precision_reason_names_the_finer_status_in_the_reports_words():
    a = claim("A", ("status", "not injured"), ("status_text", "not harmed"), subject="the minister")
    b = claim("B", ("status", "survived"), ("status_text", "survived"), subject="the minister")
    (got,) = compare_claims(a, b)
    assert got.verdict == "precision"
    assert "“not harmed” is more specific" in got.reason  # the words quoted before, not the scale's name
    assert "“not injured”" not in got.reason


def test_unharmed_vs_not_injured_agree():
    a = claim("A", ("status", "unharmed"), ("status_text", "unharmed"))
    b = claim("B", ("status", "not injured"), ("status_text", "not harmed"))
    assert verdicts(a, b) == set()


def test_saturday_night_vs_early_sunday_is_not_a_time_contradiction():
    a = claim(
        "A",
        *when(
            "2021-11-06TNI",
            "Saturday night",
            "2021-11-06T20:00:00+00:00",
            "2021-11-07T05:59:59+00:00",
            "part-of-day",
        ),
        cls="attack",
        predicate="attack",
    )
    b = claim(
        "B",
        *when("2021-11-07", "early Sunday", "2021-11-07T00:00:00+00:00", "2021-11-07T07:59:59+00:00"),
        cls="attack",
        predicate="strike",
    )
    got = compare_claims(a, b)
    assert {(c.kind, c.verdict) for c in got} == {("time", "precision")}


def test_saturday_evening_vs_sunday_morning_adjoining_is_precision():
    a = claim(
        "A",
        *when(
            "2021-11-06TEV",
            "Saturday evening",
            "2021-11-06T17:00:00+00:00",
            "2021-11-06T21:59:59+00:00",
            "part-of-day",
        ),
        cls="attack",
        predicate="attack",
    )
    b = claim(
        "B",
        *when("2021-11-07", "Sunday", "2021-11-07T00:00:00+00:00", "2021-11-07T23:59:59+00:00"),
        cls="attack",
        predicate="attack",
    )
    assert ("time", "contradiction") not in verdicts(a, b)


def test_days_apart_is_a_time_contradiction():
    a = claim(
        "A",
        *when("2021-11-01", "Monday", "2021-11-01T00:00:00+00:00", "2021-11-01T23:59:59+00:00"),
        cls="attack",
        predicate="attack",
    )
    b = claim(
        "B",
        *when("2021-11-04", "Thursday", "2021-11-04T00:00:00+00:00", "2021-11-04T23:59:59+00:00"),
        cls="attack",
        predicate="attack",
    )
    got = compare_claims(a, b)
    assert [(c.kind, c.verdict) for c in got] == [("time", "contradiction")]
    assert "Monday" in got[0].reason and "Thursday" in got[0].reason


def test_hedged_vs_firm_is_certainty():
    a = claim(
        "A", ("target", "the base"), cls="attack", predicate="target", hedge="reportedly", certainty=0.6
    )
    b = claim("B", ("target", "the base"), cls="attack", predicate="target")
    got = compare_claims(a, b)
    assert [(c.kind, c.verdict) for c in got] == [("certainty", "certainty")]
    assert "reportedly" in got[0].reason


def test_a_hedge_on_another_target_is_no_certainty_difference():
    a = claim("A", ("target", "her romance with Carson Daly"), cls="stance", predicate="know", hedge="may",
              certainty=0.5)
    b = claim("B", ("target", "her roles in American Pie"), cls="stance", predicate="know")
    assert compare_claims(a, b) == []
    c = claim("C", ("target", "her long romance with Daly"), cls="stance", predicate="know")
    assert [(x.kind, x.verdict) for x in compare_claims(a, c)] == [("certainty", "certainty")]


def test_a_hedge_on_another_count_is_no_certainty_difference():
    a = claim("A", *count("one", 1, 1, what="person"), subject="one person", predicate="arrest", cls="arrest",
              hedge="believed", certainty=0.6)
    b = claim("B", *count("46", 46, 46, what="person"), subject="46", predicate="arrest", cls="arrest")
    assert "certainty" not in {c.kind for c in compare_claims(a, b)}
    c = claim("C", *count("one", 1, 1, what="person"), subject="one person", predicate="arrest", cls="arrest")
    assert [(x.kind, x.verdict) for x in compare_claims(a, c)] == [("certainty", "certainty")]


def test_place_contradiction_unless_the_other_report_names_it():
    a = claim("A", ("place", "Kandahar"), cls="attack", predicate="attack")
    b = claim("B", ("place", "Herat"), cls="attack", predicate="attack")
    assert verdicts(a, b) == {("place", "contradiction")}
    ctx = {
        "A": make_article("A", "A bomb went off in Kandahar."),
        "B": make_article("B", "The attack in Herat province, near Kandahar, killed two."),
    }
    assert verdicts(a, b, ctx) == set()


def test_means_contradiction():
    a = claim("A", ("means", "drone"), cls="attack", predicate="attack")
    b = claim("B", ("means", "car bomb"), cls="attack", predicate="attack")
    assert ("means", "contradiction") in verdicts(a, b)


def test_outcome_intercepted_vs_hit():
    a = claim("A", ("outcome", "failed"), cls="attack", predicate="intercept", subject="the missile")
    b = claim("B", ("outcome", "hit"), cls="attack", predicate="hit", subject="the missile")
    assert ("status", "contradiction") in verdicts(a, b)


def test_negation_contradicts():
    a = claim(
        "A",
        ("target", "the attack"),
        cls="responsibility",
        predicate="claim responsibility",
        subject="no group",
        polarity=False,
    )
    b = claim(
        "B",
        ("target", "the attack"),
        cls="responsibility",
        predicate="claim responsibility",
        subject="the militia",
    )
    assert ("actor", "contradiction") in verdicts(a, b)


def test_same_words_credited_to_different_speakers():
    words = "We will not rest until those responsible for this cowardly act are brought to justice"
    ta, tb = f'"{words}," the mayor said.', f'"{words}," the governor said.'
    arts = {"A": make_article("A", ta), "B": make_article("B", tb)}

    def st(aid, text, speaker):
        start = text.index(words)
        return Statement(
            content=Span(aid, start, start + len(words)),
            cue=None,
            cue_verb="say",
            speaker=None,
            speaker_text=speaker,
            direct=True,
        )

    got = attribution_conflicts(
        {"A": [st("A", ta, "Mayor Jane Doe")], "B": [st("B", tb, "Governor Max Roe")]}, arts
    )
    assert [(c.kind, c.verdict) for c in got] == [("attribution", "contradiction")]
    same = attribution_conflicts({"A": [st("A", ta, "Mayor Jane Doe")], "B": [st("B", tb, "Doe")]}, arts)
    assert same == []
    vague = attribution_conflicts({"A": [st("A", ta, "he")], "B": [st("B", tb, "Governor Max Roe")]}, arts)
    assert vague == []  # an unresolved pronoun may be the governor


def test_reason_names_both_outlets():
    arts = {
        "A": Article(id="A", text="x", outlet_name="Daily One"),
        "B": Article(id="B", text="y", outlet_name="Two"),
    }
    a, b = claim("A", *count("seven", 7, 7)), claim("B", *count("12", 12, 12))
    reason = compare_claims(a, b, context=arts)[0].reason
    assert "Daily One" in reason and "Two" in reason


def test_wildly_different_exact_counts_are_different_events():
    a, b = claim("A", *count("10", 10, 10, what="person")), claim("B", *count("612", 612, 612, what="person"))
    assert verdicts(a, b) == set()


def _published(aid: str, when: str) -> Article:
    from datetime import UTC, datetime

    from newsweave.model import PublishedTime

    return Article(id=aid, text="x" * 40, outlet_name=f"Outlet {aid}",
                   published=PublishedTime(datetime.fromisoformat(when).replace(tzinfo=UTC), "minute", "field", 0.9))


def _toll(aid: str, n: int, word: str) -> Claim:
    return claim(aid, *count(word, n, n, what="person"), ("status", "killed"), subject=f"{word} people",
                 predicate="kill")


def test_a_higher_toll_reported_later_is_still_a_contradiction_with_the_likely_reason() -> None:
    early, late = _published("a", "2021-11-07T08:00"), _published("b", "2021-11-08T04:00")
    context = {"a": early, "b": late}
    (c,) = [c for c in compare_claims(_toll("a", 3, "three"), _toll("b", 10, "ten"), context=context)
            if c.kind == "number"]
    assert c.verdict == "contradiction" and "appeared 20 hours later" in c.reason
    assert "person(s) killed" in c.reason  # says what was counted
    # a lower count later, or two reports of the same hour, get no such note
    (c,) = [c for c in compare_claims(_toll("a", 10, "ten"), _toll("b", 3, "three"), context=context)
            if c.kind == "number"]
    assert "later" not in c.reason
    same_hour = {"a": early, "b": _published("b", "2021-11-07T09:00")}
    (c,) = [c for c in compare_claims(_toll("a", 3, "three"), _toll("b", 10, "ten"), context=same_hour)
            if c.kind == "number"]
    assert "later" not in c.reason


def test_overlapping_ranges_are_compatible_not_contradictory() -> None:
    a = claim("A", *count("between 50 and 70", 50, 70, kind="range", what="percent"), cls="damage")
    b = claim("B", *count("40", 40, 40, what="percent"), cls="damage")
    c = claim("C", *count("60", 60, 60, what="percent"), cls="damage")
    assert ("number", "contradiction") in verdicts(a, b)  # 40 lies outside 50-70
    assert verdicts(a, c) == {("number", "precision")}  # 60 lies inside
