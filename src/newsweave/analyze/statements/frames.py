"""Message frames of cue words (generated from PolNeAR training statistics; see docs/statements.md).

For each lemma, the ways it takes its message: ``ccomp`` (a clause: "said that …"), ``xcomp`` (an
infinitive: "vowed to …"), ``dobj`` (an object: "criticized the plan"), ``prep_<p>`` (a prepositional
object: "called for …", "criticism of …"), ``acl`` (a noun's clause: "the claim that …") and ``inverted``
("…, officials said"); ``none`` lists verbs that are known but are no cue in any frame ("be", "want").
``ADJ_FRAMES`` are the frames of predicative adjectives ("is critical [of …]", "are optimistic [that …]").
A frame is kept when PolNeAR annotators marked it as an attribution often enough in the training split
(only lemmas and frame names are kept here, no text). Regenerate rather than edit by hand.
"""

from __future__ import annotations

__all__ = ["ADJ_FRAMES", "CUE_FRAMES", "NOUN_FRAMES"]

_CUE_BY_FRAME: dict[str, str] = {
    "ccomp": (
        "accuse acknowledge add address admit adopt advise affirm agree air allege announce answer "
        "anticipate argue ask assert assume assure bark believe blame boast brag break brief broadcast "
        "calculate call caution characterize charge chide cite claim clarify comment complain concede "
        "conclude concur confess confirm consider contend continue contradict convey convince counter "
        "dawn declare define demand demonstrate denounce deny describe disclose discover discuss dispute "
        "doubt e-mail echo elaborate email emphasise emphasize enjoy estimate exclaim expect explain "
        "express fear figure find forecast forget gripe grumble guarantee guess highlight hint hope "
        "imagine imply indicate inform insist interject joke knock know lament learn maintain memo "
        "mention message mock muse note notice notify object observe order outline plead pledge point "
        "posit post predict proclaim project promise pronounce propose protest publish question quip "
        "quote read reaffirm realise realize rebut recall reckon recognise recognize recommend recount "
        "reiterate relay remark remember remind repeat reply report respond retort reveal rule say scoff "
        "scream seem sense share shoot shout show signal snap sniff specify speculate state stress "
        "suggest suppose surmise suspect swear telegraph tell testify text think threaten tout tweet "
        "underscore urge verify vow want warn welcome whisper wonder worry write yell "
    ),
    "dobj": (
        "accuse acknowledge address admit advocate affirm agree allege amplify announce answer append "
        "applaud appoint approve argue articulate ask assail assert assure attack attribute authorize "
        "back bash believe bemoan blame blast boo broadcast brush call care challenge champion chant "
        "characterize charge chide circulate cite claim clarify coin compare concede concern condemn "
        "confirm congratulate consider contemplate contradict contrast count craft credit criticise "
        "criticize crown declare decline decry deem defend deliver demand denounce deny deride describe "
        "detail disavow disclose discuss dislike dismiss display dispute disregard distinguish document "
        "downplay dub echo email embrace emphasize empower encourage endorse enjoy estimate eviscerate "
        "expect experience explain exploit explore expose express extoll favor fear feel file fire float "
        "foresee foreshadow forward frame hail hammer hate herald highlight hope identify ignore "
        "illustrate indicate inflate insult intend interpret introduce invalidate invoke issue jab judge "
        "justify knock know label lambaste lament laud lay like liken link list mandate mention mock mull "
        "muse name negotiate nominate note offer oppose order outline paint pass peg persuade pitch "
        "pledge point portray position post pound praise preach predict prefer prescribe present press "
        "pressure proclaim prohibit project promise promote pronounce propose protest publicize publish "
        "question quote rank ratify rattle read reaffirm rebuff rebuke rebut recall recite recognize "
        "recommend record recount reference refuse refute regard reiterate reject release relish remember "
        "remind renounce repeat replay report reprise repudiate request resist restrict retweete reveal "
        "revisit ridicule rip rule satirize savage say see seek seem share shout show shrug sign signal "
        "single size slam sound spell sponsor spot spotlight state stress submit sue suggest sum support "
        "talk taunt tell thank tick tout trade trash trend trumpet tweet underscore understand unveil "
        "urge veto view voice vow walk want warn welcome withdraw withhold witness write "
    ),
    "inverted": (
        "accuse acknowledge add admit advise affirm agree air allege announce answer argue ask assert "
        "assure blame boast brag brief broadcast caution charge chide cite claim clarify comment complain "
        "concede conclude concur confess confirm contend convey counter declare deny disclose dispute "
        "e-mail echo elaborate email emphasise emphasize estimate exclaim explain forecast gripe grumble "
        "guarantee highlight hint imply indicate inform insist joke lament maintain memo mention message "
        "muse note notify object observe plead pledge posit post predict proclaim promise pronounce "
        "propose protest publish quip quote reaffirm rebut recall recognise recognize recommend recount "
        "reiterate relay remark repeat reply report respond retort reveal say scoff scream shout signal "
        "snap sniff specify speculate state stress suggest swear telegraph tell testify text threaten "
        "tout tweet underscore urge vow warn whisper write yell "
    ),
    "none": (
        "accept accord allow attempt avoid award ban bar bear become block boycott bring buy celebrate "
        "commit cover create debate draft draw elect end engage establish face fail feature get go grant "
        "have help hold join keep launch lead leave let limit manage mark mean meet monitor mount need "
        "pay pick place play poise prepare prevent prosecute provide pursue raise rally reach react rely "
        "renew represent return review roll run schedule seize sell set shift spend start stop strike "
        "suspend target tend tie trust try use watch win wish ’ "
    ),
    "prep_about": (
        "ask boast brag care complain feel fight gush joke know muse open post press report say speak "
        "speculate talk tell think warn worry write "
    ),
    "prep_after": (
        "say show tell "
    ),
    "prep_against": (
        "argue be call campaign caution come defend make push rail speak turn vote warn "
    ),
    "prep_among": (
        "count show "
    ),
    "prep_as": (
        "attack bill cast characterize cite criticize defend denounce describe dismiss distinguish frame "
        "hail hire identify interpret introduce know label lambaste list look mention name paint pitch "
        "point portray position praise present quote rank refer reference regard remember savage see "
        "single tout view "
    ),
    "prep_at": (
        "aim balk call estimate expect fire hint lash look marvel point poke put say support take talk "
    ),
    "prep_because": (
        "explain report say vote "
    ),
    "prep_before": (
        "say "
    ),
    "prep_behind": (
        "line throw "
    ),
    "prep_besides": (
        "answer "
    ),
    "prep_by": (
        "argue begin conclude explain follow mention refer respond say show stand tell "
    ),
    "prep_despite": (
        "point "
    ),
    "prep_during": (
        "say see tell "
    ),
    "prep_for": (
        "advocate apologize argue ask assail attack back blame blast call campaign cast cheer chide claim "
        "congratulate credit criticize declare disclose endorse express feel give hit hope jab know look "
        "mock nominate offer plead praise press push rail recognize rip say see share slam speak sue "
        "support thank vie voice vote vouch want "
    ),
    "prep_from": (
        "distance prohibit say seek "
    ),
    "prep_in": (
        "accuse argue believe boast call cite consider deny expect explain foresee hear hire invoke lay "
        "list note oppose persuade promise propose propound question recall refer require say seek show "
        "suggest tell tweet write "
    ),
    "prep_into": (
        "look say sign "
    ),
    "prep_like": (
        "do say seem "
    ),
    "prep_of": (
        "accuse assure boast complain inform learn request say speak talk think warn "
    ),
    "prep_on": (
        "advise agree bank blame blast call cast center challenge cheer comment continue count criticize "
        "describe disagree double dwell expand focus hit name pounce press push reflect riff say seem "
        "sound split tell touch tweet weigh zero "
    ),
    "prep_over": (
        "attack challenge divide say spar "
    ),
    "prep_past": (
        "look "
    ),
    "prep_since": (
        "enjoy "
    ),
    "prep_to": (
        "acquiesce admit agree allude appoint attribute call challenge compare dedicate deliver describe "
        "devote discuss liken look name nominate offer pander pivot plead pledge point refer refuse "
        "respond say sentence show stick throw tweet write "
    ),
    "prep_upon": (
        "call remark "
    ),
    "prep_with": (
        "agree align begin call charge chime concur contrast credit describe disagree discuss distinguish "
        "email empathize find grapple identify list reckon respond say see send show side take thrill "
        "tweet "
    ),
    "xcomp": (
        "advise advocate agree aim allude appear argue ask believe call caution challenge chant choose "
        "claim condemn consider continue decide decline demand describe design determine encourage "
        "endorse expect figure hesitate hire hope include invite know like lobby look love mention move "
        "note offer oppose opt order persuade plan pledge prefer press promise propose prove pump push "
        "read recall refuse report request require rule say scramble see seek seem shout show strive "
        "struggle suggest support tell threaten tweet urge vote vow want warn write "
    ),
}

