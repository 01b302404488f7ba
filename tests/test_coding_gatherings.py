"""Gatherings and their hosts, where what is said at a meeting happens, and what a text does not assert.

Sentences written for this file from the annotation guidelines (`shared/eval/GUIDELINES.md`),
coded in document mode through the real pinned model.
"""

from __future__ import annotations

from tests.test_coding import WH_URL, code, events


def test_the_host_of_a_summit_taken_part_in_is_a_party() -> None:
    text = ("President of Ukraine Volodymyr Zelenskyy took part in a virtual Summit for Democracy initiated "
            "by US President Joe Biden.\n")
    assert ("CONSULT", ("UKR", "USA"), ()) in events(text)


def test_a_dinner_attended_names_its_host_as_the_one_met() -> None:
    text = "Prime Minister Jacinda Ardern attended the dinner hosted by President Joko Widodo of Indonesia.\n"
    assert ("CONSULT", ("IDN", "NZL"), ()) in events(text)


def test_an_event_nouns_own_chair_is_no_guest() -> None:
    text = ("Prime Minister John Howard and Prime Minister Mekere Morauta of Papua New Guinea discussed the "
            "issues that would be addressed in the forthcoming APEC meeting chaired by New Zealand.\n")
    assert not any("NZL" in e.actor and "IGO:APEC" in e.actor for e in code(text).events)


def test_what_is_said_at_the_main_meeting_happens_where_it_was() -> None:
    filler = " ".join(f"Topic {n} of the agenda was noted." for n in range(1, 7))
    text = ("Russian-Indian talks\n\nThe talks began with a meeting of the two delegations. Prime Minister "
            "Narendra Modi: I would like to congratulate Russia on its new observer status. " + filler +
            " The talks between President Vladimir Putin and Prime Minister Narendra Modi were held in New Delhi.\n")
    support = next(e for e in code(text, published="2021-12-06").events if e.type == "SUPPORT")
    assert support.place is not None and support.place.name == "New Delhi"


def test_last_year_dates_to_last_year() -> None:
    text = "Prime Minister John Key said he visited Solomon Islands last year.\n"
    visit = next(e for e in code(text, published="2014-03-10").events if e.type == "CONSULT")
    assert visit.date == "2013"


def test_a_relative_pronoun_stands_for_its_noun() -> None:
    text = ("President Volodymyr Zelenskyy spoke about accountability with the representatives of Ireland "
            "who visited Ukraine today.\n")
    assert ("CONSULT", ("IRL",), ("UKR",)) in events(text)


def test_a_question_asserts_nothing() -> None:
    text = "Will Prime Minister Fumio Kishida of Japan meet President Volodymyr Zelenskyy of Ukraine next week?\n"
    assert not code(text).events


def test_arriving_in_a_country_visits_it() -> None:
    text = ("Prime Minister John Key has welcomed Solomon Islands Prime Minister Gordon Darcy Lilo, who arrived "
            "in New Zealand today.\n")
    assert ("CONSULT", ("SLB",), ("NZL",)) in events(text, published="2014-03-10")


def test_a_visit_told_twice_keeps_the_city() -> None:
    text = ("Vladimir Putin held talks in Sochi with President of Serbia Aleksandar Vucic, who arrived in Russia "
            "on a working visit.\n")
    visit = next(e for e in code(text, published="2021-11-25").events if e.type == "CONSULT")
    assert visit.place is not None and visit.place.name == "Sochi"


def test_a_call_with_two_leaders_each_of_a_state_has_all_three_parties() -> None:
    # "X of France and Y of Germany": the parser coordinates Y with France; Y is the list's next item
    text = ("President Gabriel Boric of Chile spoke with President Emmanuel Macron of France and Chancellor Olaf "
            "Scholz of Germany today about trade. The leaders condemned Russia's decision.\n")
    found = events(text, published="2022-02-21")
    assert ("CONSULT", ("CHL", "DEU", "FRA"), ()) in found
    assert ("ACCUSE", ("CHL", "DEU", "FRA"), ("RUS",)) in found


