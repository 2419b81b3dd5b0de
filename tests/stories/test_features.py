from __future__ import annotations

import numpy as np

from newsweave.stories.dates import dateline_month, mentioned_dates
from newsweave.stories.features import entity_key, minhash_signature
from newsweave.stories.index import estimate_jaccard


def test_explicit_dates_are_read_with_their_precision():
    text = "Updated: November 11, 2011 20:09 IST\nThe ship left port on 16 September 2013 and again in May 2005."
    values = [v for _, v in mentioned_dates(text)]
    assert values == ["2011-11-11", "2013-09-16", "2005-05"]
    assert dateline_month(mentioned_dates(text)) == "2011-11"


def test_numeric_dates_and_bare_years_only_from_date_entities():
    text = "Posted 4 / 9 / 2007. He scored 2013 points."
    values = [v for _, v in mentioned_dates(text, date_entities=["last year", "2006"])]
    assert "2007-04-09" in values and "2006" in values and "2013" not in values


def test_entity_keys_normalise_names():
    assert entity_key("PERSON", "Maurice Cheeks") == ["PER:cheeks"]
    assert entity_key("GPE", "the U. S.") == ["LOC:us"]
    assert entity_key("ORG", "Reuters's") == ["ORG:reuters"]
    assert entity_key("DATE", "Monday") == []


def test_minhash_estimates_overlap():
    base = " ".join(f"word{i}" for i in range(200))
    near = base.replace("word100", "other")
    far = " ".join(f"thing{i}" for i in range(200))
    sig = np.array(minhash_signature(base))
    assert estimate_jaccard(sig, np.array(minhash_signature(near))) > 0.8
    assert estimate_jaccard(sig, np.array(minhash_signature(far))) < 0.2