_NOUN_BY_FRAME: dict[str, str] = {
    "acl": (
        "admission advice agreement announcement argument assertion assumption belief claim commitment "
        "complaint concern confidence criticism desire doubt fear goal hope inability inclination "
        "insistence plan pledge point promise reluctance robocall rumor sense speculation statement story "
        "suggestion unwillingness "
    ),
    "ccomp": (
        "read show "
    ),
    "prep_about": (
        "anxiety attitude comment concern conversation detail doubt fear joke message note question "
        "remark report speech story talk testimonial view word "
    ),
    "prep_against": (
        "attack campaign turn "
    ),
    "prep_as": (
        "reputation "
    ),
    "prep_for": (
        "apology appeal call criticism enthusiasm hope idea passion praise proposal respect voice word "
    ),
    "prep_in": (
        "faith interest "
    ),
    "prep_of": (
        "accusation admiration announcement architect assertion assessment chant claim condemnation "
        "critic criticism critique defender defense denunciation disclosure discussion embrace "
        "endorsement favor footage hint hope mention message opinion perception preview promise proponent "
        "question rejection secret statement story talk understanding view "
    ),
    "prep_on": (
        "attack consensus criticism decision opinion proposal ruling statement thought "
    ),
    "prep_over": (
        "criticism "
    ),
    "prep_to": (
        "allegiance opposition reference "
    ),
    "prep_with": (
        "disagreement "
    ),
    "xcomp": (
        "plan "
    ),
}