def test_a_dialogue_taking_place_later_is_a_planned_meeting_where_it_is_held() -> None:
    # HOLD * &NEGOTIATION: a dialogue is held as talks are; the participle after the noun's phrase is its own
    text = ("President Gabriel Boric of Chile met Prime Minister Chris Hipkins of New Zealand. The leaders welcomed "
            "the upcoming Chile-New Zealand Trade Dialogue, taking place in October 2023 in Wellington.\n")
    planned = [e for e in code(text, published="2023-05-02").events if e.status == "planned"]
    assert [(e.type, e.date, e.place.country if e.place else None) for e in planned] == [("CONSULT", "2023-10", "NZL")]


def test_a_dialogue_that_must_continue_is_asked_for_not_held() -> None:
    text = ("President Volodymyr Zelenskyy said: The only solution is diplomacy, a dialogue that must continue "
            "between Russia and the United States.\n")
    assert not any(e.type == "CONSULT" for e in code(text, published="2022-02-02").events)


def test_visits_counted_in_the_perfect_are_no_one_visit() -> None:
    text = ("Prime Minister Helen Clark of New Zealand said: I have visited Chile twice as Prime Minister, and I have "
            "met President Ricardo Lagos several times.\n")
    assert not any(e.type == "CONSULT" for e in code(text, published="2004-04-26").events)


def test_their_meeting_is_that_of_the_subject_who_is_no_party() -> None:
    # "their" points back to "Pacific leaders", not to the pair the text is about
    text = ("Prime Minister Kevin Rudd of Australia met Prime Minister Manmohan Singh of India in New Delhi. Pacific "
            "leaders agreed at their meeting in Niue in August 2008 that a special meeting was needed.\n")
    assert not any(e.date == "2008-08" for e in code(text, published="2009-01-28").events)


def test_a_call_with_several_leaders_named_in_the_headline_is_one_call_of_all() -> None:
    # "Call with A, B, C and D" (a call, not "calls"): one conversation; "the leaders" are all of them
    title = ("Readout of President Joe Biden's Call with President Macron of France, Chancellor Scholz of Germany, "
             "Prime Minister Meloni of Italy, Prime Minister Sunak of the United Kingdom")
    text = (f"{title}\n\nPresident Biden briefed the leaders on his talks in Asia. The leaders underscored the need "
            "for Russia to reduce tensions.\n")
    record = code(text, published="2023-11-07", title=title)
    calls = [e for e in record.events if e.type == "CONSULT"]
    assert [sorted(e.actor) for e in calls] == [["DEU", "FRA", "GBR", "ITA", "USA"]]
    assert any(e.type == "REQUEST" and sorted(e.actor) == ["DEU", "FRA", "GBR", "ITA", "USA"] for e in record.events)


def test_a_plan_with_no_time_told_is_no_planned_event() -> None:
    # GUIDELINES.md: planned meetings "with a time reference"; "will stay in close touch" has none
    text = ("President Gabriel Boric of Chile met Prime Minister Chris Hipkins of New Zealand in Wellington today. "
            "They agreed their teams will stay in close touch, including in consultation with Australia.\n")
    assert not any(e.status == "planned" for e in code(text, published="2023-05-02").events)


def test_the_parties_are_those_the_headline_says_met_not_the_state_named_most() -> None:
    title = "Telephone conversation with European Council President Charles Michel"
    text = (f"{title}\n\nVladimir Putin informed Charles Michel about the situation in Ukraine, about the talks with "
            "Ukraine and about Ukraine's demands. Vladimir Putin noted that Ukrainian battalions in Ukraine use "
            "civilians in Ukrainian cities as shields, and that Ukraine had refused a ceasefire. The parties had a "
            "substantive discussion on humanitarian aspects.\n")
    record = code(text, published="2022-03-07", title=title)
    discussion = [e for e in record.events if e.evidence.text.startswith("The parties")]
    assert [sorted(e.actor) for e in discussion] == [["IGO:EU", "RUS"]]


