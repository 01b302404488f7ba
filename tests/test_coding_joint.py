"""Joint texts and the officials they name: "the Ministers" of a joint statement, titles the parser
breaks ("Under Secretary"), offices a publisher's state does not have, what one looks forward to,
and whose time and whose visit a phrase tells.

Sentences written for this file from the annotation guidelines (`shared/eval/GUIDELINES.md`),
coded in document mode through the real pinned model.
"""

from __future__ import annotations

from communique.extract import get_extractor
from tests.test_coding import code, events


def test_welcoming_a_long_titled_guest_to_a_country_is_their_visit() -> None:
    text = ("Prime Minister Anthony Albanese today welcomed the President of the Republic of Kenya, His "
            "Excellency William Ruto, to Australia for a state visit.\n")
    visit = next(e for e in code(text, published="2023-06-01").events if e.type == "CONSULT")
    assert (visit.actor, visit.recipient) == (["KEN"], ["AUS"])
    assert visit.place is not None and visit.place.country == "AUS"


def test_welcoming_a_guest_and_spouse_to_a_country_hosts_a_visit_when_the_parse_hangs_to_on_a_name() -> None:
    # the parse of "welcoming His Excellency Mr X, President of Y, and Ms Z, to New Zealand" may hang 'to'
    # on a name of the list (built by hand, as the parse varies with the model); a name takes no 'to' of
    # its own, so WELCOME * (TO) holds: hosting a visit (CAMEO 043), not praise (051)
    from spacy.tokens import Doc

    from communique.events.lexicon import load_lexicon

    ex = get_extractor()
    words = ["We", "welcome", "His", "Excellency", "Mr", "Luis", "Vega", ",", "President", "of", "Chile", ",",
             "and", "Ms", "Ana", "Ruiz", ",", "to", "New", "Zealand", "."]
    heads = [1, 1, 3, 6, 6, 6, 1, 6, 6, 8, 9, 6, 6, 15, 15, 6, 15, 15, 19, 17, 1]
    deps = ["nsubj", "ROOT", "poss", "compound", "compound", "compound", "dobj", "punct", "appos", "prep", "pobj",
            "punct", "cc", "compound", "compound", "conj", "punct", "prep", "compound", "pobj", "punct"]
    tags = ["PRP", "VBP", "PRP$", "NNP", "NNP", "NNP", "NNP", ",", "NNP", "IN", "NNP", ",", "CC", "NNP", "NNP",
            "NNP", ",", "IN", "NNP", "NNP", "."]
    doc = Doc(ex.nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)
    trigger = load_lexicon().verb(doc[1], doc[:])
    assert trigger is not None and (trigger.code, trigger.paired) == ("043", "042")


def test_a_department_title_the_parser_breaks_still_names_the_official() -> None:
    text = ("Joint Statement of the United States and Turkey\n\nU.S. Department of Commerce Under Secretary "
            "Jane Porter will visit Ankara May 5-6 to advance trade goals.\n")
    visit = next(e for e in code(text, published="2022-05-02").events if e.type == "CONSULT")
    assert (visit.actor, visit.recipient, visit.status) == (["USA"], ["TUR"], "planned")


def test_under_secretary_read_as_a_preposition_is_still_the_subject() -> None:
    text = ("Joint Statement of the United States and Turkey\n\nUnder Secretary of State Anne Rowe and Deputy "
            "Foreign Minister Kemal Aydin, with their respective delegations, met in Ankara to review topics of "
            "mutual interest.\n")
    assert ("CONSULT", ("USA",), ("TUR",)) in events(text, published="2022-05-02")


def test_an_office_the_publishers_state_lacks_is_the_other_sides() -> None:
    text = ("Joint Statement of the United States and Turkey\n\nSecretary of State John Reed and Deputy Foreign "
            "Minister Kemal Aydin reviewed defense cooperation. The United States welcomed Turkey's support.\n")
    aydin = next(a for a in code(text, published="2022-05-02").actors if a.name == "Kemal Aydin")
    assert aydin.country == "TUR"


