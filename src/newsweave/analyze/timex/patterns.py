"""The rule patterns of the time-expression grammar, written for lower-cased text.

Each rule has a name that the normalisers dispatch on and named groups that carry the parts they need
(``mod``, ``rel``, ``num``, ``unit``, ``month``, ``day``, ``year`` ...).
"""

from __future__ import annotations

__all__ = ["MONTH_ABBR", "MONTH_FULL", "RULE_SOURCES"]

MONTH_FULL = r"january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_ABBR = r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
MON = rf"(?:{MONTH_FULL}|(?:{MONTH_ABBR})\.?)"
MONTH_WORD = rf"(?:{MONTH_FULL}|(?:{MONTH_ABBR})\.)"
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
SPOKEN_YEAR = (
    r"(?:(?:nineteen|eighteen|twenty)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|hundred|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))"
    r"|two[- ]thousand(?:[- ]and)?(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ]\w+)?))?)"
)
NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven"
    r"|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|zero)"
)
NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|(?:a\s+|one\s+)?hundred(?:\s+and\s+{NUMWORD})?|{NUMWORD}(?:\s+hundred|\s+thousand)?"
    r"(?:\s+and\s+a\s+half)?|a|an|one|a\s+few|few|several|some|many|a\s+couple\s+of|a\s+couple|couple\s+of"
    r"|a\s+dozen|dozens\s+of|a\s+number\s+of|a\s+handful\s+of|half\s+a|a\s+half)"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|centur(?:y|ies)|millenni(?:um|a))"
)
UNIT_SG = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|millennium)"
QUANT = (
    r"(?:(?P<quant>about|around|approximately|roughly|some|nearly|almost|close\s+to|more\s+than|less\s+than"
    r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than"
    r"|well\s+over|just\s+over|just\s+under|barely|a\s+little\s+over|the\s+better\s+part\s+of"
    r"|upwards\s+of)\s+)?"
)
EDGE = (
    r"(?:(?P<edge>early|late|mid|earlier|later)(?:-|\s+|\s+in\s+(?:the\s+)?)"
    r"|(?:the\s+)?(?:very\s+)?(?P<edge2>end|beginning|start|middle|close|turn|first\s+half|second\s+half"
    r"|last\s+half|remainder|rest)\s+of\s+(?:the\s+)?)?"
)
POD = r"(?:morning|afternoon|evening|night|overnight)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
REL = (
    r"(?:this\s+past|this\s+coming|this|last|next|past|previous|coming|following|current|latest|same|that"
    r"|prior)"
)
TZ = (
    r"(?:\s*(?:\(?(?:[ecmp][sd]t|gmt|utc|bst|cet|cest|et|pt)\)?|local\s+time"
    r"|(?:eastern|pacific|central)\s+time))?"
)
CLOCK = (
    r"(?:(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\b\.?|[ap]\s?m\b)"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!\d)(?=\s*(?:[ecmp][sd]t|gmt|utc|bst|hours|h\b|local))"
    r"|(?P<noon>noon|midnight|midday))"
)
# what may follow the second day of "April 24 and 25" ("and 4 others" is a count)
_DAY_FOLLOWS = (
    r"\s*(?:[,.;:)!?'\"]|$)|\s+(?:in|at|on|to|and|or|with|for|the|when|as|from|this|last|next|of|respectively"
    r"|will|would|were|was|is|are)\b"
)
# the year after "3Q", "H1", "1H": "3Q21", "H1 2022", "1H '22", "H1FY23"
_YEAR_NEXT = rf"\s*(?:fy\s*)?{YEAR4}\b|\s*'\d\d\b|(?:fy)?\d\d\b"
# "the last Friday in August", "the first Tuesday of November 2016"
NTH = r"first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th"
NTH_WEEKDAY = rf"(?:the\s+)?(?:{NTH})\s+{WD}\s+(?:in|of)\s+{MON}\b(?:\s*,?\s*{YEAR4}\b)?"
DAYREF = rf"(?:{WD}|today|tonight|yesterday|tomorrow|{MON}\s*{DAYNUM}\b(?:\s*,?\s*{YEAR4}\b)?|{NTH_WEEKDAY})"


