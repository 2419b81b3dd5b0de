"""compare_texts / compare_jsonl: the dossier's code path on two short passages."""

from __future__ import annotations

import json

import pytest

from newsweave.errors import InputError
from newsweave.reconcile.compare import compare_jsonl, compare_texts, overall_verdict


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (
            "Seven of the security guards were injured in the attack.",
            "Several of the security guards were injured in the attack.",
            "precision",
        ),
        (
            "Twelve people were killed in the explosion in the market.",
            "Thirty people were killed in the explosion in the market.",
            "contradict",
        ),
        (
            "The governor was not injured in the attack.",
            "The governor was seriously injured in the attack.",
            "contradict",
        ),
        ("The drone reportedly targeted the airport.", "The drone targeted the airport.", "certainty"),
        (
            "Seven of the security guards were injured in the attack.",
            "Seven of the security guards were injured in the attack on the compound.",
            "agree",
        ),
        ("The central bank raised interest rates.", "Heavy rain flooded the valley.", "unrelated"),
        # who did it: two groups claiming one attack, or a claim against "no group has claimed it"
        (
            "The Islamic State claimed responsibility for the bombing in Kabul.",
            "The Taliban claimed responsibility for the bombing in Kabul.",
            "contradict",
        ),
        (
            "Hamas claimed responsibility for the attack on the embassy.",
            "No group has claimed responsibility for the attack on the embassy.",
            "contradict",
        ),
        # "is recovering" is alive and hurt: not "died"
        ("The senator died on Tuesday at his home in Ohio.", "The senator is recovering at his home in Ohio.",
         "contradict"),
        # who carried out an attack: the doer of "carried out" is the attack's actor
        (
            "The attack on the convoy was carried out by Hamas, officials said.",
            "The attack on the convoy was carried out by Islamic Jihad, officials said.",
            "contradict",
        ),
        # the size of one crowd, disputed; and a total told with its parts against the same total
        (
            "Around 2,000 people joined the march in the capital, police said.",
            "Tens of thousands of people joined the march in the capital, organisers said.",
            "contradict",
        ),
        (
            "About 22,000 people attended the rally, 6,000 on Capitol Square and 16,000 outside the gates.",
            "An estimated 22,000 people attended the rally, according to authorities.",
            "agree",
        ),
        # counts of the arrested are what happened to them; "several" is loose at its edges, "dozens" is not "three"
        ("Three people were arrested after the protest in Lyon.", "Four people were arrested after the protest in Lyon.",
         "contradict"),
        ("Several people were detained after the protest in Lyon.",
         "At least 24 people were arrested after the protest in Lyon.", "precision"),
        ("Three people were hurt in the blast in Lyon.", "Dozens of people were hurt in the blast in Lyon.", "contradict"),
        # a quake's magnitude as two agencies measure it: a difference of measurement
        (
            "A 5.9-magnitude earthquake jolted Qeshm island on Sunday, IRNA said.",
            "An earthquake with a magnitude of 6.0 hit Qeshm island on Sunday, the USGS said.",
            "precision",
        ),
        # "about a dozen were wounded" is a count of people, comparable with "12 injured"
        (
            "Police said 12 were injured in the blast on Monday in Kabul.",
            "About a dozen were wounded in the blast on Monday in Kabul.",
            "precision",
        ),
    ],
)
def test_verdicts(nlp, a, b, expected):
    verdicts = compare_texts(a, b, nlp=nlp)
    assert overall_verdict(verdicts) == expected, [(v.verdict, v.reason) for v in verdicts]
    assert all(v.reason for v in verdicts)


def test_dates_make_time_comparable(nlp):
    a = "Gunmen attacked the police station on Monday."
    b = "Gunmen attacked the police station on Thursday."
    v = compare_texts(a, b, date_a="2021-11-09", date_b="2021-11-12", nlp=nlp)
    assert overall_verdict(v) == "contradict"
    assert any(x.kind == "time" for x in v)


def test_empty_text_is_an_input_error(nlp):
    with pytest.raises(InputError):
        compare_texts("", "x", nlp=nlp)


def test_bad_date_is_an_input_error(nlp):
    with pytest.raises(InputError, match="ISO date"):
        compare_texts("Seven were hurt.", "Eight were hurt.", date_a="last week", nlp=nlp)


def test_jsonl_one_line_per_pair_and_errors_inline(nlp):
    lines = [
        json.dumps(
            {
                "id": "p1",
                "a": "Seven guards were injured in the attack.",
                "b": "Several guards were injured in the attack.",
            }
        ),
        "{not json",
        json.dumps({"a": "only a"}),
        "",
    ]
    out = list(compare_jsonl(lines, nlp=nlp))
    assert len(out) == 3
    assert out[0]["id"] == "p1" and out[0]["verdict"] == "precision"
    assert out[0]["verdicts"][0]["reason"]
    assert out[1]["line"] == 2 and "error" in out[1]
    assert out[2]["line"] == 3 and "error" in out[2]
    json.dumps(out)  # serialisable


def test_a_death_toll_told_through_its_number_is_a_count_of_the_dead(nlp):
    verdicts = compare_texts("The ministry said 40 people were killed in the floods in the north.",
                             "The death toll from the floods in the north rose to 55, the ministry said.",
                             date_a="2024-03-07", date_b="2024-03-08", nlp=nlp)
    numbers = [v for v in verdicts if v.kind == "number"]
    assert numbers and numbers[0].verdict == "contradict", [(v.verdict, v.reason) for v in verdicts]
    assert "“55”" in numbers[0].reason and "toll often rises" in numbers[0].reason


@pytest.mark.parametrize(("b", "expected"), [
    ("Two workers were killed in the explosion at the refinery at 10 a.m. on Thursday.", "contradict"),
    ("Two workers were killed in the explosion at the refinery on Thursday morning.", "precision"),
])
def test_two_clock_times_are_two_times_a_clock_time_in_a_part_of_day_is_one(nlp, b, expected):
    a = "Two workers were killed in the explosion at the refinery at 8:30 a.m. on Thursday."
    verdicts = compare_texts(a, b, date_a="2024-03-08", date_b="2024-03-08", nlp=nlp)
    assert overall_verdict(verdicts) == expected, [(v.verdict, v.reason) for v in verdicts]


def test_one_difference_told_by_two_predicates_of_a_sentence_is_said_once(nlp):
    verdicts = compare_texts("The attack on the embassy happened on Saturday.",
                             "The attack on the embassy happened on Sunday.",
                             date_a="2024-03-08", date_b="2024-03-08", nlp=nlp)
    reasons = [v.reason for v in verdicts]
    assert len(reasons) == len(set(reasons)), reasons
