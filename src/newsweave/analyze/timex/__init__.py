"""Time expressions in news text: recognition (a regular grammar) and TIMEX3 normalisation.

    from newsweave.analyze.timex import find_timexes
    find_timexes(text, article_id="a1", dct=date(2021, 11, 8))

Relative expressions are resolved against the publication date (``dct``) or, for anaphoric ones ("a
day later", "the next morning"), against the previous time expression of the discourse. See
``docs/timex.md`` for the conventions.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from ...model import Span, TimeExpression
from .durations import OTHER_HANDLERS
from .filters import make_filter
from .grammar import candidates
from .normalise import DATE_HANDLERS
from .periods import PERIOD_HANDLERS
from .relative import RELATIVE_HANDLERS
from .resolve import Context, Reading

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["find_timexes"]

log = logging.getLogger(__name__)
_HANDLERS = {**DATE_HANDLERS, **PERIOD_HANDLERS, **RELATIVE_HANDLERS, **OTHER_HANDLERS}


def _dct_parts(dct: datetime | date | None) -> tuple[date | None, datetime | None]:
    if dct is None:
        return None, None
    if isinstance(dct, datetime):
        aware = dct if dct.tzinfo is not None else dct.replace(tzinfo=UTC)
        aware = aware.astimezone(UTC)
        has_time = (aware.hour, aware.minute, aware.second) != (0, 0, 0)
        return dct.date(), aware if has_time else None
    return dct, None


def _to_expression(text: str, start: int, end: int, article_id: str, r: Reading) -> TimeExpression:
    return TimeExpression(
        span=Span(article_id, start, end),
        text=text[start:end],
        type=r.type,  # type: ignore[arg-type]
        value=r.value,
        mod=r.mod,
        earliest=r.earliest,
        latest=r.latest,
        granularity=r.granularity,
        anchor=r.anchor,
    )


def find_timexes(
    text: str, *, article_id: str, dct: datetime | date | None, doc: Doc | None = None
) -> list[TimeExpression]:
    """Find and normalise the time expressions of ``text`` (offsets index ``text`` as given).

    ``dct`` is the publication date (document creation time); without it relative expressions get
    unresolved values (``XXXX-XX-XX``). ``doc``, a spaCy ``Doc`` of the same text, sharpens the tense
    decision and rejects names that look like months or weekdays ("May" the person).
    """
    if not text:
        return []
    dct_day, dct_time = _dct_parts(dct)
    if doc is not None and doc.text != text:
        log.debug("find_timexes: the doc is of other text; ignoring it")
        doc = None
    ctx = Context(text=text, dct=dct_day, dct_time=dct_time, doc=doc)
    out: list[TimeExpression] = []
    for cand in candidates(text, make_filter(text, doc)):
        groups = cand.match.groupdict()
        reading = _HANDLERS[cand.rule](cand, groups, ctx)
        if reading is None:
            continue
        start, end = cand.start, cand.end
        while end > start and text[end - 1] in " ,":
            end -= 1
        out.append(_to_expression(text, start, end, article_id, reading))
        if reading.period is not None and reading.anchor != "none" and reading.remember:
            ctx.remember(reading.period, end, reading.mod)
    return out
