"""Named organisations and groups of general news (data/actors.jsonl, scripts/build_actors.py).

The committed file must be what the script makes of PETRARCH2's actor dictionaries and the
corpus; what the script decides (people, places, codes, common words, acronyms, collisions) is
tested on small dictionary texts and documents written here; and the pipeline must turn a named
group or body into its party, never a common word or a name another state's body shares.
"""

from __future__ import annotations

from typing import Any

import pycountry
import pytest

from communique.extract import get_extractor
from communique.nlp.pipeline import parse
from communique.records import Document, Record
from communique.resolve.actors import resolve
from communique.resolve.gazetteer import load_gazetteer, read_jsonl
from communique.resolve.titles import OFFICE
from tests.helpers import load_script

ba = load_script("build_actors")
ISO = {c.alpha_3 for c in pycountry.countries} | {"XKX"}

SNIPPET = """# an actor file in PETRARCH2's format
HAMAS_  #  kkl 21 Mar 13
+ISLAMIC_RESISTANCE_MOVEMENT
\t[PSEREBHMS]
KNESSET_ [ISRGOVLEG]
JOHN_DOE_  # CountryInfo.txt
\t[USAGOV 010120-050120]
\t[USAELI]
AFGHANISTAN_  [AFG]
+AFGHAN_
BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_ [ESPREB] #  kkl 21 Mar 13
CHILDREN'S_FUND_OF_THE_UN_ [IGOUNOKID] # NGO_Actors
SOME_RELIEF_CHARITY_ [NGOHLH]
ARAB_LIBERATION_FRONT [MEAREB]
SYRIAN_NATIONAL_COUNCIL_ [SYROPP >110801]
"""


@pytest.fixture(scope="module")
def entries() -> dict[str, Any]:
    return {e.phrases[0][1]: e for e in ba.parse_actor_dictionary(SNIPPET, "snippet.txt")}


# ---------------------------------------------------------------- reading the dictionary format


def test_actors_dictionary_records_primary_synonyms_and_codes(entries: dict[str, Any]) -> None:
    hamas = entries["HAMAS_"]
    assert hamas.source == "snippet.txt:2"
    assert [p for _, p in hamas.phrases] == ["HAMAS_", "ISLAMIC_RESISTANCE_MOVEMENT"]
    assert hamas.codes == [ba.Code("PSEREBHMS")]
    assert entries["KNESSET_"].codes == [ba.Code("ISRGOVLEG")]
    assert entries["JOHN_DOE_"].codes == [ba.Code("USAGOV", "010120-050120"), ba.Code("USAELI")]
    assert entries["JOHN_DOE_"].comment == "CountryInfo.txt"
    assert entries["SYRIAN_NATIONAL_COUNCIL_"].codes == [ba.Code("SYROPP", ">110801")]


def test_actors_phrase_text_drops_connectors_and_keeps_the_acronym_apart() -> None:
    assert ba.words_of("BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_") == "BASQUE FATHERLAND AND FREEDOM"
    assert ba.acronyms_of("BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_") == ["ETA"]
    assert ba.words_of("KURDISTAN_WORKERS'_PARTY") == "KURDISTAN WORKERS' PARTY"


# ---------------------------------------------------------------- what an entry stands for


def test_actors_a_national_group_stands_for_its_country(entries: dict[str, Any]) -> None:
    party, kind, code, _ = ba.party_of(entries["HAMAS_"], ISO, {})
    assert (party, kind, code.code) == ("PSE", "nonstate", "PSEREBHMS")
    assert ba.party_of(entries["KNESSET_"], ISO, {})[:2] == ("ISR", "state")
    assert ba.party_of(entries["SYRIAN_NATIONAL_COUNCIL_"], ISO, {})[:2] == ("SYR", "nonstate")


def test_actors_an_igo_takes_the_projects_code_by_name_else_by_cameo_subcode(entries: dict[str, Any]) -> None:
    unicef = entries["CHILDREN'S_FUND_OF_THE_UN_"]
    assert ba.party_of(unicef, ISO, {})[:2] == ("IGO:UNICEF", "igo")  # IGOUNOKID: the most specific sub-code
    assert ba.party_of(unicef, ISO, {"children s fund of the un": "IGO:XYZ"})[0] == "IGO:XYZ"  # a name wins


def test_actors_ngos_and_regions_name_no_party(entries: dict[str, Any]) -> None:
    assert ba.party_of(entries["SOME_RELIEF_CHARITY_"], ISO, {}) is None
    assert ba.party_of(entries["ARAB_LIBERATION_FRONT"], ISO, {}) is None  # MEA: a region, no state


