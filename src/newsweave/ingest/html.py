"""HTML news pages: main text through trafilatura, publication date with its origin and confidence.

The date is looked for, in this order (the first hit wins and is recorded in ``PublishedTime.origin``):

====================  =========  ==========  =====================================================
where                 origin     confidence  what
====================  =========  ==========  =====================================================
JSON-LD               json-ld    0.95        ``datePublished`` (or ``dateCreated``) of a schema.org item
meta tags             meta       0.9         ``article:published_time``, ``og:published_time``, ``date``,
                                             ``pubdate``, ``DC.date``, ``dcterms.issued``, ``itemprop=
                                             datePublished``, ``<time pubdate>`` ...
URL                   url        0.7         a ``/2021/11/08/`` (or ``/2021-11-08/``, ``/20211108/``) path
text                  text       0.5         a written date near the top of the page's text
====================  =========  ==========  =====================================================
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from ..model import UNKNOWN_TIME, PublishedTime, Rejection
from .dates import parse_datetime
from .records import RawReport

__all__ = ["find_published", "html_to_text", "looks_like_html", "read_html"]

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
    "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt",
}
_META_DATE_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.issued", "dcterms.created", "dcterms.date", "sailthru.date",
    "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime", "published_time",
    "original-publish-date", "citation_publication_date", "citation_date",
)
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0[1-9]|1[0-2])[/-](?P<d>0[1-9]|[12]\d|3[01])(?=[/._-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01])(?=[/._-]|$)"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_TEXT_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2})\b"
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return _HTML_SNIFF.search(text[:4096]) is not None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content, a JSON field): block elements become paragraph breaks,
    entities are decoded, runs of spaces collapse, scripts and styles are dropped."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    import lxml.etree
    import lxml.html  # lazy

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    pieces: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript"):
            if node.tail:
                pieces.append(node.tail)
            return
        if tag in _BLOCK_TAGS:
            pieces.append("\n\n")
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCK_TAGS:
            pieces.append("\n\n")
        if node.tail:
            pieces.append(node.tail)

    walk(root)
    text = "".join(pieces).replace("\xa0", " ")
    paragraphs = (re.sub(r"[ \t\r\n\f\v]+", " ", part).strip() for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _json_ld_items(tree: Any) -> Iterator[dict]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def _name_of(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name_of(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _is_article(item: dict) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in ("Report", "BlogPosting", "WebPage")) for k in kinds)


def _meta(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.xpath("//meta[@content]"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or node.get("http-equiv")
        if key and node.get("content", "").strip():
            found.setdefault(key.strip().lower(), node.get("content").strip())
    for node in tree.xpath('//*[@itemprop="datePublished"][@datetime] | //time[@pubdate][@datetime]'):
        found.setdefault("datepublished", node.get("datetime").strip())
    return found


def _visible_head(tree: Any, limit: int = 3000) -> str:
    """The first characters of the page's visible text (where bylines and datelines sit)."""
    body = tree.find("body")
    if body is None:
        return ""
    pieces: list[str] = []
    size = 0
    for node in body.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript", "template"):
            continue
        if node.text and node.text.strip():
            pieces.append(node.text.strip())
            size += len(pieces[-1])
            if size > limit:
                break
    return " ".join(pieces)[:limit]


def _published(value: object, origin: str, confidence: float) -> PublishedTime | None:
    parsed = parse_datetime(value) if isinstance(value, str | int | float) else None
    if parsed is None:
        return None
    return PublishedTime(parsed[0], parsed[1], origin, confidence)  # type: ignore[arg-type]