def test_the_nth_time_a_leader_has_visited_is_no_visit() -> None:
    text = ("Prime Minister Gough Whitlam of Australia will visit Japan on 26 October. This will be only the third "
            "time that an Australian Prime Minister has visited Japan.\n")
    assert [(e.date, e.status) for e in code(text, published="1973-08-28").events if e.type == "CONSULT"] == [
        ("1973-10-26", "planned")]


def test_talks_held_on_a_day_take_that_day_when_the_parse_hangs_held_on_a_later_noun() -> None:
    text = ("Vladimir Putin shared his assessment of the third round of talks between the Russian delegation and "
            "representatives from Ukraine held on March 7 in Belarus.\n")
    talks = [e for e in code(text, published="2022-03-08").events if e.type == "CONSULT"]
    assert [(sorted(e.actor), e.date) for e in talks] == [(["RUS", "UKR"], "2022-03-07")]


def test_talks_assessed_with_no_time_told_are_not_the_days() -> None:
    text = ("Vladimir Putin also gave an assessment of the negotiations with Kiev representatives and reiterated "
            "Russia's demands.\n")
    talks = [e for e in code(text, published="2022-03-07").events if e.type == "CONSULT"]
    assert talks and all(e.date != "2022-03-07" for e in talks)


def test_meetings_a_trip_will_be_are_planned_even_when_will_hangs_on_be() -> None:
    # the parse reads "will be extended meetings" as a passive, 'will' under 'be': still the future
    text = ("Foreign Minister Winston Peters of New Zealand will travel to India on 10 March. The centrepiece "
            "engagements of the trip will be extended meetings with the Foreign Ministers of India, Indonesia and "
            "Singapore.\n")
    assert not any(e.status == "occurred" for e in code(text, published="2024-03-05").events if e.type == "CONSULT")


def test_a_dialogue_sought_is_not_held() -> None:
    text = ("Special Representative Sung Kim of the United States said that the United States continues to seek "
            "serious and sustained dialogue with North Korea.\n")
    assert not any(e.type == "CONSULT" for e in code(text, published="2022-04-04").events)


def test_meetings_someone_tells_about_were_held_before_the_telling() -> None:
    text = "Vladimir Putin told the President of Azerbaijan about meetings with the US on security guarantees.\n"
    meetings = [e for e in code(text, published="2022-01-18").events if sorted(e.actor) == ["RUS", "USA"]]
    assert meetings and all(e.date != "2022-01-18" for e in meetings)


def test_a_participle_adjunct_shares_its_verbs_plan_and_time() -> None:
    # "will be in X from May 2, visiting A and B": the visit is planned, on the stay's days, not done today
    rec = code("President Ramos of Chile will be in New Zealand from Sunday May 2 until Tuesday May 4, visiting both "
               "Auckland and Wellington.", published="2004-04-26")
    visits = [e for e in rec.events if e.type == "CONSULT"]
    assert visits and all((e.status, e.date) == ("planned", "2004-05-02") for e in visits), \
        [(e.status, e.date) for e in visits]


def test_a_visit_to_a_city_state_takes_place_in_its_city() -> None:
    rec = code("Foreign Minister Tom Reeve of New Zealand will travel to Singapore on 15 March to meet his counterpart.",
               published="2024-03-05")
    visits = [e for e in rec.events if e.type == "CONSULT"]
    assert visits and all(e.place is not None and (e.place.name, e.place.country) == ("Singapore", "SGP")
                          for e in visits), [e.place for e in visits]


def test_talks_a_party_is_willing_to_hold_are_no_meeting() -> None:
    rec = code("The New Zealand government welcomes the United States' willingness for talks with North Korea.",
               published="2018-03-09")
    assert not [e for e in rec.events if e.type == "CONSULT"]


