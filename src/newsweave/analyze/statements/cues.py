"""Lexicons of attribution cues: speech/report verbs, speaker nouns, channel words, news outlets.

All entries are lower-case lemmas or phrases of general English; nothing here names a person.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that introduce what someone said, wrote, reported or holds (lemmas). A verb from this list becomes a
# cue when it governs a clausal complement (``ccomp``), a quotation, or an inverted "…, X said" clause.
SPEECH_VERBS: frozenset[str] = _words("""
    say tell state add note report announce claim argue insist warn explain write tweet post declare confirm
    deny acknowledge admit suggest contend assert maintain stress emphasize emphasise reiterate recall predict
    estimate believe think reveal indicate allege complain concede mention remark reply respond answer ask
    urge promise pledge vow threaten agree testify conclude observe cite quote caution boast brag joke quip
    muse signal hint imply assure inform notify advise recommend propose proclaim disclose counter retort
    shout yell recount lament charge blame predict forecast speculate suspect doubt learn discover determine
    demonstrate verify highlight underscore reaffirm affirm posit acknowledge recognize recognise specify
    clarify elaborate repeat echo plead concur object protest dispute rebut swear guarantee pronounce
    show find point tout insist exclaim comment relay convey brief telegraph hope fear worry expect feel
    know realize realise understand guess assume suppose figure reckon calculate project anticipate
    announce confess whisper scream grumble gripe snap sniff scoff chide warn describe characterize
    acknowledge publish broadcast air memo text email e-mail message wonder question predict accuse
    """)

# Verbs that are cues only with a clausal complement / quotation, never in the inverted "…, X verb" pattern.
COMPLEMENT_ONLY: frozenset[str] = _words("""
    believe think hope fear worry expect feel know realize realise understand guess assume suppose figure
    reckon calculate project anticipate find show learn discover determine demonstrate verify doubt suspect
    wonder question describe characterize point
    """)

# Verbs that are cues in the inverted/parenthetical pattern ("…, officials said") and with quotations.
PARENTHETICAL_VERBS: frozenset[str] = SPEECH_VERBS - COMPLEMENT_ONLY

# Verbs whose object or infinitive is an event or an act, not a message, in general news ("militias fired
# shells at a base", "she struggled to gain traction", "he signed the bill"): only their clause frames learnt
# from PolNeAR are used, not their object, infinitive or prepositional ones.
EVENT_VERBS: frozenset[str] = _words("""
    fire shoot hit strike launch kill struggle continue enjoy hire file pass sign take deliver
    """)

# Nouns heading an unnamed human source: "two officials", "sources", "a spokesperson".
ROLE_NOUNS: frozenset[str] = _words("""
    official source spokesperson spokesman spokeswoman spokespeople representative diplomat person people
    witness resident aide insider analyst expert officer member lawmaker legislator staffer adviser advisor
    advisers investigator researcher scientist doctor physician medic nurse police policeman policewoman
    soldier commander activist observer monitor employee worker executive negotiator envoy minister
    someone anyone individual man woman men women eyewitness survivor victim relative neighbor neighbour
    supporter critic opponent organizer organiser protester protestor student teacher lawyer attorney
    prosecutor judge economist strategist operative campaigner candidate voter citizen villager farmer
    leader figure insiders officials sources
    """)

# Things that cannot hold a stance, as the subject of a stance frame: "a drone attacked the airport", "the storm
# hit the coast" are events. (Texts can: "the ad attacks …", "the bill calls for …".)
INANIMATE_NOUNS: frozenset[str] = _words("""
    drone rocket missile bomb shell mortar grenade bullet gun rifle weapon explosive device munition
    artillery blast explosion fire flame smoke storm hurricane typhoon cyclone tornado earthquake quake flood
    flooding tsunami wildfire rain snow wind heat drought virus disease pandemic epidemic outbreak infection
    car truck vehicle bus train plane aircraft airplane jet helicopter ship boat vessel tank convoy crash
    accident collision race market price stock index currency economy
    """)

# Titles that precede names ("Spokesperson Jane Roe", "Prime Minister X").
TITLE_WORDS: frozenset[str] = _words("""
    president vice prime minister secretary senator sen. rep. representative gov. governor mayor chancellor
    king queen prince sheikh general gen. col. colonel lt. captain capt. dr. mr. mrs. ms. judge justice
    ambassador chief director chairman chairwoman chair ceo deputy foreign defense defence state interior
    spokesperson spokesman spokeswoman pope cardinal bishop rev. professor prof. commissioner editor managing
    """)

# Nouns that stand for an organisation named before ("the company said", "the group said").
ORG_NOUNS: frozenset[str] = _words("company firm group organisation organization corporation business campaign committee party ministry "
    "department bank union association alliance coalition council militia movement")

# Nouns that name a text or a medium as the speaker ("the report said", "the broadcaster reported").
MEDIUM_NOUNS: frozenset[str] = _words("""
    report statement broadcaster agency newspaper paper channel outlet network station daily weekly tabloid
    magazine website site study survey document memo letter release communique poll analysis filing
    complaint lawsuit indictment affidavit ruling
    """)

# Nouns (lower case) that refer to a news organisation: "news agency Sputnik", "the broadcaster".
OUTLET_NOUNS: frozenset[str] = _words("agency broadcaster newspaper paper channel outlet network station daily weekly tabloid magazine "
    "website wire newswire television tv radio")

# Widely known news organisations (as a lexicon of the domain; case-insensitive match on whole names).
KNOWN_OUTLETS: frozenset[str] = frozenset(
    name.strip()
    for name in ["\n    reuters", " afp", " ap", " associated press", " the associated press", " agence france-presse", " agence france presse", "\n    bloomberg", " dpa", " efe", " ansa", " xinhua", " tass", " ria novosti", " sputnik", " interfax", " kyodo", " yonhap", " anadolu", " irna", "\n    isna", " fars", " tasnim", " mehr", " wafa", " bernama", " pti", " ani", " ians", " upi", " bbc", " cnn", " fox news", " msnbc", " cnbc", " nbc", " abc", "\n    cbs", " pbs", " npr", " sky news", " al jazeera", " al arabiya", " al-arabiya", " al-jazeera", " euronews", " france 24", " dw", "\n    deutsche welle", " rt", " cgtn", " nhk", " new york times", " the new york times", " washington post", " the washington post", "\n    wall street journal", " the wall street journal", " the guardian", " the times", " the telegraph", " the independent", "\n    financial times", " the economist", " politico", " axios", " the hill", " usa today", " los angeles times", " le monde", "\n    der spiegel", " haaretz", " times of israel", " jerusalem post", " the jerusalem post", " press tv", " kurdistan 24", " rudaw", "\n    shafaq news", " iraqi news agency", " saba", " sana", " wam", " spa", " new york post", " the new york post", " the post", "\n    breitbart", " huffington post", " the huffington post", " cnn international", " abc news", " nbc news", " cbs news\n    "]
)

# Channel vocabularies (lower-case lemmas or words found in the cue's context).
SOCIAL_MEDIA_WORDS: frozenset[str] = _words("twitter tweet retweet x facebook telegram instagram tiktok youtube weibo wechat linkedin threads "
    "social post posting account page handle livestream")  # ("media" alone is the press: "told local media")
WRITTEN_WORDS: frozenset[str] = _words("statement written communique communiqué release letter email e-mail memo op-ed editorial "
    "declaration note filing")
PRESS_WORDS: frozenset[str] = _words("briefing conference presser reporters journalists newsmen gaggle podium media")
INTERVIEW_WORDS: frozenset[str] = _words("interview podcast")
BROADCAST_WORDS: frozenset[str] = _words("television tv radio broadcast broadcaster televised aired channel airwaves")
REPORT_WORDS: frozenset[str] = _words("report study survey document newspaper dossier findings statistics figures data poll projection "
    "estimate forecast analysis research review audit")

# Pronouns that may stand for an earlier named speaker.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "them"})
THING_PRONOUNS: frozenset[str] = frozenset({"it"})
FIRST_PERSON: frozenset[str] = frozenset({"i", "we", "me", "us"})
INDEFINITE_PRONOUNS: frozenset[str] = frozenset(
    {"someone", "somebody", "anyone", "anybody", "one", "another", "some", "many", "several", "few", "others"}
)

QUOTE_OPEN = "“\"‘'«„"
QUOTE_CLOSE = "”\"’'»“"

# Passive participles whose subject holds the stance ("voters are split on …", "she is convinced that …",
# "he is assured of …"), unlike "the plan was criticized", whose subject is what the stance is about.
STANCE_PASSIVES: frozenset[str] = _words("""
    split divide assure convince focus unite commit dedicate concern worry determine incline poise
    disappoint frustrate anger alarm encourage please satisfy interest obsess tear persuade prepare thrill
    delight outrage shock upset disturb trouble dismay appall offend surprise stun impress excite align
    """)

# Nouns for what carries a message, whose participle speaks for the one who issued it: "posted a message
# reading …", "in a speech attacking …", "released an ad urging …".
CARRIER_NOUNS: frozenset[str] = _words("""
    message statement ad advertisement commercial video tweet post email e-mail speech address remark
    article column op-ed editorial letter memo release interview appearance response reply reference
    comment remarks pitch note book essay blog op
    """)

# Those addressed: as the object of a verb they do not speak its participle ("emailed supporters saying …").
AUDIENCE_NOUNS: frozenset[str] = _words("""
    supporter voter reporter journalist crowd audience viewer listener reader follower donor fan member
    delegate attendee student worker employee staff staffer people
    """)

# Causative verbs, whose object holds what their infinitive says: "led some to question …", "forced the senator
# to acknowledge …". (After a speech act — "urged voters to back X" — the speech act's speaker is the source of
# the whole, as annotators mark it.)
CAUSATIVE_VERBS: frozenset[str] = _words("""
    lead prompt force cause leave drive spur allow enable permit compel inspire motivate get
    """)

# Texts and images that speak for themselves ("a sign saying …", "a photo showing …").
TEXT_NOUNS: frozenset[str] = _words("""
    sign picture photo photograph image item clip paperwork banner poster headline caption document page
    map chart graphic cover footage screen placard billboard flyer leaflet pamphlet brochure
    """)