def test_actors_people_and_countries_are_left_out(entries: dict[str, Any]) -> None:
    assert ba.is_person(entries["JOHN_DOE_"], set(), OFFICE)
    assert not ba.is_person(entries["KNESSET_"], set(), OFFICE)
    assert ba.is_country_entry(entries["AFGHANISTAN_"], ISO)
    assert not ba.is_country_entry(entries["HAMAS_"], ISO)
    # name shape: no organisation word, the first word a known given name
    doe = ba.Entry("x", 1, [(1, "EDWARD_SNOWDEN")], [ba.Code("USAOPP")])
    assert ba.is_person(doe, {"edward"}, OFFICE)
    assert ba.is_person(ba.Entry("x", 1, [(1, "US_SECRETARY_OF_DEFENSE_")], [ba.Code("USAGOV")]), set(), OFFICE)


# ---------------------------------------------------------------- attestation in the corpus


def _attest(entry: Any, docs: list[str], party: str = "PSE", kind: str = "nonstate",
            home: set[int] | None = None) -> dict[str, int]:
    k = ba.Kept(entry, party, kind, entry.codes[0])
    keys = {ba.key_of(t) for t, _ in ba.candidates(entry)}
    seen = ba.scan([(str(i), d) for i, d in enumerate(docs)], keys, frozenset(OFFICE))
    words = {"palestinian": "PSE", "russian": "RUS", "israeli": "ISR"}
    kinds = {"palestinian": "adjective", "russian": "adjective", "israeli": "adjective"}
    ba.attested_forms(k, seen, {party: home if home is not None else set(range(len(docs)))}, set(), OFFICE,
                      words, kinds, [])
    return k.forms


def test_actors_a_name_is_kept_in_the_spelling_the_corpus_uses() -> None:
    e = ba.Entry("x", 1, [(1, "HAMAS_")], [ba.Code("PSEREBHMS")])
    assert _attest(e, ["Talks in Cairo. Officials said Hamas rejected the Palestinian offer."]) == {"Hamas": 1}


def test_actors_a_name_never_seen_in_its_countrys_texts_is_not_attested() -> None:
    e = ba.Entry("x", 1, [(1, "HAMAS_")], [ba.Code("PSEREBHMS")])
    assert _attest(e, ["A film about Hamas was shown."], home=set()) == {}


def test_actors_a_common_word_is_no_name() -> None:
    e = ba.Entry("x", 1, [(1, "GAZTERIAK_"), (2, "YOUTH_")], [ba.Code("FRAREB")])
    docs = ["The youth of the city met. Youth unemployment fell. We thank the youth groups.",
            "Leaders spoke to youth about the plan."]
    assert _attest(e, docs, "FRA") == {}


def test_actors_a_short_acronym_needs_the_text_to_introduce_it() -> None:
    e = ba.Entry("x", 1, [(1, "PALESTINE_LIBERATION_ORGANIZATION"), (2, "PLO")], [ba.Code("PSEREB")])
    assert "PLO" not in _attest(e, ["The PLO said the Palestinian Liberation talks go on."])
    forms = _attest(e, ["The Palestine Liberation Organization (PLO) met. Later the PLO said no."])
    assert set(forms) == {"Palestine Liberation Organization", "PLO"}


def test_actors_a_body_name_other_states_share_is_dropped() -> None:
    e = ba.Entry("x", 1, [(1, "SECURITY_COUNCIL")], [ba.Code("IGOUNO")])
    docs = ["The Russian Security Council met in Moscow. The Security Council will meet.",
            "He chaired the Russian Security Council on Friday."]
    assert _attest(e, docs, "IGO:UNSC", "igo") == {}


# ---------------------------------------------------------------- the committed file


def test_actors_file_is_what_the_generator_makes() -> None:
    rows = ba.build(log=lambda _line: None)
    assert ba.dumps(rows) == ba.OUT.read_text(encoding="utf-8")


def test_actors_file_rows_cite_their_dictionary_line_and_name_a_known_party() -> None:
    orgs = {r["code"] for r in read_jsonl("organizations.jsonl")}
    rows = read_jsonl("actors.jsonl")
    assert rows
    for r in rows:
        assert r["source"].split(":")[0] in {p.name for p in ba.DICTIONARIES}
        assert int(r["source"].split(":")[1]) > 0
        assert r["party"] in ISO or r["party"] in orgs, r
        assert r["kind"] in {"state", "nonstate", "igo"}


# ---------------------------------------------------------------- the pipeline


def _resolved(text: str) -> Any:
    ex = get_extractor()
    doc = next(parse(ex.nlp, [text]))
    return doc, resolve(doc, ex.gaz, None, None)