def test_looking_forward_to_a_meeting_plans_it_for_those_who_look() -> None:
    text = ("The United States and Turkey look forward to a ministerial meeting within the framework of the "
            "mechanism later in 2022.\n")
    meeting = next(e for e in code(text, published="2022-04-04").events if e.type == "CONSULT")
    assert sorted(meeting.actor) == ["TUR", "USA"]
    assert (meeting.status, meeting.date) == ("planned", "2022")


def test_the_capitalised_ministers_of_a_joint_statement_are_its_pair() -> None:
    text = ("Foreign Minister Penny Wong of Australia welcomed Foreign Minister Nanaia Mahuta of New Zealand to "
            "Canberra today. The Ministers condemned Russia's illegal invasion of Ukraine.\n")
    assert ("ACCUSE", ("AUS", "NZL"), ("RUS",)) in events(text, published="2022-12-02")


def test_ministers_a_statement_qualifies_are_not_its_pair() -> None:
    text = ("President Joe Biden spoke with President Vladimir Putin of Russia today. We thank the Finance "
            "Ministers, who have agreed on the terms of the loans.\n")
    assert not any(e.type == "AGREE" for e in code(text, published="2024-10-25").events)


def test_a_time_inside_a_talks_phrase_dates_the_talks_not_the_discussion() -> None:
    text = ("Vladimir Putin had a telephone conversation with President of Azerbaijan Ilham Aliyev. The "
            "two Presidents discussed the outcome of Ilham Aliyev's April 6 talks in Brussels.\n")
    assert not any(e.date == "2022-04-06" and "RUS" in e.actor for e in code(text, published="2022-04-08").events)


def test_a_past_discussion_is_not_dated_by_a_deadline_ahead() -> None:
    text = ("Prime Minister Julia Gillard met Prime Minister Jens Stoltenberg of Norway in Perth today. The two "
            "Prime Ministers discussed the transition to local responsibility for security by 2014.\n")
    assert not any(e.status == "planned" for e in code(text, published="2011-12-10").events)


def test_what_is_done_during_a_visit_takes_the_visits_days() -> None:
    text = ("Premier Li Keqiang of China will visit New Zealand next week. Prime Minister Bill English said that "
            "he and the Premier will meet business leaders in Auckland during his visit from 26 to 29 March.\n")
    assert any(e.type == "CONSULT" and e.date == "2017-03-26" for e in code(text, published="2017-03-20").events)


def test_his_visit_in_an_adjunct_is_the_visit_of_the_clauses_titled_subject() -> None:
    text = ("President Volodymyr Zelenskyy met German Chancellor Olaf Scholz in Kyiv today. The President of "
            "Ukraine expects that during his visit to Russia on February 15, the Federal Chancellor will present "
            "a united position.\n")
    visits = [(e.actor, e.recipient, e.status) for e in code(text, published="2022-02-14").events
              if e.recipient == ["RUS"]]
    assert visits == [(["DEU"], ["RUS"], "planned")]


def test_where_one_goes_after_the_talks_has_not_happened_yet() -> None:
    text = ("President Volodymyr Zelenskyy met German Chancellor Olaf Scholz in Kyiv today. It is important that "
            "before going to Russia, the German Chancellor held talks in Kyiv.\n")
    assert not any(e.recipient == ["RUS"] and e.status == "occurred" for e in code(text, published="2022-02-14").events)


def test_other_occasions_do_not_set_the_main_place() -> None:
    text = ("Vice President Kamala Harris spoke today to President Emmanuel Macron of France. They reflected on "
            "their first meeting in November 2021 in Paris and further meetings in Washington and Munich.\n")
    call = next(e for e in code(text, published="2025-01-08").events if e.type == "CONSULT" and e.date == "2025-01-08")
    assert call.recipient == [] and call.place is None


def test_agreeing_to_talk_at_no_time_told_is_the_step_agreed() -> None:
    text = ("Secretary Antony Blinken met President Abdel Fattah al-Sisi of Egypt in Cairo today. The two leaders "
            "agreed to engage in a dialogue on water security.\n")
    assert ("AGREE", ("EGY", "USA"), ()) in events(text, published="2021-05-26")


def test_agreeing_to_meet_at_a_time_is_the_planned_meeting() -> None:
    text = ("Secretary Antony Blinken met President Abdel Fattah al-Sisi of Egypt in Cairo today. The two leaders "
            "agreed to meet again next year.\n")
    found = code(text, published="2021-05-26").events
    assert any(e.type == "CONSULT" and e.status == "planned" and e.date == "2022" for e in found)
    assert not any(e.type == "AGREE" for e in found)


