"""Direct speech: finding quotations in the text and the speech cue that introduces them.

A quotation becomes a statement only when a speech cue sits next to it in the same sentence:
``"…," the mayor said``, ``"…," said the minister``, ``She said: "…"`` or an interrupted quote
``"…," he said, "…"``. Quoted titles and scare quotes (``so-called "peace plan"``) have no such cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import PARENTHETICAL_VERBS, SPEECH_VERBS
from .docindex import DocIndex
from .frames import CUE_FRAMES

__all__ = ["Quote", "cue_after_quote", "cue_before_quote", "find_quotes"]

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_STRAIGHT = '"'
_MIN_QUOTE_CHARS = 3
_MAX_CARRIED_LINES = 8  # a quotation carried over lines without marks ("…resign.\nIt didn't …\n…,'' she told")
_DOUBLE_MARKS = re.compile('[“”„«»"]')
_SINGLE_MARKS = re.compile("[‘’']")
_BARE_QUOTE_VERBS = frozenset({"say", "add", "tell", "ask", "write", "tweet", "declare", "state", "reply", "shout"})
_MIN_BARE_QUOTE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` are the offsets of its marks (``text[start]`` is the opening mark)."""

    start: int
    end: int  # one past the closing mark (or the end of the paragraph for an unclosed quote)
    inner_start: int
    inner_end: int
    closed: bool = True


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _single_quotes(text: str, lo: int, hi: int) -> list[Quote]:
    """Single-quoted passages in ``text[lo:hi]``: an opening ‘ or ' before a word, a closing one after it.

    Apostrophes inside words (``Iraq’s``, ``don't``) never open or close a quote.
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    for m in _SINGLE_MARKS.finditer(text, lo, hi):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if open_at is None:
            if ch in "‘'" and not _is_word_char(prev) and _is_word_char(nxt):
                open_at = i
        elif ch in "’'" and not _is_word_char(nxt) and not prev.isspace():
            if nxt == "s" or (prev == "s" and nxt.isspace() and i - open_at < 4):
                continue
            quotes.append(Quote(open_at, i + 1, open_at + 1, i))
            open_at = None
    return quotes


def _opens_like_quote(text: str, i: int, para_start: int) -> bool:
    """A closing mark typed where an opening one belongs: after a space or at the paragraph start and right
    before a word ("”Fear. I am afraid …”")."""
    before = text[i - 1] if i > para_start else " "
    return before.isspace() and i + 1 < len(text) and text[i + 1].isalnum()


def _closes_like_quote(text: str, i: int, para_end: int) -> bool:
    """An opening mark typed where a closing one belongs: right after a comma or sentence end, before a space
    or the end of the paragraph ("…for her here,“ said Roe")."""
    after = text[i + 1] if i + 1 < para_end else " "
    return i > 0 and text[i - 1] in ",.?!" and after.isspace()


def _ends_quoted_words(text: str, i: int, para_start: int) -> bool:
    """A mark after a clause end ("…cloud , "", "…cloud,”") and before a lower-case word ("said") or the end."""
    before = text[para_start:i].rstrip()
    after = text[i + 1 : i + 4].replace("\x01", "").lstrip()  # (the second mark of a doubled ''  is \x01)
    return len(before) >= _MIN_QUOTE_CHARS and before[-1] in ",.?!" and (not after or after[0].islower())


def _nested_curly(text: str, lo: int, hi: int) -> list[Quote] | None:
    """The outermost quotations of a paragraph whose curly marks nest and balance ("“I’d rather live in what
    he calls “hell” than …”"); ``None`` when the paragraph has no such nesting (the usual scan then applies)."""
    depth, deepest, open_at = 0, 0, 0
    quotes: list[Quote] = []
    for m in re.finditer("[“”]", text[lo:hi]):
        i = lo + m.start()
        if text[i] == "“":
            if depth == 0:
                open_at = i
            depth += 1
            deepest = max(deepest, depth)
        else:
            if depth == 0:
                return None
            depth -= 1
            if depth == 0 and i - open_at - 1 >= _MIN_QUOTE_CHARS:
                quotes.append(Quote(open_at, i + 1, open_at + 1, i))
    return quotes if depth == 0 and deepest > 1 else None


def find_quotes(text: str) -> list[Quote]:
    """All double-quoted passages (straight or curly) and clear single-quoted ones, in text order.

    Straight quotes alternate open/close within a paragraph; a quotation left open at the end of a paragraph
    runs to the paragraph end (news style for multi-paragraph quotes).
    """
    raw = text
    if "''" in text or "``" in text:  # doubled apostrophes/backticks stand for double quotes (NYT, LaTeX style)
        text = text.replace("''", '"\x01').replace("``", '"\x01')
    quotes: list[Quote] = []
    pos = 0
    n = len(text)
    carried = False  # the previous paragraph ended inside a quotation
    open_lines = 0  # lines without any mark since then
    while pos < n:
        para_end = text.find("\n", pos)
        if para_end < 0:
            para_end = n
        nested = _nested_curly(text, pos, para_end)
        if nested is not None:
            quotes.extend(nested)
            pos = para_end + 1
            carried = False
            continue
        open_at: int | None = None
        has_double = False
        for k, m in enumerate(_DOUBLE_MARKS.finditer(text, pos, para_end)):
            i = m.start()
            ch = text[i]
            if k == 0 and carried and ch in _DOUBLE_CLOSE + _STRAIGHT and _ends_quoted_words(text, i, pos):
                # "… the PC .\nWe are going to move the hub , " said Jobs": a quotation carried over from the
                # paragraph before closes here, without an opening mark of its own (one sentence per line)
                if quotes and not quotes[-1].closed:  # one quotation from its opening mark to this one
                    opened = quotes.pop()
                    quotes.append(Quote(opened.start, i + 1, opened.inner_start, i))
                else:
                    start = pos + len(text[pos:i]) - len(text[pos:i].lstrip())
                    quotes.append(Quote(start, i + 1, start, i))
                has_double = True
                continue
            # "…here,“ said Roe": an opening mark typed where the closing one belongs
            typo_close = ch in _DOUBLE_OPEN and open_at is not None and _closes_like_quote(text, i, para_end)
            if not typo_close and (
                    ch in _DOUBLE_OPEN or (open_at is None and (ch == _STRAIGHT or _opens_like_quote(text, i, pos)))):
                if open_at is None:
                    open_at = i
                    has_double = True
                elif ch in _DOUBLE_OPEN:
                    open_at = i  # a re-opened quote: news style for nested paragraphs
            elif (ch in _DOUBLE_CLOSE or ch == _STRAIGHT or typo_close) and open_at is not None:
                if i - open_at - 1 >= _MIN_QUOTE_CHARS:
                    quotes.append(Quote(open_at, i + 1, open_at + 1, i))
                open_at = None
        if not has_double and carried and open_lines < _MAX_CARRIED_LINES:
            open_lines += 1  # a line without marks inside a quotation that opened lines before (one sentence a line)
        else:
            carried, open_lines = open_at is not None, 0
        if open_at is not None and para_end - open_at - 1 >= _MIN_QUOTE_CHARS:
            end = para_end
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            quotes.append(Quote(open_at, end, open_at + 1, end, closed=False))
        if not has_double:
            quotes.extend(_single_quotes(text, pos, para_end))
        pos = para_end + 1
    if text is not raw:
        quotes = [_widen(text, q) for q in quotes]
    return quotes


def _widen(scan: str, q: Quote) -> Quote:
    """Account for the second character of a doubled quote mark (``''``)."""
    inner_start, end = q.inner_start, q.end
    if inner_start < len(scan) and scan[inner_start] == "\x01":
        inner_start += 1
    if end < len(scan) and scan[end] == "\x01":
        end += 1
    return Quote(q.start, end, inner_start, q.inner_end, q.closed)


# Verbs that introduce a quotation next to them: speech verbs and every verb that takes a message frame.
QUOTE_VERBS: frozenset[str] = (
    PARENTHETICAL_VERBS | frozenset(lemma for lemma, frames in CUE_FRAMES.items() if frames) | {"continue", "read"}
) - {"be", "have", "do"}


def _is_cue_verb(token: Token, *, parenthetical: bool) -> bool:
    lemmas = QUOTE_VERBS if parenthetical else SPEECH_VERBS
    if token.dep_ == "amod" or (token.pos_ == "NOUN" and token.dep_ == "compound"):
        return False  # "campaign pins", "a reported attack": a modifier, not a cue
    return token.pos_ in ("VERB", "AUX", "NOUN") and token.lemma_.lower() in lemmas


_LONG_WINDOW = 40  # "“…,” Jane Roe, the long-serving chair of …, said": a long speaker phrase


def _in_subject(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` lies in the subject phrase (or is punctuation/adverb) of ``verb``."""
    if tok.is_punct or tok.is_space or (tok.dep_ in ("advmod", "aux", "neg") and tok.head.i == verb.i):
        return True
    for subj in verb.children:
        if subj.dep_ in ("nsubj", "nsubjpass") and subj.left_edge.i <= tok.i <= subj.right_edge.i:
            return True
    return False


_QUOTED_NAME_TOKENS = 5


def _closes_soon(doc: Doc, opening: int, sent_end: int) -> bool:
    """Whether the quotation mark at ``opening`` is closed again within a few words of the sentence."""
    return any(doc[k].is_quote for k in range(opening + 2, min(sent_end, opening + _QUOTED_NAME_TOKENS + 2)))


_NAME_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PART"})


def _name_set_off(doc: Doc, lo: int, verb: int) -> bool:
    """``Jane Roe, wearing a cowboy hat, said``: a name, then a phrase set off by commas up to the verb (the
    loop that calls this has already refused finite verbs and clause breaks in between)."""
    if doc[verb - 1].text != ",":
        return False
    k = lo
    while k < verb and doc[k].pos_ in _NAME_POS:
        k += 1
    return k > lo and doc[k].text == "," and any(doc[m].pos_ == "PROPN" for m in range(lo, k))


def cue_after_quote(
    doc: Doc, ix: DocIndex, quote: Quote, first_after: int | None, *, window: int = 12
) -> Token | None:
    """The speech verb of ``"…," Jane Roe said`` / ``"…," said Jane Roe`` right after a quotation, if any.

    ``first_after`` is the index of the first token after the closing mark. The quotation must end a clause
    (a comma, ?, ! or . inside or right after the closing mark) and the verb must follow within ``window``
    tokens of the same sentence, before any other quotation mark or clause break.
    """
    if first_after is None or first_after >= len(doc):
        return None
    tail = ix.text[quote.inner_start : quote.inner_end].rstrip().rstrip("’'")  # "… say, ‘Thank you,’” he said
    i = first_after
    ends_clause = bool(tail) and tail[-1] in ",?!.…—-–"
    if doc[i].text in (",", "—", "–", "-"):
        ends_clause = True
        i += 1
    if not ends_clause or i >= len(doc):
        return None
    sent_end = ix.sent_end[first_after]
    if tail.endswith(".") and ix.sent_start[first_after] == first_after and sent_end - first_after > 6:
        return None  # "…." He then added that …: the quotation closed its sentence; a new one begins
    comma = tail.endswith(",") or doc[first_after].text == ","
    long_phrase = comma or tail.endswith(("?", "!"))  # a speaker phrase may run long after "…," "…?" "…!"
    inside_quoted_name = False  # "“…,” Jane Roe, wearing “Vote Roe” pins, said": a short quoted name
    for j in range(i, min(sent_end, i + (_LONG_WINDOW if long_phrase else window))):
        tok = doc[j]
        if tok.is_quote and long_phrase and j > i and (inside_quoted_name or _closes_soon(doc, j, sent_end)):
            inside_quoted_name = not inside_quoted_name
            continue
        if inside_quoted_name:
            continue
        if tok.is_quote or tok.text in (";", ":") or (tok.text in (".", "!", "?") and j > i):
            return None
        if _is_cue_verb(tok, parenthetical=True):
            if j - i >= window and not all(_in_subject(doc[k], tok) for k in range(i, j)) and not _name_set_off(
                    doc, i, j):
                return None  # a long stretch before the verb that is not its speaker phrase
            if not comma and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                return None  # "…" He added that …: the verb has its own message after it
            return tok
        if tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "ccomp", "conj") and tok.tag_ not in ("VBN", "VBG"):
            return None  # another finite verb: the quote belongs to a different clause
    return None


def cue_before_quote(
    doc: Doc, ix: DocIndex, quote: Quote, last_before: int | None, *, window: int = 14
) -> Token | None:
    """The speech verb of ``She said: "…"`` / ``He told reporters, "…"`` right before a quotation, if any."""
    if last_before is None or last_before < 0:
        return None
    tok = doc[last_before]
    if tok.text not in (":", ","):
        # "He said "…"" without punctuation: only core speech verbs and sentence-like quotations
        # ("She read "War and Peace"" is a title, not a quotation)
        words = len(ix.text[quote.inner_start : quote.inner_end].split())
        if tok.lemma_.lower() in _BARE_QUOTE_VERBS and words >= _MIN_BARE_QUOTE_WORDS:
            return tok
        return None
    sent_start = ix.sent_start[last_before]
    for j in range(last_before - 1, max(sent_start, last_before - window) - 1, -1):
        if doc[j].is_space and "\n" in doc[j].text:
            return None
        cand = doc[j]
        if cand.is_quote:
            return None
        if _is_cue_verb(cand, parenthetical=True):
            return cand
    if tok.text == ":" and len(ix.text[quote.inner_start : quote.inner_end].split()) >= _MIN_BARE_QUOTE_WORDS:
        return _colon_clause_verb(tok)
    return None


def _colon_clause_verb(colon: Token) -> Token | None:
    """"The senator boomed: “…”", "Roe went even further: “…”": a clause whose subject is a person (a
    name or a personal pronoun) ending in a colon that opens a quotation; its verb is the cue."""
    verb = colon.head
    if verb.pos_ != "VERB" or verb.i > colon.i or verb.sent.start != colon.sent.start:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subj:
        return None
    s = subj[0]
    if s.ent_type_ == "PERSON" or s.lower_ in ("he", "she", "they", "i", "we"):
        return verb
    return None
