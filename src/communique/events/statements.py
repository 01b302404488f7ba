"""Verbal acts aimed at a party: SUPPORT, ACCUSE, REQUEST, REJECT, THREATEN, CONCEDE.

The doer is the clause's subject; the party acted on is its object ("condemned Russia"), the
owner of a non-party object ("condemned Russia's attack", "welcomed Indonesia's leadership"),
or the party of the phrase the verb governs: "called on X", "appealed to X", "support for X",
"concern about X", "stand with X" (PLOVER codebook: REQUEST, ACCUSE, SUPPORT ...).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from communique.events.clause import Clause
from communique.events.common import Context, directed
from communique.events.parse import REPORTING, children, is_verb, negated, subjects
from communique.events.parties import Mention, dedupe
from communique.records import Event

#: where each kind of statement names the party it is about, in order of preference
#: ("by" first: "condemned the attack on X by Y" is about Y, who did what is judged)
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "SUPPORT": ("by", "for", "to", "with", "on", "of"),
    "ACCUSE": ("by", "against", "of", "about", "over", "for", "on", "at"),
    "REQUEST": ("on", "upon", "to", "for", "of"),
    "REJECT": ("by", "of", "from", "to", "against"),
    "THREATEN": ("against", "on", "to", "with"),
    "CONCEDE": ("to", "for", "on"),
}

TYPES = frozenset(RECIPIENT_PREPS)


def code(clause: Clause, ctx: Context, sent: Span, type_: str, cameo: str) -> list[Event]:
    verb = clause.verb
    if type_ == "SUPPORT" and not ctx.sentence_mode and _courtesy(verb):
        return []
    if ctx.sentence_mode and verb is not None:
        doers = {m.code for m in clause.doers}
        if type_ == "REQUEST" and not [m for m in clause.targets if m.code not in doers]:
            clause = replace(clause, targets=addressed(verb, ctx))
        elif type_ == "THREATEN":  # the party whose acting would avert the threat is the one threatened
            clause = replace(clause, targets=conditioned(verb, ctx) or clause.targets)
    elif type_ == "THREATEN" and verb is not None and not clause.targets:
        # "warned that the United States would respond ... if Russia invaded": a readout's threat is aimed at
        # the party whose act is its condition (PLOVER_MANUAL.tex THREATEN: "coercive or forceful ... if")
        clause = replace(clause, targets=[m for m in conditioned(verb, ctx) if m.code not in
                                          {d.code for d in clause.doers}])
    if type_ in ("SUPPORT", "ACCUSE") and not clause.targets and not clause.owners:
        # "applauded the vote in the General Assembly": an act taken in a body is that body's
        held = body_of_act(clause.verb or clause.trigger.token, ctx)
        if held:
            clause = replace(clause, targets=held)
    aims = RECIPIENT_PREPS[type_]
    if not ctx.sentence_mode and clause.when is not None and _dates_the_content(clause, sent):
        # "condemn Iran's attack against Israel of April 13": a statement is made when it is said; the date
        # of the act it judges is that act's
        clause = replace(clause, when=None)
    if type_ == "ACCUSE" and not ctx.sentence_mode:
        # "condemns the attacks (by X) against Y's civilians": whom a judged act was done to is its victim; the
        # accused is its doer, named or not a party
        victims = _victims(clause)
        clause = replace(clause, prep={p: [m for m in ms if m.token not in victims] if p in VICTIM_PREPS
                                       else ms for p, ms in clause.prep.items()})
    if ctx.sentence_mode and type_ in ("SUPPORT", "ACCUSE"):
        aims = (*aims, "as")  # "denounced as a crime X's crackdown": what the act is judged as names whose it is
    if ctx.sentence_mode and type_ == "REQUEST":
        aims = (*aims, "in")  # "sought refuge in X", "called for elections in X": asked of the country it is in
    return directed(ctx, clause, sent, type_, cameo, aims)


#: phrases that name whom a judged act was done to ("attacks against X", "strikes on X")
VICTIM_PREPS = frozenset({"against", "on", "at"})


def _dates_the_content(clause: Clause, sent: Span) -> bool:
    """Whether the clause's time hangs from a noun below the verb (the thing the statement is about)."""
    verb = clause.verb or clause.trigger.token
    if not is_verb(verb) or clause.when is None:
        return False
    at = sent.doc.char_span(clause.when.start, clause.when.end, alignment_mode="expand")
    if at is None:
        return False
    t = at.root
    for _ in range(8):
        if t.i == verb.i or t.head == t:
            return False
        if t != at.root and t.tag_.startswith("NN"):
            return True
        t = t.head
    return False


def _victims(clause: Clause) -> set[int]:
    """The tokens of the phrases that name whom the judged act was done to: "the attacks against X",
    "strikes on X" (the act's own phrases, not the statement's: "spoke out against X" names the accused)."""
    heads = [clause.trigger.token] if clause.trigger.nominal else [
        o for o in (clause.verb or clause.trigger.token).children if o.dep_ in ("dobj", "nsubjpass")]
    return {t.i for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in VICTIM_PREPS
            for t in c.subtree}