def test_appreciation_expressed_to_named_hosts_is_praise_of_them() -> None:
    text = ("Foreign Minister Penny Wong of Australia met Foreign Minister Nanaia Mahuta of New Zealand in "
            "Canberra today. They expressed their appreciation to Fiji and Samoa for hosting the meetings.\n")
    assert ("SUPPORT", ("AUS", "NZL"), ("FJI", "WSM")) in events(text, published="2022-12-02")


def test_support_pledged_to_a_country_is_its_endorsement() -> None:
    text = ("National Security Advisor Jake Sullivan spoke today with South African National Security Advisor "
            "Sydney Mufamadi. Mr. Sullivan pledged support to the government of South Africa after the floods.\n")
    assert ("SUPPORT", ("USA",), ("ZAF",)) in events(text, published="2022-04-25")


def test_a_headline_meeting_with_a_named_states_leader_is_the_voices() -> None:
    title = "Meeting with President of Palestine Mahmoud Abbas"
    # (the guest speaks of his own state most; the headline still names it as the one met)
    text = (f"{title}\n\nThe discussion focused on bilateral cooperation and the Middle East agenda.\n\n"
            "President of Russia Vladimir Putin: Mr President, I am glad to see you. Thank you for accepting our "
            "invitation. We are providing medicines and vaccines.\n\nPresident of Palestine Mahmoud Abbas: Thank "
            "you, Mr President. Palestine values your position. Palestine is grateful for the vaccines. Palestine "
            "counts on your help.\n")
    record = code(text, published="2021-11-23", title=title)
    assert any(e.type == "CONSULT" and sorted(e.actor + e.recipient) == ["PSE", "RUS"] for e in record.events)


def test_a_meeting_later_in_the_year_is_not_a_visit_in_april() -> None:
    text = ("Joint Statement of the United States and Turkey\n\nU.S. Department of Commerce Under Secretary "
            "Jane Porter will visit Ankara April 5-6. The United States and Turkey look forward to a ministerial "
            "meeting later in 2022.\n")
    found = code(text, published="2022-04-04").events
    assert any(e.type == "CONSULT" and e.status == "planned" and e.date == "2022" for e in found)


def test_calling_on_an_official_during_a_visit_is_no_appeal() -> None:
    text = ("Prime Minister Julia Gillard will visit Papua New Guinea this week. Ms Gillard will also call on Papua "
            "New Guinea's Governor-General, Sir Michael Ogio, and meet the Leader of the Opposition.\n")
    assert not any(e.type == "REQUEST" for e in code(text, published="2013-05-06").events)


def test_calling_on_a_state_to_act_is_still_an_appeal() -> None:
    text = "President Joe Biden called on Russia to withdraw its forces from Ukraine.\n"
    assert ("REQUEST", ("USA",), ("RUS",)) in events(text, published="2022-02-20")


def test_being_grateful_to_a_state_is_thanking_it() -> None:
    text = ("President Volodymyr Zelenskyy spoke with Prime Minister Mario Draghi of Italy. I am grateful to Italy "
            "for its support of our membership in the EU.\n")
    assert ("SUPPORT", ("UKR",), ("ITA",)) in events(text, published="2022-03-23")


def test_a_style_of_address_is_no_possessive() -> None:
    text = ("President Volodymyr Zelenskyy said: In the morning I spoke with His Holiness Pope Francis. I thanked "
            "His Holiness for a clear position against the war.\n")
    assert ("SUPPORT", ("UKR",), ("VAT",)) in events(text, published="2022-03-23")


def test_the_eve_of_a_summit_is_when_not_with_whom() -> None:
    text = ("President Volodymyr Zelenskyy spoke with President Joe Biden. We continue to coordinate our positions "
            "on the eve of this week's NATO and G7 summits.\n")
    assert not any("IGO:NATO" in e.recipient for e in code(text, published="2022-03-23").events)


def test_a_subject_the_parser_hangs_on_the_auxiliary_still_acts() -> None:
    text = ("As close friends and neighbours, the Government of Fiji and the Government of Australia have today "
            "mutually agreed to cooperate on fisheries.\n")
    assert any(sorted(e.actor) == ["AUS", "FJI"] for e in code(text, published="2008-03-06").events)


