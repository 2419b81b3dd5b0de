"""An article's text as HTML with its analysis shown in place, built from character offsets.

Every piece of article text goes through :func:`markupsafe.escape`; the only markup is ours (``span``,
``mark``). Overlapping annotations are nested properly: a span that crosses another's boundary is closed
and reopened, so the output is always well-formed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from .filters import when_range

__all__ = ["Annotation", "annotate_html", "annotations_of"]

_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True, slots=True)
class Annotation:
    start: int
    end: int
    layer: int  # lower is outer when two annotations cover the same text
    tag: str
    attrs: tuple[tuple[str, str], ...]
    first_attrs: tuple[tuple[str, str], ...] = ()  # only on the first fragment (ids)

    def open(self, first: bool) -> str:
        attrs = self.attrs + (self.first_attrs if first else ())
        rendered = "".join(f' {k}="{escape(v)}"' for k, v in attrs)
        return f"<{self.tag}{rendered}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def _ok(start: Any, end: Any, length: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


def _statement_title(st: dict[str, Any]) -> str:
    speaker = st.get("speaker") if isinstance(st.get("speaker"), dict) else None
    who = (speaker or {}).get("text") or ("anonymous source" if st.get("anonymous") else "unattributed")
    parts = [f"said by {who}"]
    if st.get("channel") and st.get("channel") != "unknown":
        parts.append(f"channel: {st['channel']}")
    if st.get("relays"):
        parts.append("relayed by " + ", ".join(str(r) for r in st["relays"]))
    parts.append("direct quote" if st.get("direct") else "reported speech")
    return " · ".join(parts)


def annotations_of(
    text: str, analysis: dict[str, Any] | None, *, cite: tuple[int, int] | None = None
) -> list[Annotation]:
    """The annotations to draw: statements, speakers and cues, entities, time expressions, the citation."""
    n = len(text)
    out: list[Annotation] = []
    analysis = analysis if isinstance(analysis, dict) else {}
    for i, st in enumerate(analysis.get("statements") or []):
        if not isinstance(st, dict):
            continue
        content = st.get("content") or {}
        if _ok(content.get("start"), content.get("end"), n):
            kind = "st direct" if st.get("direct") else "st"
            out.append(Annotation(content["start"], content["end"], 0, "span",
                                  (("class", kind), ("title", _statement_title(st))), (("id", f"st-{i}"),)))
        speaker = st.get("speaker") if isinstance(st.get("speaker"), dict) else {}
        if _ok(speaker.get("start"), speaker.get("end"), n):
            out.append(Annotation(speaker["start"], speaker["end"], 2, "span",
                                  (("class", "spk"), ("title", f"speaker of statement {i + 1}"))))
        cue = st.get("cue") if isinstance(st.get("cue"), dict) else {}
        if _ok(cue.get("start"), cue.get("end"), n):
            verb = cue.get("verb") or cue.get("text") or ""
            out.append(Annotation(cue["start"], cue["end"], 2, "span",
                                  (("class", "cue"), ("title", f"speech cue: {verb}"))))
    if cite is not None and _ok(cite[0], cite[1], n):
        out.append(Annotation(cite[0], cite[1], 1, "mark", (("class", "cite"),), (("id", "cite"),)))
    for m in analysis.get("entities") or []:
        if isinstance(m, dict) and _ok(m.get("start"), m.get("end"), n):
            label = str(m.get("label") or "ENTITY")
            title = label + (f" · {m['canonical']}" if m.get("canonical") and m.get("canonical") != m.get("text")
                             else "")
            out.append(Annotation(m["start"], m["end"], 3, "span",
                                  (("class", f"ent ent-{_CLASS_SAFE.sub('', label)}"), ("title", title))))
    for t in analysis.get("timexes") or []:
        if isinstance(t, dict) and _ok(t.get("start"), t.get("end"), n):
            interval = t.get("interval") or [None, None]
            resolved = when_range(*(list(interval) + [None, None])[:2]) if any(interval) else "unresolved"
            title = f"{t.get('type') or 'TIME'} {t.get('value') or ''}".strip()
            if t.get("mod"):
                title += f" ({t['mod']})"
            title += f" → {resolved}"
            if t.get("anchor") and t.get("anchor") != "none":
                title += f" · anchored on {t['anchor']}"
            out.append(Annotation(t["start"], t["end"], 3, "span", (("class", "tx"), ("title", title))))
    return out


def annotate_html(text: str, annotations: list[Annotation]) -> Markup:
    """The escaped text with the annotations as properly nested tags."""
    if not annotations:
        return Markup(escape(text))
    order = {id(a): (a.start, -a.end, a.layer, i) for i, a in enumerate(annotations)}
    bounds = sorted({0, len(text)} | {a.start for a in annotations} | {a.end for a in annotations})
    starting: dict[int, list[Annotation]] = {}
    for a in annotations:
        starting.setdefault(a.start, []).append(a)
    opened: set[int] = set()
    active: list[Annotation] = []
    out: list[str] = []
    for left, right in pairwise(bounds):
        live = [a for a in active if a.end > left] + starting.get(left, [])
        now = sorted(live, key=lambda a: order[id(a)])
        keep = 0
        while keep < min(len(active), len(now)) and active[keep] is now[keep]:
            keep += 1
        for a in reversed(active[keep:]):
            out.append(a.close())
        for a in now[keep:]:
            out.append(a.open(id(a) not in opened))
            opened.add(id(a))
        active = now
        out.append(str(escape(text[left:right])))
    for a in reversed(active):
        out.append(a.close())
    return Markup("".join(out))
