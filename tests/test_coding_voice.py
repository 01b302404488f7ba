"""Who speaks when the address does not tell, and the acts a speaker performs by saying them.

Sentences written for this file from the annotation guidelines (`shared/eval/GUIDELINES.md`)
and the CAMEO dictionary's patterns, coded in document mode with no publisher address, as a
plain text file arrives: the text's voice must come from the text itself.
"""

from __future__ import annotations

from communique.extract import get_extractor
from communique.nlp.pipeline import parse
from communique.records import Document
from communique.resolve.actors import resolve
from tests.test_coding import PUB, code, events


def types(text: str) -> set[str]:
    return {e.type for e in code(text).events}


# ---------------------------------------------------------------- the voice of an unaddressed text

def voice(text: str, published: str = PUB) -> list[str]:
    ex = get_extractor()
    return resolve(next(parse(ex.nlp, [text])), ex.gaz, published, None).we


def test_a_state_named_as_subject_speaks_not_the_foreigner_the_text_tells_of() -> None:
    text = ("Designation of Former Colombian Senator Juan Perez Gomez\n\nThe United States is designating former "
            "Colombian Senator Juan Perez Gomez for his involvement in significant corruption. Perez Gomez "
            "accepted bribes from an armed group in Colombia. Perez Gomez also used his office in the Colombian "
            "Senate to help the group.\n")
    assert voice(text) == ["USA"]


def test_an_official_with_a_bare_title_makes_the_voice() -> None:
    text = ("Statement by National Security Advisor Jake Sullivan on Iran's Continued Targeting of U.S. "
            "Citizens\n\nToday the Department of Justice unsealed charges against an individual affiliated with "
            "Iran's Revolutionary Guard. Iran's attempts to harm our citizens will not succeed. We commend the "
            "Department of Justice for its diligence.\n")
    assert voice(text) == ["USA"]
    assert not any(e.actor == ["IRN"] for e in code(text).events)


def test_a_headline_visit_of_a_foreigner_to_a_state_is_told_by_the_host() -> None:
    text = ("Prime Minister of Papua New Guinea\u2019s visit to New Zealand\n\nI look forward to welcoming Prime "
            "Minister James Marape to our country next week. The visit will show the close ties between our two "
            "nations.\n")
    assert voice(text) == ["NZL"]


def test_a_bare_title_before_a_foreign_holder_is_the_voices_own_office() -> None:
    # "the Prime Minister" is told before the Indian one is named: it cannot point back to him
    text = ("Working visit to India\n\nThe Prime Minister will make a working visit to India on 20 March. "
            "India is one of Australia's most important partners. During the visit the Prime Minister will "
            "hold talks with Indian Prime Minister Narendra Modi in New Delhi. On 22 March the Prime Minister "
            "will also visit Sri Lanka.\n")
    record = code(text)
    visited = {e.recipient[0] for e in record.events if e.type == "CONSULT" and e.actor == ["AUS"] and e.recipient}
    # (and the title keeps the reference its first use gave it after the Indian one is named)
    assert visited == {"IND", "LKA"}
    assert not any("AUS" not in e.actor for e in record.events if e.type == "CONSULT")


def test_a_title_sharing_a_states_name_with_the_next_is_not_bare() -> None:
    # "the King and Queen of Tonga": "of Tonga" is the King's too, he is no office of the voice
    text = ("Royal visit\n\nThe King and Queen of Tonga will make a State Visit to Australia in October. "
            "It will be their first official visit to Australia.\n")
    visits = [e for e in code(text).events if e.type == "CONSULT"]
    assert visits and all(e.actor == ["TON"] and e.recipient == ["AUS"] for e in visits)


def test_the_short_form_after_a_portfolio_state_is_that_portfolio_too() -> None:
    # "Special Representative for X (XY)": X is the portfolio, and so is its short form in brackets
    text = ("Special Representative for the Democratic People\u2019s Republic of Korea (DPRK) Ambassador Tom "
            "Hollis\u2019s Call with Special Representative Liu Wei\n\nOffice of the Spokesperson\n\nOn March 10, "
            "Special Representative for the DPRK Tom Hollis called PRC Special Representative Liu Wei to discuss "
            "the launches.\n")
    hollis = next(a for a in code(text, published="2022-03-13").actors if a.name == "Tom Hollis")
    assert hollis.country == "USA"


# ---------------------------------------------------------------- performatives

def test_would_like_to_congratulate_congratulates() -> None:
    text = "Prime Minister Narendra Modi: I would like to congratulate Russia on obtaining observer status.\n"
    assert ("SUPPORT", ("IND",), ("RUS",)) in events(text)


