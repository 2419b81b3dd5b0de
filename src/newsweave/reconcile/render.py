"""Rendering a dossier: Markdown, a standalone HTML page (everything escaped, no external resources), and
the terminal with rich. All three render the JSON form (:func:`~newsweave.reconcile.dossier.dossier_to_json`),
so they show exactly what the documented schema holds: every item with its report and character offsets.
"""

from __future__ import annotations

import html
from typing import Any

from ..model import Dossier
from .claim_text import citing
from .dossier import dossier_to_json

__all__ = ["dispute_reason", "disputes", "empty_timeline_note", "raw_disputes", "render_terminal", "to_html",
           "to_markdown"]

_MAX_EXCERPT = 240


def _who(statement: dict) -> str:
    """The speaker by name, with the words the report used when they do not contain it ("Joe Biden (“He”)")."""
    written = statement.get("speaker") or ""
    name = statement.get("speaker_name") or written
    if not name:
        return "an anonymous source" if statement.get("anonymous") else "unattributed"
    if written and name.split()[-1].lower() not in written.lower():  # "Prime Minister Roe" already names Jane Roe
        return f"{name} (“{written}”)"
    return written or name


def _what(statement: dict) -> str:
    """What was said, with the cue that says how: "condemned: the attack …", "said “…”" (a quotation keeps its
    marks, a reported message has none)."""
    content = _excerpt((statement.get("content") or {}).get("text"))
    cue = (statement.get("cue") or {}).get("text")
    if statement.get("direct"):
        content = f"“{content}”"
        return f"{cue} {content}" if cue and cue not in ":—–-" else content
    return f"{cue}: {content}" if cue else content


def _first_tellings(data: dict) -> list[dict]:
    """Who said what without the repeats of a statement other reports carried (each is cited on the first)."""
    return [s for s in data["statements"] if s.get("repeat_of") is None]


def _data(d: Dossier | dict) -> dict:
    return d if isinstance(d, dict) else dossier_to_json(d)


def _labels(data: dict) -> dict[str, str]:
    """Short names for reports: the outlet, plus a letter when an outlet has several reports."""
    counts: dict[str, int] = {}
    out = {}
    for a in data["articles"]:
        name = a.get("outlet_name") or a.get("outlet") or f"report {a['id'][:8]}"
        counts[name] = counts.get(name, 0) + 1
        out[a["id"]] = name if counts[name] == 1 else f"{name} ({counts[name]})"
    return out


def _when(data: dict, article_id: str) -> str:
    for a in data["articles"]:
        if a["id"] == article_id and a.get("published"):
            return a["published"][:10]
    return "date unknown"


def _cite(data: dict, labels: dict[str, str], span: dict | None) -> str:
    if not span:
        return ""
    aid = span["article_id"]
    return f"{labels.get(aid, aid[:8])}, {_when(data, aid)}, chars {span['start']}–{span['end']}"


def _excerpt(text: str | None) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= _MAX_EXCERPT else t[: _MAX_EXCERPT - 1].rsplit(" ", 1)[0] + "…"


def _md(text: Any) -> str:
    """Escape Markdown control characters in text taken from reports."""
    t = str(text if text is not None else "")
    for ch in "\\`*_[]<>|#":
        t = t.replace(ch, "\\" + ch)
    return " ".join(t.split())


def empty_timeline_note(data: dict) -> str:
    """What an empty timeline means: no report of the story is dated, so its "Friday" and "last week" have no
    day to count from — or the dated reports name no time of an event."""
    reports = data.get("articles") or data.get("publication_times") or []
    if reports and not any(r.get("published") for r in reports):
        return ("No dated events: none of this story's reports carries a publication date, so the times they name "
                "(\"Friday\", \"last week\") cannot be placed on a calendar.")
    return "No dated events were found."


def _interval(e: dict) -> str:
    a, b = e.get("earliest"), e.get("latest")
    if not a:
        return "undated"
    a16, b16 = a[:16].replace("T", " "), (b or a)[:16].replace("T", " ")
    if a[:10] == (b or a)[:10]:
        return a[:10] if a16.endswith("00:00") and b16.endswith("23:59") else f"{a16}–{b16[11:]}"
    return f"{a16} – {b16}"


