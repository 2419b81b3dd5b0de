"""Differences of certainty in a dossier: one line per hedged claim, naming the fact and every report that states
it as fact; a hedge counts only for the clause it governs. Own invented reports."""

from __future__ import annotations

from _reconcile_helpers import make_article

from newsweave.model import Story
from newsweave.reconcile.claims import extract_claims
from newsweave.reconcile.dossier import build_dossier


def _reports():
    return [
        make_article("a1", "Police said the teenager allegedly pointed a revolver at the two officers on Saturday "
                     "night in Brooklyn.", date="2013-03-11", outlet="Outlet A"),
        make_article("a2", "The teenager pointed a revolver at the two officers on Saturday night in Brooklyn, the "
                     "police commissioner said.", date="2013-03-11", outlet="Outlet B"),
        make_article("a3", "On Saturday night in Brooklyn the teenager pointed a revolver at the two officers.",
                     date="2013-03-12", outlet="Outlet C"),
        make_article("a4", "The teenager pointed a revolver at the two officers in Brooklyn on Saturday night.",
                     date="2013-03-12", outlet="Outlet D"),
    ]


def test_one_certainty_difference_per_hedged_claim_names_every_firm_report(nlp):
    dossier = build_dossier(Story(id="s-1"), _reports(), {}, nlp=nlp)
    certainty = [c for c in dossier.conflicts if c.verdict == "certainty"]
    assert len(certainty) == 1, [c.reason for c in dossier.conflicts]
    reason = certainty[0].reason
    assert "Outlet A" in reason and "allegedly" in reason
    assert all(f"Outlet {x}" in reason for x in "BCD"), reason  # every report stating it as fact, in one line
    assert reason.startswith("“") and "revolver" in reason.split("”")[0]  # the fact is named, not "it"
    assert "citing police" in reason  # "Police said" at a sentence start, written mid-sentence
    assert certainty[0].side_a.evidence.article_id == "a1"  # the hedged side first, with its evidence


def _hedges(nlp, text):
    return {(c.subject, c.predicate): c.hedge for c in extract_claims(make_article("t", text, date="2013-03-12"),
                                                                      nlp=nlp)}


def test_a_hedge_covers_its_own_clause_only(nlp):
    got = _hedges(nlp, "One person is believed to have been arrested, and no injuries were reported.")
    assert any(h and "believed" in h for (s, p), h in got.items() if p == "arrest"), got
    assert all(h is None for (s, p), h in got.items() if p != "arrest"), got  # "no injuries were reported"


def test_an_anonymous_source_hedges_the_message_not_what_it_presupposes(nlp):
    got = _hedges(nlp, "A source told the newspaper that the protest began some 20 blocks from where the teenager "
                       "was fatally shot.")
    shot = [h for (s, p), h in got.items() if p == "shoot"]
    assert shot and all(h is None or "source told" not in h for h in shot), got


def test_a_hedge_over_a_message_covers_its_coordinated_clauses(nlp):
    got = _hedges(nlp, "Sources said two guards were injured and the minister was unharmed.")
    assert len(got) >= 2 and all(h and "sources said" in h for h in got.values()), got


def _dossier(nlp, texts: dict[str, tuple[str, str]], date: str):
    """The dossier of one-sentence reports ``{id: (text, outlet)}`` published on ``date``."""
    reports = [make_article(aid, text, date=date, outlet=outlet) for aid, (text, outlet) in texts.items()]
    return build_dossier(Story(id="s-1"), reports, {}, nlp=nlp)


def test_one_precision_difference_per_pair_of_values_names_the_reports_on_each_side(nlp):
    texts = {
        "b1": ("A bomb exploded on Friday at a bank in Woodburn, critically injuring the police chief.", "Outlet A"),
        "b2": ("The bomb at the Woodburn bank on Friday critically injured the police chief.", "Outlet B"),
        "b3": ("The police chief was injured when a bomb exploded at a Woodburn bank on Friday.", "Outlet C"),
        "b4": ("A bomb at a Woodburn bank on Friday injured the police chief.", "Outlet D"),
    }
    dossier = _dossier(nlp, texts, "2008-12-13")
    status = [c for c in dossier.conflicts if c.kind == "status"]
    assert len(status) == 1, [c.reason for c in dossier.conflicts]
    assert status[0].verdict == "precision"
    assert all(f"Outlet {x}" in status[0].reason for x in "ABCD"), status[0].reason
    assert " say " in status[0].reason  # several reports on a side: the verb agrees


