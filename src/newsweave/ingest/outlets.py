"""The outlet directory: who published a report, recognised from its domain or its name.

The bundled ``newsweave/data/outlets.csv`` (columns ``id,name,domains,country,kind,aliases``; domains
space-separated, aliases ``|``-separated) is extended or overridden, row by row (same ``id`` replaces), by the
file named in the environment variable ``NEWSWEAVE_OUTLETS`` and then by ``extra_path``.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import get_args
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..model import Outlet, OutletKind

__all__ = [
    "OUTLETS_ENV",
    "OutletDirectory",
    "default_outlets",
    "domain_of",
    "find_outlet_mentions",
    "load_outlets",
    "normalise_name",
]

OUTLETS_ENV = "NEWSWEAVE_OUTLETS"
_KINDS = set(get_args(OutletKind))
_COLUMNS = ("id", "name", "domains", "country", "kind", "aliases")
# Names that are ordinary words or phrases too often to be taken for an outlet in running text.
_NOT_MENTIONS = {"Dawn", "Insider", "The Hill", "The National", "The Times", "AA", "SPA", "INA", "RIA", "Fars", "MEA", "TIME"}
_WORD_RUN = re.compile(r"\w+")
_TRAILING_WORDS = ("news", "online", "agency", "newspaper", "tv", "international", "com", "english")


def normalise_name(name: str) -> str:
    """A name for comparison: accents, case, punctuation and a leading "the" dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().replace("&", " and ")
    text = re.sub(r"(?<=\w)[.'’](?=\w)", "", text)  # U.S. → us, L.A. → la
    text = re.sub(r"[^\w]+", " ", text).strip()
    return text.removeprefix("the ")


def domain_of(url_or_domain: str) -> str | None:
    """The host name of a URL (or a bare domain), lower-case, without ``www.`` or port."""
    value = url_or_domain.strip()
    if not value:
        return None
    if "://" not in value:
        value = "http://" + value
    try:
        host = urlsplit(value).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    return host.removeprefix("www.")