def _sections(data: dict):
    conflicts = data["conflicts"]
    diffs = [c for c in conflicts if c["verdict"] != "contradiction"]
    agreed = [f for f in data["facts"] if len(f["supporting_articles"]) > 1]
    return disputes(data), diffs, agreed


_MAX_NAMED = 4


def disputes(data: dict) -> list[dict]:
    """The dossier's disputes, each ready to show: ``fact``, ``kind``, ``why`` and ``positions`` (``value``,
    ``who`` — the reports and speakers giving it —, ``evidence`` of its first claim, ``hedge``). A dossier
    written before disputes existed shows each contradiction as a dispute of its own."""
    labels = _labels(data)
    out = []
    for d in raw_disputes(data):
        positions = []
        for p in d["positions"]:
            names = list(dict.fromkeys(_claimant(labels, c) for c in p["claims"]))
            if len(names) > _MAX_NAMED:
                names = [*names[: _MAX_NAMED - 1], f"{len(names) - _MAX_NAMED + 1} other reports"]
            first = p["claims"][0]
            hedged = all(c.get("hedge") for c in p["claims"])  # a value some report states firmly is not hedged
            positions.append({"value": p["value"], "who": "; ".join(names), "evidence": first["evidence"],
                              "hedge": p["claims"][0]["hedge"] if hedged else None})
        out.append({"fact": d["fact"], "kind": d["kind"], "why": dispute_reason(d), "positions": positions})
    return out


def raw_disputes(data: dict) -> list[dict]:
    """``data["disputes"]``; for a dossier written before disputes existed, each contradiction as one."""
    raw = data.get("disputes")
    if raw is not None:
        return raw if isinstance(raw, list) else []
    return [{"fact": c.get("kind"), "kind": c.get("kind"), "pairs": [{"a": 0, "b": 1, "reason": c.get("reason")}],
             "positions": [{"value": "", "claims": [side]} for side in _sides(c) if isinstance(side, dict)]}
            for c in data.get("conflicts") or [] if isinstance(c, dict) and c.get("verdict") == "contradiction"]


def _sides(c: dict) -> list:
    return c["sides"] if isinstance(c.get("sides"), list) else [c.get("side_a"), c.get("side_b")]


def _claimant(labels: dict[str, str], claim: dict) -> str:
    """"BBC", "BBC, citing officials": the report, and the speaker it cites by name."""
    aid = claim["article_id"]
    return labels.get(aid, f"report {aid[:8]}") + citing((claim.get("statement") or {}).get("speaker_name"))


def dispute_reason(d: dict) -> str:
    """The reason of a one-pair dispute; for more values, which of them cannot both be true."""
    pairs = [p for p in d.get("pairs") or [] if isinstance(p, dict)]
    if len(pairs) == 1:
        return str(pairs[0].get("reason") or "")
    values = [(p.get("value") if isinstance(p, dict) else None) or f"#{i + 1}"
              for i, p in enumerate(d.get("positions") or [])]
    n = len(values)
    if len(pairs) == n * (n - 1) // 2:
        return f"The reports give {n} values, no two of which can both be true."
    listed = "; ".join(f"“{values[p['a']]}” and “{values[p['b']]}”" for p in pairs
                       if 0 <= p.get("a", -1) < n and 0 <= p.get("b", -1) < n)
    return f"The reports give {n} values; these pairs cannot both be true: {listed}."


# ---------------------------------------------------------------------------------------------- Markdown