def test_a_framework_signed_is_an_agreement() -> None:
    text = "New Zealand and Chile signed a Trade and Economic Cooperation Framework in Auckland today.\n"
    record = code(text, published="2004-05-28")
    assert [a.parties for a in record.agreements] == [["CHL", "NZL"]]


def test_a_step_taken_with_the_signing_of_a_document_signs_it() -> None:
    text = ("New Zealand and Chile are today taking the first formal step towards closer trading links with the "
            "signing of a Trade and Economic Cooperation Framework at a ceremony in Auckland.\n")
    record = code(text, published="2004-05-28")
    assert [(a.parties, a.date) for a in record.agreements] == [(["CHL", "NZL"], "2004-05-28")]


def test_preparations_for_a_signing_sign_nothing_yet() -> None:
    text = ("President Volodymyr Zelenskyy spoke with President Klaus Iohannis of Romania. The leaders praised the "
            "preparations for the conclusion of the Protocol on Cooperation in Education.\n")
    assert code(text, published="2022-02-01").agreements == []


def test_a_guest_who_is_visiting_visits_the_voices_state() -> None:
    text = ("NZ-Chile trade framework signed\n\nTrade Minister Jim Sutton signed for New Zealand. Chile's Foreign "
            "Minister Ignacio Walker, who is visiting on his way to APEC talks in Santiago, signed for Chile.\n")
    assert ("CONSULT", ("CHL",), ("NZL",)) in events(text, published="2004-05-28")


def test_both_of_whom_are_those_the_relative_clause_is_about() -> None:
    text = ("President Joe Biden spoke with President Ebrahim Raisi of Iran. I thank the Emir of Qatar and the "
            "Sultan of Oman, both of whom helped facilitate this agreement.\n")
    assert not any(e.type == "COOPERATE" and "IRN" in e.actor for e in code(text, published="2023-09-18").events)


def test_talks_one_is_informed_about_were_held_before_the_telling() -> None:
    text = ("Vladimir Putin had a telephone conversation with Prime Minister of Norway Jonas Gahr Store. The President "
            "of Russia informed Jonas Gahr Store about the talks between Russian and Ukrainian representatives.\n")
    talks = [e for e in code(text, published="2022-03-31").events if sorted(e.actor) == ["RUS", "UKR"]]
    assert talks and all(e.date != "2022-03-31" for e in talks)


def test_a_state_a_joint_statement_is_about_is_not_its_author() -> None:
    title = "Joint statement: execution of protestors in Belarus"
    text = (f"{title}\n\nThe Foreign Ministers of New Zealand, Australia, and Canada have issued the following joint "
            "statement on the execution of protestors in Belarus.\n")
    record = code(text, published="2022-12-15", title=title)
    assert all("BLR" not in a.parties for a in record.agreements) and record.agreements


def test_a_state_a_joint_statement_is_for_is_not_its_author() -> None:
    title = "Joint Statement on Patrol Boats for Fiji from the Prime Ministers of Australia and New Zealand"
    text = (f"{title}\n\nWe, the Prime Ministers of Australia and New Zealand, will provide two patrol boats to "
            "Fiji.\n")
    record = code(text, published="2023-05-02", title=title)
    assert [sorted(a.parties) for a in record.agreements] == [["AUS", "NZL"]]


def test_the_authors_a_joint_statement_title_names_after_from_are_its_parties() -> None:
    title = ("Joint Statement from the United States and the European Union on Support for Angola, Zambia and "
             "Malawi")
    text = (f"{title}\n\nThe United States and the European Union welcome the commitment of Angola, Zambia and "
            "Malawi to build a railway.\n")
    record = code(text, published="2023-09-09", title=title)
    assert [sorted(a.parties) for a in record.agreements] == [["IGO:EU", "USA"]]


def test_the_people_a_joint_statement_title_names_as_authors_give_its_parties() -> None:
    # an organisation's official stands for the organisation, a leader for the state; the states the body
    # is about are not authors
    title = "Joint Statement by President Biden and President von der Leyen on Energy Security"
    text = (f"{title}\n\nRussia continues to cut gas supplies to Moldova and Ukraine. We will work together to "
            "diversify supplies.\n")
    record = code(text, published="2022-06-27", title=title)
    assert [sorted(a.parties) for a in record.agreements] == [["IGO:EU", "USA"]], record.agreements


