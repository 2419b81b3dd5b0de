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
        "accuse acknowledge add address admit advise affirm agree air allege announce answer anticipate "
        "argue ask assert assure bark blame boast brag brief broadcast calculate caution characterize "
        "charge chide cite claim clarify comment complain concede conclude concur confess confirm "
        "consider contend continue contradict convey convince counter dawn declare define demand "
        "demonstrate denounce deny describe disclose discover discuss dispute doubt e-mail echo elaborate "
        "email emphasise emphasize enjoy estimate exclaim explain express fear find forecast gripe "
        "grumble guarantee highlight hint hop imply indicate inform insist interject joke knock lament "
        "learn maintain memo message mock muse note notice notify object observe order outline plead "
        "pledge point posit post predict proclaim project promise pronounce propose protest publish "
        "question quip quote read reaffirm realise rebut recall reckon recognise recognize recommend "
        "recount reiterate relay remark remind repeat reply report respond retort reveal rule say scoff "
        "scream share shoot shout show signal snap sniff specify speculate state stress suggest suppose "
        "surmise suspect swear telegraph tell testify text threaten tout tweet underscore urge verify vow "
        "warn welcome whisper wonder worry write yell "
    ),
    "dobj": (
        "accuse acknowledge advocate agree allege announce append applaud appoint approve argue "
        "articulate assail attack attribute authorize back bash bemoan blame blast boo broadcast brush "
        "call chant characterize charge chide circulate cite clarify coin compare concede concern condemn "
        "confirm congratulate contemplate contrast credit criticise criticize crown declare decline decry "
        "deem defend demand denounce deride describe detail disavow disclose discuss dismiss display "
        "dispute disregard document downplay dub echo emphasize endorse estimate eviscerate expect "
        "explain explore express extoll fear float foresee foreshadow forward hail hammer herald "
        "highlight hop identify illustrate indicate inflate insult intend interpret invalidate invoke "
        "issue jab judge justify label lambast lament laud lay liken list mandate mention mock mull muse "
        "name note offer oppose order outline paint peg pitch point portray position post pound praise "
        "preach predict prefer prescribe proclaim promise pronounce propose publicize publish question "
        "quote rank ratify rattle reaffirm rebuff rebuke rebut recall recite recommend recount reference "
        "refuse refute regard reiterate reject relish renounce repeat replay report reprise repudiate "
        "request restrict retweete reveal ridicule satirize savage seem show shrug signal single size "
        "slam spell spotlight state stress submit suggest sum taunt tick tout trash trend trumpet tweet "
        "underscore unveil urge veto view voice vow withdraw withhold witness "
    ),
    "inverted": (
        "accuse acknowledge add admit advise affirm agree air allege announce answer argue ask assert "
        "assure blame boast brag brief broadcast caution charge chide cite claim clarify comment complain "
        "concede conclude concur confess confirm contend convey counter declare deny disclose dispute "
        "e-mail echo elaborate email emphasise emphasize estimate exclaim explain forecast gripe grumble "
        "guarantee highlight hint imply indicate inform insist joke lament maintain memo message muse "
        "note notify object observe plead pledge posit post predict proclaim promise pronounce propose "
        "protest publish quip quote reaffirm rebut recall recognise recognize recommend recount reiterate "
        "relay remark repeat reply report respond retort reveal say scoff scream shout signal snap sniff "
        "specify speculate state stress suggest swear telegraph tell testify text threaten tout tweet "
        "underscore urge vow warn whisper write yell "
    ),
    "none": (
        "accept accord adopt align allow amplify assume attempt avoid award ban bar be bear become begin "
        "block boycott break bring buy care celebrate center champion choose commit cover craft create "
        "debate dedicate deliver design determine dislike do draft draw elect embrace empower end engage "
        "establish experience exploit expose face fail favor feature figure file fire focus forget get "
        "give go grant grapple guess hat hate have hear help hold hope ignore imagine include invite join "
        "keep launch lead leave let like limit link love manage mark mean meet monitor mount move need "
        "negotiate pass pay pick pivot place plan play poise prepare pressure prevent promote prosecute "
        "prove provide pursue put raise rally reach react realize record release rely renew represent "
        "resist return review revisit roll run schedule scramble seize sell sense set shift sign spend "
        "sponsor spot start stick stop strike struggle suspend target tend think tie trade trust try turn "
        "understand use vie walk watch win wish ’ "
    ),
    "prep_about": (
        "ask boast brag complain fight gush joke muse open post press report say speak speculate talk "
        "tell warn write "
    ),
    "prep_after": (
        "show tell "
    ),
    "prep_against": (
        "argue call campaign caution come defend make push rail speak vote warn "
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
        "balk estimate expect hint lash marvel poke say take "
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
        "argue conclude explain follow mention refer respond say show stand tell "
    ),
    "prep_despite": (
        "point "
    ),
    "prep_during": (
        "say see "
    ),
    "prep_for": (
        "advocate apologize argue ask assail attack back blame blast call campaign cheer chide claim "
        "congratulate credit criticize declare disclose endorse express feel hit hop jab know mock "
        "nominate offer plead praise press push rail recognize rip share slam sue support thank voice "
        "vouch want "
    ),
    "prep_from": (
        "distance prohibit say seek "
    ),
    "prep_in": (
        "boast cite deny expect explain foresee hire invoke list oppose persuade promise propound recall "
        "require tell tweet "
    ),
    "prep_into": (
        "say "
    ),
    "prep_like": (
        "seem "
    ),
    "prep_of": (
        "accuse assure boast complain inform learn request say speak talk warn "
    ),
    "prep_on": (
        "agree bank blame blast call cast challenge cheer comment count criticize disagree double dwell "
        "expand name pounce press push reflect riff seem sound split touch tweet weigh zero "
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
        "acquiesce allude appoint attribute call challenge describe devote discuss liken name nominate "
        "pander plead pledge point refer refuse respond say sentence throw tweet "
    ),
    "prep_upon": (
        "call remark "
    ),
    "prep_with": (
        "call charge chime concur contrast credit describe discuss distinguish email empathize find list "
        "reckon respond say send show side thrill tweet "
    ),
    "xcomp": (
        "advocate agree aim allude appear argue ask believe call caution challenge chant claim condemn "
        "decide decline demand describe encourage endorse expect hesitate hop lobby look mention note "
        "offer oppose opt order pledge prefer press promise propose pump push read recall refuse report "
        "request rule say seek seem shout show strive suggest support tell threaten tweet urge vote vow "
        "warn write "
    ),
}

_NOUN_BY_FRAME: dict[str, str] = {
    "acl": (
        "admission advice announcement assertion assumption commitment complaint confidence criticism "
        "doubt hope inclination insistence pledge promise reluctance robocall rumor speculation statement "
        "suggestion "
    ),
    "ccomp": (
        "read show "
    ),
    "prep_about": (
        "anxiety attitude concern detail doubt fear joke message note report speech talk testimonial view "
        "word "
    ),
    "prep_against": (
        "turn "
    ),
    "prep_for": (
        "apology appeal criticism enthusiasm idea passion praise proposal voice "
    ),
    "prep_in": (
        "faith "
    ),
    "prep_of": (
        "accusation admiration architect assertion chant condemnation critic defender defense "
        "denunciation disclosure embrace footage hint opinion rejection secret "
    ),
    "prep_on": (
        "consensus criticism opinion proposal ruling thought "
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