def test_want_to_thank_thanks() -> None:
    text = "President Volodymyr Zelenskyy: We want to thank Japan for its support.\n"
    assert ("SUPPORT", ("UKR",), ("JPN",)) in events(text)


def test_wanted_to_thank_tells_an_intent_not_an_act() -> None:
    text = "President Volodymyr Zelenskyy said he had wanted to thank Japan for its support.\n"
    assert "SUPPORT" not in types(text)


def test_would_like_to_meet_is_a_wish_not_praise() -> None:
    text = "President Volodymyr Zelenskyy: I would like to meet the leader of Japan.\n"
    assert "SUPPORT" not in types(text) and ("CONSULT", ("JPN", "UKR"), ()) not in events(text)


# ---------------------------------------------------------------- owners of what is supported

def test_a_possessor_owns_a_thing_a_place_could_name() -> None:
    text = ("Vladimir Putin had a telephone conversation with President of Finland Sauli Niinisto. Vladimir "
            "Putin supported President Niinisto's initiative to convene a summit in 2025.\n")
    assert ("SUPPORT", ("RUS",), ("FIN",)) in events(text)


# ---------------------------------------------------------------- threats and conditions

def test_consequences_on_a_condition_threaten() -> None:
    text = ("Secretary of State Antony Blinken said that Russia will face severe consequences if it invades "
            "Ukraine.\n")
    assert ("THREATEN", ("USA",), ("RUS",)) in events(text)


def test_should_before_its_subject_is_a_condition_not_a_demand() -> None:
    text = ("Secretary of State Antony Blinken said: should Iran attack any of our citizens, Iran will face "
            "severe consequences.\n")
    found = events(text)
    assert ("THREATEN", ("USA",), ("IRN",)) in found and ("REQUEST", ("USA",), ("IRN",)) not in found


def test_consequences_forecast_without_a_condition_are_no_threat() -> None:
    text = "Vladimir Putin said the European Union will inevitably face consequences of its sanctions.\n"
    assert "THREATEN" not in types(text)


def test_facing_a_thing_is_no_meeting() -> None:
    text = ("Prime Minister Anthony Albanese said Australia and Indonesia face similar challenges in managing "
            "their resources.\n")
    assert "CONSULT" not in types(text)


def test_meeting_with_partners_listed_after_with_is_a_meeting() -> None:
    text = ("Deputy Secretary of State Wendy Sherman met virtually with senior Haitian government officials, "
            "international partners, and multilateral organizations to discuss security.\n")
    assert ("CONSULT", ("HTI", "USA"), ()) in events(text)


# ---------------------------------------------------------------- allegations

def test_crimes_committed_by_a_party_accuse_it() -> None:
    text = ("Vladimir Putin had a telephone conversation with President of France Emmanuel Macron. The war "
            "crimes committed by Ukrainian forces were brought to notice.\n")
    assert ("ACCUSE", ("RUS",), ("UKR",)) in events(text)


def test_the_minister_a_release_quotes_makes_the_voice() -> None:
    text = ("Chinese Premier to visit\n\nThe Government announced today that the Premier of the "
            "People's Republic of China, Wen Jiabao, will visit New Zealand from 5 to 7 April.\n\n\"Premier Wen's "
            "visit recognises a growing relationship,\" Helen Clark said.\n\n\"Premier Wen and I will discuss "
            "trade,\" Helen Clark said.\n\nPremier Wen will also meet the Governor-General. Premier Wen will "
            "then travel to Australia.\n")
    assert voice(text, "2006-04-03") == ["NZL"]


def test_a_province_before_an_office_names_its_state() -> None:
    text = ("Homeland Security Advisor Liz Sherwood-Randall met Michigan Governor Gretchen Whitmer and "
            "Wyoming Governor Mark Gordon.\n")
    people = {a.name: a.country for a in code(text, published="2023-07-13").actors if a.type == "person"}
    assert people.get("Gretchen Whitmer") == "USA" and people.get("Mark Gordon") == "USA"


# ---------------------------------------------------------------- the other side a headline names

def people_of(text: str, published: str = PUB) -> dict[str, str | None]:
    return {a.name: a.country for a in code(text, published).actors if a.type == "person"}


def test_a_headline_travel_names_the_destinations_not_the_voice() -> None:
    text = ("Deputy Minister Smith's Travel to Kenya and Tanzania\n\nDeputy Minister Smith will travel to Kenya "
            "and Tanzania next week to underscore Canada's commitment to its East African partners. In Kenya, "
            "Deputy Minister Smith will meet Kenyan officials. In Tanzania, she will meet Tanzanian officials.\n")
    assert voice(text) == ["CAN"]