def test_agreeing_to_meet_at_no_time_told_is_no_meeting_today() -> None:
    title = "Joint Statement between Australia and China"
    text = (f"{title}\n\nThe two sides agreed to meet at Ministerial level on an annual basis.\n")
    record = code(text, published="2008-04-10", title=title)
    assert not any(e.type == "CONSULT" and e.status == "occurred" for e in record.events)


def test_a_joint_statement_title_name_running_into_the_next_words_still_names_its_state() -> None:
    title = "Joint Statement from Canada, Mexico, and the United States Following the Second Trade Committee Meeting"
    text = f"{title}\n\nThe three delegations met in Mexico City on July 25.\n"
    record = code(text, published="2023-07-27", title=title)
    assert [sorted(a.parties) for a in record.agreements] == [["CAN", "MEX", "USA"]]


def test_being_grateful_to_states_for_committing_aid_is_their_committed_aid() -> None:
    # the ones thanks go to did what they are thanked for; a commitment to give is aid committed
    text = ("The Netherlands and Denmark said: We are grateful to Belgium and Norway for committing to provide "
            "further aircraft to Ukraine.\n")
    found = events(text, published="2024-07-10")
    assert ("AID", ("BEL", "NOR"), ("UKR",)) in found
    assert not any(t == "AID" and "NLD" in a for t, a, _r in found)


def test_being_unable_to_provide_is_no_act() -> None:
    title = "Joint Statement from the Prime Ministers of Australia and Japan"
    text = (f"{title}\n\nWe, the Prime Ministers of Australia and Japan, met in Tokyo. We are unable to provide "
            "additional details at this time due to operational security concerns.\n")
    record = code(text, published="2024-07-10", title=title)
    assert any(e.type == "CONSULT" for e in record.events)
    assert not any(e.type in ("AID", "COOPERATE") for e in record.events)


def test_a_headline_visit_by_an_official_is_that_officials_visit() -> None:
    title = "Visit by Israeli Foreign Minister Yair Lapid to Morocco"
    text = (f"{title}\n\nThe United States welcomes the visit by Israeli Foreign Minister Yair Lapid to the Kingdom "
            "of Morocco.\n")
    record = code(text, published="2021-08-12", title=title)
    visits = {(tuple(e.actor), tuple(e.recipient)) for e in record.events if e.type == "CONSULT"}
    assert visits == {(("ISR",), ("MAR",))}


def test_taking_part_in_a_summit_ahead_plans_it_with_its_holders() -> None:
    text = ("President Volodymyr Zelenskyy had a phone conversation with NATO Secretary General Jens Stoltenberg. They "
            "discussed the modalities of Ukraine's participation in the NATO Summit in Madrid in June 2022.\n")
    assert any(e.type == "CONSULT" and e.status == "planned" and e.date == "2022-06"
               and sorted(e.actor + e.recipient) == ["IGO:NATO", "UKR"] for e in code(text, published="2022-02-10").events)


def test_the_voices_meeting_with_a_guest_named_nowhere_else_is_at_home() -> None:
    title = "Meeting with Prime Minister of Hungary Viktor Orban"
    text = (f"{title}\n\nVladimir Putin held talks with Prime Minister of Hungary Viktor Orban. The leaders discussed "
            "gas supplies.\n")
    record = code(text, published="2022-02-01", title=title)
    meeting = next(e for e in record.events if e.type == "CONSULT")
    assert (meeting.actor, meeting.recipient) == (["HUN"], ["RUS"])
    assert meeting.place is not None and meeting.place.country == "RUS"


def test_the_voices_call_with_a_guest_stays_a_call() -> None:
    title = "Telephone conversation with Prime Minister of Hungary Viktor Orban"
    text = f"{title}\n\nVladimir Putin had a telephone conversation with Prime Minister of Hungary Viktor Orban.\n"
    record = code(text, published="2022-02-01", title=title)
    call = next(e for e in record.events if e.type == "CONSULT")
    assert call.recipient == [] and call.place is None
