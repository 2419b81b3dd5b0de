"""Name normalisation shared by within-report and cross-report entity canonicalisation.

Everything here is generic: Unicode/case/hyphen normalisation, surname particles, a lexicon of titles and
roles, acronyms, and a small table of well-known acronyms and alternative names (news agencies,
international organisations, countries) that NER cannot link by spelling alone. Also the name a statement's
speaker goes by (:func:`speaker_name`), shared by the analysis record and the dossier.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Statement

__all__ = [
    "SURNAME_PARTICLES",
    "acronym_of",
    "alias_group",
    "choose_name",
    "comma_cuts",
    "entity_id",
    "given_name_gender",
    "institution_key",
    "is_acronym",
    "is_given_name",
    "is_honorific",
    "is_person_noun",
    "is_role",
    "is_surname_only",
    "is_title_word",
    "known_label",
    "match_keys",
    "name_tokens",
    "normalize_name",
    "person_key",
    "role_key",
    "speaker_name",
    "surname",
]


def _words(text: str) -> frozenset[str]:
    """A word list written as a block of text."""
    return frozenset(text.split())


SURNAME_PARTICLES = _words(
    """
    al el ul ibn bin bint ben abu abd de del della der den di da das dos du la le van von ter st
    """
)

# Head nouns of titles and roles (lower case, without final dot).
_TITLE_HEADS = _words(
    """
    president minister secretary spokesperson spokesman spokeswoman chancellor premier governor mayor
    senator ambassador envoy director chief chairman chairwoman chair ceo cfo coo king queen prince
    princess emperor empress pope commander general admiral colonel lieutenant captain sergeant marshal
    officer leader judge justice speaker sheikh emir sultan ayatollah cardinal archbishop bishop rabbi
    imam representative congressman congresswoman lawmaker prosecutor attorney commissioner
    superintendent inspector treasurer president-elect chairperson diplomat adviser advisor counsellor
    counselor negotiator head coach executive editor publisher advocate sheriff undersheriff constable
    warden dr mr mrs ms mx prof gen sen rep gov lt col capt sgt adm
    cmdr maj pm fm dpm pres amb supt det insp hon sir dame lord lady
    """
)
# Words that only modify a title ("Prime" Minister, "Vice" President, "Foreign" Minister ...).
_TITLE_MODIFIERS = _words(
    """
    prime vice deputy foreign defence defense interior home finance health education energy trade
    justice economy labour labor transport acting assistant associate executive managing supreme grand
    crown first senior junior chief general principal permanent special presidential national regional
    military state-run
    """
)
_ROLE_SYNONYMS = {
    "pm": "prime minister",
    "premier": "prime minister",
    "fm": "foreign minister",
    "dpm": "deputy prime minister",
    "pres": "president",
    "gen": "general",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "amb": "ambassador",
    "defense": "defence",
}
_MASCULINE = _words("mr sir lord king prince chairman spokesman congressman emperor")
_FEMININE = _words("mrs ms dame lady queen princess chairwoman spokeswoman congresswoman empress")
_GENDERED = {**dict.fromkeys(_MASCULINE, "m"), **dict.fromkeys(_FEMININE, "f")}

_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "hon", "rev", "messrs"]
)
_SHIP_PREFIXES = frozenset(["INS", "USS", "HMS", "HMAS", "HMCS", "MV", "SS", "RV", "MT", "FV", "USNS", "PNS"])

# Well-known acronyms and alternative names: each group is one referent. Generic world knowledge only.
_ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("AP", "Associated Press"),
    ("AFP", "Agence France-Presse", "Agence France Presse"),
    ("UPI", "United Press International"),
    ("dpa", "Deutsche Presse-Agentur"),
    ("PTI", "Press Trust of India"),
    ("ANI", "Asian News International"),
    ("IANS", "Indo-Asian News Service"),
    ("IRNA", "Islamic Republic News Agency"),
    ("KCNA", "Korean Central News Agency"),
    ("BBC", "British Broadcasting Corporation"),
    ("CNN", "Cable News Network"),
    ("NYT", "New York Times"),
    ("WSJ", "Wall Street Journal"),
    ("UN", "United Nations"),
    ("UNSC", "UN Security Council", "United Nations Security Council"),
    ("EU", "European Union"),
    ("NATO", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    ("WHO", "World Health Organization", "World Health Organisation"),
    ("IMF", "International Monetary Fund"),
    ("WTO", "World Trade Organization", "World Trade Organisation"),
    ("IAEA", "International Atomic Energy Agency"),
    ("ICC", "International Criminal Court"),
    ("OPEC", "Organization of the Petroleum Exporting Countries"),
    ("FBI", "Federal Bureau of Investigation"),
    ("CIA", "Central Intelligence Agency"),
    ("US", "USA", "United States", "United States of America"),
    ("UK", "United Kingdom", "Britain", "Great Britain"),
    ("UAE", "United Arab Emirates"),
    ("USSR", "Soviet Union"),
    ("DRC", "Democratic Republic of the Congo", "DR Congo"),
    ("ISIS", "ISIL", "Islamic State"),
    ("Oscars", "Academy Awards"),
    ("Emmys", "Emmy Awards"),
    ("Tonys", "Tony Awards"),
    ("Grammys", "Grammy Awards"),
    ("Golden Globes", "Golden Globe Awards"),
)
# Given names and their familiar forms ("Katie Jenkin" = "Kathryn Jenkin"): each group is one given name.
_GIVEN_FORMS: tuple[str, ...] = (
    "katherine kathryn catherine katharine kate katie kathy cathy", "william bill billy will", "robert bob bobby rob",
    "richard rick ricky dick rich", "michael mike mikey", "james jim jimmy jamie", "john jack johnny",
    "thomas tom tommy", "joseph joe joey", "charles charlie chuck", "edward ed eddie ted", "lawrence laurence larry",
    "anthony tony", "daniel dan danny", "david dave", "stephen steven steve", "christopher chris",
    "matthew matt", "nicholas nick", "benjamin ben", "samuel sam", "alexander alex", "andrew andy drew",
    "gregory greg", "jeffrey jeff", "jonathan jon", "ronald ron ronnie", "donald don", "douglas doug",
    "frederick fred freddie", "timothy tim", "patrick pat", "peter pete", "elizabeth liz beth betsy lizzie",
    "margaret maggie peggy meg", "jennifer jenny jen", "susan sue suzy", "patricia patty trish",
    "deborah debra deb debbie", "rebecca becky", "victoria vicky", "jacqueline jackie", "kimberly kim",
    "christine chris christy", "abigail abby", "samantha sam", "alexandra alex", "theodore ted teddy",
    "gerald gerry jerry", "kenneth ken kenny", "raymond ray", "walter walt", "albert al", "alfred alf",
)
_GIVEN_SEEN = Counter(form for forms in _GIVEN_FORMS for form in forms.split())
_GIVEN_GROUP = {form: forms.split()[0] for forms in _GIVEN_FORMS for form in forms.split()
                if _GIVEN_SEEN[form] == 1}  # not "chris" (Christopher, Christine), "ted", "sam", "alex"
# Platforms and agencies that statistical NER often tags as PERSON ("said on Twitter", "reported by Xinhua").
_KNOWN_ORGS = _words(
    """
    twitter facebook instagram youtube tiktok telegram whatsapp weibo wechat linkedin reddit snapchat
    reuters xinhua tass interfax sputnik bloomberg ria novosti
    """
)

_DASHES = re.compile(r"[\-\u2010-\u2015\u2212_/]+")
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`\u00b4]")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,6}$|^[A-Z][A-Z&]{1,6}$|^[A-Z][a-z]?[A-Z]{1,5}$")
_FUNCTION_WORDS = _words(
    """
    the of and for de du des la le in on at to a an
    """
)


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Case-, diacritic-, hyphen- and punctuation-insensitive key: ``"Al-Rawi's"`` → ``"al rawi"``.

    A leading article is dropped and dotted initialisms are closed up (``"the U.S."`` → ``"us"``).
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"(?:['\u2019]s|s['\u2019])\s*$", lambda m: "s" if m.group(0)[0] == "s" else "", text)
    text = _APOSTROPHES.sub("", text)
    text = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)", r"\1", text)  # U.S. -> US.
    text = _DASHES.sub(" ", text)
    text = _NON_WORD.sub(" ", text).casefold()
    text = _SPACES.sub(" ", text).strip()
    text = text.removeprefix("the ")
    return text


def name_tokens(text: str) -> list[str]:
    return normalize_name(text).split()


def person_key(text: str) -> str:
    """A person's name without surname particles: ``"Ali al-Rawi"`` → ``"ali rawi"``."""
    tokens = [t for t in name_tokens(text) if t not in SURNAME_PARTICLES]
    return " ".join(tokens) if tokens else normalize_name(text)