def _courtesy(verb: Token | None) -> bool:
    """"Thank you.", "Thank you very much, Mr President", "thank you for your question": a turn's
    courtesy, thanking for nothing named or for a question, is not an endorsement (GUIDELINES: SUPPORT
    is explicit endorsement or praise). "Thank you for coming", "thanked Japan" are."""
    if verb is None or verb.lower_ not in ("thank", "thanks"):
        return False
    objs = children(verb, "dobj")
    if not objs or not all(o.lower_ == "you" for o in objs):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in verb.children):
        return False
    # ("thank you for the question", "for having asked this": a press conference's courtesy to the asker)
    return all(any(w.lower_ in ("question", "questions", "ask", "asking", "asked") for w in p.subtree)
               for p in children(verb, "prep"))


def body_of_act(verb: Token, ctx: Context) -> list[Mention]:
    """The organisation in which the verb's object, an act, was taken ("the vote in the General Assembly",
    "the decision in the Council"): its 'in' phrase names only an organisation."""
    out: list[Mention] = []
    for o in verb.children:
        if o.dep_ != "dobj" or ctx.parties.of_np(o):
            continue
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ == "in":
                ms = [m for c in p.children if c.dep_ == "pobj" for m in ctx.parties.of_np(c, 1)]
                if ms and all(m.code.startswith("IGO:") for m in ms):
                    out += ms
    return dedupe(out)


def addressed(verb: Token, ctx: Context) -> list[Mention]:
    """Whom a demand is made of when it is a clause: the subject of "demanded that X withdraw" (the
    subject of a mandative clause is the one asked to act)."""
    return dedupe([m for c in verb.children if c.dep_ == "ccomp" for s in children(c, "nsubj", "nsubjpass")
                   for m in ctx.parties.of_np(s)])


def conditioned(verb: Token, ctx: Context) -> list[Mention]:
    """Whom a conditional threat is aimed at: the subject of its 'if' or 'unless' clause ("threatened
    to strike unless X withdrew"), on the threat or the act threatened."""
    out: list[Mention] = []
    stack, seen = [verb], 0
    while stack and seen < 6:
        v = stack.pop(0)
        seen += 1
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                out += [m for s in children(c, "nsubj", "nsubjpass") for m in ctx.parties.of_np(s)]
            elif c.dep_ in ("xcomp", "ccomp") and is_verb(c):
                stack.append(c)
    return dedupe(out)


# ---------------------------------------------------------------- allegations

#: wrongdoing a party can be said to commit: the CAMEO dictionary's &CRIME synset (CAMEO.2.0.txt:343-358)
#: and the charges of its ACCUSE/BLAME patterns (CAMEO.2.0.txt:7552-7583: torture, rights abuses,
#: aggression, violence, terrorism, genocide, massacre, atrocities, ethnic cleansing, war crimes)
WRONGS = frozenset({"crime", "crimes", "offense", "offenses", "offence", "offences", "violation", "violations",
                    "infringement", "infringements", "transgression", "transgressions", "misconduct", "wrongdoing",
                    "felony", "felonies", "torture", "abuse", "abuses", "aggression", "violence", "terrorism",
                    "genocide", "massacre", "massacres", "atrocity", "atrocities", "cleansing"})
#: verbs of committing a wrong (the dictionary's PERPETUATE block, CAMEO.2.0.txt:2585, '* &CRIME')
COMMIT = frozenset({"commit", "commits", "committed", "committing", "perpetrate", "perpetrates", "perpetrated",
                    "perpetrating"})
#: verbs of breaking a rule or an agreement (the dictionary's VIOLATE block, CAMEO.2.0.txt:4235)
VIOLATE = frozenset({"violate", "violates", "violated", "violating", "breach", "breaches", "breached", "breaching"})


