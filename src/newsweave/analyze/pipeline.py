"""The per-report analysis stage: one spaCy parse, read by every analyser.

:func:`analyze_article` reads one report; :func:`analyze_many` reads a stream of them on several cores
(worker processes started with ``forkserver`` or ``spawn``, each loading the pipeline once and parsing with
``nlp.pipe``), yielding results in input order. Reports longer than the pipeline's ``max_length`` (or than
:data:`CHUNK_CHARS`) are parsed paragraph-chunk by paragraph-chunk and joined back into one ``Doc`` whose
offsets are those of the full text.

Time expressions (:mod:`newsweave.analyze.timex`) and statements (:mod:`newsweave.analyze.statements`) are
looked up lazily; when a module is missing its part of the analysis is empty and a warning is logged once.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..ingest.datelines import reference_time
from ..model import Article, Entity, Mention, Sentence, Statement, TimeExpression
from ..parallel import batches, head_and_rest, run_batches
from .entities import extract_mentions
from .sentences import add_paragraph_boundaries, split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "ANALYSIS_VERSION",
    "CHUNK_CHARS",
    "Analysis",
    "BatchExtra",
    "Extra",
    "analyze_article",
    "analyze_doc",
    "analyze_many",
    "get_pipeline",
    "parse_text",
]

log = logging.getLogger(__name__)

#: Bump whenever the output of the analysis changes, so stored analyses of an older version are re-run.
ANALYSIS_VERSION = "10"  # 3: quote layouts, block quotes, participle speakers, day-aligned edges;
# 4: raised passive subjects in the message, "they" for people named in the plural just before, tense of fronted times
# 5: relative times anchored on a later "Updated:" stamp; page date stamps are no transcript lines
# 6: a message the parser took for an adverbial clause ("said after the convention he would …")
# 7: embedded posts ("… — Name (@handle) date"), quoted names in speaker phrases, "which he said …" in a message
# 8: a platform or outlet the tagger calls a person ("Twitter") is no antecedent of "he"/"she"; one name, one
# sense in a report (a surname the tagger called a place is the person); headline words cut off a name; a credit
# line is a line of its own ("the source told us." is none); a described outlet named by its head ("website TMZ");
# a "person" named like a place or body ("Betty Ford Center") is an organisation
# 9: "According to A and B" with B lost by the parser is no statement; a feeling ("concerns") is no speaker;
# a participle modifying the subject made the main verb ("the strike called for May 5 was attended") is no cue;
# short given names (Tim, Liz) keep to a pronoun's gender; a ship the tagger calls a person is no antecedent;
# "When asked whether …, the star said": the star did not ask; "social" alone is no social media; a comma
# before a capitalised word ends a tagged name ("with People, Reid claimed"), unless the name closes a list;
# a raised passive subject is no speaker ("Residents were encouraged to find other routes"); "was contacted
# and told that …": told by the agent, not by the subject; a quotation carried over lines closes with a doubled
# apostrophe ("…again,'' said Roe") and over lines without marks; a quotation whose sentence has its own cue
# continues no earlier quote; any cue whose subject can hold a view ends the message before it ("…, and he
# railed against …"); headline words the tagger called a person ("Rehires") are no person
# 10: times: a past verb outweighs a date two months ahead ("posted on January 23" in November); "minutes/hours
# later" fall on the day before them; "the last Friday in August"; a present verb with a bare weekday points
# forward; a holiday within a month ahead is this year's whatever the tense;
# "a second-generation" is no duration; "40 points ahead" is no time ahead, "way back in October" is past;
# "may"/"might"/"should"/"must" point forward only on the verb the time hangs on; "between now and" points
# forward; "happen overnight", "an overnight success" are no nights. Pronouns: a quotation's "he"/"she" is not
# its speaker; a doubled apostrophe closes a quotation, a paragraph opening with a mark goes on with it; with no
# subject to take, "him" is the person named most so far. A name the tagger found once is a mention wherever the
# report writes it again ("Steve Pond … Pond said"), and so is the surname of the one person with that surname;
# a familiar given name is the formal one ("Katie Jenkin" = "Kathryn Jenkin"), "Oscars" = "Academy Awards";
# speakers joined by "and" each speak the quotation; a one-word "person" only ever written after a preposition of
# place or before "woman" is a place ("from Aberdare"); a surname opening a sentence is found again when tagged a
# proper noun; "… Awards" is no person; a given name and a person's surname make a person ("Bettie Page" tagged
# ORG where "Page" is a person); a team or paper by the last word or two of its name ("Colts", "Daily News") when
# one has it; a headline "person" of two names and a verb ("Colts Top Jags") is none; a surname tagged a
# nationality is the person ("Klitschko"); "his" in an infinitive clause is the subject's ("to keep his titles");
# a name in apposition to a subject is a subject; a mistyped `` at a line end closes a quotation; the one "quoted
# as saying" speaks the quotation; "herself" of an unnamed person ("one woman, who identified herself") is no one
# named; a place in an institution's name ("University of Athens") is not its short name; outside quotation
# marks, a person named inside one when no one outside fits (not for "…,'' he said"); about 80 more given names
# of one gender ("Howard", "Gordon", "Megan") keep a pronoun of the other away
#: Texts longer than this are parsed in paragraph chunks (spaCy needs ~1 GB of memory per 100k characters).
CHUNK_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything newsweave reads from one report; every item points at offsets into the report text."""

    article_id: str
    text_length: int
    text_sha256: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    timexes: tuple[TimeExpression, ...]
    statements: tuple[Statement, ...]
    version: str = ANALYSIS_VERSION

    def entity(self, entity_id: str | None) -> Entity | None:
        """The canonical entity with that id, if it belongs to this analysis."""
        return next((e for e in self.entities if e.id == entity_id), None)


