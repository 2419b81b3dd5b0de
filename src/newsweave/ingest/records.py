"""What a reader produces: a raw report (not yet an Article) or a rejection."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import UNKNOWN_TIME, PublishedTime, Rejection

__all__ = ["RawReport", "ReadResult", "Rejection"]


@dataclass(frozen=True, slots=True)
class RawReport:
    """One report as a reader found it. ``text`` is the body exactly as it will be stored.

    ``source`` names the file (or URL, or ``-``) and ``line`` the line/record number inside it, for messages.
    """

    text: str
    source: str
    line: int | None = None
    title: str | None = None
    url: str | None = None
    outlet_name: str | None = None
    author: str | None = None
    language: str | None = None
    published: PublishedTime = UNKNOWN_TIME
    external_id: str | None = None
    format: str = "text"


ReadResult = RawReport | Rejection