_SPELLING_SWAPS = (("ph", "f"), ("kh", "k"), ("q", "k"), ("c", "k"), ("w", "v"), ("b", "v"), ("y", "i"), ("z", "s"))
_MIN_VARIANT_CHARS = 5


def _skeleton(word: str) -> str:
    """A word's first letter and its consonants, with the letters transliterations swap made one
    ("heydar" and "heidar" → "hdr", "alishvandi" and "alishbandi" → "alshvnd")."""
    rest = word[1:]
    for a, b in _SPELLING_SWAPS:
        rest = rest.replace(a, b)
    rest = re.sub(r"[aeiou]", "", rest)
    return word[0] + re.sub(r"(.)\1+", r"\1", rest)


def spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one person's full name, as outlets transliterate it ("Heydar Alishvandi", "Heidar
    Alishbandi"; "Mohammed Roe", "Muhammad Roe"): the same number of words, each the same or — from five
    letters — the same first letter and consonants. Short names never vary this way ("Dan" is not "Don")."""
    ta, tb = person_key(a).split(), person_key(b).split()
    if len(ta) < 2 or len(ta) != len(tb) or ta == tb:
        return False
    return all(x == y or (min(len(x), len(y)) >= _MIN_VARIANT_CHARS and _skeleton(x) == _skeleton(y))
               for x, y in zip(ta, tb, strict=True))


def same_person_name(a: str, b: str) -> bool:
    """Whether a speaker's words name a person known by ``b``: the same name, a spelling of it, or its surname
    (with or without a form of address: "Mr Alishbandi" names "Heydar Alishvandi")."""
    words = [w for w in name_tokens(a) if _bare(w) not in _HONORIFICS and w not in SURNAME_PARTICLES]
    if not words:
        return False
    key_b = person_key(b).split()
    if words == key_b or spelling_variants(" ".join(words), b):
        return True
    if len(words) == 1 and len(key_b) >= 2:
        x, y = words[0], key_b[-1]
        return x == y or (min(len(x), len(y)) >= _MIN_VARIANT_CHARS and _skeleton(x) == _skeleton(y))
    return False


_PLACE_KINDS = frozenset({"island", "islands", "province", "county", "district", "region", "governorate",
                          "prefecture", "oblast"})


def place_key(text: str) -> str:
    """A place's name without the word for its kind: "Qeshm Island" → "qeshm" (not "city" or "state", which
    name other places: "Mexico City", "Washington State")."""
    words = normalize_name(text).split()
    if len(words) > 1 and words[-1] in _PLACE_KINDS:
        words = words[:-1]
    if len(words) > 2 and words[0] in _PLACE_KINDS and words[1] == "of":  # "the Province of Hormozgan"
        words = words[2:]
    return " ".join(words)


# words for the kind of an institution, left off its name to compare: "Betty Ford Treatment Center" → "betty ford"
_INSTITUTION_KINDS = frozenset({"center", "centre", "clinic", "hospital", "treatment", "facility", "institute",
                                "rehab", "rehabilitation", "inc", "ltd", "corp", "co"})


def institution_key(text: str) -> tuple[str, bool]:
    """An institution's name without the words for its kind at its end ("Betty Ford Treatment Center" →
    "betty ford"), and whether any were left off."""
    words = normalize_name(text).split()
    n = len(words)
    while len(words) > 1 and words[-1].rstrip(".") in _INSTITUTION_KINDS:
        words = words[:-1]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words), len(words) < n


def surname(text: str) -> str | None:
    tokens = [t for t in name_tokens(text) if t not in SURNAME_PARTICLES]
    return tokens[-1] if tokens else None


def is_surname_only(text: str) -> bool:
    return len([t for t in name_tokens(text) if t not in SURNAME_PARTICLES]) == 1


def is_acronym(text: str) -> bool:
    """``AP``, ``U.N.``, ``NATO``, ``DoD`` — short and (mostly) upper case."""
    return bool(_ACRONYM.match(text.strip()))


def acronym_of(name: str) -> str | None:
    """Initials of the content words of a multi-word name: ``"The Associated Press"`` → ``"AP"``."""
    words = [w for w in re.split(r"[\s\-\u2010-\u2015]+", name.strip()) if w]
    initials = [w[0].upper() for w in words if w.casefold() not in _FUNCTION_WORDS and w[:1].isalpha()]
    return "".join(initials) if len(initials) >= 2 else None


_ALIAS_INDEX: dict[str, str] = {}


def alias_group(text: str) -> str | None:
    """The well-known referent a name belongs to (``"U.S."``, ``"United States"`` → ``"us"``), if any."""
    if not _ALIAS_INDEX:
        for group in _ALIAS_GROUPS:
            key = normalize_name(group[0])
            for variant in group:
                _ALIAS_INDEX[normalize_name(variant)] = key
    return _ALIAS_INDEX.get(normalize_name(text))


def known_label(text: str) -> str | None:
    """A label correction for names NER is known to mislabel (social networks, news agencies, ships)."""
    words = text.split()
    if len(words) >= 2 and words[0] in _SHIP_PREFIXES:
        return "PRODUCT"
    return "ORG" if normalize_name(text) in _KNOWN_ORGS else None


# ", " before a capitalised word that is no corporate or generational suffix ("Acme, Inc.", "Roe, Jr.")
_NAME_COMMA = re.compile(r", (?=[A-Z])(?!(?:Inc|Ltd|LLC|LLP|Co|Corp|Jr|Sr|PLC|plc|S\.A|N\.A|L\.P|II|III|IV)\b)")


def comma_cuts(text: str) -> list[int]:
    """Where the commas of a tagged name end a name (offsets of the commas in ``text``): "In an interview with
    People, Reid claimed …" tagged one ORG "People, Reid" → [6]. None when the commas belong to the name — a list
    the name itself closes with "and" or "&" ("the Bureau of Alcohol, Tobacco, Firearms and Explosives", "Newman,
    Anzalone & Newman") — or come before a suffix ("Acme, Inc.")."""
    if "&" in text or re.search(r",[^,]*\band\b[^,]*$", text):
        return []
    return [m.start() for m in _NAME_COMMA.finditer(text)]


def is_honorific(role: str) -> bool:
    """``Mr``, ``Mrs.``, ``Dr`` …: forms of address, not roles a person can be referred to by."""
    words = role.split()
    return bool(words) and all(_bare(w) in _HONORIFICS for w in words)


def _bare(word: str) -> str:
    return word.casefold().rstrip(".")


# Common nouns that describe a person and stand right before the name ("lawyer Jane Roe", "blogger Jane Roe").
_PERSON_NOUNS = _words(
    """
    lawyer businessman businesswoman owner manager resident neighbor neighbour worker employee student teacher
    doctor nurse blogger writer author novelist journalist reporter columnist editor photographer artist actor
    actress singer musician rapper comedian player quarterback receiver pitcher striker goalkeeper forward
    farmer pastor priest activist analyst expert professor economist historian researcher scientist
    businessperson entrepreneur developer designer engineer architect consultant investor banker trader
    """
)


def is_person_noun(word: str) -> bool:
    """A common noun that describes a person ("lawyer", "blogger"), or a title head ("spokesman")."""
    low = _bare(word)
    return low in _PERSON_NOUNS or low in _TITLE_HEADS


@lru_cache(maxsize=65536)
def is_title_word(word: str) -> bool:
    """A word of a title or role: ``President``, ``Prime``, ``Gen.``, ``Secretary-General``."""
    parts = [p for p in re.split(r"[-\u2010\u2011]", _bare(word)) if p]
    return bool(parts) and all(p in _TITLE_HEADS or p in _TITLE_MODIFIERS for p in parts)


def is_title_head(word: str) -> bool:
    """The head noun of a title: ``President``, ``Minister``, ``Secretary-General``."""
    parts = [p for p in re.split(r"[-\u2010\u2011]", _bare(word)) if p]
    return bool(parts) and parts[-1] in _TITLE_HEADS and is_title_word(word)


# Given names that are (nearly) always one gender in news text; names that are often both (Jordan, Taylor,
# Alex, Jean, Andrea, Kim, Robin …) are left out. Used only to keep "she" from a man and "he" from a woman.
_FEMALE_GIVEN = _words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
    kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia
    kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel
    carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina
    joan evelyn judith megan cheryl hannah martha gloria teresa sara madison frances kathryn janice abigail
    alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
    charlotte marie kayla alexis lori hillary hilary michele elena ana anne annie ann barbra bettie betsy claire
    jane clara ellen elaine eleanor fatima aisha leila layla yvonne valentina rosa rosie irina olga svetlana tatiana
    natalia angela angelina angelique nadia noor zainab mariam maryam sonia sonya rita gina carla paula sheila
    wendy tracy tina vanessa veronica monica jacqueline melania ivanka chelsea nikki condoleezza sonia kamala
    nancy elise katie kate kathy caroline carmen dolores lucia sofia gabriela adriana yolanda beatriz marta
    ingrid greta astrid birgit ursula angelika hanna johanna priya sunita indira benazir meera yulia theresa
    liz beth jen jenny sue meg peggy becky debbie cathy patty sally molly lucy ellie abby maggie jill joanne holly
    tara britney lindsay kourtney khloe oprah beyonce rihanna madonna miley selena demi gwyneth
    scarlett keira halle whitney mariah sheryl cher dolly shania katy adele heidi naomi tyra gisele julia meryl
    melanie kirsten kristen megan kristin courtney lindsey whitney brooke chloe zoe maya mia ava sienna penelope eva
    nina lena
    """
)
_MALE_GIVEN = _words(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
    donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob
    gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
    patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan
    jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe
    billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell louis
    bobby philip phil johnny bill barack joe mike tom jim bob dick ted chuck steve ben tony rick dan dave pete
    vladimir sergei sergey dmitry mikhail boris ivan igor ahmed ahmad mohammed mohammad muhammad mahmoud mustafa
    ali hassan hussein omar abdullah khalid ibrahim yusuf youssef hamid karim nouri haider hadi recep tayyip
    emmanuel francois jacques nicolas angelo giuseppe giovanni marco luca matteo pedro carlos luis miguel jorge
    diego fernando javier manuel antonio hans klaus jurgen wolfgang helmut olaf friedrich xi hu narendra rahul
    martin dwight ulysses abraham theodore franklin herbert calvin woodrow lyndon gerald jimmy hugh derek
    reggie sean peyton tarvaris brady vincent jamal tyrone darnell maurice stan
    tim ken greg nick matt andy jeff jon rob ed fred will nate zach josh jake luke doug ron don ray hank lou
    trevor travis shane dustin corey jared marcus darren neil ian colin craig glenn barry victor hugo felix max
    leo owen liam mason lucas elijah caleb isaac gavin evan blake cole connor seth todd troy wade dale dean earl
    floyd gordon howard jerome joel kurt lance lloyd marvin melvin milton nathaniel neal norman perry ross ruben
    rudy russ sidney terrence wesley spencer lamar andre jermaine dwayne shawn kobe lebron kanye rupert silvio
    nelson desmond kofi hosni moammar muammar bashar nawaz imran ehud shimon yitzhak ismail abdel abdul
    """
)
_GIVEN = {**dict.fromkeys(_MALE_GIVEN, "m"), **dict.fromkeys(_FEMALE_GIVEN - _MALE_GIVEN, "f")}
# Given names of either gender, or of a gender the lexicon does not record (the Indian "Raj" is a woman's name too):
# they tell a name from headline words ("Sanjay Gupta" is a name, "Rehires" is not), never a pronoun's gender.
_OTHER_GIVEN = _words(
    """
    jordan taylor alex jean andrea robin chris pat sam jamie casey morgan leslie dana lee kim cameron drew reese
    sanjay raj amit anil arjun vijay ravi sunil deepak ajay manoj ashok rajesh suresh ramesh mahesh anand arun
    wei ming jun hiroshi takeshi kenji akira yuki shinzo xiaoping jinping keqiang
    leon oscar chase glen jay ariel aria
    """
)


