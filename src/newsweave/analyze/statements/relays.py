"""Relays: the outlets that passed a statement on, nearest first.

Recognised around the cue: "quoted by X", "cited by X", "(as) reported by X", "according to X" (when a
different speaker is named), "told X" / "in an interview with X" (X a news outlet), "X reported" wrapping an
indirect statement, and an article credit line "(With inputs from agencies)" / "(With inputs from Reuters)",
which becomes the farthest relay of statements that name no relay of their own and are not an outlet's own
report.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .speaker_names import is_outlet_phrase

__all__ = ["RELAY_VERBS", "credit_line_relays", "relay_name", "relays_near_cue", "trailing_relay"]

RELAY_VERBS = frozenset({"quote", "cite", "report", "carry", "publish", "broadcast", "air", "relay"})
_CREDIT = re.compile(  # the whole line is the credit: "(With inputs from agencies)", "Source: Reuters"
    r"^\W*(?:with\s+(?:inputs?|input|additional\s+reporting|contributions?)\s+from|"
    r"inputs?\s+from|sources?\s*:)\s*([A-Za-z][\w .&'-]{1,60}?)\s*\)?\s*\.?\s*$",
    re.IGNORECASE,
)
_CREDIT_SCAN = 400


def relay_name(phrase: Span) -> str:
    """How to name the relaying outlet: its named entity ("news agency Sputnik" → "Sputnik"), else the
    phrase itself ("The Associated Press (AP)")."""
    root = phrase.root
    for ent in phrase.ents:
        if ent.start <= root.i < ent.end:
            lo, hi = ent.start, ent.end
            while hi - 1 > lo and ent.doc[hi - 1].is_punct:  # NER sometimes swallows "(" of "(AP)"
                hi -= 1
            return ent.doc[lo:hi].text
    # proper-noun run around the root
    if root.pos_ == "PROPN":
        lo = root.i
        while lo - 1 >= phrase.start and phrase.doc[lo - 1].pos_ == "PROPN":
            lo -= 1
        if lo - 1 >= phrase.start and phrase.doc[lo - 1].lower_ == "the":
            lo -= 1
        return phrase.doc[lo : root.i + 1].text
    text = phrase.text.strip()
    return text[4:] if text.lower().startswith("the ") and len(phrase) > 2 else text


def _object_phrase(tok: Token) -> Span | None:
    objs = [c for c in tok.children if c.dep_ in ("pobj", "dobj")]
    if not objs:
        return None
    obj = objs[0]
    lo, hi = obj.left_edge.i, obj.i + 1
    # keep an immediate parenthesised abbreviation: "The Associated Press (AP)"
    doc = tok.doc
    if hi + 2 < len(doc) and doc[hi].text == "(" and doc[hi + 2].text == ")":
        hi += 3
    return doc[lo:hi]


_SPEAKING = frozenset({"speak", "talk"})


def relays_near_cue(cue: Token, exclude: tuple[int, int] | None = None) -> tuple[list[str], bool]:
    """Relays named in the cue's own dependents; also says whether the speaker "told" a news outlet
    (an interview channel). ``exclude`` is the token range of the content."""
    found: list[str] = []
    told_outlet = False
    stack = list(cue.children)
    while stack:
        tok = stack.pop()
        if exclude and exclude[0] <= tok.i < exclude[1]:
            continue
        lemma = tok.lemma_.lower()
        if lemma in RELAY_VERBS and tok.dep_ in ("acl", "advcl", "conj", "relcl"):
            for c in tok.children:
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                    ph = _object_phrase(c)
                    if ph is not None:
                        found.append(relay_name(ph))
        elif tok.dep_ == "prep" and tok.lower_ == "according":
            for c in tok.children:
                ph = _object_phrase(c)
                if ph is not None and is_outlet_phrase(ph):
                    found.append(relay_name(ph))
        elif tok.dep_ in ("dobj", "dative") and cue.lemma_ == "tell" and tok.head.i == cue.i:
            ph = tok.doc[tok.left_edge.i : tok.i + 1]
            if tok.pos_ == "PROPN" and is_outlet_phrase(ph):
                found.append(relay_name(ph))
                told_outlet = True
        elif tok.dep_ == "prep" and tok.lower_ == "with" and tok.head.lemma_ == "interview":
            ph = _object_phrase(tok)
            if ph is not None and is_outlet_phrase(ph):
                found.append(relay_name(ph))
                told_outlet = True
        elif (tok.dep_ == "prep" and tok.lower_ == "to" and tok.head.tag_ == "VBG"
              and tok.head.lemma_.lower() in _SPEAKING):
            ph = _object_phrase(tok)  # "Speaking to CNN, the mayor said …": an interview the outlet passed on
            if ph is not None and is_outlet_phrase(ph):
                found.append(relay_name(ph))
                told_outlet = True
        if tok.dep_ not in ("ccomp", "relcl"):
            stack.extend(tok.children)
    # nearest first: dependents closest to the cue first
    seen: list[str] = []
    for name in found:
        if name not in seen:
            seen.append(name)
    return seen, told_outlet


def trailing_relay(doc, lo: int, hi: int) -> tuple[int, str] | None:
    """A relay phrase closing a statement's content (token range ``[lo, hi)``): "…, according to Reuters",
    "…, as reported by AP", "…, quoted by TASS". Returns the token index where the content should end and
    the relay's name; the parser often hangs such phrases inside the reported clause."""
    for i in range(max(lo, hi - 14), hi):
        tok = doc[i]
        if i == lo or doc[i - 1].text not in (",", "—", "–", "("):
            continue
        phrase = None
        if tok.lower_ == "according" and i + 1 < hi and doc[i + 1].lower_ == "to":
            phrase = doc[i + 2 : hi]
        elif tok.lower_ == "as" and i + 2 < hi and doc[i + 1].lemma_ in RELAY_VERBS and doc[i + 2].lower_ == "by":
            phrase = doc[i + 3 : hi]
        elif tok.lemma_ in RELAY_VERBS and tok.tag_ == "VBN" and i + 1 < hi and doc[i + 1].lower_ == "by":
            phrase = doc[i + 2 : hi]
        if phrase is None or not len(phrase):
            continue
        while len(phrase) > 1 and phrase[-1].is_punct and phrase[-1].text != ")":
            phrase = phrase[:-1]
        if is_outlet_phrase(phrase):
            return i - 1, relay_name(phrase)
    return None


def credit_line_relays(text: str) -> tuple[str, ...]:
    """Relays from a credit line at the end of the article: "(With inputs from agencies)" → ("agencies",)."""
    tail = text[-_CREDIT_SCAN:]
    for line in reversed([ln.strip() for ln in tail.splitlines() if ln.strip()][-3:]):
        m = _CREDIT.search(line)
        if m and len(line) < 80:
            names = re.split(r"\s*(?:,|\band\b)\s*", m.group(1).strip())
            return tuple(n for n in names if n)
    return ()
