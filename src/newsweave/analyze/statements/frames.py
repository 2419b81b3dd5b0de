"""Message frames of cue words (generated from PolNeAR training statistics; see docs/statements.md).

For each lemma, the ways it takes its message: ``ccomp`` (a clause: "said that …"), ``xcomp`` (an
infinitive: "vowed to …"), ``dobj`` (an object: "criticized the plan"), ``prep_<p>`` (a prepositional
object: "called for …", "criticism of …"), ``acl`` (a noun's clause: "the claim that …") and ``inverted``
("…, officials said"); ``none`` lists verbs that are known but are no cue in any frame ("be", "want").
A frame is kept when PolNeAR annotators marked it as an attribution often enough in the training split
(only lemmas and frame names are kept here, no text). Regenerate rather than edit by hand.
"""

from __future__ import annotations

__all__ = ["CUE_FRAMES", "NOUN_FRAMES"]

_CUE_BY_FRAME: dict[str, str] = {
    "ccomp": (
        "accuse acknowledge add address admit adopt advise affirm agree air allege announce answer "
        "anticipate argue ask assert assume assure bark believe blame boast brag break brief broadcast "
        "calculate call caution characterize charge chide cite claim clarify comment complain concede "
        "conclude concur confess confirm consider contend continue contradict convey convince counter "
        "dawn declare define demand demonstrate denounce deny describe disclose discover discuss dispute "
        "doubt e-mail echo elaborate email emphasise emphasize enjoy estimate exclaim expect explain "
        "express fear figure find forecast forget gripe grumble guarantee guess highlight hint hop hope "
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
        "accuse acknowledge admit agree allege announce answer append applaud approve argue articulate "
        "assail attack attribute bash believe bemoan blame blast boo broadcast brush call care chant "
        "characterize charge chide circulate cite claim clarify coin compare concede concern condemn "
        "confirm congratulate contemplate contrast credit criticise criticize crown declare decline decry "
        "deem defend demand denounce deride describe detail disavow disclose discuss dismiss display "
        "dispute disregard document downplay dub echo email emphasize endorse estimate eviscerate expect "
        "explain explore expose express extoll fear float foresee foreshadow forward hail hammer hate "
        "herald highlight hop identify illustrate indicate inflate insult intend interpret invalidate "
        "invoke issue jab judge justify label lambast lament laud lay liken list mandate mention mock "
        "mull muse name note offer oppose order outline paint peg pitch point portray post pound praise "
        "preach predict prefer prescribe proclaim prohibit promise promote pronounce propose publicize "
        "publish question quote rank ratify rattle reaffirm rebuke rebut recall recite recommend recount "
        "reference refuse refute regard reiterate reject relish remember renounce repeat replay report "
        "reprise repudiate request resist restrict retweete reveal ridicule rip satirize savage say see "
        "seem shout show shrug signal single size slam spell spotlight state stress submit suggest sum "
        "talk taunt thank tick tout trash trend trumpet tweet underscore unveil urge veto view voice vow "
        "withdraw witness "
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
        "accept accord align allow amplify attempt authorize avoid award ban bar bear become begin block "
        "boycott bring buy celebrate center champion choose commit cover craft create debate dedicate "
        "deliver design determine devote dislike do draft draw elect embrace empower end engage establish "
        "expand experience exploit face fail favor feature file fire focus follow get give go grant "
        "grapple hat have help hold ignore include invite join keep launch lead leave let limit link "
        "manage mark mean meet monitor mount move need negotiate pass pay pick pivot place plan play "
        "poise prepare pressure prevent prosecute prove provide pursue put raise rally reach react rebuff "
        "record release rely renew represent require return review revisit roll run schedule scramble "
        "seize sell set shift sign spend sponsor spot start stick stop strike struggle suspend target "
        "tend tie trade trust try understand use vie walk watch win wish withhold zero ’ "
    ),
    "prep_about": (
        "ask boast brag complain feel fight gush joke muse open post press report say speak speculate "
        "talk tell think warn write "
    ),
    "prep_after": (
        "show tell "
    ),
    "prep_against": (
        "argue be call campaign caution come defend make push rail turn vote warn "
    ),
    "prep_among": (
        "count show "
    ),
    "prep_as": (
        "attack bill cast characterize cite criticize defend denounce describe dismiss distinguish frame "
        "hail hire identify interpret introduce know label lambast list look mention name paint pitch "
        "point portray position praise present quote rank refer reference regard remember savage see "
        "single tout view "
    ),
    "prep_at": (
        "balk estimate expect hint lash marvel point poke take "
    ),
    "prep_because": (
        "explain report say "
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
        "argue conclude explain mention refer respond say show stand tell "
    ),
    "prep_despite": (
        "point "
    ),
    "prep_during": (
        "see "
    ),
    "prep_for": (
        "advocate apologize argue ask assail attack back blame blast call cheer chide claim congratulate "
        "credit criticize declare disclose endorse express feel hit hop jab know mock nominate offer "
        "plead praise press push rail recognize rip share slam sue thank voice vouch want "
    ),
    "prep_from": (
        "distance prohibit say seek "
    ),
    "prep_in": (
        "believe boast cite deny expect explain foresee hear invoke list persuade promise propound recall "
        "tell tweet "
    ),
    "prep_into": (
        "say "
    ),
    "prep_like": (
        "seem "
    ),
    "prep_of": (
        "accuse assure boast complain inform learn request say speak talk think warn "
    ),
    "prep_on": (
        "agree bank blame blast call cast challenge cheer comment criticize disagree double dwell name "
        "pounce press push reflect riff seem sound split touch tweet weigh "
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
        "acquiesce allude appoint attribute challenge describe discuss liken look name nominate pander "
        "plead pledge point refer refuse respond say sentence tweet "
    ),
    "prep_upon": (
        "call remark "
    ),
    "prep_with": (
        "agree call charge chime concur contrast credit describe disagree discuss distinguish email "
        "empathize find identify list reckon respond say send show side thrill tweet "
    ),
    "xcomp": (
        "advocate agree aim allude appear argue ask believe call caution challenge chant claim condemn "
        "decide decline demand describe encourage endorse expect hesitate hire hop know like lobby look "
        "love mention note offer oppose opt order pledge prefer promise propose pump push read recall "
        "refuse report rule say seek seem shout show strive suggest support tell threaten tweet urge vote "
        "vow warn write "
    ),
}

_NOUN_BY_FRAME: dict[str, str] = {
    "acl": (
        "admission advice announcement argument assertion assumption belief commitment complaint "
        "confidence criticism desire doubt fear hope inclination insistence pledge promise reluctance "
        "robocall rumor sense speculation statement suggestion "
    ),
    "ccomp": (
        "read show "
    ),
    "prep_about": (
        "anxiety attitude concern conversation detail doubt fear joke message note question report speech "
        "talk testimonial view word "
    ),
    "prep_against": (
        "attack turn "
    ),
    "prep_as": (
        "reputation "
    ),
    "prep_for": (
        "apology appeal call criticism enthusiasm idea passion praise proposal voice "
    ),
    "prep_in": (
        "faith "
    ),
    "prep_of": (
        "accusation admiration architect assertion chant condemnation critic defender defense "
        "denunciation disclosure embrace footage hint mention opinion rejection secret statement "
        "understanding "
    ),
    "prep_on": (
        "consensus criticism decision opinion proposal ruling thought "
    ),
    "prep_over": (
        "criticism "
    ),
    "prep_to": (
        "allegiance reference "
    ),
    "prep_with": (
        "disagreement "
    ),
    "xcomp": (
        "plan "
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