def given_name_gender(name: str) -> str | None:
    """"f" or "m" when the first word of a full name ("Jane Roe") is a given name of one gender; ``None`` for
    a single word (a surname), an unknown or a unisex given name."""
    words = name.split()
    if len(words) < 2:
        return None
    return _GIVEN.get(_bare(words[0]))


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a given name of the lexicon ("Ellen", "Mark"), of either gender."""
    return _bare(word) in _GIVEN or _bare(word) in _OTHER_GIVEN


def title_gender(words: Iterable[str]) -> str | None:
    for word in words:
        gender = _GENDERED.get(_bare(word))
        if gender:
            return gender
    return None


def is_role(text: str) -> bool:
    """True for a role or title rather than a name: ``"Prime Minister"``, ``"Secretary of State"``."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    if not words or not any(is_title_head(w) for w in words):
        return False
    allowed = 0
    for i, w in enumerate(words):
        if is_title_word(w) or w.casefold() == "of" or (i > 0 and words[i - 1].casefold() == "of"):
            allowed += 1
    return allowed == len(words)


def role_key(role: str) -> str:
    """Comparable form of a role: ``"PM"`` and ``"prime minister"`` → ``"prime minister"``."""
    words = [_bare(w) for w in re.split(r"[\s\-\u2010\u2011]+", role) if w.strip("-")]
    return " ".join(_ROLE_SYNONYMS.get(w, w) for w in words)