def find_published(
    *, json_ld: list[dict], meta: dict[str, str], url: str | None, text: str | None
) -> PublishedTime:
    """The publication time of a page from its JSON-LD items, meta tags, URL and text, in that order."""
    for item in json_ld:
        for key in ("datePublished", "dateCreated"):
            hit = _published(item.get(key), "json-ld", 0.95)
            if hit:
                return hit
    for key in _META_DATE_KEYS:
        hit = _published(meta.get(key), "meta", 0.9)
        if hit:
            return hit
    if url:
        match = _URL_DATE.search(urlsplit(url).path)
        if match:
            y, m, d = (match.group("y"), match.group("m"), match.group("d"))
            if y is None:
                y, m, d = match.group("y2"), match.group("m2"), match.group("d2")
            hit = _published(f"{y}-{m}-{d}", "url", 0.7)
            if hit:
                return hit
    if text:
        for match in _TEXT_DATE.finditer(text):
            hit = _published(match.group(0), "text", 0.5)
            if hit:
                return hit
    return UNKNOWN_TIME


def read_html(content: str, *, source: str, url: str | None = None, line: int | None = None) -> RawReport | Rejection:
    """One report from an HTML page (already decoded). ``url`` is where the page came from, when known."""
    import lxml.etree
    import lxml.html  # lazy
    import trafilatura

    content = _XML_DECLARATION.sub("", content, count=1)  # lxml refuses str input that declares an encoding
    try:
        tree = lxml.html.document_fromstring(content)
    except (lxml.etree.LxmlError, ValueError) as exc:
        return Rejection(
            source, "malformed", f"{source}: the HTML could not be parsed ({exc}); check that it is a web page",
            line=line, excerpt=content[:80],
        )
    meta = _meta(tree)
    json_ld = list(_json_ld_items(tree))
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    page_url = url or meta.get("og:url") or (canonical[0].strip() if canonical else None)
    head_text = _visible_head(tree)
    language = (tree.get("lang") or meta.get("og:locale") or "").strip() or None
    try:  # trafilatura prunes the tree it is given: everything needed from the whole page is read above
        document = trafilatura.bare_extraction(
            tree, url=page_url, with_metadata=True, include_comments=False, include_tables=True,
            fast=False,
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura can raise anything on pathological markup
        document = None
        error = str(exc)
    else:
        error = ""
    doc: dict[str, Any] = (document.as_dict() if hasattr(document, "as_dict") else document) or {}
    text = (doc.get("text") or "").strip()
    if len(re.findall(r"\w+", text[:400])) < 5:
        return Rejection(
            source, "no-text",
            f"{source}: no article text found in this HTML page{' (' + error + ')' if error else ''}; "
            "if it is an index or a feed page, give the article pages or the feed instead",
            line=line, excerpt=content[:80],
        )
    articles = [item for item in json_ld if _is_article(item)] or json_ld
    title = (
        next((_name_of(i.get("headline")) for i in articles if _name_of(i.get("headline"))), None)
        or meta.get("og:title") or doc.get("title")
    )
    first_line, _, rest = text.partition("\n")
    if title and rest.strip() and first_line.strip().casefold() == title.strip().casefold():
        text = rest.strip()
    text = "\n\n".join(para.strip() for para in text.split("\n") if para.strip())  # blank line between paragraphs
    author = next((_name_of(i.get("author")) for i in articles if _name_of(i.get("author"))), None)
    meta_author = meta.get("author") or meta.get("article:author") or ""
    author = author or (None if meta_author.startswith("http") else meta_author) or doc.get("author")
    outlet = (
        meta.get("og:site_name")
        or next((_name_of(i.get("publisher")) for i in articles if _name_of(i.get("publisher"))), None)
        or doc.get("sitename")
        or doc.get("hostname")
        or (urlsplit(page_url).hostname if page_url else None)
    )
    language = language or (doc.get("language") or "").strip() or None
    if language:
        language = language.replace("_", "-").split("-")[0].lower()
    published = find_published(json_ld=articles, meta=meta, url=page_url, text=head_text + "\n" + text[:1500])
    external = next((str(i["identifier"]) for i in articles if isinstance(i.get("identifier"), str | int)), None)
    return RawReport(
        text=text,
        source=source,
        line=line,
        title=title.strip() if title else None,
        url=page_url,
        outlet_name=outlet.strip() if isinstance(outlet, str) else None,
        author=author.strip() if isinstance(author, str) else None,
        language=language,
        published=published,
        external_id=external,
        format="html",
    )
