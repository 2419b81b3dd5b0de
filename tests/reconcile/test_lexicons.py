import math

import pytest

from newsweave.reconcile.lexicons import normalise_key, parse_number, predicate_class, status_compatible


@pytest.mark.parametrize(
    "text, value, kind",
    [
        ("seven", 7, "exact"),
        ("12", 12, "exact"),
        ("twenty-one", 21, "exact"),
        ("2,500", 2500, "exact"),
        ("about 40", 40, "approx"),
        ("at least 12", 12, "min"),
        ("three thousand", 3000, "exact"),
        # digit groups printed with a space after the comma (some corpora print numbers so)
        ("more than 31, 000", 31000, "min"),
        ("around 1, 400", 1400, "approx"),
    ],
)
def test_parse_number_precise(text, value, kind):
    v, rng, k = parse_number(text)
    assert v == value and k == kind
    assert rng[0] <= value <= rng[1]


@pytest.mark.parametrize("text", ["several", "dozens", "a few", "several of"])
def test_parse_number_vague(text):
    v, rng, k = parse_number(text)
    assert v is None and k == "vague" and rng[0] < rng[1]


def test_parse_number_unreadable():
    assert parse_number("the guards") == (None, None, "")


def test_at_least_is_open_ended():
    assert math.isinf(parse_number("at least 12")[1][1])


@pytest.mark.parametrize(
    "a, b, ok",
    [
        ("unharmed", "not injured", True),
        ("not injured", "mildly hurt", False),
        ("injured", "mildly hurt", True),
        ("survived", "killed", False),
        ("survived", "seriously injured", True),
        ("unharmed", "killed", False),
    ],
)
def test_status_scale(a, b, ok):
    assert status_compatible(a, b) is ok
    assert status_compatible(b, a) is ok


def test_unknown_status_is_undecided():
    assert status_compatible("happy", "unharmed") is None


def test_predicate_classes():
    assert predicate_class("strike") == predicate_class("attack") == predicate_class("target")
    assert predicate_class("injure") == predicate_class("hurt")
    assert predicate_class("condemn") != predicate_class("attack")
    assert predicate_class("frobnicate") == "frobnicate"


def test_normalise_key_variants():
    assert normalise_key("Al-Rashid's") == normalise_key("al Rashid") == "rashid"
    assert normalise_key("Müller") == "muller"


@pytest.mark.parametrize(("text", "low", "high"), [
    ("between 50 and 70", 50, 70), ("Between 20 and 30", 20, 30), ("some 20 to 30", 20, 30), ("40-70", 40, 70),
])
def test_parse_number_ranges(text, low, high):
    assert parse_number(text) == (None, (low, high), "range")


def test_a_list_of_numbers_is_no_range():
    assert parse_number("70 and 50")[2] != "range"  # the lower end first, or it is no range