def get_pipeline() -> Language:
    """The verified spaCy pipeline with newsweave's paragraph-boundary component added (once per process)."""
    from .nlp import load_pipeline

    return add_paragraph_boundaries(load_pipeline())


# -- parsing -------------------------------------------------------------------------------------------


def _cut_point(text: str, start: int, limit: int) -> int:
    """End of a chunk starting at ``start``: after a blank line, else a line break, else a sentence end."""
    window_end = min(len(text), start + limit)
    if window_end == len(text):
        return window_end
    window = text[start:window_end]
    for sep in ("\n\n", "\n", ". ", " "):
        k = window.rfind(sep)
        if k > limit // 4:
            cut = start + k + len(sep)
            while cut < len(text) and text[cut].isspace():
                cut += 1
            return cut
    return window_end


def _chunks(text: str, limit: int) -> list[str]:
    pieces, pos = [], 0
    while pos < len(text):
        cut = _cut_point(text, pos, limit)
        pieces.append(text[pos:cut])
        pos = cut
    return pieces


def parse_text(nlp: Language, text: str, *, chunk_chars: int = CHUNK_CHARS) -> Doc:
    """Parse ``text`` into one ``Doc`` whose ``text`` is exactly ``text``; long texts in paragraph chunks."""
    limit = max(1000, min(chunk_chars, nlp.max_length))
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    chunks = _chunks(text, limit)
    log.info("parsing a %d-character text in %d chunks", len(text), len(chunks))
    doc = Doc.from_docs(list(nlp.pipe(chunks)), ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - defensive: from_docs must not add or drop characters
        raise RuntimeError("chunked parse changed the text; offsets would be wrong")
    return doc


# -- optional analysers (written elsewhere) ------------------------------------------------------------

_warned: set[str] = set()


def _optional(module: str, function: str) -> Callable[..., Any] | None:
    import importlib

    try:
        mod = importlib.import_module(module)
        return getattr(mod, function)
    except ModuleNotFoundError as exc:
        if exc.name is not None and not module.startswith(exc.name) and exc.name != module:
            raise  # a missing third-party dependency: say so, do not hide it
        problem = str(exc)
    except (ImportError, AttributeError) as exc:
        problem = str(exc)
    if module not in _warned:
        _warned.add(module)
        log.warning(
            "%s.%s is not available (%s): that part of the analysis will be empty", module, function, problem
        )
    return None


def _timexes(doc: Doc, article_id: str, dct: datetime | date | None) -> list[TimeExpression]:
    find_timexes = _optional("newsweave.analyze.timex", "find_timexes")
    if find_timexes is None:
        return []
    return list(find_timexes(doc.text, article_id=article_id, dct=dct, doc=doc))


def _statements(doc: Doc, article_id: str, mentions: Sequence[Mention], entities: Sequence[Entity]):
    extract_statements = _optional("newsweave.analyze.statements", "extract_statements")
    if extract_statements is None:
        return []
    return list(
        extract_statements(
            doc, article_id=article_id, mentions=mentions, entities={e.id: e for e in entities}
        )
    )


# -- analysis ------------------------------------------------------------------------------------------


def analyze_doc(doc: Doc, *, article_id: str, dct: datetime | date | None = None) -> Analysis:
    """Analyse an already parsed report (``doc.text`` is the report text)."""
    text = doc.text
    sentences = split_sentences(doc, article_id=article_id)
    mentions, entities = extract_mentions(doc, article_id=article_id, sentences=sentences)
    timexes = _timexes(doc, article_id, dct)
    statements = _statements(doc, article_id, mentions, entities)
    return Analysis(
        article_id=article_id,
        text_length=len(text),
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sentences=tuple(sentences),
        mentions=tuple(mentions),
        entities=tuple(entities),
        timexes=tuple(timexes),
        statements=tuple(statements),
    )


def anchor_time(article: Article) -> datetime | None:
    """What the report's relative dates are resolved against: its publication time, or the later update its
    page states near the top (:func:`newsweave.ingest.datelines.reference_time`)."""
    return reference_time(article.published.value, article.title, article.text)


def analyze_article(article: Article, *, nlp: Language | None = None) -> Analysis:
    """Read one report: sentences, entity mentions and canonical entities, time expressions, statements.

    Time expressions are resolved against the publication time when known, or a later update the page states
    (:func:`anchor_time`).
    """
    nlp = add_paragraph_boundaries(nlp) if nlp is not None else get_pipeline()
    doc = parse_text(nlp, article.text)
    return analyze_doc(doc, article_id=article.id, dct=anchor_time(article))


#: ``extra(article, doc, analysis)`` runs next to the analysis, on the same parse (in the worker process), for
#: later stages that need the parse too (claims, grouping features). It must be a module-level function.
Extra = Callable[[Article, "Doc", Analysis], Any]
#: ``batch_extra(articles, docs, analyses)`` is :data:`Extra` for a whole batch at once (one result per
#: article, in order), for work that is cheaper batched (sentence embeddings). A module-level function too.
BatchExtra = Callable[[Sequence[Article], Sequence["Doc"], Sequence[Analysis]], Sequence[Any]]


def _analyze_batch(
    nlp: Language,
    articles: Sequence[Article],
    batch_size: int,
    extra: Extra | None = None,
    batch_extra: BatchExtra | None = None,
) -> list[Any]:
    limit = max(1000, min(CHUNK_CHARS, nlp.max_length))
    short = [a for a in articles if len(a.text) <= limit]
    docs = (
        dict(
            zip((a.id for a in short), nlp.pipe((a.text for a in short), batch_size=batch_size), strict=True)
        )
        if len({a.id for a in short}) == len(short)
        else None
    )
    out = []
    parsed = []
    for article in articles:
        if docs is not None and len(article.text) <= limit:
            doc = docs[article.id]
        else:
            doc = parse_text(nlp, article.text)
        analysis = analyze_doc(doc, article_id=article.id, dct=anchor_time(article))
        if batch_extra is not None:
            parsed.append(doc)
            out.append(analysis)
        else:
            out.append(analysis if extra is None else (analysis, extra(article, doc, analysis)))
    if batch_extra is not None:
        results = list(batch_extra(articles, parsed, out))
        if len(results) != len(out):
            raise ValueError(f"batch_extra returned {len(results)} results for {len(out)} reports")
        out = list(zip(out, results, strict=True))
    return out


_worker_nlp: Language | None = None
# spaCy first, without torch (the hooks' own preloads may import torch afterwards: embeddings need it)
_PRELOAD = ["newsweave.analyze.spacy_preload", "newsweave.analyze.pipeline", "newsweave.analyze.timex",
            "newsweave.analyze.statements"]


def _init_worker() -> None:
    global _worker_nlp
    # one thread per worker: the workers are the parallelism (read by newsweave.stories.embeddings too)
    os.environ["NEWSWEAVE_TORCH_THREADS"] = "1"
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:  # torch is only needed for embeddings
        pass
    _worker_nlp = get_pipeline()


def _worker_batch(
    articles: list[Article], batch_size: int, extra: Extra | None = None, batch_extra: BatchExtra | None = None
) -> list[Any]:
    assert _worker_nlp is not None, "worker not initialised"
    return _analyze_batch(_worker_nlp, articles, batch_size, extra, batch_extra)


def analyze_many(
    articles: Iterable[Article],
    *,
    workers: int = 2,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
    extra: Extra | None = None,
    batch_extra: BatchExtra | None = None,
    preload: Sequence[str] = (),
) -> Iterator[Any]:
    """Analyse a stream of reports on ``workers`` processes, yielding one :class:`Analysis` per report in
    input order. ``progress`` is called with the number of reports just finished (an increment).
    With ``extra``, each item is ``(analysis, extra(article, doc, analysis))``; with ``batch_extra``, each
    item is ``(analysis, result)`` where the results come from one ``batch_extra(articles, docs, analyses)``
    call per batch. ``preload`` names modules the hooks need: they are imported once in the fork server, which
    the workers inherit, instead of in every worker.

    ``workers=1`` (or an input of a single batch) runs in this process. Worker processes are started with
    ``forkserver`` (``spawn`` where unavailable), load the pipeline once and parse with ``nlp.pipe``.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1 (got {workers})")
    if extra is not None and batch_extra is not None:
        raise ValueError("pass extra or batch_extra, not both (batch_extra can call the per-report function)")
    head, all_batches = head_and_rest(batches(articles, batch_size), 2)
    if workers == 1 or len(head) < 2:
        nlp = get_pipeline()
        for batch in all_batches:
            results = _analyze_batch(nlp, batch, batch_size, extra, batch_extra)
            if progress:
                progress(len(results))
            yield from results
        return
    yield from run_batches(_worker_batch, all_batches, args=(batch_size, extra, batch_extra), workers=workers,
                           initializer=_init_worker, preload=[*_PRELOAD, *preload], progress=progress)