def test_a_visit_by_a_foreign_leader_names_the_visitor_not_the_voice() -> None:
    text = ("Visit by the King of Spain\n\nI am pleased to announce that King Juan Carlos of Spain will visit "
            "Norway in May. The visit follows that of Prime Minister Jose Luis Rodriguez Zapatero last year. "
            "Norway and Spain enjoy warm relations. Spain is a valued partner. Spain and Norway trade a lot.\n")
    assert voice(text, "2007-03-01") == ["NOR"]


def test_a_bare_titled_leader_others_met_is_not_the_voice() -> None:
    text = ("Visit by the Prime Minister of Japan\n\nI am pleased to announce that the Prime Minister of Japan, "
            "Mr Junichiro Koizumi, will visit Canberra next month. Mr Koizumi met President George W. Bush "
            "earlier this month. Australia and Japan share a close partnership.\n")
    assert voice(text, "2002-04-01") == ["AUS"]


def test_a_minister_speaking_in_a_release_is_the_voices_own() -> None:
    text = ("Trade Minister welcomes Korean visit\n\nThis week's visit by Korean Trade Minister Kim Hyun-jong "
            "is a great opportunity for Canada to grow its exports, Trade Minister Peter Brown said today. "
            "Canada wants closer ties with Korea, Mr Brown said.\n")
    assert people_of(text).get("Peter Brown") == "CAN"


def test_an_office_of_one_state_gives_the_person_and_the_voice() -> None:
    text = ("Assistant Secretary Doe's Travel to Kenya\n\nAssistant Secretary of State for Population, Refugees, "
            "and Migration (PRM) Jane Doe travels to Kenya May 3-9. While in Kenya, Assistant Secretary Doe will "
            "meet with Kenyan government officials.\n")
    assert people_of(text).get("Jane Doe") == "USA"
    assert voice(text) == ["USA"]


def test_an_under_secretary_of_defense_serves_the_united_states() -> None:
    text = "Under Secretary of Defense for Policy John Roe will visit Tokyo next week.\n"
    assert people_of(text).get("John Roe") == "USA"


def test_a_visit_named_with_no_destination_comes_to_the_voice_of_an_unaddressed_text() -> None:
    text = ("Trade Minister welcomes Japanese visit\n\nThis week's visit by Japanese Trade Minister Taro Sato is "
            "a great opportunity for Canada, Trade Minister Peter Brown said today. Canada wants closer ties with "
            "Japan, Mr Brown said.\n")
    assert ("CONSULT", ("JPN",), ("CAN",)) in events(text)


def test_recent_visits_in_the_plural_are_no_one_visit() -> None:
    text = ("The visit builds on recent visits by Korea's leaders, such as that of President Roh Moo-hyun, who "
            "visited Canada in 2004.\n")
    assert all(e.date for e in code(text, "2006-04-03").events if e.type == "CONSULT")


def test_the_side_of_a_headline_visit_is_not_the_voice_even_when_it_opens_sentences() -> None:
    text = ("Visit of the Foreign Minister of Chile\n\nChile's Foreign Minister, Mr Carlos Ortega, will visit "
            "Australia from 9 to 17 November. Chile and Australia share many interests. The Minister for Foreign "
            "Affairs, Senator Smith, welcomed the visit.\n")
    assert voice(text, "1973-10-28") == ["AUS"]


def test_an_announced_visit_named_again_without_a_time_is_that_visit() -> None:
    text = ("VISIT OF CHILEAN FOREIGN MINISTER\n\nVISIT OF CHILEAN FOREIGN MINISTER\nThe Foreign Minister of "
            "Chile, Mr Carlos Ortega, will visit Australia from 9 to 17 November. Australia values its ties with "
            "Chile, the Minister for Foreign Affairs, Senator Smith, said.\n")
    for doc in (Document(source="case.txt", text=text, published="1973-10-28"),
                Document(source="case.txt", text=text, published="1973-10-28", url="https://pmtranscripts.pmc.gov.au/x")):
        visits = [(e.status, e.date) for e in get_extractor().extract(doc).events if e.type == "CONSULT"]
        assert visits == [("planned", "1973-11-09")]


def test_an_official_titled_with_no_state_is_of_the_inferred_voice() -> None:
    text = ("Visit of the Foreign Minister of Chile\n\nThe Minister for Trade, Senator John Smithers, announced "
            "today that Chile's Foreign Minister, Mr Carlos Ortega, will arrive in Canberra next month. Australia "
            "and Chile share many interests.\n")
    assert people_of(text, "1999-05-03").get("John Smithers") == "AUS"


