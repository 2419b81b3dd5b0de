"""Expanding what the user named (files, folders, ``-``, ``.gz`` files, URLs) into reports.

:func:`iter_reports` never aborts the batch on bad input: every problem becomes a
:class:`~newsweave.model.Rejection` (reason code, message naming the file and line and saying what to do) and
reading goes on with the next record or file. Only a wrong option (an unknown ``field_map`` field) raises.
The network is used only for ``http(s)://`` arguments; :func:`parse_bytes` reads already-fetched bytes.
"""

from __future__ import annotations

import dataclasses
import http.client
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Rejection
from .checks import check_report
from .dated_text import has_date_prefix, read_text_report
from .encoding import decode_bytes
from .feeds import looks_like_feed, read_feed
from .html import looks_like_html, read_html
from .records import RawReport
from .structured import FIELD_NAMES, normalise_field_map, read_csv, read_json, read_jsonl

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "check_report",
    "fetch_url",
    "iter_reports",
    "parse_bytes",
    "sniff_format",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20_000_000
FORMATS = ("dated-text", "text", "json", "jsonl", "csv", "tsv", "html", "feed")
_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".rdf": "feed",
}
_TEXT_FIELDS = set(FIELD_NAMES["text"])
# Files that accompany a corpus rather than belong to it; skipped when walking a folder (read when named).
_DOCUMENTATION = re.compile(
    r"^(?:readme|licen[cs]e|copying|notice|attribution|authors|changelog|contributing|manifest)"
    r"(?:[._-][\w.-]*)?$",
    re.IGNORECASE,
)
_USER_AGENT = "newsweave/0.1 (news reader; fetches only URLs its user gives)"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _too_large(source: str, size: int, max_bytes: int) -> Rejection:
    return Rejection(
        source, "too-large",
        f"{source}: {_mb(size) if size > max_bytes else 'more than ' + _mb(max_bytes)} is over the "
        f"{_mb(max_bytes)} limit per file (max_bytes={max_bytes}); raise it with --max-bytes "
        f"{max(2 * max_bytes, size + 1)} or split the file",
    )


def sniff_format(content: str, *, name: str | None = None, content_type: str | None = None) -> str | None:
    """The input format of decoded ``content``: by file extension first, then by content type and content.

    Returns one of :data:`FORMATS`, or ``None`` for an ``.xml`` document that is not a feed.
    """
    suffix = Path(name).suffix.lower() if name else ""
    by_extension = _EXTENSIONS.get(suffix)
    head = content.lstrip("\ufeff \t\n")[:4096]
    if by_extension == "text":
        return "dated-text" if has_date_prefix(content) else "text"
    if by_extension == "feed":
        if looks_like_feed(head):
            return "feed"
        return "html" if looks_like_html(head) else None
    if by_extension:
        return by_extension
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml") or (
        kind.endswith("xml") and looks_like_feed(head)
    ):
        return "feed"
    if kind in ("application/json", "text/json"):
        return "json"
    if kind in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return "jsonl"
    if kind == "text/csv":
        return "csv"
    if has_date_prefix(content):
        return "dated-text"
    if head.startswith(("{", "[")):
        first, _, rest = head.partition("\n")
        return "jsonl" if first.rstrip().endswith("}") and rest.lstrip().startswith("{") else "json"
    if head.startswith("<"):
        if looks_like_feed(head):
            return "feed"
        if looks_like_html(head):
            return "html"
    if kind in ("text/html", "application/xhtml+xml") and looks_like_html(head):
        return "html"
    first_line = head.split("\n", 1)[0]
    for delimiter in (",", "\t", ";", "|"):
        cells = {c.strip().strip('"').strip().lower() for c in first_line.split(delimiter)}
        if len(cells) > 1 and cells & _TEXT_FIELDS:
            return "tsv" if delimiter == "\t" else "csv"
    return "text"


def _gunzip(data: bytes, *, source: str, max_bytes: int) -> bytes | Rejection:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        return Rejection(
            source, "malformed", f"{source}: not a valid gzip file ({exc}); re-compress it or give the plain file"
        )
    if len(out) > max_bytes:
        return _too_large(source, len(out) + 1, max_bytes)
    if not decompressor.eof:
        return Rejection(source, "malformed", f"{source}: the gzip data is truncated; re-download or re-compress it")
    return out