def entity_id(label: str, name: str) -> str:
    """Deterministic id: the same label and normalised name give the same id in every report."""
    digest = hashlib.sha1(f"{label}|{normalize_name(name)}".encode()).hexdigest()
    return "e-" + digest[:12]


def choose_name(forms: Iterable[str]) -> str:
    """The canonical name among the surface forms of one entity: the full name with most words, preferring
    forms that are not acronyms nor a shorter form with words run on ("Lindsay Lohan Checks Out" when "Lindsay
    Lohan" is as frequent), then the most frequent spelling, the longest, the first seen."""
    ordered: dict[str, int] = {}
    for form in forms:
        ordered[form] = ordered.get(form, 0) + 1
    if not ordered:
        raise ValueError("choose_name() needs at least one surface form")
    first_seen = {form: i for i, form in enumerate(ordered)}

    def glued(form: str) -> bool:
        """A headline's words run on after a name another form gives as often ("Lindsay Lohan Checks Out" beside
        "Lindsay Lohan")."""
        words = form.split()
        return any(
            len(other.split()) >= 2 and len(other.split()) < len(words) and words[: len(other.split())] == other.split()
            and n >= ordered[form]
            for other, n in ordered.items()
        )

    def rank(form: str) -> tuple:
        tokens = name_tokens(form)
        return (
            not is_acronym(form),
            not glued(form),
            len([t for t in tokens if t not in SURNAME_PARTICLES]),
            not form.isupper(),  # "KARIN HOLM" in a headline: prefer the mixed-case spelling
            ordered[form],
            len(normalize_name(form)),
            not form[:1].islower(),
            not form.startswith(("The ", "the ")),
            -first_seen[form],
        )

    return max(ordered, key=rank)


