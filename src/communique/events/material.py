"""Material acts: AID, SANCTION, COERCE, ASSAULT, MOBILIZE, PROTEST (aimed at a party),
COOPERATE and RETREAT (joint, or away from a party).

AID goes to the object ("provided Ukraine with") or the party of "to"/"for"; sanctions and
force land on the object or the party of "on"/"against"/"in" ("strikes on Kyiv"); cooperation
is joint (PLOVER: COOPERATE benefits both sides), so the doers and those "with" whom it is done
are all actors; a retreat is from the party of "from" when one is named.
"""

from __future__ import annotations

from spacy.tokens import Span

from communique.events.clause import Clause
from communique.events.common import Context, directed, together
from communique.events.parse import Modality
from communique.events.parties import Mention
from communique.events.statements import conditioned
from communique.records import Event

RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "AID": ("to", "for", "with"),
    "SANCTION": ("on", "against", "upon", "for", "with"),
    "COERCE": ("on", "against", "in", "from"),
    "ASSAULT": ("on", "against", "in", "at", "into"),
    "MOBILIZE": ("against", "near", "on", "to"),
    "PROTEST": ("against", "outside", "at", "over"),
    "RETREAT": ("from",),
}
#: sentence mode: further phrases naming whom an act is aimed at
SENTENCE_PREPS: dict[str, tuple[str, ...]] = {"PROTEST": ("in",), "MOBILIZE": ("in",), "SANCTION": ("to", "in"),
                                              "AID": ("in",)}
#: sentence mode: the phrases naming whom a retreat's consequences go to, after "from"
NEWS_RETREAT_PREPS = ("from", "to", "on", "for", "against", "in")
JOINT = frozenset({"COOPERATE"})
TYPES = frozenset(RECIPIENT_PREPS) | JOINT
#: force that is announced or made conditional is a threat (CAMEO 13: "threaten ... with sanctions/force")
FORCE = {"SANCTION": "138", "COERCE": "137"}
THREAT_CUES = frozenset({"will", "shall", "'ll", "wo", "would", "could", "may", "might", "if", "unless"})


def code(clause: Clause, ctx: Context, sent: Span, type_: str, cameo: str) -> list[Event]:
    if type_ in FORCE and clause.mood.cue in ("if", "unless"):
        return []  # "warned that X would respond if Russia invaded Ukraine": the condition is no one's threat
    if type_ in FORCE and not clause.negated and clause.mood.kind != "realis" and clause.mood.cue in THREAT_CUES:
        targets = clause.targets
        if ctx.sentence_mode and not targets and clause.verb is not None:
            targets = conditioned(clause.verb, ctx)  # "would blockade the port unless X paid"
        threat = Clause(clause.trigger, clause.doers, targets, clause.owners, clause.prep,
                        Modality("realis"), False, None, clause.verb)
        # the threatened act lands where the act would: "would boycott contact with X" threatens X
        aims: tuple[str, ...] = ("against", "on", "to")
        if ctx.sentence_mode:
            aims = (*aims, *(p for p in RECIPIENT_PREPS[type_] if p not in aims))
        return directed(ctx, threat, sent, "THREATEN", FORCE[type_], aims)
    if type_ in JOINT:
        if ctx.sentence_mode and not clause.with_("with", "between", "among") and (clause.targets or clause.prep.get("to")):
            # "extradited X to Y", "provided intelligence to Y": COOPERATE "requires recipient" (codebook)
            return directed(ctx, clause, sent, type_, cameo, ("to",))
        return together(ctx, clause, sent, type_, cameo)
    if type_ == "RETREAT" and ctx.sentence_mode and not clause.prep.get("from") and not clause.targets:
        # a news sentence's retreat has "immediate material consequences" for someone (PLOVER_MANUAL.tex:531:
        # prisoners released, property returned, a blockade lifted): the party they are released, paid or
        # lifted to, for or on ("lifted the blockade on Palestinian lorries", "paid compensation to X")
        evs = directed(ctx, clause, sent, type_, cameo, NEWS_RETREAT_PREPS)
        if any(e.recipient for e in evs):
            return evs
    if type_ == "RETREAT" and not clause.prep.get("from") and not clause.targets:
        return together(ctx, clause, sent, type_, cameo)
    if type_ == "AID" and not (clause.targets or any(clause.prep.get(p) for p in RECIPIENT_PREPS["AID"])):
        told = _told(clause, ctx)  # "advised Sir Mekere that Australia would provide assistance": to him
        if not told and not ctx.sentence_mode:
            # "will provide $88 million to support the energy independence of Ukraine": whom the aid is for
            told = purpose_aim(clause, ctx, sent)
        if told:
            clause = Clause(clause.trigger, clause.doers, told, clause.owners, clause.prep, clause.mood,
                            clause.negated, clause.when, clause.verb, clause.near_owners)
    aims = RECIPIENT_PREPS[type_]
    if ctx.sentence_mode:
        # a news sentence's protest or deployment in a country is aimed at it; aid cut "to" X is X's loss
        aims = (*aims, *(p for p in SENTENCE_PREPS.get(type_, ()) if p not in aims))
        if type_ == "AID" and clause.doers and not clause.trigger.nominal:
            aims = (*aims, "from")  # "evacuated the wounded from X" (not "a loan from X": the lender gives)
    return directed(ctx, clause, sent, type_, cameo, aims)


#: phrases of a protest's purpose clause naming what it is against ("to show their anger at X's policy")
PURPOSE_AIMS = ("against", "at", "for", "over", "about", "on", "to", "of")


def purpose_aim(clause: Clause, ctx: Context, sent: Span) -> list[Mention]:
    """Whom a protest is aimed at when its purpose says so: "began a hunger strike to protest against X's
    decision", "blocked a road to show their disapproval of X's policies" (PLOVER PROTEST: the target of
    the demonstration is the recipient); whom aid is for ("will provide $5 million to support X's
    recovery")."""
    from communique.events.clause import read_clause
    from communique.events.lexicon import Trigger

    verb = clause.verb or clause.trigger.token
    own = {d.code for d in clause.doers if d.kind != "domestic"}
    # (the parser may hang the purpose on the object: "provide $88 million to support X")
    # (the act a commitment is to: "intends to provide $5 million to help X")
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    objs = [o for v in verbs for o in v.children if o.dep_ == "dobj"]
    objs += [g for o in objs for p in o.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    # (or on what the object is in: "provide $1.31 billion in assistance to help X recover")
    for c in [*(c for v in verbs for c in v.children), *(a for o in objs for a in o.children if a.dep_ in ("acl", "relcl"))]:
        if c.dep_ not in ("advcl", "xcomp", "acl", "relcl") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        c2 = read_clause(Trigger(c, None, None, "purpose", False, frozenset({c.i})), ctx.parties, sent, [])
        for ms in (c2.targets, c2.owners, *(c2.prep.get(p, []) for p in PURPOSE_AIMS)):
            aimed = [m for m in ms if m.code not in own]
            if aimed:
                return aimed
    return []


def _told(clause: Clause, ctx: Context) -> list[Mention]:
    """The party a reported offer is told to: the object of the verb of saying that reports it."""
    verb = clause.verb or clause.trigger.token
    if verb.dep_ != "ccomp" or verb.head == verb:
        return []
    return [m for c in verb.head.children if c.dep_ in ("dobj", "dative")
            for m in ctx.parties.of_np(c) if m.code not in {d.code for d in clause.doers}]