class OutletDirectory:
    """Outlets by id, domain and name. Build it with :func:`load_outlets`."""

    def __init__(self, outlets: list[Outlet] | tuple[Outlet, ...]):
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        self._by_id = {o.id: o for o in self.outlets}
        self._by_domain: dict[str, Outlet] = {}
        self._by_name: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for domain in outlet.domains:
                self._by_domain[domain] = outlet
        for outlet in self.outlets:  # aliases first, so that a name always wins over another outlet's alias
            for alias in outlet.aliases:
                self._by_name.setdefault(normalise_name(alias), outlet)
        for outlet in self.outlets:
            self._by_name[normalise_name(outlet.name)] = outlet
        self._mention_patterns: dict[str, list[tuple[re.Pattern[str], Outlet]]] | None = None

    def __len__(self) -> int:
        return len(self.outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets)

    def __contains__(self, outlet_id: object) -> bool:
        return outlet_id in self._by_id

    def get(self, outlet_id: str) -> Outlet | None:
        return self._by_id.get(outlet_id)

    def match_domain(self, domain_or_url: str) -> Outlet | None:
        """The outlet whose domain is the host or a parent of it (``edition.cnn.com`` → CNN)."""
        host = domain_of(domain_or_url)
        if not host:
            return None
        labels = host.split(".")
        for start in range(len(labels) - 1):
            hit = self._by_domain.get(".".join(labels[start:]))
            if hit:
                return hit
        return None

    def match_name(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (or an alias of it), ignoring case, punctuation and a leading "The"."""
        key = normalise_name(name)
        if not key:
            return None
        hit = self._by_name.get(key)
        if hit:
            return hit
        if re.fullmatch(r"[\w-]+(\.[\w-]+)+", name.strip()):
            return self.match_domain(name)
        bare = re.sub(r"\s*\([^)]*\)\s*$", "", name)  # "Associated Press (AP)"
        if bare != name and bare.strip():
            return self.match_name(bare)
        words = key.split()
        while len(words) > 1 and words[-1] in _TRAILING_WORDS:  # "Reuters News Agency", "BBC Online"
            words.pop()
            hit = self._by_name.get(" ".join(words))
            if hit:
                return hit
        return None

    def match(self, name: str | None = None, url: str | None = None, domain: str | None = None) -> Outlet | None:
        """The outlet of a report: by ``domain``, then the ``url``'s host, then ``name``; ``None`` if unknown.

        The domain comes first because a page's address is harder to get wrong than a free-text name.
        """
        for value in (domain, url):
            if value:
                hit = self.match_domain(value)
                if hit:
                    return hit
        return self.match_name(name) if name else None

    def _mention_table(self) -> dict[str, list[tuple[re.Pattern[str], Outlet]]]:
        """Surface-form patterns keyed by their first word run, longest first (built once, lazily)."""
        if self._mention_patterns is None:
            owners: dict[str, Outlet] = {}
            for outlet in self.outlets:
                for surface in (outlet.name, *outlet.aliases):
                    surface = surface.strip()
                    if not surface or surface in _NOT_MENTIONS:
                        continue
                    for form in (surface, surface.upper()):
                        owners.setdefault(form, outlet)
            table: dict[str, list[tuple[re.Pattern[str], Outlet]]] = {}
            for surface in sorted(owners, key=len, reverse=True):
                needs_the = surface.lower().startswith("the ")
                core = surface[4:] if needs_the else surface
                first = re.match(r"\w+", core)
                if not first:
                    continue
                if needs_the:
                    pattern = rf"(?:(?<=[Tt]he )|(?<=THE )){re.escape(core)}(?![ \t]+[A-Z][a-z])(?![\w-])"
                else:
                    pattern = rf"{re.escape(core)}(?![\w-])"
                table.setdefault(first.group(0), []).append((re.compile(pattern), owners[surface]))
            self._mention_patterns = table
        return self._mention_patterns

    def find_mentions(self, text: str) -> list[tuple[int, int, Outlet]]:
        """Outlet names in running text (``quoted by Reuters``): (start, end, outlet), in text order.

        Matching is case-sensitive on the names as written in the directory (and their all-capitals form);
        names beginning with "The" must be preceded by "the" (``told the Guardian``), and are not taken when
        another capitalised word follows (``the Guardian Council``). Ordinary-word names (Dawn, The Hill ...)
        are never taken from running text.
        """
        table = self._mention_table()
        found: list[tuple[int, int, Outlet]] = []
        taken = 0
        for word in _WORD_RUN.finditer(text):
            start = word.start()
            if start < taken or (start and text[start - 1] == "-"):
                continue
            for pattern, outlet in table.get(word.group(0), ()):
                match = pattern.match(text, start)
                if match:
                    found.append((start, match.end(), outlet))
                    taken = match.end()
                    break
        return found


def _parse_rows(content: str, *, source: str) -> list[Outlet]:
    reader = csv.DictReader(io.StringIO(content))
    header = tuple((h or "").strip() for h in (reader.fieldnames or ()))
    missing = [c for c in ("id", "name") if c not in header]
    if missing:
        raise ConfigError(
            f"{source}: the outlets file lacks the column(s) {', '.join(missing)}; its first line must be "
            f"{','.join(_COLUMNS)}"
        )
    outlets = []
    for row in reader:
        line = reader.line_num
        values = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(values.values()):
            continue
        outlet_id, name = values.get("id", ""), values.get("name", "")
        if not outlet_id or not name:
            raise ConfigError(f"{source}:{line}: every outlet needs an id and a name; fill them in or delete the row")
        kind = values.get("kind") or "unknown"
        if kind not in _KINDS:
            raise ConfigError(
                f"{source}:{line}: kind {kind!r} of outlet {outlet_id!r} is not one of {', '.join(sorted(_KINDS))}; "
                "use one of those"
            )
        domains = tuple(d for d in (domain_of(x) for x in values.get("domains", "").split()) if d)
        aliases = tuple(a.strip() for a in values.get("aliases", "").split("|") if a.strip())
        outlets.append(
            Outlet(outlet_id, name, domains, values.get("country") or None, kind, aliases)  # type: ignore[arg-type]
        )
    return outlets


def _bundled_csv() -> str:
    return resources.files("newsweave").joinpath("data/outlets.csv").read_text(encoding="utf-8")


def load_outlets(extra_path: str | Path | None = None) -> OutletDirectory:
    """The bundled outlets, extended/overridden by ``$NEWSWEAVE_OUTLETS`` and then by ``extra_path``.

    Raises :class:`~newsweave.errors.ConfigError` when a user file is missing or malformed.
    """
    by_id: dict[str, Outlet] = {o.id: o for o in _parse_rows(_bundled_csv(), source="newsweave/data/outlets.csv")}
    for path in (os.environ.get(OUTLETS_ENV) or None, extra_path):
        if not path:
            continue
        file = Path(path).expanduser()
        try:
            content = file.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ConfigError(
                f"{file}: the outlets file cannot be read ({exc.strerror or exc}); check the path"
                + (f" (set by ${OUTLETS_ENV})" if path == os.environ.get(OUTLETS_ENV) else "")
            ) from None
        except UnicodeDecodeError:
            raise ConfigError(f"{file}: the outlets file is not UTF-8; re-save it as UTF-8") from None
        for outlet in _parse_rows(content, source=str(file)):
            by_id[outlet.id] = outlet
    return OutletDirectory(list(by_id.values()))


@lru_cache(maxsize=1)
def default_outlets() -> OutletDirectory:
    """The bundled directory (plus ``$NEWSWEAVE_OUTLETS`` at first use), loaded once."""
    return load_outlets()


def find_outlet_mentions(text: str, directory: OutletDirectory | None = None) -> list[tuple[int, int, Outlet]]:
    """Outlet names mentioned in ``text`` (see :meth:`OutletDirectory.find_mentions`)."""
    return (directory or default_outlets()).find_mentions(text)
