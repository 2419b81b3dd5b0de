"""The candidate indexes of the grouper, tested directly."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.stories.features import minhash_signature
from newsweave.stories.index import CopyIndex

WIRE = ("Rescue teams reached the flooded valley on Tuesday after two days of rain cut the only road, "
        "the regional governor said, adding that about 300 families had been moved to school buildings. "
        "Army helicopters dropped food and water to villages on the hillsides, and engineers began to build a "
        "temporary bridge over the river, which is expected to open to traffic by the end of the week. "
        "Forecasters warned that more rain could fall over the weekend.")


def test_copy_index_finds_a_near_verbatim_copy_and_forgets_removed_reports():
    index = CopyIndex()
    index.add("original", minhash_signature(WIRE))
    index.add("other", minhash_signature("A chess final in Oslo ended in a draw after six hours of play."))
    copy = WIRE.replace("Tuesday", "Tuesday morning")
    found = index.nearest(minhash_signature(copy), threshold=0.5)
    assert found is not None and found[0] == "original" and 0.5 <= found[1] < 1.0
    assert index.nearest(minhash_signature("Completely unrelated words about a football transfer fee."),
                         threshold=0.5) is None
    index.remove("original")
    assert index.nearest(minhash_signature(copy), threshold=0.5) is None
    assert len(index) == 1 and index.signature("original") is None


def test_copy_index_grows_and_keeps_signatures_exactly():
    index = CopyIndex()
    rng = np.random.default_rng(3)
    sigs = {f"r{i}": tuple(int(x) for x in rng.integers(0, 2**32, size=64, dtype=np.uint64)) for i in range(2500)}
    for aid, sig in sigs.items():
        index.add(aid, sig)
    assert len(index) == 2500
    assert tuple(int(x) for x in index.signature("r2499")) == sigs["r2499"]
    assert index.nearest(sigs["r1234"], threshold=0.99) == ("r1234", 1.0)


def test_copy_index_rejects_signatures_of_another_size():
    index = CopyIndex()
    index.add("a", tuple(range(64)))
    with pytest.raises(ValueError, match="signature"):
        index.add("b", tuple(range(32)))
