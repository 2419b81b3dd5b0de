"""Faster, output-identical versions of two spaCy components of the bundled pipeline.

spaCy's ``attribute_ruler`` runs a :class:`~spacy.matcher.Matcher` of ~180 one- and two-token patterns over
every token (~13 ms of CPU for a 1,600-character report, as much as the parser), and the rule ``lemmatizer``
re-derives the lemma of every token in Python although the result depends only on the word, its POS and its
morphology (~9 ms). :func:`accelerate` swaps in subclasses whose ``__call__`` give exactly the same
annotations:

* the attribute ruler's patterns are compiled once into predicates over the token attributes they read
  (``TAG``, ``LOWER``, ``DEP`` …); which patterns match a token is memoised per distinct attribute tuple, the
  few multi-token patterns are checked only where their first token matches, and the attributes of all
  matching patterns are applied in the ruler's own precedence order (later patterns win);
* the lemmatizer memoises ``lemmatize(token)`` per ``(word, POS, morphology)`` — including the "already a base
  form" path spaCy's own cache skips.

Anything the compiler does not understand (operators, regular expressions, extension attributes, another
lemmatizer mode) leaves the original component in place, so the worst case is spaCy's own speed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["accelerate", "is_accelerated"]

log = logging.getLogger(__name__)

_CACHE_LIMIT = 500_000  # memo entries per component before the memo is cleared (bounded memory)
_ATTRS = ("TAG", "LOWER", "ORTH", "NORM", "DEP", "POS", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT")


class _Unsupported(ValueError):
    """A pattern uses a Matcher feature the compiled ruler does not implement."""


def _value_id(value: Any) -> int:
    from spacy.strings import get_string_id

    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return get_string_id(value)
    raise _Unsupported(f"pattern value {value!r}")


def _compile_spec(spec: dict, slots: dict[str, int], text_of: Callable[[int], str]) -> Callable[[tuple[int, ...]], bool]:
    """One token spec (``{"TAG": "NN", "LOWER": {"IN": [...]}}``) → predicate over the attribute tuple;
    ``text_of`` maps a string id back to the string (for ``REGEX``, searched like spaCy's Matcher does)."""
    checks: list[tuple[int, str, Any]] = []
    for raw_key, value in spec.items():
        key = raw_key.upper()
        if key not in slots:
            raise _Unsupported(f"token attribute {raw_key!r}")
        slot = slots[key]
        if isinstance(value, dict):
            if set(value) - {"IN", "NOT_IN", "REGEX"} or len(value) != 1:
                raise _Unsupported(f"predicate {value!r}")
            op, items = next(iter(value.items()))
            if op == "REGEX":
                checks.append((slot, op, re.compile(items)))
            else:
                checks.append((slot, op, frozenset(_value_id(v) for v in items)))
        else:
            checks.append((slot, "==", _value_id(value)))

    def matches(row: tuple[int, ...]) -> bool:
        for slot, op, want in checks:
            have = row[slot]
            if op == "==":
                if have != want:
                    return False
            elif op == "IN":
                if have not in want:
                    return False
            elif op == "REGEX":
                if not want.search(text_of(have)):
                    return False
            elif have in want:  # NOT_IN
                return False
        return True

    return matches


class _CompiledRules:
    """The ruler's pattern groups as predicates; group ``g`` sets ``attrs[g]`` on span token ``index[g]``."""

    def __init__(
        self, patterns: Sequence[dict], attrs: Sequence[dict], indices: Sequence[int], text_of: Callable[[int], str]
    ):
        from spacy import attrs as spacy_attrs

        used = sorted({k.upper() for p in patterns for alt in p["patterns"] for tok in alt for k in tok})
        unknown = [k for k in used if k not in _ATTRS]
        if unknown:
            raise _Unsupported(f"token attributes {unknown}")
        self.attr_ids = [getattr(spacy_attrs, k) for k in used]
        slots = {k: i for i, k in enumerate(used)}
        self.attrs = list(attrs)
        if any("_" in a for a in self.attrs):
            raise _Unsupported("extension attributes")
        self.single: list[tuple[int, Callable]] = []  # (group, predicate) for one-token alternatives
        self.multi: list[tuple[int, int, list[Callable]]] = []  # (group, target offset, predicates)
        for group, (pattern, index) in enumerate(zip(patterns, indices, strict=True)):
            for alt in pattern["patterns"]:
                if not isinstance(alt, list) or not alt or any(not isinstance(t, dict) for t in alt):
                    raise _Unsupported(f"pattern {alt!r}")
                if any(k.upper() == "OP" for t in alt for k in t):
                    raise _Unsupported("operators")
                target = index + len(alt) if index < 0 else index
                if not 0 <= target < len(alt):
                    raise _Unsupported(f"index {index} outside a {len(alt)}-token pattern")
                predicates = [_compile_spec(t, slots, text_of) for t in alt]
                if len(alt) == 1:
                    self.single.append((group, predicates[0]))
                else:
                    self.multi.append((group, target, predicates))
        self._memo: dict[tuple[int, ...], tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = {}
        self._merged: dict[tuple[int, ...], dict] = {}

    def _classify(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], frozenset[tuple[int, int]]]:
        """(groups whose one-token alternatives match, {(multi-token pattern, position) it satisfies})."""
        found = self._memo.get(row)
        if found is None:
            if len(self._memo) > _CACHE_LIMIT:
                self._memo.clear()
            groups = tuple(g for g, matches in self.single if matches(row))
            steps = frozenset(
                (m, j) for m, (_g, _t, predicates) in enumerate(self.multi)
                for j, matches in enumerate(predicates) if matches(row)
            )
            found = self._memo[row] = (groups, steps)
        return found

    def merged(self, groups: tuple[int, ...]) -> dict:
        """The attributes of ``groups`` applied in order (later groups overwrite earlier ones)."""
        out = self._merged.get(groups)
        if out is None:
            out = {}
            for g in groups:
                out.update(self.attrs[g])
            self._merged[groups] = out
        return out

    def apply(self, doc: Doc) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        if not n:
            return
        classified = [self._classify(tuple(r)) for r in doc.to_array(self.attr_ids).reshape(n, -1).tolist()]
        per_token = [groups for groups, _ in classified]
        extra: dict[int, set[int]] = {}
        for start, (_groups, steps) in enumerate(classified):
            for m, j in steps:
                if j:
                    continue
                group, target, predicates = self.multi[m]
                end = start + len(predicates)
                if end <= n and all((m, k) in classified[start + k][1] for k in range(1, len(predicates))):
                    extra.setdefault(start + target, set()).add(group)
        for i, groups in extra.items():
            per_token[i] = tuple(sorted(set(per_token[i]) | groups))
        for i, groups in enumerate(per_token):
            if groups:
                set_token_attrs(doc[i], self.merged(groups))


def _fast_ruler_class(base: type) -> type:
    class CompiledAttributeRuler(base):  # type: ignore[misc, valid-type]
        """``AttributeRuler`` whose ``__call__`` uses the compiled rules (identical annotations)."""

        _nw_rules: _CompiledRules

        def __call__(self, doc: Doc) -> Doc:
            error_handler = self.get_error_handler()
            try:
                self._nw_rules.apply(doc)
                return doc
            except Exception as e:  # noqa: BLE001 - spaCy's own error-handler contract
                return error_handler(self.name, self, [doc], e)

    return CompiledAttributeRuler


def _fast_lemmatizer_class(base: type) -> type:
    class MemoLemmatizer(base):  # type: ignore[misc, valid-type]
        """Rule lemmatizer memoising ``lemmatize`` per (word, POS, morphology) (identical lemmas)."""

        _nw_memo: dict[tuple[int, int, int], int]

        def __call__(self, doc: Doc) -> Doc:
            from spacy.attrs import LEMMA, MORPH, ORTH, POS
            from spacy.errors import Errors

            if not self._validated:
                self._validate_tables(Errors.E1004)
            error_handler = self.get_error_handler()
            try:
                n = len(doc)
                if not n:
                    return doc
                memo = self._nw_memo
                strings = self.vocab.strings
                rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
                for i, (orth, pos, morph, lemma) in enumerate(rows):
                    if lemma and not self.overwrite:
                        continue
                    key = (orth, pos, morph)
                    value = memo.get(key)
                    token = doc[i]
                    if value is None:
                        if len(memo) > _CACHE_LIMIT:
                            memo.clear()
                        value = strings.add(self.lemmatize(token)[0])
                        memo[key] = value
                    token.lemma = value
                return doc
            except Exception as e:  # noqa: BLE001 - spaCy's own error-handler contract
                error_handler(self.name, self, [doc], e)
                return doc

    return MemoLemmatizer


def is_accelerated(nlp: Language) -> dict[str, bool]:
    """Which components :func:`accelerate` replaced (``{component name: replaced}``)."""
    return {name: hasattr(proc, "_nw_rules") or hasattr(proc, "_nw_memo") for name, proc in nlp.pipeline}


def accelerate(nlp: Language) -> Language:
    """Swap the attribute ruler and the rule lemmatizer of ``nlp`` for output-identical faster versions
    (in place, idempotent); components it cannot compile are left as they are. Returns ``nlp``."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    for name, proc in nlp.components:  # also the disabled ones: they may be enabled later
        if hasattr(proc, "_nw_rules") or hasattr(proc, "_nw_memo"):
            continue
        if isinstance(proc, AttributeRuler):
            try:
                rules = _CompiledRules(proc.patterns, proc.attrs, proc.indices, proc.vocab.strings.__getitem__)
            except _Unsupported as exc:
                log.info("%s: keeping spaCy's attribute ruler (%s)", name, exc)
                continue
            proc.__class__ = _fast_ruler_class(type(proc))
            proc._nw_rules = rules
        elif isinstance(proc, Lemmatizer) and proc.mode == "rule" and _pure_rule_lemmatizer(type(proc)):
            proc.__class__ = _fast_lemmatizer_class(type(proc))
            proc._nw_memo = {}
    return nlp


def _pure_rule_lemmatizer(cls: type) -> bool:
    """Only spaCy's own rule lemmatizers (whose result depends on word, POS and morphology alone)."""
    return cls.__module__.startswith("spacy.") and cls.__name__.endswith("Lemmatizer")
