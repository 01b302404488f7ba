"""A small store built from records written by hand, so query, API, export and browser tests do
not depend on the extraction. Evidence offsets are computed from the texts, so they are exact.

China–Tajikistan: talks in Beijing in 2017 (comprehensive strategic partnership, rank 80), the
state visit to Dushanbe on 2024-07-05 reported by two documents (CONSULT, AGREE, SUPPORT, two
agreements, the upgrade to the comprehensive strategic cooperative partnership in the new era,
rank 95) and a planned CONSULT in 2025. United States, Russia, Ukraine, EU: SANCTION, ACCUSE,
REJECT, CONSULT, SUPPORT, AID.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from communique.records import (
    Actor,
    Agreement,
    DocumentInfo,
    Event,
    EventPerson,
    Evidence,
    Honour,
    Partnership,
    Place,
    Record,
    content_hash,
)
from communique.store import SQLiteStore

SEED_TITLE = "Xi Jinping and Emomali Rahmon meet the press in Dushanbe"
NEW_ERA = "comprehensive strategic cooperative partnership in the new era"
DUSHANBE = Place(name="Dushanbe", country="TJK", lat=38.54, lon=68.78)
XI_AND_RAHMON = [EventPerson(id="person:xi-jinping", name="Xi Jinping", country="CHN", side="actor"),
                 EventPerson(id="person:emomali-rahmon", name="Emomali Rahmon", country="TJK", side="recipient")]

SEED_TEXT = (
    "On July 5, 2024, President Xi Jinping and Tajik President Emomali Rahmon held talks at the Presidential "
    "Palace in Dushanbe during Xi's state visit to Tajikistan.\n\n"
    "They signed a joint statement announcing the establishment of the China-Tajikistan comprehensive strategic "
    "cooperative partnership in the new era. The two leaders witnessed the exchange of more than 20 cooperation "
    "documents covering trade, connectivity, minerals and security.\n\n"
    "Xi Jinping awarded the Friendship Medal of the People's Republic of China to President Rahmon.\n\n"
    "China will host the summit of the Shanghai Cooperation Organization next year, and President Rahmon is "
    "welcome to attend.\n\n"
    "Cai Qi and Wang Yi were present."
)


def span(text: str, part: str, after: int = 0) -> Evidence:
    start = text.index(part, after)
    return Evidence(text=part, start=start, end=start + len(part))


def sentence(text: str, opening: str) -> Evidence:
    """The sentence of `text` that starts with `opening`, up to and including its full stop."""
    start = text.index(opening)
    end = text.index(".", start + len(opening)) + 1
    return Evidence(text=text[start:end], start=start, end=end)


def info(text: str, source: str, title: str, published: str) -> DocumentInfo:
    return DocumentInfo(id=content_hash(text), source=source, title=title, published=published,
                        url=f"https://example.org/{source}", format="text")


def actor(text: str, id_: str, name: str, type_: Any, country: str | None, *parts: str,
          role: str | None = None) -> Actor:
    return Actor(id=id_, name=name, type=type_, country=country, role=role, resolution="written by hand",
                 mentions=[span(text, p) for p in parts])


def seed_record() -> Record:
    t = SEED_TEXT
    talks = sentence(t, "On July 5, 2024")
    signed = sentence(t, "They signed")
    docs = sentence(t, "The two leaders")
    medal = sentence(t, "Xi Jinping awarded")
    sco = Evidence(text=t[t.index("China will host"):t.index("attend.") + 7], start=t.index("China will host"),
                   end=t.index("attend.") + 7)
    return Record(
        document=info(t, "seed/xi-rahmon-dushanbe.txt", SEED_TITLE, "2024-07-05"),
        actors=[
            actor(t, "person:xi-jinping", "Xi Jinping", "person", "CHN", "Xi Jinping", role="President"),
            actor(t, "person:emomali-rahmon", "Emomali Rahmon", "person", "TJK", "Emomali Rahmon", role="President"),
            actor(t, "CHN", "China", "country", "CHN", "China"),
            actor(t, "TJK", "Tajikistan", "country", "TJK", "Tajikistan"),
            actor(t, "IGO:SCO", "Shanghai Cooperation Organization", "organization", None,
                  "Shanghai Cooperation Organization"),
        ],
        events=[
            Event(type="CONSULT", mode="visit", cameo="042", goldstein=1.9, quad_class=1, actor=["CHN"],
                  recipient=["TJK"], date="2024-07-05", place=DUSHANBE, trigger="held talks", people=XI_AND_RAHMON,
                  evidence=talks),
            Event(type="AGREE", mode="sign", cameo="057", goldstein=8.0, quad_class=1, actor=["CHN", "TJK"],
                  date="2024-07-05", place=DUSHANBE, trigger="signed", evidence=signed),
            Event(type="SUPPORT", mode="praise", cameo="051", goldstein=3.4, quad_class=1, actor=["CHN"],
                  recipient=["TJK"], date="2024-07-05", place=DUSHANBE, trigger="awarded", evidence=medal),
            Event(type="CONSULT", mode="summit", cameo="040", goldstein=1.0, quad_class=1, actor=["TJK"],
                  recipient=["CHN"], date="2025", status="planned", place=Place(country="CHN"),
                  trigger="host the summit", evidence=sco),
        ],
        agreements=[
            Agreement(title=f"joint statement on the {NEW_ERA}", kind="joint statement", parties=["CHN", "TJK"],
                      date="2024-07-05", evidence=signed),
            Agreement(title="more than 20 cooperation documents", kind="cooperation documents", count=20,
                      parties=["CHN", "TJK"], date="2024-07-05", evidence=docs),
        ],
        partnerships=[
            Partnership(parties=["CHN", "TJK"], level=f"China-Tajikistan {NEW_ERA}", level_normalized=NEW_ERA,
                        rank=95, change="upgraded", date="2024-07-05", evidence=signed),
        ],
        honours=[Honour(name="Friendship Medal", conferred_by="CHN", recipient="Emomali Rahmon",
                        recipient_country="TJK", date="2024-07-05", evidence=medal)],
    )


def records() -> list[tuple[str, Record]]:
    """(text, record) for every fixture document, the seed-like document first."""
    out = [(SEED_TEXT, seed_record())]

    t = ("President Emomali Rahmon of Tajikistan held talks with President Xi Jinping in Beijing on August 31, 2017. "
         "The two heads of state agreed to establish a comprehensive strategic partnership between China and "
         "Tajikistan.")
    agreed = sentence(t, "The two heads")
    out.append((t, Record(
        document=info(t, "notes/2017-08-31-rahmon-beijing.txt", "Rahmon holds talks with Xi in Beijing", "2017-08-31"),
        actors=[actor(t, "person:emomali-rahmon", "Emomali Rahmon", "person", "TJK", "Emomali Rahmon",
                      role="President"),
                actor(t, "person:xi-jinping", "Xi Jinping", "person", "CHN", "Xi Jinping", role="President")],
        events=[
            Event(type="CONSULT", mode="visit", cameo="042", goldstein=1.9, quad_class=1, actor=["TJK"],
                  recipient=["CHN"], date="2017-08-31", place=Place(name="Beijing", country="CHN", lat=39.9, lon=116.4),
                  evidence=sentence(t, "President Emomali")),
            Event(type="AGREE", cameo="030", goldstein=4.0, quad_class=1, actor=["CHN", "TJK"], date="2017-08-31",
                  evidence=agreed),
        ],
        partnerships=[Partnership(parties=["CHN", "TJK"], level="comprehensive strategic partnership",
                                  level_normalized="comprehensive strategic partnership", rank=80,
                                  change="established", date="2017-08-31", evidence=agreed)],
    )))

    t = "Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe on July 5, 2024."
    out.append((t, Record(
        document=info(t, "wire/2024-07-05-xi-in-dushanbe.txt", "Xi holds talks in Dushanbe", "2024-07-05"),
        actors=[actor(t, "person:xi-jinping", "Xi Jinping", "person", "CHN", "Xi Jinping", role="President")],
        events=[Event(type="CONSULT", mode="visit", cameo="042", goldstein=1.9, quad_class=1, actor=["CHN"],
                      recipient=["TJK"], date="2024-07-05", place=DUSHANBE, evidence=sentence(t, "Chinese"))],
    )))

    t = ("On February 24, 2022, the United States and the European Union imposed sweeping sanctions on Russia. "
         "President Biden accused Russia of launching an unprovoked attack on Ukraine.")
    out.append((t, Record(
        document=info(t, "releases/2022-02-24-sanctions.txt", "Sanctions on Russia", "2022-02-24"),
        actors=[actor(t, "person:joe-biden", "Joe Biden", "person", "USA", "Biden", role="President"),
                actor(t, "IGO:EU", "European Union", "organization", None, "European Union")],
        events=[
            Event(type="SANCTION", cameo="163", goldstein=-8.0, quad_class=4, actor=["USA", "IGO:EU"],
                  recipient=["RUS"], date="2022-02-24", evidence=sentence(t, "On February")),
            Event(type="ACCUSE", cameo="112", goldstein=-2.0, quad_class=3, actor=["USA"], recipient=["RUS"],
                  date="2022-02-24", evidence=sentence(t, "President Biden")),
        ],
    )))

    t = ("President Joe Biden spoke by telephone with President Volodymyr Zelenskyy of Ukraine on December 9, 2021. "
         "Biden reaffirmed the support of the United States for the sovereignty and territorial integrity of Ukraine. "
         "In December 2021 the United States announced further security assistance to Ukraine.")
    out.append((t, Record(
        document=info(t, "releases/2021-12-09-biden-zelenskyy-call.txt", "Biden speaks with Zelenskyy",
                      "2021-12-09"),
        actors=[actor(t, "person:joe-biden", "Joe Biden", "person", "USA", "Joe Biden", role="President"),
                actor(t, "person:volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", "UKR", "Volodymyr Zelenskyy",
                      role="President")],
        events=[
            Event(type="CONSULT", mode="phone", cameo="041", goldstein=1.0, quad_class=1, actor=["USA"],
                  recipient=["UKR"], date="2021-12-09", evidence=sentence(t, "President Joe")),
            Event(type="SUPPORT", mode="defend", cameo="052", goldstein=3.5, quad_class=1, actor=["USA"],
                  recipient=["UKR"], date="2021-12-09", evidence=sentence(t, "Biden reaffirmed")),
            Event(type="AID", cameo="070", goldstein=7.0, quad_class=2, actor=["USA"], recipient=["UKR"],
                  date="2021-12", evidence=sentence(t, "In December")),
        ],
    )))

    t = ("Ukraine's foreign ministry accused Russia on March 1, 2023 of shelling civilian areas in Kherson. "
         "Moscow rejected the accusation the same day.")
    out.append((t, Record(
        document=info(t, "notes/2023-03-01-kherson.txt", "Ukraine accuses Russia over Kherson shelling",
                      "2023-03-01"),
        events=[
            Event(type="ACCUSE", cameo="112", goldstein=-2.0, quad_class=3, actor=["UKR"], recipient=["RUS"],
                  date="2023-03-01", place=Place(name="Kherson", country="UKR", lat=46.64, lon=32.61),
                  evidence=sentence(t, "Ukraine's")),
            Event(type="REJECT", cameo="120", goldstein=-4.0, quad_class=3, actor=["RUS"], recipient=["UKR"],
                  date="2023-03-01", evidence=sentence(t, "Moscow")),
        ],
    )))
    return out


def build_store(path: str | Path) -> Path:
    """Write the fixture documents into a new SQLite store at `path`."""
    store = SQLiteStore(path)
    try:
        store.write_batch(records())
    finally:
        store.close()
    return Path(path)


def older_store(path: str | Path, full: str | Path, version: int) -> Path:
    """A store at schema `version` holding what the current store at `full` holds in the tables that
    version has (its base tables, filled row by row as an older writer would have): for migration tests."""
    import sqlite3

    from communique.store.sqlite import _migrations

    con = sqlite3.connect(path)
    for number, sql in _migrations():
        if number <= version:
            con.executescript(f"{sql}\nPRAGMA user_version={number};")
    con.execute("ATTACH DATABASE ? AS full", (str(full),))
    for table in ("documents", "actors", "mentions", "events", "event_parties", "agreements", "partnerships",
                  "item_parties", "evidence", "facts"):
        cols = ", ".join(f'"{r[1]}"' for r in con.execute(f"PRAGMA main.table_info({table})"))
        con.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM full.{table}")
    con.commit()
    con.execute("DETACH DATABASE full")
    con.close()
    return Path(path)