def code(text: str) -> Record:
    return get_extractor().sentence_mode().extract(Document(source="case.txt", text=text))


def test_actors_hamas_militants_stand_for_palestine() -> None:
    rec = code("Hamas militants fired rockets at Israel.")
    assert any("PSE" in e.actor for e in rec.events), [(e.type, e.actor, e.recipient) for e in rec.events]
    hamas = next(a for a in rec.actors if a.id == "org:hamas")
    assert hamas.type == "organization" and hamas.country == "PSE"
    assert "Phoenix.MilNonState.actors.txt" in hamas.resolution


def test_actors_a_national_group_is_marked_nonstate_a_states_body_is_not() -> None:
    _, res = _resolved("Hamas and the Knesset both rejected the plan.")
    kinds = {(code, kind) for _s, _e, code, kind in res.party_spans}
    assert ("PSE", "nonstate") in kinds
    assert ("ISR", "org") in kinds


def test_actors_the_longest_name_wins_over_the_country_word_inside() -> None:
    doc, res = _resolved("The Afghan National Army attacked the checkpoint.")
    ents = [(e.text, e.label_, e.ent_id_) for e in doc.ents]
    assert ("Afghan National Army", "ORG", "AFG") in ents
    assert not any(e.label_ == "NORP" and e.text == "Afghan" for e in doc.ents)
    assert [(c, k) for _s, _e, c, k in res.party_spans] == [("AFG", "org")]


def test_actors_an_international_body_is_its_organisation() -> None:
    _, res = _resolved("The Intergovernmental Panel on Climate Change warned governments.")
    assert [(c, k) for _s, _e, c, k in res.party_spans] == [("IGO:UN", "org")]


def test_actors_capital_letters_of_a_headline_match_too() -> None:
    doc, _ = _resolved("HAMAS REJECTS THE TRUCE")
    assert ("HAMAS", "ORG", "PSE") in [(e.text, e.label_, e.ent_id_) for e in doc.ents]


@pytest.mark.parametrize("text", [
    "Youth groups protested in the capital.",  # a common word of the dictionary ("YOUTH_" of GAZTERIAK)
    "The Australian Senate passed the bill.",  # a kind of body every state has
    "The Security Council of Russia met on Friday.",  # a name other states' bodies share
    "The White House announced the visit.",  # the seat of a corpus publisher
])
def test_actors_no_party_from_common_words_shared_names_or_publisher_seats(text: str) -> None:
    gaz = load_gazetteer()
    _, res = _resolved(text)
    assert not [c for _s, _e, c, k in res.party_spans if k in ("org", "nonstate") and not c.startswith("IGO:")]
    assert gaz.actor("Youth") is None and gaz.actor("Senate") is None and gaz.actor("White House") is None


@pytest.mark.parametrize(("text", "code"), [
    ("Thai troops shelled Kampuchean positions.", "KHM"),  # Phoenix.Countries.actors.txt: KAMPUCHEA
    ("The Macedonian government protested.", "MKD"),  # Phoenix.Countries.actors.txt: MACEDONIA, +MACEDONIAN
    ("Zaire closed its border.", "COD"),  # Phoenix.Countries.actors.txt: +ZAIRE
])
def test_actors_a_former_name_of_a_state_is_that_state(text: str, code: str) -> None:
    _, res = _resolved(text)
    assert code in [c for _s, _e, c, _k in res.party_spans]


@pytest.mark.parametrize(("name", "country"), [("Florida", "USA"), ("Queensland", "AUS"), ("Colorado", "USA"),
                                               ("Savannah", "USA"), ("Jerusalem", "ISR"), ("Auckland", "NZL")])
def test_a_place_name_is_a_province_unless_a_real_city_has_it(name: str, country: str) -> None:
    # provinces and states (ISO 3166-2) beat towns of other countries and other names of cities;
    # a city of 100,000 called by its own name (Savannah, not Ghana's Savannah Region) keeps it
    assert load_gazetteer().place_country(name) == country


def test_a_province_named_by_a_common_word_is_no_place() -> None:
    assert "central" not in load_gazetteer().regions


@pytest.mark.parametrize(("name", "code"), [("Korea", "KOR"), ("Nth Korea", "PRK"), ("North Korea", "PRK"),
                                           ("PNG", "PNG"), ("Trinidad", "TTO")])
def test_press_short_names_of_states(name: str, code: str) -> None:
    # press usage: the North is always qualified, so "Japan and Korea" is the Republic of Korea
    assert load_gazetteer().country(name) == code
