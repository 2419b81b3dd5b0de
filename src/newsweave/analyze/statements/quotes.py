"""Attaching quotations to cues: ``"…," X said``, ``X said: "…"``, interrupted quotes, a quotation that
continues the previous speaker's quote, and ``Name: "…"`` / ``Name ― "…"`` lines (interviews, transcripts)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .direct import Quote, cue_after_quote, cue_before_quote
from .docindex import DocIndex
from .reported import Candidate, cue_extent, speaker_for

__all__ = ["attach_quotes", "block_quotes", "colon_lines", "looks_like_title"]

_STRIP_CONTENT = " \t\n,;:"
_DASH_CUES = frozenset({":", "―", "—", "–", "--"})
_MAX_NAME_TOKENS = 8
_COLON = frozenset({":"})
# verbs that introduce a block quotation in the next paragraph ("Limbaugh added:\n\nAnd from …")
_BLOCK_QUOTE_VERBS = frozenset({"say", "add", "write", "continue", "explain", "state", "tweet", "declare", "argue",
                                "note", "warn", "conclude", "reply", "respond", "post", "tell", "insist", "observe"})
_MIN_BLOCK_WORDS = 4


def _inner(text: str, q: Quote) -> tuple[int, int]:
    lo, hi = q.inner_start, q.inner_end
    while hi > lo and text[hi - 1] in _STRIP_CONTENT:
        hi -= 1
    while lo < hi and text[lo] in _STRIP_CONTENT:
        lo += 1
    return lo, hi


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "for", "to", "by", "with", "from"})


def looks_like_title(inner: str) -> bool:
    """A short quoted name in title case ("Meet the Press", "The Daily Show", "Morning Edition")."""
    core = inner.rstrip(",")
    if any(mark in core for mark in ".?!;:"):
        return False  # sentence punctuation: "Not Today. Not Ever"
    words = core.split()
    if not 2 <= len(words) <= 5:
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words if w[0].isalpha()) and (
        words[0][0].isupper()
    )


_NOT_SPEAKER_LABELS = frozenset(
    {"note", "update", "updated", "editor", "photo", "photos", "source", "image", "video", "watch", "read",
     "related", "correction", "disclaimer", "warning", "breaking", "exclusive", "analysis", "opinion", "live",
     "transcript", "q", "a", "caption", "credit", "tags", "topics", "subscribe", "share", "latest",
     "timeline", "factbox", "explainer", "recap", "highlights", "published", "posted", "modified", "filed",
     "clarification", "contact", "email", "location", "dateline"}
)


def _name_before(doc: Doc, ix: DocIndex, punct: int) -> Token | None:
    """The name (with a short description) right before a colon/dash that starts its line ("WALLACE:",
    "Republican pollster Jane Doe:", "Jane Doe ―"); ``None`` for labels such as "Note:" or "Update:"."""
    start = ix.sent_start[punct]
    j = punct - 1
    while j >= start and doc[j].is_space:
        j -= 1
    if j < 0 or not (doc[j].pos_ == "PROPN" or doc[j].is_upper or doc[j].is_title):
        return None
    if doc[j].lower_ in _NOT_SPEAKER_LABELS:
        return None
    lo = j
    while (
        lo - 1 >= start
        and j - lo < _MAX_NAME_TOKENS
        and doc[lo - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "NUM")
        and "\n" not in doc[lo - 1].text
        and doc[lo - 1].text not in (".", "!", "?", ":")
    ):
        lo -= 1
    while lo < j and doc[lo].is_punct:
        lo += 1
    before = ix.text[max(0, ix.starts[lo] - 2) : ix.starts[lo]]
    if ix.starts[lo] > 1 and "\n" not in before:
        return None
    return doc[j]


_HEADLINE_MAX_TOKENS = 10


def _headline_speaker(doc: Doc, ix: DocIndex, colon: int) -> Token | None:
    """The speaker of a headline ``Speaker (to audience): what they said`` on the first line of the text
    ("Senator Roe to Farmers: Tariffs Will Go"); the head of the phrase before the colon, which must hold a
    person's name."""
    if colon == 0 or colon > _HEADLINE_MAX_TOKENS or "\n" in ix.text[: ix.starts[colon]]:
        return None
    if colon + 1 >= len(doc) or not ix.text[ix.starts[colon] + 1 : ix.starts[colon] + 2].isspace():
        return None
    phrase = doc[0:colon]
    if phrase[0].lower_ in _NOT_SPEAKER_LABELS or not any(t.ent_type_ == "PERSON" for t in phrase):
        return None  # "The Latest: …", "Poll: …" are labels, not speakers
    head = phrase.root
    if head.pos_ not in ("PROPN", "NOUN") and not head.ent_type_:
        return None
    return head


