"""JSON, JSONL and CSV/TSV inputs: one report per record, fields found by common names or a field map.

Our fields are ``id``, ``date``, ``title``, ``text``, ``outlet``, ``url``, ``author`` and ``language``;
:data:`FIELD_NAMES` lists the input names recognised for each (case-insensitive, first non-empty wins).
``field_map`` names others (``{"text": "story_body"}``); a dotted name such as ``source.name`` reaches into
nested objects. Nested values such as ``{"source": {"name": "Reuters"}}`` or author lists are flattened.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any, get_args

from ..errors import ConfigError
from ..model import UNKNOWN_TIME, DatePrecision, PublishedTime, Rejection
from .dates import parse_published
from .html import html_to_text
from .records import RawReport

__all__ = [
    "FIELD_NAMES",
    "normalise_field_map",
    "read_csv",
    "read_json",
    "read_jsonl",
    "record_to_report",
    "records_to_reports",
]

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("external_id", "id", "doc_id", "article_id", "guid", "uuid"),
    "date": (
        "date", "published", "pubdate", "pub_date", "timestamp", "published_at", "publishedat",
        "datepublished", "date_published", "publication_date", "publish_date", "dct", "created_at",
        "time", "datetime",
    ),
    "title": ("title", "headline", "heading"),
    "text": ("text", "content", "body", "article", "article_text", "full_text", "story", "maintext"),
    "outlet": ("source", "outlet", "publisher", "domain", "site", "sitename", "source_name", "media"),
    "url": ("url", "link", "uri", "href"),
    "author": ("author", "byline", "authors", "creator"),
    "language": ("lang", "language", "locale"),
}
_OUR_NAMES = {
    "published": "date", "pubdate": "date", "timestamp": "date", "body": "text", "content": "text",
    "headline": "title", "source": "outlet", "publisher": "outlet", "link": "url", "byline": "author",
    "lang": "language",
}
_CONTAINER_KEYS = ("articles", "items", "data", "documents", "records", "results", "entries", "stories")
_MAX_CSV_FIELD = 100_000_000


def normalise_field_map(field_map: Mapping[str, str] | None) -> dict[str, str]:
    """Check a user field map (``{"our_field": "their_field"}``) and resolve synonyms of our field names.

    Raises :class:`~newsweave.errors.ConfigError` for an unknown field of ours.
    """
    result: dict[str, str] = {}
    for ours, theirs in (field_map or {}).items():
        key = ours.strip().lower()
        key = _OUR_NAMES.get(key, key)
        if key not in FIELD_NAMES:
            raise ConfigError(
                f"--map {ours}={theirs}: '{ours}' is not a newsweave field; use one of "
                f"{', '.join(FIELD_NAMES)} (for example --map text={theirs})"
            )
        result[key] = theirs.strip()
    return result


def _lookup(record: Mapping[str, Any], name: str) -> Any:
    current: Any = record
    for part in name.split("."):
        if not isinstance(current, Mapping):
            return None
        if part in current:
            current = current[part]
            continue
        folded = part.casefold()
        current = next((v for k, v in current.items() if isinstance(k, str) and k.casefold() == folded), None)
    return current


def _field(
    record: Mapping[str, Any], ours: str, field_map: Mapping[str, str], folded: Mapping[str, Any] | None = None
) -> Any:
    if ours in field_map:
        return _lookup(record, field_map[ours])
    if folded is None:
        folded = _folded(record)
    for name in FIELD_NAMES[ours]:
        value = folded.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


_PRECISIONS = set(get_args(DatePrecision))


def _with_export_details(published: PublishedTime, folded: Mapping[str, Any]) -> PublishedTime:
    """Honour ``date_precision``/``date_origin``/``date_confidence`` columns (newsweave's own export), so that
    exported articles re-ingest unchanged."""
    precision, origin, confidence = (folded.get(k) for k in ("date_precision", "date_origin", "date_confidence"))
    if precision in _PRECISIONS and precision != "unknown":
        published = replace(published, precision=precision)
    if isinstance(origin, str) and origin.strip():
        published = replace(published, origin=origin.strip())
    try:
        value = float(confidence) if confidence not in (None, "") else None
    except (TypeError, ValueError):
        value = None
    if value is not None and 0.0 <= value <= 1.0:
        published = replace(published, confidence=value)
    return published


def _folded(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k.casefold().replace("-", "_"): v for k, v in record.items() if isinstance(k, str)}


def _as_text(value: Any) -> str | None:
    """A scalar or a nested name (``{"name": "Reuters"}``, ``["A", "B"]``) as a string."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        for key in ("name", "title", "value", "text", "@value", "id"):
            if key in value:
                return _as_text(value[key])
        return None
    if isinstance(value, list | tuple):
        parts = [p for p in (_as_text(v) for v in value) if p]
        return ", ".join(parts) or None
    text = str(value).strip()
    return text or None


def _excerpt(record: Any) -> str:
    try:
        raw = json.dumps(record, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        raw = str(record)
    return raw[:120]


def record_to_report(
    record: Any,
    *,
    source: str,
    line: int | None,
    where: str,
    field_map: Mapping[str, str] | None = None,
    fmt: str = "json",
) -> RawReport | Rejection:
    """One record (a mapping) as a report. ``where`` is how messages name the record (``line 4``)."""
    mapping = field_map if field_map is None or set(field_map) <= set(FIELD_NAMES) else normalise_field_map(field_map)
    mapping = mapping or {}
    if not isinstance(record, Mapping):
        return Rejection(
            source, "malformed",
            f"{source} {where}: expected an object with fields (text, date, title ...), got "
            f"{type(record).__name__}; give one JSON object per record",
            line=line, excerpt=_excerpt(record),
        )
    folded = _folded(record)
    raw_text = _field(record, "text", mapping, folded)
    if isinstance(raw_text, bool | int | float):
        return Rejection(
            source, "no-text",
            f"{source} {where}: the text field holds a {type(raw_text).__name__} ({raw_text!r}), not the article "
            "text; name the text field with --map text=FIELD",
            line=line, excerpt=_excerpt(record),
        )
    text = raw_text if isinstance(raw_text, str) else _as_text(raw_text)
    if text and "<" in text and ("</p>" in text.lower() or "<br" in text.lower()):
        text = html_to_text(text)
    if not text or not text.strip():
        fields = ", ".join(str(k) for k in list(record)[:12])
        return Rejection(
            source, "no-text",
            f"{source} {where}: the record has no article text (looked for "
            f"{mapping.get('text') or '/'.join(FIELD_NAMES['text'])}; its fields are: {fields}); "
            "name the text field with --map text=FIELD",
            line=line, excerpt=_excerpt(record),
        )
    raw_date = _field(record, "date", mapping, folded)
    if isinstance(raw_date, Mapping):  # {"$date": ...} (MongoDB exports), {"value": ...}
        raw_date = next((raw_date[k] for k in ("$date", "value", "date", "@value") if k in raw_date), raw_date)
    if isinstance(raw_date, list | tuple):
        raw_date = raw_date[0] if raw_date else None
    published = UNKNOWN_TIME
    if raw_date not in (None, "", 0, "0") and not (isinstance(raw_date, str) and not raw_date.strip()):
        found = parse_published(raw_date, origin="field", confidence=0.9)
        if found is None:
            return Rejection(
                source, "bad-date",
                f"{source} {where}: the date {str(raw_date)[:60]!r} is not a recognisable date; write it as "
                "ISO 8601 (2021-11-08 or 2021-11-08T14:30:00Z), RFC 2822 or epoch seconds, or remove it "
                "to store the report with an unknown date",
                line=line, excerpt=_excerpt(record),
            )
        published = _with_export_details(found, folded)
    language = _as_text(_field(record, "language", mapping, folded))
    return RawReport(
        text=text,
        source=source,
        line=line,
        title=_as_text(_field(record, "title", mapping, folded)),
        url=_as_text(_field(record, "url", mapping, folded)),
        outlet_name=_as_text(_field(record, "outlet", mapping, folded)),
        author=_as_text(_field(record, "author", mapping, folded)),
        language=language.replace("_", "-").split("-")[0].lower() if language else None,
        published=published,
        external_id=_as_text(_field(record, "id", mapping, folded)),
        format=fmt,
    )


def records_to_reports(
    records: Iterable[Any], *, source: str = "records", field_map: Mapping[str, str] | None = None
) -> Iterator[RawReport | Rejection]:
    """Reports from in-memory records (dicts with the field names of JSON input); ``line`` = record number."""
    mapping = normalise_field_map(field_map)
    for number, record in enumerate(records, start=1):
        yield record_to_report(record, source=source, line=number, where=f"record {number}", field_map=mapping)


def _line_of(content: str, number: int) -> str | None:
    lines = content.split("\n")
    return lines[number - 1][:120] if 0 < number <= len(lines) else None


def _records_of(data: Any, field_map: Mapping[str, str]) -> list[Any] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        if _field(data, "text", field_map) is not None:
            return None  # a single article
        for key in _CONTAINER_KEYS:
            if isinstance(data.get(key), list):
                return data[key]
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(i, Mapping) for i in v)]
        if len(lists) == 1:
            return lists[0]
    return None


