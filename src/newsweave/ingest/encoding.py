"""Turning the bytes of a file into text, or saying precisely why that is impossible.

Order of attempts: byte-order mark (UTF-8/16/32), a binary check (NUL bytes, control characters), strict
UTF-8, a charset declared by the document itself (HTML ``<meta charset>``, XML declaration), then
charset-normalizer's best guess. Line endings are normalised to ``\\n`` (as Python's text mode does), so the
character offsets of later stages are the same on every platform.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

__all__ = ["DecodedText", "declared_charset", "decode_bytes", "looks_binary", "normalise_newlines"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes that never occur in text files: C0 controls other than TAB, LF, VT, FF, CR, ESC.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_CONTROL_TABLE = bytes.maketrans(b"", b"")
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
_MAGIC = {
    b"%PDF": "a PDF document (convert it to text first, e.g. with pdftotext)",
    b"PK\x03\x04": "a ZIP archive or an Office document (unpack or convert it to text first)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable program",
    b"SQLite format 3": "an SQLite database",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document (convert it to text first)",
    b"BZh": "a bzip2 archive (decompress it first)",
    b"\xfd7zXZ": "an xz archive (decompress it first)",
}


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The text of a file and the encoding it was read with (``how`` says why that encoding was chosen)."""

    text: str
    encoding: str
    how: str  # bom, utf-8, declared, detected


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares for itself in its first 4 KB, if any and if known."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL bytes at every other position (for Latin-script text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / max(1, len(odd))
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` (without a BOM) is not text, or ``None`` when it may be text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return f"it is {what}"
    sample = data[:8192]
    if b"\x00" in sample:
        return "it contains NUL bytes"
    controls = len(sample) - len(sample.translate(_CONTROL_TABLE, _CONTROL_BYTES))
    if sample and controls / len(sample) > 0.05:
        return f"{controls} of its first {len(sample)} bytes are control characters"
    return None


def _garbled(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\x0b\x0c\x1b"))
    return bad / len(sample) > 0.02


_WESTERN_EXTRA = set("\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
                     "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178")


def _as_western(data: bytes) -> str | None:
    """``data`` as Windows-1252 (a superset of Latin-1 for printable text) when that reads like Western text.

    Beyond ASCII only Latin letters, typographic punctuation and symbols may occur; symbols (``¿ ³ ¹ ¥ ...``)
    must not sit inside words, as they do when Central European text (``może``, ``było``) is read this way;
    and accented letters must be a small share of all letters (Cyrillic or Greek text read this way would be
    nearly all accented letters). Known gap: Czech or Slovak windows-1250 text without ł, ą, ż-like symbols
    inside words is misread as Windows-1252; such files should be saved as UTF-8.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = accented = 0
    last = len(text) - 1
    for index, ch in enumerate(text):
        code = ord(ch)
        if code < 128:
            if ch.isalpha():
                letters += 1
            continue
        if 0xC0 <= code <= 0xFF and code not in (0xD7, 0xF7):
            letters += 1
            accented += 1
            continue
        if ch in _WESTERN_EXTRA and ch.isalpha():  # Š š Ž ž Œ œ Ÿ ƒ
            letters += 1
            accented += 1
            continue
        if ch in _WESTERN_EXTRA or 0xA0 <= code <= 0xBF or code in (0xD7, 0xF7):
            if 0 < index < last and text[index - 1].isalpha() and text[index + 1].isalpha():
                return None  # a symbol inside a word: not Western text
            continue
        return None
    return text if letters and accented / letters < 0.2 else None


def decode_bytes(data: bytes, *, source: str = "<input>", hint: str | None = None) -> DecodedText:
    """Decode the bytes of one input file.

    ``hint`` is an encoding named by the transport (an HTTP ``Content-Type`` charset); it is tried after
    strict UTF-8. Raises :class:`~newsweave.errors.InputError` with ``reason`` ``empty``, ``binary`` or
    ``undecodable``; the message names ``source`` and says what to do.
    """
    if not data.strip(b" \t\r\n\x0b\x0c"):
        raise InputError(
            "the file is empty (or only whitespace); remove it from the input or give it content",
            source=source,
            reason="empty",
        )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"the file starts with a {encoding} byte-order mark but byte {exc.start + len(bom)} is not "
                    f"valid {encoding}; re-save it as UTF-8",
                    source=source,
                    reason="undecodable",
                ) from None
            return DecodedText(normalise_newlines(text), encoding, "bom")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return DecodedText(normalise_newlines(data.decode(utf16)), utf16, "detected")
        except UnicodeDecodeError:
            pass
    why = looks_binary(data)
    if why:
        raise InputError(
            f"this is not a text file: {why}; newsweave reads text, JSON, JSONL, CSV, HTML and RSS/Atom files",
            source=source,
            reason="binary",
        )
    try:
        return DecodedText(normalise_newlines(data.decode("utf-8")), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    for candidate, how in ((hint, "declared"), (declared_charset(data), "declared")):
        if not candidate:
            continue
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _garbled(text):
            return DecodedText(normalise_newlines(text), codecs.lookup(candidate).name, how)
    western = _as_western(data)
    if western is not None:
        return DecodedText(normalise_newlines(western), "cp1252", "detected")
    from charset_normalizer import from_bytes  # lazy: import cost

    best = from_bytes(data[:2_000_000]).best()
    if best is not None:
        encoding = best.encoding
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and not _garbled(text):
            return DecodedText(normalise_newlines(text), encoding, "detected")
    raise InputError(
        "the text encoding could not be determined (not UTF-8, no byte-order mark, no declared charset, and "
        "no single-byte encoding fits); re-save the file as UTF-8",
        source=source,
        reason="undecodable",
    )
