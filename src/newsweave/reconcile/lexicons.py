"""Word lists the reconcile stage reasons with: predicate classes, health/outcome scales, hedges, quantities.

Everything here is plain data plus tiny lookup helpers, so that every verdict can be explained by naming the
lexicon entry that produced it. The lists are about news language in general (attacks, disasters, arrests,
politics, business), never about one story.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "EVENT_NOUNS",
    "HEDGE_PHRASES",
    "HEDGE_WORDS",
    "KEY_SYNONYMS",
    "LIGHT_VERBS",
    "MEANS_WORDS",
    "NUMBER_WORDS",
    "OUTCOME_WORDS",
    "PREDICATE_CLASSES",
    "REPORTING_VERBS",
    "STATUS_LEVELS",
    "STATUS_WORDS",
    "VAGUE_QUANTITIES",
    "normalise_key",
    "parse_number",
    "predicate_class",
    "status_compatible",
    "status_range",
]

# Predicate (verb lemma or event noun) → the class claims are aligned by; an unlisted lemma is its own.
PREDICATE_CLASSES: dict[str, str] = {}
for _cls, _words in {
    "attack": "attack strike target assault raid ambush bomb bombing shell shelling explosion blast "
    "assassination hit storm fire shoot shooting airstrike air-strike bombardment",
    "harm": "injure hurt wound harm kill die death dead survive casualty injury unharmed unhurt well "
    "safe unscathed fatality recover hospitalize hospitalise",
    "intercept": "intercept down shoot-down foil thwart repel",
    "condemn": "condemn denounce decry deplore criticise criticize slam",
    "responsibility": "responsibility",
    "investigate": "investigate probe investigation inquiry",
    "arrest": "arrest detain capture apprehend seize",
    "elect": "elect win vote election",
    "resign": "resign quit step",
    "sentence": "sentence convict jail",
    "announce": "announce unveil launch release introduce",
    "acquire": "acquire buy purchase takeover",
    "earthquake": "earthquake quake tremor",
    "crash": "crash collide collision derail",
    "fire_disaster": "blaze wildfire",
    "flood": "flood flooding",
}.items():
    for _w in _words.split():
        PREDICATE_CLASSES[_w] = _cls

# Verbs of saying: their content is a statement, not a claim of their own.
REPORTING_VERBS = frozenset(
    [
        "say",
        "state",
        "add",
        "tell",
        "report",
        "claim",
        "told",
        "note",
        "explain",
        "stress",
        "write",
        "tweet",
        "post",
        "announce",
        "confirm",
        "insist",
        "believe",
        "think",
        "accord",
        "declare",
        "describe",
        "quote",
        "mention",
        "suggest",
        "warn",
        "argue",
        "allege",
        "acknowledge",
    ]
)
# Verbs too light to make a claim on their own.
LIGHT_VERBS = frozenset(
    [
        "be",
        "have",
        "do",
        "go",
        "come",
        "get",
        "make",
        "take",
        "keep",
        "seem",
        "appear",
        "become",
        "let",
        "begin",
        "continue",
        "start",
        "try",
        "want",
        "need",
        "use",
        "include",
        "remain",
        "mean",
        "look",
        "give",
        "put",
        "regard",
        "attempt",
    ]
)
# Nouns that denote events and so can carry claims ("the attack on ...", "an assassination attempt").
EVENT_NOUNS = frozenset(
    [
        "attack",
        "strike",
        "assault",
        "raid",
        "ambush",
        "bombing",
        "explosion",
        "blast",
        "assassination",
        "shooting",
        "airstrike",
        "shelling",
        "investigation",
        "probe",
        "inquiry",
        "arrest",
        "election",
        "earthquake",
        "quake",
        "crash",
        "collision",
        "fire",
        "blaze",
        "flood",
        "acquisition",
        "takeover",
        "resignation",
        "death",
        "injury",
        "casualty",
    ]
)

# Health/outcome of people, on an ordered scale. Each value maps to the range of levels it allows:
# 0 unharmed, 1 lightly hurt, 2 seriously hurt, 3 killed. "injured" alone allows 1–2, "survived" 0–2.
STATUS_LEVELS: dict[str, tuple[int, int]] = {
    "unharmed": (0, 0),
    "not injured": (0, 0),
    "no casualties": (0, 0),
    "mildly hurt": (1, 1),
    "injured": (1, 2),
    "seriously injured": (2, 2),
    "survived": (0, 2),
    "killed": (3, 3),
}
# surface word (lemma) → status value
STATUS_WORDS: dict[str, str] = {
    "unharmed": "unharmed",
    "unhurt": "unharmed",
    "unscathed": "unharmed",
    "safe": "unharmed",
    "well": "unharmed",
    "fine": "unharmed",
    "uninjured": "unharmed",
    "healthy": "unharmed",
    "injure": "injured",
    "injured": "injured",
    "hurt": "injured",
    "wound": "injured",
    "wounded": "injured",
    "harm": "injured",
    "harmed": "injured",
    "injury": "injured",
    "kill": "killed",
    "killed": "killed",
    "die": "killed",
    "dead": "killed",
    "death": "killed",
    "fatality": "killed",
    "survive": "survived",
    "casualty": "injured",
    "recover": "injured",  # "is recovering": hurt, and alive
    "hospitalize": "injured",
    "hospitalise": "injured",
}
MILD_MODIFIERS = frozenset(["mildly", "slightly", "lightly", "minor", "minimal", "superficially"])
SEVERE_MODIFIERS = frozenset(
    ["seriously", "critically", "badly", "severely", "gravely", "critical", "serious", "severe"]
)
# Outcome of a strike: failed vs reached its target.
OUTCOME_WORDS: dict[str, str] = {
    "intercept": "failed",
    "down": "failed",
    "foil": "failed",
    "thwart": "failed",
    "fail": "failed",
    "miss": "failed",
    "repel": "failed",
    "hit": "hit",
    "reach": "hit",
    "strike": "hit",
    "destroy": "hit",
    "damage": "hit",
}
# Means of an attack; each maps to a family so "drones" and "UAV" agree.
MEANS_WORDS: dict[str, str] = {
    "drone": "drone",
    "uav": "drone",
    "quadcopter": "drone",
    "rocket": "rocket",
    "mortar": "mortar",
    "shell": "artillery",
    "artillery": "artillery",
    "missile": "missile",
    "bomb": "bomb",
    "ied": "bomb",
    "explosive": "bomb",
    "grenade": "grenade",
    "gun": "gun",
    "gunfire": "gun",
    "rifle": "gun",
    "knife": "knife",
    "truck": "vehicle",
    "vehicle": "vehicle",
    "airstrike": "aircraft",
    "jet": "aircraft",
    "aircraft": "aircraft",
    "helicopter": "aircraft",
}
CAR_BOMB = re.compile(r"\b(car|truck|vehicle)[ -]bomb", re.IGNORECASE)

# Hedges: single words (lemmas or lower-cased forms) and multi-word phrases, with a certainty they imply.
HEDGE_WORDS: dict[str, float] = {
    "reportedly": 0.6,
    "purported": 0.5,
    "purportedly": 0.5,
    "apparent": 0.6,
    "apparently": 0.6,
    "suspected": 0.5,
    "allegedly": 0.5,
    "alleged": 0.5,
    "believe": 0.6,
    "likely": 0.7,
    "possibly": 0.4,
    "possible": 0.4,
    "may": 0.5,
    "might": 0.4,
    "could": 0.4,
    "perhaps": 0.4,
    "probably": 0.7,
    "unconfirmed": 0.4,
    "seemingly": 0.6,
    "presumably": 0.6,
    "rumoured": 0.4,
    "rumored": 0.4,
    "claimed": 0.6,
    "thought": 0.6,
}
HEDGE_PHRASES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(p, re.IGNORECASE), c)
    for p, c in (
        (r"\b(is|are|was|were) believed to\b", 0.6),
        (r"\b(is|are|was|were) thought to\b", 0.6),
        (r"\b(is|are|was|were) said to\b", 0.6),
        (r"\b(is|are|was|were) reported to\b", 0.6),
        (r"\bsources? (said|say|says|told)\b", 0.7),
        (r"\baccording to (unnamed|unconfirmed|local) ", 0.6),
        (r"\bmay have\b", 0.5),
        (r"\bmight have\b", 0.4),
        (r"\bcould have\b", 0.4),
        (r"\bit is (not )?(yet )?(clear|known)\b", 0.6),
    )
)

# Head nouns that name the same kind of thing, for comparing arguments across reports.
KEY_SYNONYMS: dict[str, str] = {
    "house": "residence",
    "home": "residence",
    "compound": "residence",
    "palace": "residence",
    "guard": "guard",
    "bodyguard": "guard",
    "pm": "minister",
    "premier": "minister",
    "uav": "drone",
    "people": "person",
    "civilian": "person",
    "individual": "person",
    "police": "police",
    "policeman": "police",
    "officer": "police",
    "gunman": "gunman",
    "shooter": "gunman",
    "attacker": "gunman",
    "assailant": "gunman",
    "blast": "explosion",
    "bombing": "explosion",
    "quake": "earthquake",
    "tremor": "earthquake",
    "temblor": "earthquake",
}

# A quake's magnitude as news writes it ("a 5.9-magnitude earthquake", "magnitude 6.0", "a magnitude of 5. 6",
# "measured 5.8 on the Richter scale"); ECB+-style text prints "5. 9".
_MAG = r"(\d\s?\.\s?\d)"  # with its decimal: "a magnitude 6 quake can cause …" is about quakes in general
MAGNITUDE = re.compile(
    rf"\bmagnitude(?:\s*[-–]\s*|\s+(?:of|at)\s+|\s+)(?:at\s+least\s+|about\s+|around\s+|nearly\s+)?{_MAG}(?!\s?\d)"
    rf"|(?<![\d.])(?<!\.\s){_MAG}\s*[-–]?\s*magnitude\b"
    rf"|(?<![\d.])(?<!\.\s){_MAG}\s+(?:degrees\s+)?on\s+the\s+(?:open-ended\s+)?richter",
    re.IGNORECASE,
)
QUAKE_WORDS = frozenset({"earthquake", "quake", "tremor", "temblor", "aftershock"})


def magnitude_in(sentence: str) -> str | None:
    """The one magnitude a sentence gives ("5.9"), or ``None`` when it gives none or several (aftershocks,
    another quake) or speaks of aftershocks."""
    if re.search(r"\baftershock", sentence, re.IGNORECASE):
        return None
    found = {re.sub(r"\s", "", next(g for g in m.groups() if g)) for m in MAGNITUDE.finditer(sentence)}
    return found.pop() if len(found) == 1 else None


# A phrase that names nobody ("no one", "nobody", "none", "no group"): no speaker, no claimant.
NOBODY = re.compile(r"(?i)(?:no\s+one|nobody|none|no\s+\w+)\b")

# Predicates whose counted people are a crowd ("2,000 people joined the march" / "tens of thousands marched"): their
# counts are compared like tolls (other counts of people are compared only by what happened to them).
CROWD_PREDICATES = frozenset({"join", "attend", "gather", "march", "protest", "rally", "demonstrate", "participate",
                              "flee", "evacuate"})

# Vague quantities: word → (low, high) plausible range.
VAGUE_QUANTITIES: dict[str, tuple[float, float]] = {
    "several": (3, 9),
    "a few": (2, 5),
    "few": (2, 5),
    "some": (2, 20),
    "a couple": (2, 3),
    "couple": (2, 3),
    "many": (5, 1e9),
    "numerous": (5, 1e9),
    "dozens": (24, 120),
    "scores": (40, 200),
    "hundreds": (200, 1200),
    "thousands": (2000, 12000),
    "tens of thousands": (10000, 99999),
    "hundreds of thousands": (100000, 999999),
    "millions": (1e6, 9.99e6),
    "tens of millions": (1e7, 9.99e7),
    "a handful": (2, 6),
    "handful": (2, 6),
    "multiple": (2, 1e9),
    "a number": (2, 50),
    "at least": (0, 1e9),
    "more than": (0, 1e9),
}
NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "a dozen": 12,
        "dozen": 12,
        "a hundred": 100,
    }
)
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
APPROX_WORDS = frozenset(
    [
        "about",
        "around",
        "approximately",
        "nearly",
        "almost",
        "roughly",
        "some",
        "estimated",
        "up",
        "to",
        "over",
    ]
)
LOWER_BOUND_WORDS = frozenset(["least", "more", "over", "than", "plus"])


def predicate_class(lemma: str) -> str:
    """The alignment class of a predicate lemma (``strike`` → ``attack``); unknown lemmas are their own."""
    lemma = lemma.lower()
    return PREDICATE_CLASSES.get(lemma, lemma)


def status_range(value: str) -> tuple[int, int] | None:
    return STATUS_LEVELS.get(value)


def status_compatible(a: str, b: str) -> bool | None:
    """Whether two status values can both be true of the same person (``None`` if either is unknown)."""
    ra, rb = status_range(a), status_range(b)
    if ra is None or rb is None:
        return None
    return not (ra[1] < rb[0] or rb[1] < ra[0])


_RANGE = re.compile(r"^(?:(?:between|from|some|about|around|roughly)\s+)?(?P<lo>[\w.]+)(?:\s+percent)?"
                    r"\s*(?:\band\b|\bto\b|-|–)\s*(?P<hi>[\w.]+)$")


def parse_number(text: str) -> tuple[float | None, tuple[float, float] | None, str]:
    """Read a quantity: ``(value, (low, high), kind)`` with kind ``exact``, ``approx``, ``min`` or ``vague``.

    ``"seven"`` → ``(7, (7, 7), "exact")``; ``"several"`` → ``(None, (3, 9), "vague")``;
    ``"at least 12"`` → ``(12, (12, inf), "min")``; ``"about 40"`` → ``(40, (32, 48), "approx")``;
    ``"between 50 and 70"`` → ``(None, (50, 70), "range")``;
    unreadable → ``(None, None, "")``.
    """
    t = re.sub(r"(?<=\d),\s(?=\d{3}\b)", "", text.lower())  # "31, 000": digit groups printed with a space
    t = t.replace(",", "").strip()
    span = _RANGE.match(t)
    if span:  # "between 50 and 70", "some 20 to 30", "40-70": both ends of the range
        lo, hi = parse_number(span.group("lo"))[0], parse_number(span.group("hi"))[0]
        if lo is not None and hi is not None and lo < hi:
            return None, (lo, hi), "range"
    words = t.split()
    if t.startswith("as many as"):
        words = words[3:]
    for vague in sorted(VAGUE_QUANTITIES, key=len, reverse=True):
        if t == vague or t.startswith(vague + " of") or t == vague + " of":
            if vague in ("at least", "more than"):
                break
            return None, VAGUE_QUANTITIES[vague], "vague"
    kind = "exact"
    if any(w in APPROX_WORDS for w in words[:2]):
        kind = "approx"
    if t.startswith(("at least", "more than", "over ", "upwards of")) or t.endswith(("or more", "+")):
        kind = "min"
    if t.startswith(("as many as", "up to", "no more than", "at most", "fewer than", "less than")):
        kind = "max"
    value: float | None = None
    total = 0.0
    current: float | None = None
    for w in words:
        w = w.strip("+")
        if re.fullmatch(r"\d+(\.\d+)?", w):
            current = (current or 0) + float(w)
        elif w in NUMBER_WORDS and w not in ("hundred",):
            current = (current or 0) + NUMBER_WORDS[w]
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total += current
                current = None
        elif w in ("dozen",):
            current = (current or 1) * 12
        elif "-" in w and all(p in NUMBER_WORDS for p in w.split("-")):
            current = (current or 0) + sum(NUMBER_WORDS[p] for p in w.split("-"))
    if current is not None or total:
        value = total + (current or 0)
    if value is None:
        return None, None, ""
    if kind == "approx":
        return value, (value * 0.8, value * 1.2), kind
    if kind == "min":
        return value, (value, float("inf")), kind
    if kind == "max":
        return value, (0.0, value), kind
    return value, (value, value), kind


_AL_PREFIX = re.compile(r"^(al|el|ad|an|as|ar|at|az)[- ]", re.IGNORECASE)


def normalise_key(text: str) -> str:
    """A comparable form of a name: no accents, case, possessive, hyphens or Arabic article prefix."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.lower().replace("’", "'")
    t = re.sub(r"'s\b", "", t)
    t = _AL_PREFIX.sub("", t)
    t = re.sub(r"[^a-z0-9 ]+", " ", t.replace("-", " "))
    words = t.split()
    if len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)