def parse_bytes(
    data: bytes,
    *,
    source: str,
    name: str | None = None,
    content_type: str | None = None,
    url: str | None = None,
    field_map: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[RawReport | Rejection]:
    """Reports in the bytes of one input (a file's content, a fetched page or feed, stdin).

    ``name`` (a file name) and ``content_type`` (an HTTP header) guide format sniffing; ``url`` is where
    an HTML page came from (for its URL date and outlet). gzip data is decompressed first.
    """
    if len(data) > max_bytes:
        yield _too_large(source, len(data), max_bytes)
        return
    if data[:2] == b"\x1f\x8b" or (name or "").lower().endswith(".gz"):
        inner = _gunzip(data, source=source, max_bytes=max_bytes)
        if isinstance(inner, Rejection):
            yield inner
            return
        inner_name = name[:-3] if name and name.lower().endswith(".gz") else None
        yield from parse_bytes(
            inner, source=source, name=inner_name, content_type=None, url=url, field_map=field_map,
            max_bytes=max_bytes,
        )
        return
    charset = re.search(r"charset=([\w.:-]+)", content_type or "", re.IGNORECASE)
    try:
        decoded = decode_bytes(data, source=source, hint=charset.group(1) if charset else None)
    except InputError as exc:
        yield Rejection(source, exc.reason, str(exc), excerpt=None)
        return
    content = decoded.text
    fmt = sniff_format(content, name=name, content_type=content_type)
    if fmt in ("dated-text", "text"):
        yield read_text_report(content, source=source)
    elif fmt == "json":
        yield from read_json(content, source=source, field_map=field_map)
    elif fmt == "jsonl":
        yield from read_jsonl(content, source=source, field_map=field_map)
    elif fmt in ("csv", "tsv"):
        yield from read_csv(content, source=source, field_map=field_map, delimiter="\t" if fmt == "tsv" else None)
    elif fmt == "html":
        yield read_html(content, source=source, url=url)
    elif fmt == "feed":
        yield from read_feed(content, source=source)
    else:
        yield Rejection(
            source, "unsupported-format",
            f"{source}: this XML document is neither an RSS/Atom feed nor an HTML page; newsweave reads text, "
            "JSON, JSONL, CSV, HTML and RSS/Atom",
            excerpt=content[:80],
        )


def fetch_url(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 30.0) -> tuple[bytes, str | None, str]:
    """GET ``url``: (body, Content-Type, final URL after redirects). Raises ``OSError`` on network errors."""
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "*/*"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read(max_bytes + 1)
        return body, response.headers.get("Content-Type"), response.geturl()


def _read_url(url: str, *, field_map: Mapping[str, str], max_bytes: int, fetch: bool) -> Iterator[RawReport | Rejection]:
    if not fetch:
        yield Rejection(
            url, "fetch-disabled", f"{url}: URLs are not fetched in this run (network use is switched off); "
            "download the page or feed and give the file instead"
        )
        return
    try:
        body, content_type, final = fetch_url(url, max_bytes=max_bytes)
    except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError, HTTPError, timeouts, bad URLs
        yield Rejection(
            url, "fetch-failed", f"{url}: could not be fetched ({exc}); check the address and the network, or "
            "download it and give the file"
        )
        return
    name = Path(urlsplit(final).path).name or None
    if name and Path(name).suffix.lower() not in _EXTENSIONS and not name.lower().endswith(".gz"):
        name = None
    yield from parse_bytes(
        body, source=url, name=name, content_type=content_type, url=final, field_map=field_map, max_bytes=max_bytes
    )


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if _DOCUMENTATION.match(name):
                log.info("skipping %s: a documentation file, not a report (name it explicitly to read it)",
                         Path(root) / name)
                continue
            if _is_database(Path(root) / name):
                log.info("skipping %s: an SQLite database (newsweave's own store?), not a report", Path(root) / name)
                continue
            yield Path(root) / name


_SQLITE_MAGIC = b"SQLite format 3\x00"
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _is_database(path: Path) -> bool:
    """An SQLite database or one of its side files ("news.db-wal"): a store, perhaps the one being written, that
    sits in the folder being read."""
    for suffix in _SQLITE_SIDE_FILES:
        if path.name.endswith(suffix):
            return _is_database(path.with_name(path.name[: -len(suffix)]))
    try:
        with path.open("rb") as fh:
            return fh.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


_STREAMED = (".jsonl", ".ndjson", ".jsonlines", ".jsonl.gz", ".ndjson.gz", ".jsonlines.gz")


def _stream_jsonl(path: Path, *, field_map: Mapping[str, str], max_bytes: int) -> Iterator[RawReport | Rejection]:
    """JSON Lines files are read line by line, so a dump of any size streams in constant memory;
    ``max_bytes`` then limits each record, not the file."""
    import gzip

    from .structured import jsonl_line

    source = str(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        seen_text = False
        for number, raw in enumerate(handle, start=1):
            seen_text = seen_text or bool(raw.strip())
            if len(raw) > max_bytes:
                yield dataclasses.replace(_too_large(source, len(raw), max_bytes), line=number)
                continue
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                try:
                    text = decode_bytes(raw, source=f"{source}:{number}").text
                except InputError as exc:
                    yield Rejection(source, exc.reason, str(exc), line=number)
                    continue
            item = jsonl_line(text, number=number, source=source, field_map=field_map)
            if item is not None:
                yield item
    if not seen_text:
        yield Rejection(source, "empty", f"{source}: the file is empty; nothing to read")


def _read_file(path: Path, *, field_map: Mapping[str, str], max_bytes: int) -> Iterator[RawReport | Rejection]:
    source = str(path)
    if path.name.lower().endswith(_STREAMED):
        try:
            yield from _stream_jsonl(path, field_map=field_map, max_bytes=max_bytes)
        except (OSError, EOFError) as exc:
            yield Rejection(source, "unreadable", f"{source}: cannot be read ({exc}); check the file")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes and not path.name.lower().endswith(".gz"):
            yield _too_large(source, size, max_bytes)
            return
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        yield Rejection(source, "unreadable", f"{source}: permission denied; make the file readable (chmod +r)")
        return
    except OSError as exc:
        yield Rejection(source, "unreadable", f"{source}: cannot be read ({exc.strerror or exc}); check the path")
        return
    yield from parse_bytes(data, source=source, name=path.name, field_map=field_map, max_bytes=max_bytes)


def _read_one(
    spec: str, *, field_map: Mapping[str, str], max_bytes: int, fetch_urls: bool
) -> Iterator[RawReport | Rejection]:
    if spec == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        yield from parse_bytes(data, source="-", field_map=field_map, max_bytes=max_bytes)
        return
    if re.match(r"^https?://", spec, re.IGNORECASE):
        yield from _read_url(spec, field_map=field_map, max_bytes=max_bytes, fetch=fetch_urls)
        return
    path = Path(spec).expanduser()
    if path.is_dir():
        found = False
        for file in _walk(path):
            found = True
            yield from _read_file(file, field_map=field_map, max_bytes=max_bytes)
        if not found:
            yield Rejection(spec, "empty", f"{spec}: the folder holds no (non-hidden) files; check the path")
        return
    if not path.exists():
        yield Rejection(spec, "not-found", f"{spec}: no such file or folder; check the path (URLs need http://)")
        return
    yield from _read_file(path, field_map=field_map, max_bytes=max_bytes)


def _guarded(items: Iterator[RawReport | Rejection], spec: str) -> Iterator[RawReport | Rejection]:
    """Turn an unexpected reader failure into a rejection instead of ending the batch."""
    last = spec
    try:
        for item in items:
            last = item.source
            yield item
    except Exception as exc:  # a reader bug or an unforeseen input must not end the batch: report, go on
        log.exception("reading %s failed", last)
        yield Rejection(
            last, "read-error",
            f"{last}: reading stopped with an unexpected error ({type(exc).__name__}: {exc}); the records before it "
            "were read; please report this with the file",
        )


def iter_reports(
    paths: Sequence[str],
    *,
    field_map: Mapping[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    now: datetime | None = None,
    fetch_urls: bool = True,
) -> Iterator[RawReport | Rejection]:
    """Every report (or rejection) in ``paths``, in order: files, folders (recursive; at each level the files
    sorted by name, then the sub-folders in name order; hidden entries, README/LICENSE/ATTRIBUTION-like
    documentation files and SQLite databases with their -wal/-shm files skipped), ``-`` for stdin, ``.gz`` files, ``http(s)://`` URLs (fetched only when ``fetch_urls``).

    ``field_map`` maps our field names to the input's (``{"text": "story_body"}``) for JSON/JSONL/CSV;
    ``max_bytes`` is the size limit per file (after decompression); ``now`` stamps rejections (``at``).
    Future-dated or too-short reports are returned as they are: call :func:`check_report` to screen them.
    Raises :class:`~newsweave.errors.ConfigError` only for an invalid ``field_map``.
    """
    mapping = normalise_field_map(field_map)
    stamp = now or datetime.now(UTC)
    for spec in paths:
        items = _read_one(str(spec), field_map=mapping, max_bytes=max_bytes, fetch_urls=fetch_urls)
        for item in _guarded(items, str(spec)):
            if isinstance(item, Rejection) and item.at is None:
                item = dataclasses.replace(item, at=stamp)
            yield item