def test_compatible_counts_of_one_fact_make_one_line(nlp):
    texts = {
        "c1": ("Riots in Athens on Monday injured at least 70 people, police said.", "Outlet A"),
        "c2": ("About 100 people were injured in the Athens riots on Monday.", "Outlet B"),
        "c3": ("At least 70 people were injured in riots in Athens on Monday.", "Outlet C"),
    }
    dossier = _dossier(nlp, texts, "2008-12-09")
    numbers = [c for c in dossier.conflicts if c.kind == "number"]
    assert len(numbers) == 1 and numbers[0].verdict == "precision", [c.reason for c in dossier.conflicts]
    reason = numbers[0].reason
    assert all(f"Outlet {x}" in reason for x in "ABC") and "About 100" in reason, reason
    assert reason.lower().count("at least 70") == 1, reason  # one count, its reports together


def _counted(aid: str, text: str, low: str, high: str):
    from newsweave.model import Claim, Span

    return Claim(id=f"{aid}:0", evidence=Span(aid, 0, 10), subject="people", predicate="injure",
                 arguments=(("class", "harm"), ("count", text), ("count_low", low), ("count_high", high),
                            ("counted", "person"), ("status", "injured")))


def test_counts_make_one_line_only_when_every_two_of_them_are_compatible():
    from newsweave.model import Conflict, Fact
    from newsweave.reconcile.differences import listed_once

    five, many, dozens = _counted("a", "five", "5", "5"), _counted("b", "many", "5", "1e9"), _counted(
        "c", "dozens", "24", "120")

    def diff(x, y):
        return Conflict(kind="number", verdict="precision", side_a=x, side_b=y, reason="compatible")

    fact = Fact(story_id="s", label="people injured", claims=(five, many, dozens), supporting_articles=("a", "b", "c"),
                independent_sources=3)
    # "five" and "dozens" contradict each other: no line may call all three compatible; "many" agrees with
    # each of them, and says so once
    [line] = listed_once([(fact, diff(five, many)), (fact, diff(many, dozens))], [], None)
    assert "“many” (report b) is compatible with each of “five” (report a) and “dozens” (report c)" in line.reason
    assert "are compatible" not in line.reason
    # a value agreeing with one other only: the pair's own line
    lines = listed_once([(fact, diff(five, many)), (fact, diff(dozens, _counted("d", "at least 20", "20", "1e9")))],
                        [], None)
    assert len(lines) == 2, [x.reason for x in lines]
    # all three pairs compatible ("ten", "10", "at least three"): one line, "10" and "ten" one value
    ten, ten_digits, three = _counted("a", "ten", "10", "10"), _counted("b", "10", "10", "10"), _counted(
        "c", "at least three", "3", "1e9")
    fact = Fact(story_id="s", label="people killed", claims=(ten, ten_digits, three), supporting_articles=("a", "b", "c"),
                independent_sources=3)
    [line] = listed_once([(fact, diff(ten, three)), (fact, diff(ten_digits, three))], [], None)
    assert "report a" in line.reason and "report b" in line.reason and "at least three" in line.reason


def test_a_speaker_named_mid_sentence_reads_as_written_there():
    from newsweave.model import Claim, Span, Statement
    from newsweave.reconcile.claim_text import describe_side

    def citing(words: str) -> str:
        st = Statement(content=Span("a", 0, 5), cue=None, cue_verb="say", speaker=Span("a", 0, 3),
                       speaker_text=words)
        claim = Claim(id="a:0", evidence=Span("a", 0, 5), subject=None, predicate="say", statement=st)
        return describe_side(claim, {"a": make_article("a", "text", outlet="Outlet A")}).split("citing ", 1)[1]

    assert citing("Two Iraqi officials") == "two Iraqi officials"
    assert citing("A source") == "a source"
    assert citing("Police") == "police"
    assert citing("The New York Times") == "The New York Times"
    assert citing("Police Commissioner Raymond Kelly ’ s") == "Police Commissioner Raymond Kelly"