_MIN_COLON_QUOTE_WORDS = 4


def _named_before(doc: Doc, colon: int) -> Token | None:
    """A person or organisation named right before a colon that opens a quotation inside a paragraph
    ("… doesn't surprise pollster Jane Roe: “…”", "More from Roe and Doe: “…”", "… - Jane Roe: “…”")."""
    j = colon - 1
    k = j
    while k >= 0 and doc[k].pos_ == "PROPN" and j - k < 4:
        if doc[k].ent_type_ in ("PERSON", "ORG"):
            return doc[j]
        k -= 1
    k = j
    while k >= 0 and doc[k].is_title and doc[k].pos_ in ("PROPN", "NOUN") and j - k < 4:
        k -= 1
    if j - k >= 2 and k >= 0 and doc[k].text in ("-", "–", "—"):
        return doc[j]  # a digest line, "Why it matters - Jane Roe: “…”"
    return _presented(doc, colon)


def _presented(doc: Doc, colon: int) -> Token | None:
    """"Here’s Roe in December 1992: “…”": a person presented by "here is" at the start of the sentence."""
    start = doc[colon].sent.start
    if colon - start < 3 or doc[start].lower_ != "here" or doc[start + 1].lower_ not in ("is", "’s", "'s"):
        return None
    name = doc[start + 2]
    while name.i + 1 < colon and doc[name.i + 1].pos_ == "PROPN":
        name = doc[name.i + 1]
    return name if name.ent_type_ in ("PERSON", "ORG") or (name.pos_ == "PROPN" and not name.ent_type_) else None


def _name_after(doc: Doc, ix: DocIndex, dash: int) -> Token | None:
    """The proper name right after a dash that ends its line ("“…” ― Jane Doe")."""
    j = dash + 1
    while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
        j += 1
    k = j
    while k < len(doc) and doc[k].pos_ == "PROPN" and k - j < _MAX_NAME_TOKENS:
        k += 1
    if k == j:
        return None
    if k < len(doc) and not (doc[k].is_punct or doc[k].is_space) and "\n" not in doc[k].text:
        return None
    return doc[k - 1]


def _dash_after(doc: Doc, i: int) -> int | None:
    """The dash token right after a closing quotation mark ("”\xa0― Jane Doe"), spaces skipped; the tokenizer
    keeps a dash glued to the mark ("”―") as one token."""
    if 0 < i <= len(doc) and len(doc[i - 1].text) > 1 and doc[i - 1].text[0] in "”\"'" and (
            doc[i - 1].text.lstrip("”\"'") in _DASH_CUES - {":"}):
        return i - 1  # the mark and the dash are one token, which starts before the quotation's end
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i < len(doc) and doc[i].text.lstrip("”\"'") in _DASH_CUES - {":"}:
        return i
    return None


