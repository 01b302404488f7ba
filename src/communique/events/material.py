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
JOINT = frozenset({"COOPERATE"})
TYPES = frozenset(RECIPIENT_PREPS) | JOINT
#: force that is announced or made conditional is a threat (CAMEO 13: "threaten ... with sanctions/force")
FORCE = {"SANCTION": "138", "COERCE": "137"}
THREAT_CUES = frozenset({"will", "shall", "'ll", "wo", "would", "could", "may", "might", "if", "unless"})


def code(clause: Clause, ctx: Context, sent: Span, type_: str, cameo: str) -> list[Event]:
    if type_ in FORCE and not clause.negated and clause.mood.kind != "realis" and clause.mood.cue in THREAT_CUES:
        threat = Clause(clause.trigger, clause.doers, clause.targets, clause.owners, clause.prep,
                        Modality("realis"), False, None, clause.verb)
        return directed(ctx, threat, sent, "THREATEN", FORCE[type_], ("against", "on", "to"))
    if type_ in JOINT:
        return together(ctx, clause, sent, type_, cameo)
    if type_ == "RETREAT" and not clause.prep.get("from") and not clause.targets:
        return together(ctx, clause, sent, type_, cameo)
    return directed(ctx, clause, sent, type_, cameo, RECIPIENT_PREPS[type_])