_ADJ_BY_FRAME: dict[str, str] = {
    "ccomp": (
        "adamant aware concerned convinced glad hopeful optimistic surprised unaware upset worried "
    ),
    "prep_about": (
        "hopeful optimistic upbeat worried "
    ),
    "prep_in": (
        "confident interested "
    ),
    "prep_of": (
        "aware critical enamored full proud skeptical supportive wary "
    ),
    "prep_on": (
        "divided unified "
    ),
    "prep_to": (
        "devoted "
    ),
    "prep_with": (
        "pleased unhappy "
    ),
    "xcomp": (
        "certain eager happy inclined quick "
    ),
}


def _invert(by_frame: dict[str, str]) -> dict[str, frozenset[str]]:
    frames: dict[str, set[str]] = {}
    for frame, words in by_frame.items():
        for lemma in words.split():
            frames.setdefault(lemma, set())
            if frame != "none":
                frames[lemma].add(frame)
    return {lemma: frozenset(f) for lemma, f in frames.items()}


CUE_FRAMES: dict[str, frozenset[str]] = _invert(_CUE_BY_FRAME)
NOUN_FRAMES: dict[str, frozenset[str]] = _invert(_NOUN_BY_FRAME)
ADJ_FRAMES: dict[str, frozenset[str]] = _invert(_ADJ_BY_FRAME)