def _speaker_near(doc: Doc, ix: DocIndex, cue: Token, from_tok: int | None) -> Token | None:
    """Fallback speaker of a quotation cue when the parse gives none: the noun phrase between the quote and
    the cue ("…," Police Chief Jane Doe said), else right after the cue ("…," said Jane Doe)."""
    if from_tok is not None:
        span = range(from_tok, cue.i)
        roots = [doc[i] for i in span if doc[i].pos_ in ("PROPN", "NOUN", "PRON") and not (from_tok <= doc[i].head.i < cue.i)]
        if roots:
            return roots[-1]
    end = ix.sent_end[cue.i]
    for i in range(cue.i + 1, min(end, cue.i + 8)):
        t = doc[i]
        if t.is_punct:
            break
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not (cue.i < t.head.i < end and t.head.pos_ in ("PROPN", "NOUN")):
            return t
    return None


def colon_lines(doc: Doc, ix: DocIndex, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Interview and transcript lines: ``NAME: what they said`` at the start of a paragraph or headline."""
    out: list[Candidate] = []
    text = ix.text
    for i in ix.with_lower(_COLON):
        tok = doc[i]
        if tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        name = _name_before(doc, ix, tok.i) or _headline_speaker(doc, ix, tok.i)
        if name is None:
            continue
        line_end = text.find("\n", tok.idx)
        line_end = len(text) if line_end < 0 else line_end
        lo = tok.idx + 1
        while lo < line_end and text[lo] in " \t\"“":
            lo += 1
        hi = line_end
        while hi > lo and text[hi - 1] in " \t\"”":
            hi -= 1
        if hi - lo < 8 or any(a < hi and lo < b for a, b in taken) or len(text[lo:hi].split()) < 3:
            continue  # (a word or two after a colon is a label or an address: "Contact: news@…")
        out.append(Candidate(tok.i, tok.i + 1, tok, name, lo, hi, True, "colon", None))
    return out


def block_quotes(doc: Doc, ix: DocIndex, taken: list[tuple[int, int]]) -> list[Candidate]:
    """A speech verb ending its paragraph with a colon and the next paragraph as what was said, without quotation
    marks (a block quotation whose indentation was lost in extraction): "The governor added:\n\nIt’s typical
    of …". Only when the verb has a speaker and the paragraph is not itself quoted (those are direct quotes)."""
    out: list[Candidate] = []
    text = ix.text
    for i in ix.with_lower(_COLON):
        colon = doc[i]
        line_end = text.find("\n", colon.idx)
        if line_end < 0 or text[colon.idx + 1 : line_end].strip():
            continue  # the colon does not end its paragraph
        lo = line_end
        while lo < len(text) and text[lo].isspace():
            lo += 1
        if lo >= len(text) or text[lo] in "\"“”'‘<" or any(a <= lo < b for a, b in taken):
            continue
        hi = text.find("\n", lo)
        hi = len(text) if hi < 0 else hi
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if len(text[lo:hi].split()) < _MIN_BLOCK_WORDS:
            continue
        verb = next((doc[j] for j in range(i - 1, max(ix.sent_start[i], i - 6) - 1, -1)
                     if doc[j].pos_ == "VERB" and doc[j].lemma_.lower() in _BLOCK_QUOTE_VERBS), None)
        speaker = speaker_for(verb) if verb is not None else None
        if speaker is None or speaker.lower_ in ("it", "that", "this", "which"):
            continue
        c_lo, c_hi = cue_extent(verb)
        out.append(Candidate(c_lo, c_hi, verb, speaker, lo, hi, True, "quote", None))
    return out


def attach_quotes(doc: Doc, ix: DocIndex, quotes: list[Quote], cands: dict[int, Candidate]) -> list[Candidate]:
    """Update ``cands`` (keyed by cue token) with direct quotations; return extra candidates whose cue is a
    colon or dash after a name."""
    text = ix.text
    extra: list[Candidate] = []
    last_direct: Candidate | None = None
    last_direct_para_end = -1
    for q in quotes:
        first_after = ix.token_at(q.end)
        last_before = ix.token_at(q.start) - 1
        while last_before >= 0 and doc[last_before].is_space:
            last_before -= 1  # "He tweeted:\n\n“…”": the colon ends the previous paragraph
        lo, hi = _inner(text, q)
        if hi - lo < 2:
            continue
        tok_lo, tok_hi = ix.token_at(lo), ix.token_at(hi)
        if looks_like_title(text[lo:hi]):
            continue  # "Meet the Press": a name in quotes, not a quotation
        cue = cue_after_quote(doc, ix, q, first_after if first_after < len(doc) else None)
        if cue is None:
            cue = cue_before_quote(doc, ix, q, last_before if last_before >= 0 else None)
        if cue is not None:
            existing = cands.get(cue.i)
            if existing is not None and existing.direct:
                # an interrupted quotation: "…," he said, "…" — one statement from first to last piece
                existing.content_start = min(existing.content_start, lo)
                existing.content_end = max(existing.content_end, hi)
                existing.content_tokens = None
                continue
            if existing is not None and q.end <= cue.idx < existing.content_start:
                extra.append(existing)  # "“…,” he said, mentioning that …": the clause after is a statement too
            c_lo, c_hi = cue_extent(cue)
            speaker = existing.speaker if existing is not None else speaker_for(cue)
            if speaker is None or q.start <= speaker.idx < q.end:
                speaker = speaker_for(cue, adjacent=True)
            if speaker is None or q.start <= speaker.idx < q.end:
                speaker = _speaker_near(doc, ix, cue, first_after if cue.i > first_after else None)
            cand = Candidate(c_lo, c_hi, cue, speaker, lo, hi, True, "quote", (tok_lo, tok_hi))
            cands[cue.i] = cand
            last_direct = cand
            para_end = text.find("\n", q.end)
            last_direct_para_end = para_end if para_end >= 0 else len(text)
            continue
        dash = _dash_after(doc, first_after)
        if dash is not None:
            name = _name_after(doc, ix, dash)
            if name is not None:
                cand = Candidate(dash, dash + 1, doc[dash], name, lo, hi, True, "colon", (tok_lo, tok_hi))
                extra.append(cand)
                last_direct = None
                continue
        if last_before >= 0 and doc[last_before].text in _DASH_CUES:
            name = _name_before(doc, ix, last_before)
            if name is None and doc[last_before].text == ":" and len(text[lo:hi].split()) >= _MIN_COLON_QUOTE_WORDS:
                name = _named_before(doc, last_before)
            if name is not None:
                cand = Candidate(last_before, last_before + 1, doc[last_before], name, lo, hi, True, "colon",
                                 (tok_lo, tok_hi))
                extra.append(cand)
                last_direct = cand
                continue
        # a quotation without a cue continues the previous quote of the same paragraph ("…," he said. "…") —
        # unless its sentence has a cue of its own further on ("“…” to drive up the stock price, she said"): that
        # is another statement, and the quotations after it are not the earlier speaker's
        if (
            last_direct is not None
            and q.start < last_direct_para_end
            and q.start > last_direct.content_end
            and first_token_of_sentence(ix, last_before)
        ):
            if _own_cue_in_sentence(ix, cands, tok_lo, tok_hi):
                last_direct = None
                continue
            last_direct.content_end = max(last_direct.content_end, hi)
            last_direct.content_tokens = None
    return extra


def _own_cue_in_sentence(ix: DocIndex, cands: dict[int, Candidate], tok_lo: int, tok_hi: int) -> bool:
    """Whether the sentence of a quotation holds, after the quotation, the cue of another statement."""
    end = ix.sent_end[min(tok_hi, len(ix.sent_end) - 1)]
    return any(tok_hi <= i < end for i in cands)


def first_token_of_sentence(ix: DocIndex, last_before: int) -> bool:
    """True when the quotation opens a sentence (the token before it ends one, or there is none)."""
    if last_before < 0:
        return True
    return ix.sent_end[last_before] == last_before + 1 or ix.text[ix.starts[last_before]] in ".!?"