def to_markdown(d: Dossier | dict) -> str:
    data = _data(d)
    labels = _labels(data)
    story = data["story"]
    contra, diffs, agreed = _sections(data)
    lines = [
        f"# {_md(story.get('title') or 'Story ' + story['id'])}",
        "",
        f"_Story `{story['id']}` · {len(data['articles'])} reports · schema {data['schema']}_",
        "",
        "## Summary",
        "",
    ]
    for s in data["summary"]:
        cites = "; ".join(_cite(data, labels, c) for c in s["citations"])
        lines.append(f"- {_md(s['text'])} _[{cites}]_")
    lines += ["", "## Where the reports disagree", ""]
    if not contra:
        lines.append("No contradictions found.")
    for c in contra:
        lines.append(f"- **{_md(c['fact'])}** ({c['kind']}) — {_md(c['why'])}")
        for p in c["positions"]:
            ev = p["evidence"]
            hedge = f" (hedged: {_md(p['hedge'])})" if p.get("hedge") else ""
            value = f"**“{_md(p['value'])}”** — " if p["value"] else ""
            lines.append(f"  - {value}{_md(p['who'])}{hedge}: > {_md(_excerpt(ev.get('text')))} — "
                         f"_{_cite(data, labels, ev)}_")
    if diffs:
        lines += ["", "### Differences of precision or certainty (not contradictions)", ""]
        for c in diffs:
            lines.append(f"- **{c['kind']} / {c['verdict']}** — {_md(c['reason'])}")
    lines += ["", "## Timeline", ""]
    if not data["timeline"]:
        lines.append(f"_{_md(empty_timeline_note(data))}_")
    else:
        lines += ["| when | event | datings | sources |", "|---|---|---|---|"]
    for e in data["timeline"]:
        bg = " _(background)_" if e["background"] else ""
        bg += " _(dated mention)_" if e.get("minor") else ""
        srcs = "; ".join(_cite(data, labels, s) for s in e["evidence"][:3])
        lines.append(
            f"| {_interval(e)} | {_md(e['label'])}{bg} | {_md('; '.join(e['alternative_datings']))} | "
            f"{_md(srcs)} |"
        )
    lines += [
        "",
        "## Who said what",
        "",
        "| speaker | channel | relayed by | what | where |",
        "|---|---|---|---|---|",
    ]
    for s in _first_tellings(data):
        content = s.get("content") or {}
        lines.append(
            f"| {_md(_who(s))} | {_md(s['channel'])} | "
            f"{_md(', '.join(s['relays']))} | {_md(_what(s))} | "
            f"{_md('; '.join(_cite(data, labels, c) for c in [content, *s.get('repeated_in', [])]))} |"
        )
    lines += ["", "## What the sources agree on", ""]
    for f in agreed:
        origins = "; ".join(
            f"{g['origin']} (first: {labels.get(g['originator_article'], '?')}"
            + (
                f", relayed by {', '.join(labels.get(r, r[:8]) for r in g['relaying_articles'])}"
                if g["relaying_articles"]
                else ""
            )
            + ")"
            for g in f["sources"]
        )
        disputed = " — **disputed**: see where the reports disagree" if f.get("disputed") else ""
        lines.append(
            f"- {_md(f['label'])} — {f['independent_sources']} independent source(s): {_md(origins)}{disputed}"
        )
    lines += ["", "## Reports", "", "| published | outlet | title | id |", "|---|---|---|---|"]
    for p in data["publication_times"]:
        lines.append(
            f"| {p['published'] or 'unknown'} | {_md(labels.get(p['article_id'], ''))} | "
            f"{_md(p.get('headline') or p.get('title') or '')} | `{p['article_id']}` |"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- HTML

_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.45;color:#222}"
    "h1{font-size:1.6rem}"
    "h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}"
    ".cite{color:#666;font-size:.85em}"
    ".contra{border-left:4px solid #c0392b;padding-left:.7rem;margin:.8rem 0}"
    ".diff{border-left:4px solid #e0a800;padding-left:.7rem;margin:.6rem 0}"
    "blockquote{margin:.3rem 0 .3rem 1rem;color:#333}"
    "table{border-collapse:collapse;width:100%;font-size:.9em}"
    "td,th{border:1px solid #ddd;padding:.3rem;vertical-align:top}"
    ".bg{color:#777}"
    ".kind{font-weight:bold;text-transform:uppercase;font-size:.8em}"
)