def read_json(
    content: str, *, source: str, field_map: Mapping[str, str] | None = None
) -> Iterator[RawReport | Rejection]:
    """A JSON document: one object, an array of objects, or an object holding one (``articles``, ``items``).

    ``line`` of each report is its record number (1-based); messages also give the array index.
    A document that is really JSON Lines is read as such.
    """
    mapping = normalise_field_map(field_map)
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and content.lstrip().startswith("{"):
            yield from read_jsonl(content, source=source, field_map=mapping)
            return
        yield Rejection(
            source, "malformed",
            f"{source}:{exc.lineno}: invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); fix the "
            "file (one JSON document, or one object per line as .jsonl)",
            line=exc.lineno, excerpt=_line_of(content, exc.lineno),
        )
        return
    records = _records_of(data, mapping)
    if records is None:
        yield record_to_report(data, source=source, line=1, where="(the document)", field_map=mapping, fmt="json")
        return
    if not records:
        yield Rejection(source, "empty", f"{source}: the JSON holds no records; remove it or add articles")
        return
    for index, record in enumerate(records):
        yield record_to_report(
            record, source=source, line=index + 1, where=f"record {index + 1} (index {index})",
            field_map=mapping, fmt="json",
        )


def jsonl_line(raw: str, *, number: int, source: str, field_map: Mapping[str, str]) -> RawReport | Rejection | None:
    """One line of a JSON Lines input (``None`` for a blank line); ``field_map`` already normalised."""
    if not raw.strip():
        return None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Rejection(
            source, "malformed",
            f"{source}:{number}: line {number} is not valid JSON ({exc.msg} at column {exc.colno}); fix "
            "or remove that line (each line must hold one complete JSON object)",
            line=number, excerpt=raw[:120],
        )
    return record_to_report(record, source=source, line=number, where=f"line {number}", field_map=field_map,
                            fmt="jsonl")


