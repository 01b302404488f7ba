"""Events as sentences a reader expects: who did what to whom, where ("Xi Jinping held talks with
Emomali Rahmon in Dushanbe"), built from the coded record alone, so the sentence never says more
than the coding does. The people who acted stand for their side when the event names them, else
the parties' names; the verb comes from the PLOVER type and mode; a planned event reads "will ...".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

#: (type, mode) -> (past, base form); mode None is the type's default. "{whom}" marks where the
#: recipient goes; without one the phrase ends before it.
VERBS: dict[tuple[str, str | None], tuple[str, str]] = {
    ("CONSULT", None): ("held talks with {whom}", "hold talks with {whom}"),
    ("CONSULT", "phone"): ("spoke by phone with {whom}", "speak by phone with {whom}"),
    ("CONSULT", "visit"): ("held talks with {whom}", "visit {whom}"),
    ("CONSULT", "host"): ("hosted {whom}", "host {whom}"),
    ("CONSULT", "summit"): ("met {whom} at a summit", "meet {whom} at a summit"),
    ("CONSULT", "multilateral"): ("met {whom} in a multilateral meeting", "meet {whom} in a multilateral meeting"),
    ("CONSULT", "mediate"): ("mediated talks with {whom}", "mediate talks with {whom}"),
    ("CONSULT", "negotiate"): ("negotiated with {whom}", "negotiate with {whom}"),
    ("AGREE", None): ("agreed to cooperate with {whom}", "agree to cooperate with {whom}"),
    ("AGREE", "sign"): ("signed an agreement with {whom}", "sign an agreement with {whom}"),
    ("AGREE", "meet"): ("agreed to meet {whom}", "agree to meet {whom}"),
    ("AGREE", "settle"): ("agreed to settle a dispute with {whom}", "agree to settle a dispute with {whom}"),
    ("AGREE", "mediate"): ("agreed to mediate for {whom}", "agree to mediate for {whom}"),
    ("SUPPORT", None): ("expressed support for {whom}", "express support for {whom}"),
    ("SUPPORT", "praise"): ("praised {whom}", "praise {whom}"),
    ("SUPPORT", "recognize"): ("recognised {whom}", "recognise {whom}"),
    ("SUPPORT", "apologize"): ("apologised to {whom}", "apologise to {whom}"),
    ("SUPPORT", "forgive"): ("forgave {whom}", "forgive {whom}"),
    ("SUPPORT", "sign"): ("signed an agreement with {whom}", "sign an agreement with {whom}"),
    ("CONCEDE", None): ("made a concession to {whom}", "make a concession to {whom}"),
    ("CONCEDE", "ease"): ("eased restrictions on {whom}", "ease restrictions on {whom}"),
    ("COOPERATE", None): ("cooperated with {whom}", "cooperate with {whom}"),
    ("COOPERATE", "economic"): ("cooperated economically with {whom}", "cooperate economically with {whom}"),
    ("COOPERATE", "military"): ("cooperated militarily with {whom}", "cooperate militarily with {whom}"),
    ("AID", None): ("gave aid to {whom}", "give aid to {whom}"),
    ("AID", "economic"): ("gave economic aid to {whom}", "give economic aid to {whom}"),
    ("AID", "military"): ("gave military aid to {whom}", "give military aid to {whom}"),
    ("AID", "humanitarian"): ("gave humanitarian aid to {whom}", "give humanitarian aid to {whom}"),
    ("RETREAT", None): ("made a material concession to {whom}", "make a material concession to {whom}"),
    ("RETREAT", "release"): ("released prisoners to {whom}", "release prisoners to {whom}"),
    ("RETREAT", "withdraw"): ("withdrew forces from {whom}", "withdraw forces from {whom}"),
    ("RETREAT", "ceasefire"): ("agreed a ceasefire with {whom}", "agree a ceasefire with {whom}"),
    ("REQUEST", None): ("made a request of {whom}", "make a request of {whom}"),
    ("REQUEST", "assist"): ("asked {whom} for help", "ask {whom} for help"),
    ("REQUEST", "meet"): ("asked {whom} to meet", "ask {whom} to meet"),
    ("ACCUSE", None): ("accused {whom}", "accuse {whom}"),
    ("ACCUSE", "investigate"): ("investigated {whom}", "investigate {whom}"),
    ("ACCUSE", "disapprove"): ("criticised {whom}", "criticise {whom}"),
    ("REJECT", None): ("rejected a proposal of {whom}", "reject a proposal of {whom}"),
    ("THREATEN", None): ("threatened {whom}", "threaten {whom}"),
    ("PROTEST", None): ("protested against {whom}", "protest against {whom}"),
    ("SANCTION", None): ("sanctioned {whom}", "sanction {whom}"),
    ("SANCTION", "expel"): ("expelled envoys of {whom}", "expel envoys of {whom}"),
    ("MOBILIZE", None): ("mobilised forces against {whom}", "mobilise forces against {whom}"),
    ("COERCE", None): ("took coercive measures against {whom}", "take coercive measures against {whom}"),
    ("COERCE", "restrict"): ("imposed sanctions on {whom}", "impose sanctions on {whom}"),
    ("COERCE", "arrest"): ("arrested nationals of {whom}", "arrest nationals of {whom}"),
    ("ASSAULT", None): ("attacked {whom}", "attack {whom}"),
}
#: without a recipient: the phrase as the parties' joint act ("China and Tajikistan signed an agreement")
ALONE = {"{whom}": ""}


def join(names: Sequence[str]) -> str:
    names = [n for n in dict.fromkeys(names) if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def side(codes: Sequence[str], people: Sequence[Any], which: str, names: Mapping[str, str]) -> str:
    """The people who acted for a side when named, else the parties' names."""
    persons = [p.name for p in people if p.side == which]
    if persons:
        return join(persons)
    return join([names.get(c, c.removeprefix("IGO:")) for c in codes])


def event_sentence(e: Any, names: Mapping[str, str]) -> str:
    """`e` (an EventOut, a TimelineEvent: type, mode, status, actor, recipient, people, place) as a
    sentence: who, what, whom, where. `names` gives the display name of each party code."""
    people = getattr(e, "people", None) or []
    mode = getattr(e, "mode", None)
    past, base = VERBS.get((e.type, mode)) or VERBS.get((e.type, None)) or (f"{e.type.lower()} {{whom}}",) * 2
    planned = e.status == "planned"
    phrase = ("will " + base) if planned else past
    who = side(e.actor, people, "actor", names) or "Someone"
    whom = side(e.recipient, people, "recipient", names)
    if whom:
        text = f"{who} {phrase.format(whom=whom)}"
    else:
        alone = phrase.replace(" with {whom}", "").replace(" to {whom}", "").replace(" {whom}", "")
        text = f"{who} {alone.replace('{whom}', '').strip()}"
    place = getattr(e, "place", None)
    where = None
    if place is not None:
        where = place.name or (names.get(place.country) if place.country else None)
    if where and where not in text:
        text += f" in {where}"
    return text[:1].upper() + text[1:]


def event_codes(e: Any) -> str:
    """The coding beside the sentence: type/mode, actor -> recipient codes, CAMEO."""
    kind = e.type + (f"/{e.mode}" if getattr(e, "mode", None) else "")
    parties = ", ".join(e.actor) + (" → " + ", ".join(e.recipient) if e.recipient else "")
    cameo = f" · CAMEO {e.cameo}" if getattr(e, "cameo", None) else ""
    return f"{kind} · {parties}{cameo}"
