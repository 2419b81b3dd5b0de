"""Sentence embeddings: storage round trip, int8 agreement with the float model, thread pinning, and reuse of
the vectors the analysis workers stored (grouping must not embed a report twice)."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.stories import embeddings as emb

LEADS = [
    "Police arrested two men on Friday after a jewellery shop in the city centre was robbed at gunpoint.",
    "The central bank raised its main interest rate by half a point, its fourth increase this year.",
    "Heavy rain caused flooding in several villages in the north, and hundreds of residents were evacuated.",
    "The club confirmed that its head coach had been dismissed after a run of six defeats.",
]


def test_vector_text_round_trip_is_exact():
    v = np.random.default_rng(3).normal(size=emb.EMBEDDING_DIM).astype(np.float32)
    back = emb.vector_from_text(emb.vector_to_text(v))
    assert back.dtype == np.float32 and np.array_equal(back, v)


@pytest.mark.parametrize("bad", ["", "AAAA", "not base64 at all!"])
def test_vector_from_text_rejects_what_is_not_a_stored_vector(bad):
    with pytest.raises(ValueError):
        emb.vector_from_text(bad)


def test_thread_count_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(emb.THREADS_ENV, "1")
    assert emb._default_threads() == 1
    monkeypatch.setenv(emb.THREADS_ENV, "zero")
    assert emb._default_threads() >= 1


@pytest.fixture(scope="module")
def float_and_default():
    return emb.SentenceEmbedder(int8=False, threads=1), emb.SentenceEmbedder(threads=1)


def test_default_embedder_agrees_with_the_float_model(float_and_default):
    exact, default = float_and_default
    a, b = exact.embed(LEADS), default.embed(LEADS)
    assert exact.precision == "float32"
    assert default.precision in ("int8", "float32")  # int8 only on CPUs with VNNI
    assert a.shape == b.shape == (len(LEADS), emb.EMBEDDING_DIM)
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-4)
    cosines = np.sum(a * b, axis=1)
    assert cosines.min() >= emb.MIN_INT8_AGREEMENT
    # and it still tells different events apart
    assert float(b[0] @ b[1]) < 0.6


def test_batch_size_does_not_change_vectors(float_and_default):
    _, default = float_and_default
    one_by_one = np.vstack([default.embed([t]) for t in LEADS])
    assert np.allclose(one_by_one, default.embed(LEADS), atol=1e-3)


def test_plain_torch_encoder_equals_sentence_transformers():
    st = pytest.importorskip("sentence_transformers")
    from newsweave.stories.minilm import load_minilm

    path = emb._model_dir()
    ours = load_minilm(path).encode(LEADS + [" ".join(LEADS) * 3])  # the last one is truncated at 256 tokens
    reference = st.SentenceTransformer(str(path), device="cpu").encode(
        LEADS + [" ".join(LEADS) * 3], convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
    )
    assert np.abs(ours - reference).max() < 1e-4


class _CountingEmbedder:
    def __init__(self):
        self.seen: list[str] = []

    def embed(self, texts):
        self.seen.extend(texts)
        return np.ones((len(texts), emb.EMBEDDING_DIM), dtype=np.float32) / np.sqrt(emb.EMBEDDING_DIM)


def test_grouping_reuses_vectors_stored_by_analysis_and_embeds_only_the_rest(tmp_path):
    import newsweave
    from newsweave.stages import _grouping_features, article_products_batch, run_analysis

    texts = [
        ("Firefighters battled a blaze at a timber warehouse in the port district on Tuesday, officials said. "
         "Nobody was hurt, but smoke closed two roads for hours."),
        ("The city council approved a new budget on Thursday that raises spending on public transport by twelve "
         "percent after a six-hour debate."),
    ]
    with newsweave.open(tmp_path / "e.db") as nw:
        nw.ingest_texts(texts, process=False)
        assert run_analysis(nw.store, workers=1) == 2
        articles = nw.store.get_articles(nw.store.articles_needing_grouping())
        stored = nw.store.get_products([a.id for a in articles], "embedding")
        assert set(stored) == {a.id for a in articles}
        assert all(version == emb.EMBEDDING_VERSION for version, _ in stored.values())
        counting = _CountingEmbedder()
        features = _grouping_features(nw.store, articles, counting)
        assert counting.seen == []  # nothing embedded again
        direct = emb.default_embedder().embed([emb.embedding_text(a.title, a.text) for a in articles])
        for f, v in zip(features, direct, strict=True):
            assert float(f.embedding @ v) > 0.999
        # a stale version (or another text) is embedded afresh, exactly for that report
        first = articles[0]
        nw.store.save_product(first.id, "embedding", "old-version", stored[first.id][1])
        features = _grouping_features(nw.store, articles, counting)
        assert len(counting.seen) == 1 and counting.seen[0].startswith(first.text.strip()[:40])
        assert article_products_batch([], [], []) == []
