"""Attendees (who was present, accompanied or joined a meeting) and cooperation areas.

Attendees: every person named in a sentence that says someone was present, attended,
accompanied or joined ("were also present", "accompanied by", "the delegation included").
Cooperation areas: a sentence about cooperation ("cooperation in", "work together on") that
names topics of the taxonomy in `data/cooperation_areas.jsonl` gives one area per topic, for
the parties of the sentence (else the pair the text is about).
"""

from __future__ import annotations

import re
from functools import cache

from communique.events.common import Context, evidence
from communique.events.sentences import Sent
from communique.records import Attendee, CooperationArea
from communique.resolve.gazetteer import read_jsonl

ATTEND = re.compile(r"\b(?:were|was) (?:also )?present\b|\battended by\b|\baccompanied by\b|\bjoined by\b|"
                    r"\bdelegation (?:includes|included|consists of|consisted of|comprised|comprises)\b", re.I)
COOP = re.compile(r"\bcooperat\w*|\bcollaborat\w*|\bpartnership|\bwork(?:ed|ing)? together|\bjoint efforts", re.I)


@cache
def areas() -> list[tuple[str, re.Pattern[str], str]]:
    out = []
    for r in read_jsonl("cooperation_areas.jsonl"):
        for kw in r["keywords"]:
            out.append((r["area"], re.compile(r"\b" + re.escape(kw) + r"\b", re.I), kw))
    return out


def attendees(sent: Sent, ctx: Context) -> list[Attendee]:
    if not ATTEND.search(sent.text):
        return []
    out = []
    for p in ctx.res.people.values():
        if any(sent.start <= s < sent.end for s, _e, _f in p.mentions):
            out.append(Attendee(name=p.name, country=p.country, evidence=evidence(sent.span)))
    return out


def cooperation(sent: Sent, ctx: Context) -> list[CooperationArea]:
    if not COOP.search(sent.text):
        return []
    codes = list(dict.fromkeys(c for _, _, c in sent.parties if not c.startswith("IGO:")))
    if len(codes) < 2:
        codes = list(dict.fromkeys([*codes, *ctx.res.group]))
    if len(codes) < 2:
        return []
    out = []
    seen: set[str] = set()
    for area, pat, kw in areas():
        if area not in seen and pat.search(sent.text):
            seen.add(area)
            out.append(CooperationArea(parties=sorted(codes), area=area, keyword=kw, evidence=evidence(sent.span)))
    return out
