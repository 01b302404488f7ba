"""Dictionary matches that name no act: a verb whose object says it means something else.

PETRARCH2's CAMEO dictionary codes many verbs alone ("take" 17, "engage" 190, "meet" 040); a
readout's object often says the verb does not do that ("taken actions", "engaging officials",
"meet its obligations"). `no_act` is the coder's test, applied to each verb trigger before it is
coded; every reading cites the dictionary block or the codebook it departs from.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from communique.events.lexicon import Trigger
from communique.events.parse import FUTURE_ADJ, children, objects
from communique.events.parties import agent_kind_nouns, agent_nouns, office_nouns
from communique.events.sentences import Sent

#: offices held in turn by states ("took over the presidency of the Council"), besides nouns in -ship
HELD_IN_TURN = frozenset({"presidency", "chair", "helm", "presidencies"})
#: what is 'taken' that is no property, territory or person (CAMEO 17 seizes those): "taken actions on X"
TAKEN_ACTS = frozenset({"action", "actions", "step", "steps", "measure", "measures", "note", "part", "place",
                        "decision", "decisions", "initiative", "responsibility", "lead", "advantage", "care", "time"})


def _fought_a_scourge(obj: Token, sent: Sent) -> bool:
    """The object of a fight is a common noun naming no party and no agent of one ("terrorism", "corruption",
    "the pandemic"): what is fought is a problem, not a state."""
    if obj.tag_ not in ("NN", "NNS") or obj.lower_ in agent_nouns(True):
        return False
    lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)
    return not any(lo <= s0 < hi for s0, _e0, _c in sent.parties)


def _officials(tok: Token) -> bool:
    """The officials of a government (PETRARCH2 GOV agents and offices): one 'engages' them in talks, not in
    battle."""
    return tok.lower_ in agent_kind_nouns(frozenset({"GOV"})) or tok.lower_ in office_nouns()


def no_act(t: Trigger, tok: Token, sent: Sent, sentence_mode: bool) -> bool:
    """The verb trigger `t` at `tok` names no act of its dictionary code, by its object."""
    if t.block == "CALL" and t.covered == frozenset({tok.i}) and children(tok, "oprd"):
        return True  # "calling them a deterrent", "called the invasion unjustified": naming, not calling
    if (t.code or "").startswith("17") and t.covered == frozenset({tok.i}) \
            and any(o.lower_ in TAKEN_ACTS for o in objects(tok)):
        return True  # "we've taken actions on Beijing's efforts": acting, not seizing
    if not sentence_mode and (t.code or "").startswith("19") and t.covered == frozenset({tok.i}) \
            and any(_fought_a_scourge(o, sent) for o in objects(tok)):
        return True  # "we were fighting terrorism in the region": a scourge fought is no party attacked
    if not sentence_mode and t.block == "ENGAGE" and t.covered == frozenset({tok.i}) \
            and any(_officials(o) for o in objects(tok)):
        return True  # "how we are engaging Chinese officials": ENGAGE alone is battle (190), not talks
    if (t.code or "").startswith("17") and any(
            o.lower_ in HELD_IN_TURN or o.lower_.endswith("ship") for o in objects(tok)):
        return True  # "will take over the chairmanship": an office held in turn is not seized (CAMEO 17
        # coerces by force: property, territory, persons)
    if (t.code or "").startswith("17") and any(
            p.lower_ == "into" and any(o.lower_ in ("account", "consideration") for o in p.children)
            for p in tok.children):
        return True  # "is taking U.S. concerns into account": weighing, not seizing
    if t.block == "MEET_PEOPLE" and t.covered == frozenset({tok.i}) and _met_a_thing(tok, sent):
        return True  # "will face consequences", "meet its obligations": met is a thing, not a party
        # (the dictionary's own patterns: FACE * PROBLEM [012], FACE * COUP [012])
    # "welcomed the upcoming State Visit": a welcome of a visit ahead hosts no one yet
    return (t.code or "").startswith("043") and any(
        a.dep_ in ("amod", "compound") and a.lower_ in FUTURE_ADJ for o in children(tok, "dobj") for a in o.children)


def _met_a_thing(verb: Any, sent: Sent) -> bool:
    """The verb's direct object is a common noun naming no party, person or agent ("face consequences",
    "meet its obligations"), not someone met ("met the President", "met the delegation")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False  # ("met with X, partners and organisations": whom it met with)
    for o in objs:
        lo, hi = o.left_edge.idx, o.right_edge.idx + len(o.right_edge)
        if any(lo <= a < hi for a, _b, _c in sent.parties) or o.ent_type_ or o.tag_ in ("NNP", "NNPS", "PRP") \
                or o.lower_ in agent_nouns() or o.lower_ in PARTNER_NOUNS:
            return False
    return True


#: whom one meets that no table of agents lists: a state's partners and peers ("met its partners")
PARTNER_NOUNS = frozenset({"partners", "partner", "counterparts", "counterpart", "allies", "ally", "leaders",
                           "leader", "organizations", "organisations", "representatives", "envoys", "people"})