def _h(text: Any) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def to_html(d: Dossier | dict) -> str:
    """A standalone page: inline CSS, no scripts, no external resources; every report text is escaped."""
    data = _data(d)
    labels = _labels(data)
    story = data["story"]
    contra, diffs, agreed = _sections(data)
    title = story.get("title") or f"Story {story['id']}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        (
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        ),
        f"<title>{_h(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_h(title)}</h1>",
        (
            f'<p class="cite">Story {_h(story["id"])} · {len(data["articles"])} reports · '
            f"schema {_h(data['schema'])}</p>"
        ),
        "<h2>Summary</h2><ul>",
    ]
    for s in data["summary"]:
        out.append(
            f"<li>{_h(s['text'])} "
            f'<span class="cite">[{_h("; ".join(_cite(data, labels, c) for c in s["citations"]))}]</span></li>'
        )
    out.append("</ul><h2>Where the reports disagree</h2>")
    if not contra:
        out.append("<p>No contradictions found.</p>")
    for c in contra:
        out.append(f'<div class="contra"><span class="kind">{_h(c["kind"])}</span> <strong>{_h(c["fact"])}'
                   f"</strong> — {_h(c['why'])}<ul>")
        for p in c["positions"]:
            ev = p["evidence"]
            hedge = f" — hedged: “{_h(p['hedge'])}”" if p.get("hedge") else ""
            value = f"<strong>“{_h(p['value'])}”</strong> — " if p["value"] else ""
            out.append(
                f"<li>{value}{_h(p['who'])}{hedge}<blockquote>{_h(_excerpt(ev.get('text')))} "
                f'<span class="cite">[{_h(_cite(data, labels, ev))}]</span></blockquote></li>'
            )
        out.append("</ul></div>")
    if diffs:
        out.append("<h3>Differences of precision or certainty (not contradictions)</h3>")
        for c in diffs:
            out.append(
                f'<div class="diff"><span class="kind">{_h(c["kind"])} / {_h(c["verdict"])}</span> '
                f"{_h(c['reason'])}</div>"
            )
    out.append("<h2>Timeline</h2>")
    if not data["timeline"]:
        out.append(f'<p class="empty">{_h(empty_timeline_note(data))}</p>')
    out.append("<table><tr><th>when</th><th>event</th><th>datings</th><th>sources</th></tr>")
    for e in data["timeline"]:
        cls = ' class="bg"' if e["background"] or e.get("minor") else ""
        bg = " (background)" if e["background"] else ""
        bg += " (dated mention)" if e.get("minor") else ""
        srcs = "<br>".join(_h(_cite(data, labels, s)) for s in e["evidence"][:3])
        out.append(
            f"<tr{cls}><td>{_h(_interval(e))}</td><td>{_h(e['label'])}{bg}</td>"
            f"<td>{'<br>'.join(_h(x) for x in e['alternative_datings'])}</td>"
            f'<td class="cite">{srcs}</td></tr>'
        )
    out.append(
        "</table><h2>Who said what</h2><table><tr><th>speaker</th><th>channel</th><th>relayed by</th>"
        "<th>what</th><th>where</th></tr>"
    )
    for s in _first_tellings(data):
        content = s.get("content") or {}
        cites = "<br>".join(_h(_cite(data, labels, c)) for c in [content, *s.get("repeated_in", [])])
        out.append(
            f"<tr><td>{_h(_who(s))}</td><td>{_h(s['channel'])}</td>"
            f"<td>{_h(', '.join(s['relays']))}</td><td>{_h(_what(s))}</td>"
            f'<td class="cite">{cites}</td></tr>'
        )
    out.append("</table><h2>What the sources agree on</h2><ul>")
    for f in agreed:
        origins = "; ".join(g["origin"] for g in f["sources"])
        disputed = " — <strong>disputed</strong>: see where the reports disagree" if f.get("disputed") else ""
        out.append(
            f"<li>{_h(f['label'])} — {f['independent_sources']} independent source(s): {_h(origins)}{disputed}</li>"
        )
    out.append(
        "</ul><h2>Reports</h2><table><tr><th>published</th><th>outlet</th><th>title</th><th>id</th></tr>"
    )
    for p in data["publication_times"]:
        out.append(
            f"<tr><td>{_h(p['published'] or 'unknown')}</td><td>{_h(labels.get(p['article_id'], ''))}</td>"
            f"<td>{_h(p.get('headline') or p.get('title') or '')}</td><td><code>{_h(p['article_id'])}</code></td></tr>"
        )
    out.append("</table></body></html>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------- terminal


def render_terminal(d: Dossier | dict, console) -> None:
    """Print the dossier to a rich ``Console``; report text is printed as plain text (no markup injection)."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    data = _data(d)
    labels = _labels(data)
    story = data["story"]
    contra, diffs, agreed = _sections(data)
    console.print(Text(story.get("title") or f"Story {story['id']}", style="bold"))
    console.print(Text(f"{story['id']} · {len(data['articles'])} reports", style="dim"))
    summary = Text()
    for s in data["summary"]:
        summary.append("• " + s["text"] + " ")
        summary.append(f"[{'; '.join(_cite(data, labels, c) for c in s['citations'])}]\n", style="dim")
    console.print(Panel(summary, title="Summary"))
    body = Text()
    if not contra:
        body.append("No contradictions found.\n")
    for c in contra:
        body.append(f"{c['kind'].upper()} ", style="bold red")
        body.append(c["fact"], style="bold")
        body.append(" — " + c["why"] + "\n")
        for p in c["positions"]:
            ev = p["evidence"]
            if p["value"]:
                body.append(f"   “{p['value']}” ", style="bold")
            body.append(("   " if not p["value"] else "") + p["who"] + (f" (hedged: {p['hedge']})" if p.get("hedge") else "")
                        + "\n")
            body.append("      “" + _excerpt(ev.get("text")) + "” ", style="italic")
            body.append(f"[{_cite(data, labels, ev)}]\n", style="dim")
    if diffs:
        body.append("\nDifferences of precision or certainty (not contradictions)\n", style="bold")
    for c in diffs:
        body.append(f"{c['kind']} / {c['verdict']} ", style="yellow")
        body.append(c["reason"] + "\n")
    console.print(Panel(body, title="Where the reports disagree"))
    tl = Table(title="Timeline", show_lines=False)
    for col in ("when", "event", "datings", "sources"):
        tl.add_column(col, overflow="fold")
    for e in data["timeline"]:
        tl.add_row(
            Text(_interval(e)),
            Text(
                e["label"] + (" (background)" if e["background"] else "")
                + (" (dated mention)" if e.get("minor") else ""),
                style="dim" if e["background"] or e.get("minor") else "",
            ),
            Text("\n".join(e["alternative_datings"])),
            Text("\n".join(_cite(data, labels, s) for s in e["evidence"][:3]), style="dim"),
        )
    console.print(tl if data["timeline"] else Text(f"Timeline: {empty_timeline_note(data)}", style="dim"))
    st = Table(title="Who said what")
    for col in ("speaker", "channel", "relayed by", "what", "where"):
        st.add_column(col, overflow="fold")
    for s in _first_tellings(data):
        content = s.get("content") or {}
        st.add_row(
            Text(_who(s)),
            Text(s["channel"]),
            Text(", ".join(s["relays"])),
            Text(_what(s)),
            Text("\n".join(_cite(data, labels, c) for c in [content, *s.get("repeated_in", [])]), style="dim"),
        )
    console.print(st)
    facts = Text()
    for f in agreed:
        facts.append(f"• {f['label']} ")
        facts.append(
            f"— {f['independent_sources']} independent source(s): "
            + "; ".join(g["origin"] for g in f["sources"]),
            style="dim",
        )
        facts.append(" — disputed\n" if f.get("disputed") else "\n", style="bold red" if f.get("disputed") else "")
    console.print(
        Panel(
            facts or Text("No fact is reported by more than one report."), title="What the sources agree on"
        )
    )
    rp = Table(title="Reports")
    for col in ("published", "outlet", "title", "id"):
        rp.add_column(col, overflow="fold")
    for p in data["publication_times"]:
        rp.add_row(
            Text(p["published"] or "unknown"),
            Text(labels.get(p["article_id"], "")),
            Text(p.get("headline") or p.get("title") or ""),
            Text(p["article_id"]),
        )
    console.print(rp)