def match_keys(text: str, label: str) -> set[str]:
    """Keys under which two names of compatible labels denote the same entity: the normalised name, the
    name without spaces ("Green Zone" = "Greenzone"), its well-known alias group, a person's name without
    surname particles and with a familiar given name made formal ("Katie Jenkin" = "Kathryn Jenkin"), and a
    nationality without plural ("Kenyans" = "Kenyan")."""
    norm = normalize_name(text)
    if not norm:
        return set()
    keys = {norm, "nospace:" + norm.replace(" ", "")}
    group = alias_group(text)
    if group:
        keys.add("group:" + group)
    if label == "PERSON" and not is_surname_only(text):
        keys.add("person:" + person_key(text))
        first, _, rest = person_key(text).partition(" ")
        if rest and first in _GIVEN_GROUP:  # "Katie Jenkin" = "Kathryn Jenkin", "Bill Condon" = "William Condon"
            keys.add(f"given:{_GIVEN_GROUP[first]} {rest}")
    if label == "NORP":
        keys.add("norp:" + (norm[:-1] if norm.endswith("s") and len(norm) > 4 else norm))
    return keys


def speaker_name(st: Statement, entity_names: Mapping[str, str] | None = None) -> str:
    """The name a statement's speaker goes by: its canonical entity's name (``entity_names``: id → name), else
    the name the extractor gave, else the words used ("" without a speaker)."""
    names = entity_names or {}
    if st.speaker_entity and st.speaker_entity in names:
        return names[st.speaker_entity]
    if st.speaker_entity and not _ENTITY_ID.fullmatch(st.speaker_entity):
        return st.speaker_entity
    return st.speaker_text or ""


_ENTITY_ID = re.compile(r"[a-z]+-[0-9a-f]{6,}")  # an Entity.id ("e-16bc5b0c8009"), as opposed to a name
