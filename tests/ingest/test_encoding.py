"""Decoding input bytes: BOMs, UTF-8, legacy encodings, and the binary / empty / undecodable rejections."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.ingest.encoding import declared_charset, decode_bytes
from newsweave.ingest.records import RawReport
from newsweave.ingest.sources import iter_reports
from newsweave.model import Rejection

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
BODY = (INPUTS / "plain.txt").read_text(encoding="utf-8")


def _one(name: str) -> RawReport | Rejection:
    (result,) = list(iter_reports([str(INPUTS / name)]))
    return result


def test_latin1_file() -> None:
    report = _one("latin1.txt")
    assert isinstance(report, RawReport)
    assert report.text.startswith("Le café de la gare à Zürich a rouvert ses portes, a déclaré le maire.")
    assert report.published.known


def test_cp1252_file_keeps_typographic_characters() -> None:
    report = _one("cp1252.txt")
    assert isinstance(report, RawReport)
    assert "\u201cwill cost \u20ac40 million\u201d \u2013 a figure the opposition disputed \u2014" in report.text


def test_utf16_file_with_bom() -> None:
    report = _one("utf16.txt")
    assert isinstance(report, RawReport)
    assert report.text == BODY and report.format == "dated-text"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec: str) -> None:
    decoded = decode_bytes(BODY.encode(codec))
    assert decoded.text == BODY and decoded.encoding == codec


@pytest.mark.parametrize(
    "bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_byte_order_marks_are_honoured_and_removed(bom: bytes, codec: str) -> None:
    decoded = decode_bytes(bom + "déjà vu".encode(codec))
    assert decoded.text == "déjà vu" and decoded.how == "bom"


def test_windows_line_endings_become_newlines() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_declared_charset_of_html() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body>Привет мир</body></html>'.encode("cp1251")
    assert declared_charset(page) == "cp1251"
    assert "Привет мир" in decode_bytes(page).text


@pytest.mark.parametrize("name,reason", [
    ("binary.dat", "binary"), ("image.png", "binary"), ("empty.txt", "empty"), ("undecodable.txt", "undecodable"),
])
def test_unreadable_files_are_rejected_with_reason(name: str, reason: str) -> None:
    rejection = _one(name)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == reason
    assert name in rejection.message and rejection.source.endswith(name)


def test_whitespace_only_is_empty() -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(b" \n\t\r\n ", source="blank.txt")
    assert caught.value.reason == "empty" and "blank.txt" in str(caught.value)


def test_invalid_bytes_after_utf8_bom_are_undecodable() -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe broken", source="bad.txt")
    assert caught.value.reason == "undecodable" and "UTF-8" in str(caught.value)


@pytest.mark.parametrize("text,codec", [
    ("«Où est le cœur?» a-t-il demandé. ¿Dónde está? It cost £40 at 30°C – “fine”.", "cp1252"),
    ("Der Bürgermeister sagte, dass die Straße über die Brücke geöffnet wird.", "latin-1"),
    ("Zażółć gęślą jaźń. Może było lepiej, powiedział minister w środę w Warszawie.", "cp1250"),
    ("Министр сказал, что ситуация в стране улучшается и что на следующей неделе будет лучше.", "cp1251"),
])
def test_legacy_single_byte_encodings(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)).text == text