def test_whom_a_first_person_narrator_met_is_the_other_side() -> None:
    text = ("Announcement of Trade Negotiations between Chile and Peru\n\nThis evening I met the Peruvian "
            "President, Mr Alan Garcia, in Lima. President Garcia and I agreed to start negotiations. Peru is "
            "Chile's largest partner in the region. Chile will open an office in Lima.\n")
    assert voice(text, "2008-04-18") == ["CHL"]


# ---------------------------------------------------------------- charges told in passing

def test_a_wrong_named_as_a_states_deed_charges_it() -> None:
    # PLOVER ACCUSE covers charges made informally: "the atrocities of the Chilean occupiers"
    text = "President Luis Arce of Bolivia: We spoke about the atrocities of the Chilean occupiers in the north.\n"
    assert ("ACCUSE", ("BOL",), ("CHL",)) in events(text)


def test_war_crimes_committed_by_a_states_forces_charge_it_however_deep_in_the_sentence() -> None:
    text = ("President Luis Arce of Bolivia: The delegation visited the border towns, where it saw the consequences "
            "of the war crimes committed by Chilean invaders.\n")
    assert ("ACCUSE", ("BOL",), ("CHL",)) in events(text)


def test_a_wrong_denied_charges_no_one() -> None:
    text = "President Luis Arce of Bolivia: Chile has never committed atrocities in our country, we do not say that.\n"
    assert not any(t == "ACCUSE" for t, _a, _r in events(text))


def test_a_narrator_leaving_for_the_states_a_headline_visit_goes_to_is_the_visitor() -> None:
    # "Visit to A and B by the Prime Minister of C" over "I will be leaving for A and B": the narrator is C's
    text = ("VISIT TO FIJI AND TONGA BY THE PRIME MINISTER OF NEW ZEALAND\n\nI will be leaving tomorrow morning for "
            "Fiji and Tonga on my first visit to these countries as Prime Minister. New Zealand values its Pacific "
            "neighbours, and New Zealand wants closer trade ties with them.\n")
    assert voice(text, published="1972-06-04") == ["NZL"]
    visits = {(e.recipient[0], e.date) for e in code(text, published="1972-06-04").events
              if e.type == "CONSULT" and e.actor == ["NZL"]}
    # the day told is the first stop's; the later stop is within that month's trip
    assert visits == {("FJI", "1972-06-05"), ("TON", "1972-06")}


def test_an_aggression_of_a_state_is_against_it_not_by_it() -> None:
    text = ("Secretary Antony Blinken of the United States said: We warned that Chile was likely to carry out an "
            "aggression of Bolivia.\n")
    assert not any(t == "ACCUSE" and r == ("BOL",) for t, _a, r in events(text))


def test_an_aggression_withstood_is_the_setting_of_support_not_a_charge() -> None:
    text = ("President Joe Biden of the United States welcomed the support that allies provide to help Bolivia "
            "defend itself from Chilean aggression.\n")
    assert not any(t == "ACCUSE" for t, _a, _r in events(text))
    text = "President Luis Arce of Bolivia said: Chile's aggression against our people must end.\n"
    assert ("ACCUSE", ("BOL",), ("CHL",)) in events(text)


def test_the_one_the_narrator_says_my_meeting_was_with_is_the_other_side() -> None:
    text = ("Conclusion of Free Trade Agreement\n\nAs a result of my meeting with His Excellency Li Wenhua, President "
            "of the People's Republic of China, in Canberra this morning, I am pleased to announce the completion of "
            "negotiations for a China-Australia Free Trade Agreement. Trade Minister Andrew Robb and Chinese "
            "Commerce Minister Gao Hucheng will sign a Declaration of Intent this afternoon.\n")
    assert voice(text, published="2014-11-17") == ["AUS"]


def test_a_state_the_text_only_tells_of_is_not_its_voice() -> None:
    # a call headline over a text where the voice's side never speaks: neither the state of a person introduced
    # with it nor a topic is the voice
    text = ("Telephone conversation with President of Chile Gabriel Boric\n\nThe presidents continued to exchange "
            "views on migration, taking into account the previous conversation between Gabriel Boric and "
            "President of Peru Dina Boluarte.\n")
    assert "PER" not in voice(text, "2023-05-02")
    text = ("Remarks at the bilateral meeting with the Prime Minister of Fiji\n\nPRIME MINISTER: Thank you for "
            "hosting us. The statement we made about North Korea shows our unity.\n")
    assert "PRK" not in voice(text, "2017-09-08")