RULE_SOURCES: list[tuple[str, str]] = [
    # "Friday, Oct. 23, 1998", "Aug. 7", "March 06 , 2008", "the 7th of August 1998", "7 August"
    (
        "date",
        (
            rf"\b{QUANT}(?:(?:the\s+)?(?P<wd>{WD})\s*,?\s+)?(?:the\s+)?(?P<month>{MON})\s*(?P<day>{DAYNUM})\b"
            rf"(?:\s*,?\s*(?P<year>{YEAR4})\b(?!\s*%)"
            rf"|(?=\s*(?:and|or|&)\s+{DAYNUM}\s*,?\s*(?P<cyear>{YEAR4})\b)"
            r"|,?\s+(?P<yrel>this|last|next)\s+year\b)?"
        ),
    ),
    (
        "date",
        (
            rf"\b{QUANT}(?:(?P<wd>{WD})\s*,?\s+)?(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<month>{MONTH_WORD}"
            rf"|{MON}(?=\s*,?\s*{YEAR4}))(?:\s*,?\s*(?P<year>{YEAR4})\b)?"
        ),
    ),
    (
        "date",
        rf"\b(?:the\s+)?(?P<nth>{NTH})\s+(?P<nwd>{WD})\s+(?:in|of)\s+(?P<month>{MON})\b(?:\s*,?\s*(?P<year>{YEAR4})\b)?",
    ),
    # "April 24 and 25": the second day of a coordination is a date of its own (TimeML tags both)
    (
        "date",
        (
            rf"\b(?P<month>{MON})\s*{DAYNUM}\s*(?:and|or|&)\s+(?P<body>(?P<day>{DAYNUM})\b(?![.,]?\d)"
            rf"(?:\s*,?\s*(?P<year>{YEAR4})\b|(?!\s*,?\s*{YEAR4}\b)(?={_DAY_FOLLOWS})))"
        ),
    ),
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    ("iso", r"(?<![\d/.])(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>(?:19|20)\d\d)\b"),
    # "late June", "May last year", "July 1997", "January nineteen ninety-seven", "mid-November"
    (
        "month",
        (
            rf"\b{EDGE}(?P<rel>{REL}\s+)?(?P<month>{MONTH_WORD})(?!\s*{DAYNUM}\b)"
            rf"(?:\s*,?\s*(?:of\s+)?(?:(?P<year>{YEAR4})\b(?!\s*%)|(?P<syear>{SPOKEN_YEAR})"
            rf"|(?P<yrel>this|last|next|that|the\s+same|the\s+following|the\s+previous)\s+year))?"
        ),
    ),
    # "Saturday night", "early Sunday", "last Friday", "Friday morning", "the previous Friday"
    (
        "weekday",
        (
            rf"\b(?:(?P<edge>early|late|earlier|later)\s+(?:on\s+)?)?(?:(?:the\s+)?(?P<rel>{REL})\s+)?"
            rf"(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?\b"
        ),
    ),
    # "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6", "around 7:15 p.m."
    ("clock", rf"\b{QUANT}{CLOCK}{TZ}(?:\s*,?\s*(?:on\s+)?(?P<dayref>{DAYREF}))?"),
    # wire-service times: "at about 2045 GMT on Friday" (a "(0735 GMT)" after a local time repeats it)
    (
        "clock",
        (
            rf"(?<![(\d]){QUANT}(?P<hour24>[01]\d|2[0-3])(?P<minute24>[0-5]\d)\s*(?:gmt|utc)\b(?!\s*\))"
            rf"(?:\s*,?\s*(?:on\s+)?(?P<dayref>{DAYREF}))?"
        ),
    ),
    ("clock", rf"\b(?P<dayref>{WD}|today|tomorrow|yesterday)\s*,?\s+(?:at\s+)?{CLOCK}{TZ}"),
    # "at 4 in the morning", "until ten o'clock at night" (after a preposition: "rose 4 in the morning" is a count)
    (
        "clock",
        (
            r"\b(?:at|by|until|till|before|after|from|since|to|around|about)\s+"
            rf"(?P<body>{QUANT}(?P<hourw>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r"(?:\s+o'clock)?\s+(?:in\s+the\s+(?P<podw>morning|afternoon|evening)|at\s+(?P<podw2>night)))\b"
            r"(?!\s+(?:session|trading|shift|meetings?|edition|papers?|news|show|rush|service|briefing|market))"
        ),
    ),
    # "yesterday", "tomorrow morning", "late yesterday", "this evening", "last night", "tonight"
    (
        "dayword",
        (
            rf"\b(?:(?P<edge>early|late|earlier|later)\s+)?(?P<word>today|tonight|tomorrow|yesterday)"
            rf"(?:\s+(?P<pod>{POD}))?\b"
        ),
    ),
    (
        "pod",
        (
            r"\b(?:(?P<edge>early|late|earlier|later)\s+)?(?P<rel>this|that|last|the|tomorrow|yesterday)\s+"
            r"(?P<pod>morning|afternoon|evening|night)\b"
        ),
    ),
    (
        "pod",
        rf"\b(?P<edge>mid)[- ]?(?P<pod>morning|afternoon)\b(?:\s+(?P<word>yesterday|today|tomorrow|{WD}))?",
    ),
    ("pod", r"\b(?P<pod>overnight)\b"),
    # "the night of Tuesday, March 3", "the morning of June 5", "the week of March 6"
    (
        "podof",
        (
            rf"\b(?:the\s+)?(?P<pod>morning|afternoon|evening|night|week)\s+of\s+(?:(?P<wd>{WD})\s*,?\s*)?"
            rf"(?P<month>{MON})\s*(?P<day>{DAYNUM})\b(?:\s*,?\s*(?P<year>{YEAR4})\b)?"
        ),
    ),
    # "the third quarter of 1990", "third-quarter", "the year-ago quarter", "its fiscal first quarter"
    (
        "quarter",
        (
            rf"\b(?:(?:the|its|their|this\s+year's|last\s+year's|next\s+year's|a)\s+)?"
            rf"(?:(?P<qyear>{YEAR4})\s+|(?P<ago>year-ago|year-earlier|comparable(?:\s+year-ago)?|same)\s+"
            r"|(?P<fiscal0>flat|fiscal)[- ])*(?:(?P<fiscal>fiscal)[- ])?"
            r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[- ](?:fiscal[- ])?"
            r"(?P<qunit>quarter|half)s?"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{YEAR4})|(?P<yrel>this|last|next)\s+year))?\b"
        ),
    ),
    (
        "quarter",
        (
            r"\b(?:the|its|their|that|this|last|next)\s+(?P<rel>latest|current|year-ago|year-earlier"
            r"|comparable(?:\s+year-ago)?|same|corresponding|previous|prior|last|recent|fiscal|(?:19|20)\d\d"
            r"|preceding|next|coming|past)?\s*(?:fiscal\s+)?(?P<qunit>quarter|period)\b(?!-)"
            r"(?:\s+(?:a\s+year\s+(?:ago|earlier)"
            r"|(?:(?:of|in)\s+)?(?:the\s+)?(?:last|previous|prior)\s+year))?"
        ),
    ),
    ("quarter", r"\b(?P<rel>this|last|next|that)\s+(?P<qunit>quarter)\b"),
    # "the first two quarters of 1990" is 1990-H1, as "the first half of 1990"
    (
        "quarter",
        (
            rf"\b{QUANT}(?:the\s+)?(?P<q>first|last|final)\s+two\s+(?P<qunit>quarter)s\s+of\s+(?:fiscal\s+)?"
            rf"(?P<year>{YEAR4})\b"
        ),
    ),
    # compact financial notation: "Q3", "Q3 2021", "Q4 FY2022", "3Q21", "H1 2022", "1H22"
    (
        "quarter",
        (
            rf"\b(?P<qcode>q(?P<qn>[1-4])|(?:(?P<qn2>[1-4])q|h(?P<hn>[12])|(?P<hn2>[12])h)(?={_YEAR_NEXT}))"
            rf"(?:\s*(?:fy\s*)?(?P<year>{YEAR4})\b|(?:\s*'|fy)?(?P<yy>\d\d)\b)?(?![-/.,]?\d|\s*%)"
        ),
    ),
    ("quarter", r"\b(?P<rel>year-ago|year-earlier)(?:\s+(?P<qunit>quarter|period))?\b"),
    ("quarter", r"\b(?P<rel>last\s+year's)\s+(?P<qunit>quarter|period)\b"),
    # "this week", "last year", "next month", "earlier this year", "the end of the year", "late last week"
    (
        "relunit",
        (
            rf"\b{EDGE}(?P<rel>{REL}|the\s+(?:current|previous|following|coming|past|same|next|last"
            r"|preceding|latest))\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week(?:end)?|month|year|decade|century"
            r"|fortnight|(?:fiscal|calendar)\s+year)\b"
        ),
    ),
    ("relunit", r"\b(?P<edge>year|month|week)(?:-|\s+|'s\s+)(?P<end>end)\b"),
    ("relunit", r"\b(?P<rel>the)\s+(?P<unit>week)\b(?!\s+(?:of|before|after|ended|ending|to)\b)"),
    (
        "relunit",
        r"\b(?:the\s+)?(?P<edge2>end|beginning|start|middle|close)\s+of\s+(?P<rel>the)\s+(?P<unit>year|month|week)\b",
    ),
    ("relunit", r"\b(?P<edge>earlier|later)\s+in\s+(?P<rel>the)\s+(?P<unit>year|month|week|day)\b"),
    (
        "weekend",
        r"\b(?:(?P<rel>this|last|next|the|that|the\s+previous|the\s+following|the\s+past)\s+)weekend\b",
    ),
    # "fiscal 1989", "1994 or later", "mid-1996", "the end of 1990", "the year 2000", "nineteen ninety-six"
    (
        "year",
        (
            rf"\b{EDGE}(?P<fiscal>(?:fiscal|fy)(?:\s+year)?\s*)?(?:the\s+year\s+)?(?P<year>{YEAR4})"
            r"(?P<tail>\s+(?:or\s+later|and\s+beyond|or\s+earlier|and\s+later))?"
            r"(?![\d,.]\d|\s*%|-\d|\s+(?:percent|per\s+cent|pounds|dollars|feet|ft|meters|metres|miles|km|kg|tons"
            r"|tonnes|people|troops|hours|gmt|bst|utc|local|hrs|barrels|acres|shares|units|cars|residents|jobs))\b"
        ),
    ),
    (
        "year",
        rf"\b{EDGE}(?:the\s+year\s+)?(?P<syear>{SPOKEN_YEAR})\b(?![\s-]+(?:years?|days?|people|dollars)\b)",
    ),
    ("year", rf"\b(?P<post>post|pre)-(?P<year>{YEAR4})\b"),
    # "the 1990s", "the late '80s", "the nineties", "the 20th century"
    (
        "decade",
        (
            rf"\b(?:the\s+)?{EDGE}(?:the\s+)?(?:(?P<dec>(?:1\d|20)?\d0)'?s|'(?P<dec2>\d0)s|(?P<decw>twenties|thirties|forties"
            r"|fifties|sixties|seventies|eighties|nineties))\b"
        ),
    ),
    ("century", rf"\b{EDGE}(?:the\s+)?(?P<cent>\d{{1,2}})(?:st|nd|rd|th)[- ]century\b"),
    (
        "century",
        (
            rf"\b{EDGE}(?:the\s+)?(?P<centw>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
            r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
            r"|twentieth|twenty-first)[- ]century\b"
        ),
    ),
    (
        "century",
        r"\b(?P<rel>this|last|next|the\s+(?:last|previous|next|current))\s+(?P<centunit>century|millennium)\b",
    ),
    # "this summer", "last fall", "the winter of 1994", "early summer"
    (
        "season",
        (
            rf"\b{EDGE}(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|that|coming|past)\s+)?"
            rf"(?:(?P<edge3>early|late|mid)[- ]?)?(?P<season>{SEASON})"
            rf"(?:\s+(?:of\s+)?(?:(?P<year>{YEAR4})|(?P<syear>{SPOKEN_YEAR})))?\b"
        ),
    ),
    # "Islam will one day be ...", "hopes he someday plays": an indefinite future (FUTURE_REF), no day
    (
        "ref",
        (
            r"\b(?:will|would|could|may|might|can|should|shall|hopes?|hoped|dreams?|dreamed|wants?|wanted)"
            r"\s+(?:(?:he|she|they|we|i|it|you|still|also|perhaps|maybe|even|surely|indeed)\s+)?"
            r"(?P<body>(?P<ref>one\s+day|some\s+day|someday))\b"
            r"(?!\s+(?:of|in|after|before|later|earlier|ago|to|for|and|or|than|a|per|each)\b)"
        ),
    ),
    # "three days ago", "a day later", "two weeks earlier", "nearly four years ago", "a week or so ago"
    (
        "offset",
        (
            rf"\b{QUANT}(?P<num>{NUM})[\s-]+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later"
            r"|from\s+now|hence|back|previously|(?:before|after|since|prior)\b(?!\s+(?:to\s+)?[\w$\"'`]))\b"
        ),
    ),
    (
        "offset",
        (
            rf"\b(?P<num>a|one|the)\s+(?P<unit>{UNIT_SG})\s+(?P<dir>before|after)\s+(?P<rel>last|next)\s+"
            rf"(?P<wd>{WD})\b"
        ),
    ),
    ("offset", r"\b(?P<num>the)\s+(?P<unit>day)\s+(?P<dir>before|after)\s+(?P<word>yesterday|tomorrow)\b"),
    ("offset", rf"\b(?P<unit>{UNIT_SG})s?\s+(?P<dir>ago|earlier|later)\b"),
    # "the next day", "the following week", "that day", "the same day", "the day before"
    (
        "anaphor",
        (
            r"\b(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+preceding|that|the\s+same|that\s+same"
            r"|the\s+prior)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b"
        ),
    ),
    (
        "anaphor",
        (
            r"\b(?P<rel>the)\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)\b"
            r"(?!\s+(?:the|a|an|his|her|their|its))"
        ),
    ),
    (
        "anaphor",
        r"\b(?P<edge>earlier|later)\s+(?P<rel>that)\s+(?P<unit>day|week|month|year|morning|evening)\b",
    ),
    # durations: "for the last one month", "the past three months", "five-year", "2 1/2 years", "a few days"
    (
        "duration",
        (
            rf"\b{QUANT}(?:(?P<det>the|a|an|its|their|his|her|our|each\s+of\s+the)\s+)?"
            r"(?:(?P<rel>last|past|next|coming|first|following|previous|latest|final|initial|remaining|year-earlier"
            r"|year-ago"
            r"|further|additional|succeeding|ensuing|preceding|same|entire|whole|full|subsequent)\s+)?"
            rf"(?P<num>{NUM})[\s-]+(?:(?:more|additional|full|straight|consecutive|trading|business|calendar"
            rf"|fiscal|long|short|whole|extra|further)[\s-]+)?(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?"
            r"(?:\s+or\s+so)?\b(?P<age>(?:-|\s+)old)?"
        ),
    ),
    ("duration", rf"\b(?P<num>{NUM})\s+(?P<unit>{UNIT})(?:\s+or\s+(?P<num2>{NUM})\s+(?P<unit2>{UNIT}))\b"),
    ("duration", rf"\b(?P<num>{NUM})\s+to\s+(?P<num2>{NUM})\s+(?P<unit>{UNIT})\b"),
    ("duration", rf"\b(?P<num>(?:\d+|{NUMWORD}))-(?P<unit>{UNIT_SG})(?P<age>-old)?\b"),
    (
        "duration",
        (
            r"\b(?P<rel>recent|coming|past|last|next|the\s+past|the\s+last|the\s+next|the\s+coming"
            r"|the\s+previous|the\s+following|the\s+first)\s+(?:(?P<num>few|several|many"
            r"|couple\s+of|number\s+of)\s+)?(?P<unit>days|weeks|months|years|decades|quarters|hours"
            r"|minutes)\b"
        ),
    ),
    (
        "duration",
        (
            r"\b(?:for|in|over|within|after|taking|take|takes|took|last|lasted)\s+(?P<body>(?P<unit>years"
            r"|months|weeks|decades|centuries|millennia|hours|days|minutes))\b"
            r"(?!\s+(?:of|ago|earlier|later|old|before|after))"
        ),
    ),
    # "the weeks ahead", "the months ahead": the coming weeks, an unspecified number of them
    ("duration", r"\b(?P<rel>the)\s+(?P<unit>days|weeks|months|years|decades)\s+(?P<ahead>ahead)\b"),
    # "decades-long", "a day-long meeting", "a year-long strike"
    (
        "duration",
        r"\b(?P<unit>decades|years|months|weeks|days|hours|(?P<one>century|decade|year|month|week|day|hour))-long\b",
    ),
    ("duration", r"\b(?P<vague>a\s+while|some\s+time|a\s+long\s+time|a\s+short\s+time|a\s+brief\s+period)\b"),
    ("duration", rf"\b{QUANT}(?P<num>half)\s+(?P<det>a|an)\s+(?P<unit>{UNIT_SG})\b"),
    # "every day", "daily", "each Thursday", "Tuesday nights", "twice a week"
    (
        "set",
        (
            rf"\b(?P<every>every|each)\s+(?:(?P<other>other|single)\s+)?(?:(?P<num>{NUMWORD}|\d+)\s+)?"
            rf"(?P<unit>{UNIT}|weekend|{WD}|{MONTH_WORD}|{POD}|{SEASON})\b"
        ),
    ),
    ("set", r"\b(?P<adverb>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|fortnightly)\b"),
    (
        "set",
        (
            r"\b(?P<freq>once|twice|three\s+times|four\s+times|(?:\d+|several|many)\s+times)\s+(?:a|an|per|every)"
            rf"\s+(?P<unit>{UNIT_SG}|weekend)\b"
        ),
    ),
    (
        "set",
        (
            r"\b(?P<wds>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
            rf"(?:\s+(?P<pod>{POD}))?\b"
        ),
    ),
    ("set", rf"\b(?P<wd>{WD})\s+(?P<pods>mornings|afternoons|evenings|nights)\b"),
    # PRESENT_REF / PAST_REF / FUTURE_REF
    (
        "ref",
        (
            r"\b(?P<ref>now|right\s+now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment"
            r"|(?:more\s+|most\s+|very\s+|only\s+)?recently|lately|in\s+recent\s+times|the\s+past|the\s+future|the\s+near\s+future|the\s+near\s+term"
            r"|the\s+short\s+term|the\s+long\s+term|current(?!ly)|recent|the\s+coming\s+(?:days|weeks|months|years)"
            r"|as\s+soon\s+as\s+possible|(?<!\bas\s)(?<!\btoo\s)(?<!\bso\s)(?<!\bhow\s)soon(?!\s+(?:as|after|afterwards|thereafter|before)\b))\b"
        ),
    ),
    (
        "theyear",
        (
            r"\b(?P<rel>the|that|the\s+same|the\s+full|the\s+entire|the\s+whole)\s+(?:fiscal\s+|calendar\s+)?"
            r"(?P<unit>year)\b(?P<ended>(?=\s+(?:ended|ending|to\s+date)))?"
        ),
    ),
    (
        "holiday",
        (
            r"\b(?P<rel>(?:this|last|next)\s+)?(?P<hol>christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?"
            r"|thanksgiving(?:\s+day)?|independence\s+day|halloween|valentine's\s+day|easter(?:\s+sunday"
            r"|\s+monday)?|election\s+day|labor\s+day|memorial\s+day)\b"
        ),
    ),
]