def read_jsonl(
    content: str, *, source: str, field_map: Mapping[str, str] | None = None
) -> Iterator[RawReport | Rejection]:
    """JSON Lines: one object per line; ``line`` is the line number. Blank lines are skipped."""
    mapping = normalise_field_map(field_map)
    for number, raw in enumerate(content.split("\n"), start=1):
        item = jsonl_line(raw, number=number, source=source, field_map=mapping)
        if item is not None:
            yield item


def read_csv(
    content: str, *, source: str, field_map: Mapping[str, str] | None = None, delimiter: str | None = None
) -> Iterator[RawReport | Rejection]:
    """CSV or TSV with a header row; ``line`` is the physical line where the row starts (header = line 1)."""
    mapping = normalise_field_map(field_map)
    if delimiter is None:
        header = content.split("\n", 1)[0]
        delimiter = max(",;\t|", key=header.count) if any(c in header for c in ",;\t|") else ","
    if csv.field_size_limit() < _MAX_CSV_FIELD:
        csv.field_size_limit(_MAX_CSV_FIELD)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        header_row = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield Rejection(source, "malformed", f"{source}:1: no CSV header row could be read ({exc}); the first "
                        "line must name the columns (text, date, title ...)", line=1)
        return
    names = [h.strip().lstrip("\ufeff") for h in header_row]
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Rejection(
                source, "malformed", f"{source}:{start}: this CSV row cannot be parsed ({exc}); check its quotes",
                line=start,
            )
            break
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            yield Rejection(
                source, "malformed",
                f"{source}:{line}: row has {len(row)} fields but the header names {len(names)}; quote fields "
                f"that contain the delimiter {delimiter!r} or line breaks",
                line=line, excerpt=delimiter.join(row)[:120],
            )
            continue
        record = dict(zip(names, row, strict=True))
        yield record_to_report(record, source=source, line=line, where=f"line {line}", field_map=mapping, fmt="csv")
