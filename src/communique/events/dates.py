"""Event dates: time expressions resolved against the publication date.

The guidelines: "today" is the publication date; "on Tuesday" the latest Tuesday on or before
it; "this week" the month; "next year" in a 2024 text is 2025. A date keeps the precision the
text supports (`2024-07-05`, `2024-07`, `2025`). Durations ("five years") are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}
_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"

#: the end of a day range, which dates an event by its first day: "5-7 April", "from 5 to 7 April", "May 14 to 15"
_RANGE = (r"(?:\s*(?:[-\u2013]|to|and|through|until)\s*"
          r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"  # "Tuesday 12 and Wednesday 13 December"
          r"(?:(?:January|February|March|April|May|June|July|August|"
          r"September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|"
          r"Nov\.?|Dec\.?)\s+)?\d{1,2}(?:st|nd|rd|th)?\b)?")

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(_M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _RANGE + r",?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _RANGE + r"\s+(?:of\s+)?" + _M
                       + r",?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("md", re.compile(r"\b" + _M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b" + _RANGE + r"(?!\s*,?\s*(?:19|20)\d{2})(?![\d:])")),
    ("dm", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _RANGE + r"\s+(?:of\s+)?" + _M + r"\b(?!,?\s+(?:19|20)\d{2})")),
    # (a determiner before it: "the May 2024 State Visit", "its March 2022 session"; the words before a month
    # or a year in any case, "In May 2019" opening a sentence, the month's name capitalised: "may" is a verb)
    ("my", re.compile(r"\b(?i:in|since|from|during|until|by|of|early|late|mid-?|the|its|their|his|her|our)\s+" + _M + r",?\s+(?P<year>(?:19|20)\d{2})\b")),
    # "in February this year", "March last year": a month pinned to a year named relative to the text
    ("mrel", re.compile(r"\b(?:(?i:in|early|late|mid-?|by|during|until|since)\s+)?" + _M
                        + r"\s+(?P<which>this|last|next)\s+year\b")),
    ("m", re.compile(r"\b(?i:in|this|next|last|early|late|mid-?|by|during|until|later in)\s+(?P<month>January|"
                     r"February|March|April|May|June|July|August|September|October|November|December)\b"
                     r"(?!\s+\d)")),
    ("today", re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|tonight)\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|this\s+|next\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday)\b")),
    ("rel", re.compile(r"\b(?P<which>next|last|this|later this|earlier this|past|coming|early next|late next|"
                       r"later next|early this|late this)\s+(?P<unit>year|month|weekend|week)\b", re.I)),
    # "two years ago", "a week ago": a count back from the publication date (a vague count, "several years
    # ago", is no time: the act is told as earlier, see `common.told_as_earlier`)
    ("ago", re.compile(r"\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       r"a hundred|one hundred)\s+(?P<unit>year|month|week|day|decade)s?\s+ago\b", re.I)),
    # "in two weeks", "within two months", "within the next three months": a count ahead of the publication date
    ("ahead", re.compile(r"\b(?P<within>in|within)\s+(?:the\s+)?(?:next\s+|coming\s+)?(?P<n>\d{1,3}|an?|one|two|three|"
                         r"four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>year|month|week|day)s?\b"
                         r"(?!\s+(?:ago|of|after|before|later|earlier))", re.I)),
    ("year", re.compile(r"\b(?i:in|by|since|during|until|of|for|early|late|mid-?)\s+(?P<year>(?:19|20)\d{2})\b(?![-\u2013/]\d)")),
]


#: a cheap test that a text may hold a time expression at all
TIME_HINT = re.compile(r"\d|\bago\b|\b(?:days?|weeks?|months?|years?)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|"
                       r"tonight|yesterday|tomorrow|this|next|last|later|earlier|past|coming)", re.I)


@dataclass(frozen=True)
class TimeRef:
    start: int
    end: int
    text: str
    value: str  # ISO at the precision the text supports
    relative: bool  # resolved against the publication date
    future: bool | None  # True when the text points ahead of the publication date
    range: bool = False  # a span of days ("from July 18 to July 25"), dated by its first
    #: a bare month or day read as the past one ("in November", told in March) can also be the coming one:
    #: its reading a year later, for a clause that speaks of the future ("will visit in November")
    ahead: str | None = None
    weekday: bool = False  # a bare day of the week ("on Tuesday"), its nearest past or coming one
    #: a bare month or day read as the coming one ("in February", told in November) can also be the past one:
    #: its reading a year earlier, for a clause told in the past tense ("visited Australia in February")
    behind: str | None = None


def tensed(ref: TimeRef | None, future: bool, told_before: bool = False) -> TimeRef | None:
    """The reading of `ref` that fits the tense of its clause. A plan told in the past tense ("prepared
    to strike on Monday") keeps the past weekday; an act told in the past tense ("visited in February")
    takes the past month or day."""
    if ref is not None and not future and told_before and ref.behind is not None:
        return replace(ref, value=ref.behind, future=False, behind=None)
    if ref is None or not future or ref.ahead is None or (ref.weekday and told_before):
        return ref
    return replace(ref, value=ref.ahead, future=True, ahead=None)


COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a hundred": 100, "one hundred": 100}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[" ".join(word.lower().split())]


def _month_num(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _safe_day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_times(text: str, published: str | None) -> list[TimeRef]:
    """Every time expression in `text`, resolved; overlapping matches keep the first, most precise."""
    pub = date.fromisoformat(published) if published and len(published) == 10 else None
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            ref = _resolve(kind, m, pub)
            if ref is not None:
                found.append(ref)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    # "Tuesday 13 November", "Thursday, December 30, 2021": the weekday names the date beside it
    out: list[TimeRef] = []
    for ref in found:
        if out and out[-1].text.split()[-1].rstrip(",").lower() in WEEKDAYS and len(ref.value) == 10 \
                and 0 <= ref.start - out[-1].end <= 2:
            prev = out.pop()
            ref = TimeRef(prev.start, ref.end, text[prev.start:ref.end], ref.value, ref.relative, ref.future, ref.range, ref.ahead)
        out.append(ref)
    return out


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> TimeRef | None:
    g = m.groupdict()
    value: str | None = None
    relative = False
    future: bool | None = None
    weekday_ahead: str | None = None
    if kind in ("mdy", "dmy"):
        value = _safe_day(int(g["year"]), _month_num(g["month"]), int(g["day"]))
    elif kind == "iso":
        value = _safe_day(int(g["year"]), int(g["mnum"]), int(g["day"]))
    elif kind in ("md", "dm"):
        if pub is None:
            return None
        relative = True
        mon, day = _month_num(g["month"]), int(g["day"])
        value = _safe_day(pub.year, mon, day)
        if value and (date.fromisoformat(value) - pub).days > 200:
            value = _safe_day(pub.year - 1, mon, day)
        elif value and (pub - date.fromisoformat(value)).days > 200:
            value = _safe_day(pub.year + 1, mon, day)
    elif kind == "my":
        value = f"{int(g['year']):04d}-{_month_num(g['month']):02d}"
    elif kind == "m":
        if pub is None:
            return None
        relative = True
        mon = _month_num(g["month"])
        word = m.group(0).split()[0].lower()
        if word == "next":
            year = pub.year if mon > pub.month else pub.year + 1
        elif word == "last":
            year = pub.year if mon < pub.month else pub.year - 1
        else:
            year = min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs(y * 12 + mon - pub.year * 12 - pub.month))
        value = f"{year:04d}-{mon:02d}"
    elif kind == "mrel":
        if pub is None:
            return None
        relative = True
        year = pub.year + {"this": 0, "last": -1, "next": 1}[g["which"]]
        value = f"{year:04d}-{_month_num(g['month']):02d}"
    elif kind == "year":
        value = g["year"]
    elif pub is None:
        return None
    elif kind == "today":
        value, relative = pub.isoformat(), True
    elif kind == "yesterday":
        value, relative = (pub - timedelta(days=1)).isoformat(), True
    elif kind == "tomorrow":
        value, relative, future = (pub + timedelta(days=1)).isoformat(), True, True
    elif kind == "weekday":
        word = m.group(0).split()[0].lower()
        wd = WEEKDAYS[g["wd"].lower()]
        relative = True
        deadline = re.search(r"\b(?:by|until|before|no later than)\s+$", m.string[max(0, m.start() - 16):m.start()])
        if word == "next" or deadline:
            delta = (wd - pub.weekday()) % 7 or 7
            value, future = (pub + timedelta(days=delta)).isoformat(), True
        else:
            delta = (pub.weekday() - wd) % 7
            value = (pub - timedelta(days=delta)).isoformat()
            if delta and word != "last":  # "will meet on Tuesday", told on a Sunday: the coming Tuesday
                weekday_ahead = (pub + timedelta(days=7 - delta)).isoformat()
    elif kind == "ago":
        n = _count(g["n"])
        unit = g["unit"].lower()
        relative, future = True, False
        if unit in ("year", "decade"):
            value = str(pub.year - n * (10 if unit == "decade" else 1))
        elif unit == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            value = f"{y:04d}-{mo + 1:02d}"
        else:  # a day count is that day; a week count, like "this week", its month
            d = pub - timedelta(days=n * (7 if unit == "week" else 1))
            value = d.isoformat() if unit == "day" else f"{d.year:04d}-{d.month:02d}"
    elif kind == "ahead":
        n = _count(g["n"])
        unit = g["unit"].lower()
        relative, future = True, True
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        end = pub + timedelta(days=days)
        if g["within"].lower() == "within":  # a window from now: the month or year it stays in
            value = f"{end.year:04d}-{end.month:02d}" if (end.year, end.month) == (pub.year, pub.month) \
                else str(end.year) if end.year == pub.year else None
        elif unit == "day":
            value = end.isoformat()
        elif unit == "year":
            value = str(end.year)
        else:  # "in two weeks", "in three months": the month it falls in
            value = f"{end.year:04d}-{end.month:02d}"
    elif kind == "rel":
        which, unit = g["which"].lower(), g["unit"].lower()
        relative = True
        ahead = which in ("next", "coming", "early next", "late next", "later next")
        behind = which in ("last", "past")
        future = True if ahead or which == "later this" else (False if behind else None)
        step = 1 if ahead else -1 if behind else 0
        if unit == "year":
            value = str(pub.year + step)
        elif unit == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
            value = f"{y:04d}-{mo + 1:02d}"
        elif unit == "weekend":  # "this weekend": the coming Saturday's month, as "this week" is the month
            d = pub + timedelta(days=(5 - pub.weekday()) % 7 + 7 * max(step, 0))
            value, future = f"{d.year:04d}-{d.month:02d}", not behind
        else:
            d = pub + timedelta(days=7 * step)
            value = f"{d.year:04d}-{d.month:02d}"
    if value is None:
        return None
    if future is None and pub is not None and len(value) >= 4:
        future = value[: len(value)] > pub.isoformat()[: len(value)]
    is_range = bool(re.search(r"\d\s*(?:[-\u2013]|to|and|through|until)\s*(?:[A-Z][a-z]+\.?\s+)?\d", m.group(0)))
    if is_range and pub is not None and value == pub.isoformat():
        future = True  # "travels to X June 11-19", told on June 11: a trip that starts today is still ahead
    coming: str | None = weekday_ahead
    if kind in ("m", "md", "dm") and pub is not None and future is False and m.group(0).split()[0].lower() != "last":
        later = f"{int(value[:4]) + 1:04d}{value[4:]}"
        back = (pub.year * 12 + pub.month) - (int(value[:4]) * 12 + int(value[5:7]))
        if back >= 2 and (len(later) == 7 or _safe_day(int(later[:4]), int(later[5:7]), int(later[8:10]))):
            coming = later  # more than a month back: the coming one is as near a reading for a future clause
    before: str | None = None
    if kind in ("m", "md", "dm") and pub is not None and future and m.group(0).split()[0].lower() != "next":
        earlier = f"{int(value[:4]) - 1:04d}{value[4:]}"
        if len(earlier) == 7 or _safe_day(int(earlier[:4]), int(earlier[5:7]), int(earlier[8:10])):
            before = earlier
    return TimeRef(m.start(), m.end(), m.group(0), value, relative, future, is_range, coming, kind == "weekday",
                   before)