def test_an_upcoming_visit_welcomed_today_is_dated_by_its_arrival_not_the_welcome() -> None:
    text = ("Prime Minister John Key today welcomed the upcoming State Visit to New Zealand by the President of India, "
            "Pranab Mukherjee. President Mukherjee and his delegation arrive on Saturday 30 April for a series of "
            "events in Auckland.")
    visits = [e for e in code(text, published="2016-04-22").events if e.type == "CONSULT"]
    assert [(e.actor, e.recipient, e.date, e.status) for e in visits] == [(["IND"], ["NZL"], "2016-04-30", "planned")]


def test_the_two_countries_in_a_text_of_several_are_the_voice_and_the_state_just_named() -> None:
    # (the lead's trip makes all five the text's group: "the two countries" are two of them)
    text = ("Readout of Senior Official Travel to the Pacific\n\nA high-level U.S. delegation visited Wellington, New "
            "Zealand; Port Moresby, Papua New Guinea; Honiara, Solomon Islands; and Suva, Fiji.\n\nFollowing up on "
            "the April 2022 visit to the Solomon Islands, the two countries held the first high-level strategic "
            "dialogue.")
    rec = code(text, published="2023-03-28", title="Readout of Senior Official Travel to the Pacific", url=WH_URL)
    sides = [set(e.actor) | set(e.recipient) for e in rec.events]
    assert {"USA", "SLB"} in sides and all(s <= {"USA", "NZL", "PNG", "SLB", "FJI"} and len(s) == 2 and "USA" in s
                                           for s in sides), sides


def test_the_delegation_with_no_state_is_the_last_one_named_else_the_texts_own() -> None:
    # a Korean delegation named before: 'the delegation' is Korea's
    text = ("Head of the Office of the President of Ukraine Andrii Yerko received the Korean parliamentary "
            "delegation in Kyiv on Monday. The delegation met with the Speaker of the Verkhovna Rada.")
    assert all("KOR" in (*e.actor, *e.recipient) for e in code(text, published="2022-06-07").events if e.type == "CONSULT")
    # none named: the publisher's own
    text = "Readout of Travel to Fiji\n\nIn Suva, the delegation met with the Pacific Islands Forum Secretariat on Monday."
    rec = code(text, published="2023-03-28", title="Readout of Travel to Fiji", url=WH_URL)
    assert any("USA" in e.actor and "IGO:PIF" in (*e.actor, *e.recipient) for e in rec.events), \
        [(e.actor, e.recipient) for e in rec.events]


def test_a_headline_call_of_several_is_one_call_with_all_whatever_the_body_parse_drops() -> None:
    title = ("Readout of President Joe Biden's Call with President Emmanuel Macron of France, Chancellor Olaf Scholz "
             "of Germany, and Prime Minister Boris Johnson of the United Kingdom")
    text = (f"{title}\n\nPresident Joseph R. Biden, Jr. held a secure video call today with President Emmanuel Macron "
            "of France, Chancellor Olaf Scholz of Germany, and Prime Minister Boris Johnson of the United Kingdom. "
            "In addition, they discussed their respective recent engagements with the Ukrainian and Russian "
            "presidents.")
    rec = code(text, published="2022-03-07", title=title, url=WH_URL)
    calls = [e for e in rec.events if e.type == "CONSULT"]
    assert [sorted(e.actor) for e in calls] == [["DEU", "FRA", "GBR", "USA"]], [(e.actor, e.recipient) for e in calls]


def test_a_chance_had_to_meet_is_a_meeting_of_who_had_it() -> None:
    rec = code("Readout\n\nThe President of France, Emmanuel Macron, had the opportunity to meet Prime Minister Kishida "
               "of Japan in Paris today.", published="2022-02-07")
    # (met in Paris: Japan's visit to France)
    assert [(e.actor, e.recipient, e.status) for e in rec.events if e.type == "CONSULT"] == [(["JPN"], ["FRA"], "occurred")]