def allegations(sent: Span, ctx: Context) -> list[tuple[Token, list[Mention], list[Mention]]]:
    """'Russian forces are committing war crimes', 'Putin noted that Poland was violating its
    commitments', 'the authorities, in violation of the agreements, bet on force': saying that a
    party does wrong is an accusation (PLOVER ACCUSE: "accuse, allege, or charge, both judicially
    and informally", PLOVER_MANUAL.tex:619). The accuser is the one reporting it, else the text's
    own voice. Returns (verb, accuser, accused) for each such clause that asserts it as fact."""
    out: list[tuple[Token, list[Mention], list[Mention]]] = []
    for tok in sent:
        if not is_verb(tok) or negated(tok) or any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may")
                                                    for c in tok.children):
            continue
        wrong = tok.lower_ in COMMIT and any(c.dep_ == "dobj" and c.lower_ in WRONGS for c in tok.children)
        wrong = wrong or tok.lower_ in VIOLATE and any(c.dep_ == "dobj" for c in tok.children)
        wrong = wrong or any(p.dep_ == "prep" and p.lower_ == "in" and any(
            o.dep_ == "pobj" and o.lower_ in ("violation", "breach") for o in p.children) for p in tok.children)
        done_by = tok.lower_ in COMMIT and tok.dep_ == "acl" and tok.head.lower_ in WRONGS
        if not (wrong or done_by) or _conditional(tok):
            continue
        if done_by:  # "the war crimes committed each day by X": the wrong is told, X does it
            accused = dedupe([m for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                              for m in ctx.parties.of_np(o)])
            tok = tok.head.head if tok.head.dep_ in ("nsubj", "nsubjpass", "dobj") else tok.head
            while tok.dep_ in ("pobj", "prep", "dobj") and tok.head != tok:
                tok = tok.head  # the clause that tells of the wrong: "drew attention to the crimes ..."
            if not is_verb(tok) or negated(tok):
                continue
        else:
            accused = dedupe([m for s in subjects(tok) for m in ctx.parties.of_np(s)])
        if not accused:
            continue
        head = tok
        while head.dep_ in ("ccomp", "conj", "advcl", "xcomp") and head.head.i != head.i and not (
                head.dep_ == "ccomp" and head.head.lower_ in REPORTING):
            head = head.head
        if head.dep_ == "ccomp" and head.head.lower_ in REPORTING:
            accuser = [m for sub in subjects(head.head) for m in ctx.parties.of_np(sub)]
        elif head.dep_ == "ROOT" or head.head.i == head.i:
            accuser = ctx.parties.speaker(tok)
        elif done_by and not any(negated(a) for a in tok.ancestors):
            # "saw the consequences of horrific war crimes committed by X": the wrong told as fact, deeper in
            # the sentence, is the text's charge
            accuser = ctx.parties.speaker(tok)
        else:
            continue
        accused_codes = {m.code for m in accused}
        accuser = [m for m in accuser if m.code not in accused_codes]
        if accuser:
            out.append((tok, accuser, accused))
    for tok in sent:  # "the atrocities of the Russian occupiers", "Russia's aggression": a wrong named as a party's
        if tok.lower_ not in CHARGED or not tok.tag_.startswith("NN") or _conditional(tok) \
                or any(negated(a) for a in (tok, *tok.ancestors)):
            continue
        if tok.lower_ == "aggression" and _resisted(tok):
            continue  # "help Ukraine defend itself from Russian aggression": a cause supported, not a charge made
        accused = _wrongdoers(tok, ctx)
        accuser = [m for m in ctx.parties.speaker(tok) if m.code not in {a.code for a in accused}]
        if accused and accuser:
            out.append((tok, accuser, accused))
    return out


#: wrongs that charge whoever they are named as the deeds of (PLOVER ACCUSE, "accuse, allege, or charge ...
#: informally"): "Russia's aggression", "war crimes of the occupiers"; not acts of force told as events
CHARGED = frozenset({"aggression", "atrocity", "atrocities", "crimes", "genocide", "massacre", "massacres"})


#: verbs of withstanding a wrong: what is withstood is the setting of a support, not a charge
RESISTING = frozenset({"defend", "defends", "defending", "counter", "counters", "countering", "resist", "resists",
                       "resisting", "face", "faces", "facing", "fight", "fights", "fighting", "repel", "repelling",
                       "withstand", "withstanding", "confront", "confronting", "fend"})


def _resisted(noun: Token) -> bool:
    """The wrong is what someone withstands: "defend itself from X's aggression", "as it faces X's aggression"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("from", "against") and head.head != head:
        head = head.head
    return head.lower_ in RESISTING


#: wrongs whose 'of' is their doer
DEEDS_OF = frozenset({"crimes", "atrocity", "atrocities"})


def _wrongdoers(noun: Token, ctx: Context) -> list[Mention]:
    """The parties a wrong is named as the deed of: its possessor, its state adjective, 'of' or 'by' it."""
    out: list[Mention] = []
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            m = ctx.parties.at(c)
            out += [m] if m is not None else (ctx.parties.of_np(c, 1) if c.dep_ == "poss" else [])
        elif c.dep_ in ("prep", "agent") and (c.lower_ == "by" or c.lower_ == "of" and noun.lower_ in DEEDS_OF):
            # (an 'of' names the doer of crimes, "the crimes of the occupiers", but the victim of an
            # aggression or a massacre, "an aggression of Ukraine")
            out += [m for o in c.children if o.dep_ == "pobj" for m in ctx.parties.of_np(o, 1)]
    return dedupe([m for m in out if m.kind != "group"])


def _conditional(tok: Token) -> bool:
    """The clause is a condition, not an assertion ('if X violates', 'when X violates the rules, we ...')."""
    t = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest") for c in t.children) or any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in t.children if t.tag_ in ("VBZ", "VBP")):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False