def test_a_leader_introduced_by_state_and_title_who_joins_the_narrator_is_not_its_voice() -> None:
    # "New Zealand Prime Minister John Key": the state introduces a person the text tells of, title between
    text = ("Visit to Peru and Chile\n\nToday I will travel to Peru for the summit.\n\nI will be joined in Peru by "
            "Colombian President Gustavo Petro.\n\nPresident Petro and I will attend the opening.\n\nWhile in Peru "
            "I will meet with President Boluarte to discuss trade with Brazilians.\n")
    assert "COL" not in voice(text, "2024-03-15")


def test_a_headline_visitor_named_with_its_state_leaves_the_destination_free_to_be_the_voice() -> None:
    # the host's release: "Peruvian President to visit Chile" over a text in which Chile speaks
    text = ("Peruvian President to visit Chile\n\nChile will welcome President Dina Boluarte of Peru from 13 to 15 "
            "May. Chile has supported Peru's recovery.\n")
    assert voice(text, "2024-05-02")[:1] == ["CHL"]


def test_this_country_is_the_voices_own() -> None:
    text = ("Peruvian President to visit Chile\n\nChile says trade will grow during the visit to this country of "
            "Peruvian President Dina Boluarte from 13 to 15 May. Chile has supported Peru's recovery.\n")
    evs = [(e.actor, e.recipient, e.date) for e in code(text, published="2024-05-02",
                                                      title="Peruvian President to visit Chile").events
           if e.type == "CONSULT"]
    assert evs == [(["PER"], ["CHL"], "2024-05-13")], evs


def test_a_name_in_a_heading_in_capitals_is_the_known_person() -> None:
    text = ("STATE VISIT BY THE PRESIDENT OF CHILE - STATEMENT BY THE PRIME MINISTER, MR JOHN GORTON\n\n"
            "The President of Chile will visit Australia in May.\n")
    assert people_of(text, "1970-03-02").get("John Gorton") == "AUS"


def test_a_prime_minister_of_the_1970s_is_known_on_the_day_of_the_text() -> None:
    text = "Statement by the Prime Minister, Mr. William McMahon\n\nThe Prime Minister of Fiji will visit Australia.\n"
    assert people_of(text, "1971-09-08").get("William McMahon") == "AUS"


def test_an_office_named_like_the_publishers_is_the_delegations_states() -> None:
    text = ("Readout of the High-Level Security Dialogue\n\nPresident Lopez of Mexico welcomed a high-level U.S. "
            "delegation led by Homeland Security Advisor Jane Doe. The Mexican high-level delegation included "
            "Secretary of Security Ana Ruiz; Secretary of Defense General Juan Perez; and Secretary of the Navy "
            "Jose Ortiz.\n")
    people = {a.name: a.country for a in code(text, url="https://www.whitehouse.gov/briefing-room/x").actors
              if a.type == "person"}
    assert people.get("Juan Perez") == "MEX" and people.get("Ana Ruiz") == "MEX"


def test_of_a_pair_the_official_given_no_state_is_the_publishers() -> None:
    text = ("Conclusion of the Trade Agreement\n\nTrade Minister Jane Smith and Chinese Commerce Minister Wang Lei "
            "will sign a declaration of intent this afternoon.\n")
    people = {a.name: a.country for a in code(text, url="https://www.pm.gov.au/media/x").actors if a.type == "person"}
    assert people.get("Jane Smith") == "AUS" and people.get("Wang Lei") == "CHN"


def test_officials_met_abroad_are_of_the_state_where_they_were_met() -> None:
    text = ("Foreign Minister in Paris\n\nForeign Minister Winston Peters met French officials today. While in Paris, "
            "Mr Peters also met Deputy Minister Anne Martin; Chief Adviser, Paul Dubois; and the Mayor of Paris.\n")
    people = {a.name: a.country for a in code(text, published="2025-10-21",
                                              url="https://www.beehive.govt.nz/release/x").actors if a.type == "person"}
    assert people.get("Anne Martin") == "FRA"


def test_a_typescripts_spaced_initials_name_the_state() -> None:
    # "U. S. A.": the initials of a typescript, spaced
    text = "Visit by the Vice-President of the U. S. A.\n\nThe Vice-President of the U. S. A. will arrive on Tuesday.\n"
    rec = code(text, published="1970-01-08")
    assert any(a.id == "USA" for a in rec.actors), [a.id for a in rec.actors]
