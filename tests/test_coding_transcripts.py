"""Transcripts and lists of officials: whom "you" is in a speaker's turn, courtesies that are no
event, views shared rather than steps agreed, a press office's byline, an editor's bracketed
insertion, and titles in a list that run into the next name.

Sentences written for this file from the annotation guidelines (`shared/eval/GUIDELINES.md`),
coded in document mode through the real pinned model.
"""

from __future__ import annotations

import pytest

from communique.extract import byline_country
from communique.nlp.pipeline import build_nlp, parse
from communique.resolve.gazetteer import load_gazetteer
from communique.resolve.titles import right_title
from tests.test_coding import code, events

TALKS = ("Talks with President of Mongolia Batbold Dorj\n\n"
         "Vladimir Putin held talks in the Kremlin with President of Mongolia Batbold Dorj, who is in Russia "
         "on an official visit.\n\n"
         "President of Russia Vladimir Putin: Mr President, friends, welcome to Moscow.\n\n"
         "President of Mongolia Batbold Dorj: Thank you very much. {turn}\n\n"
         "Vladimir Putin: {reply}\n")


# ---------------------------------------------------------------- "you" in a speaker's turn

def test_you_in_a_turn_is_the_one_spoken_to() -> None:
    text = TALKS.format(turn="Last week, you had a meeting with President Xi Jinping of China.", reply="Yes.")
    ev = [e for e in code(text, published="2021-12-16").events if e.type == "CONSULT" and "CHN" in e.actor]
    assert ev and sorted(ev[0].actor) == ["CHN", "RUS"]


# ---------------------------------------------------------------- courtesies and shared views

def test_a_bare_thank_you_is_a_courtesy_not_support() -> None:
    text = TALKS.format(turn="We have much to discuss.", reply="Thank you.")
    assert not [e for e in code(text, published="2021-12-16").events if e.type == "SUPPORT"]


def test_thanks_for_something_named_is_support() -> None:
    text = TALKS.format(turn="I would like to thank you for the invitation to visit Russia.", reply="Please.")
    assert ("SUPPORT", ("MNG",), ("RUS",)) in events(text, published="2021-12-16")


def test_agreeing_with_what_the_other_said_is_no_agreement() -> None:
    text = TALKS.format(turn="Trade between our countries is growing.", reply="I completely agree with you.")
    assert not [e for e in code(text, published="2021-12-16").events if e.type == "AGREE"]


def test_agreeing_with_a_state_on_a_matter_is_an_agreement() -> None:
    text = ("Russia and Mongolia held talks in Moscow on Thursday.\n\nRussia agreed with Mongolia on the route "
            "of the new pipeline.\n")
    assert ("AGREE", ("MNG", "RUS"), ()) in events(text, published="2021-12-16")


# ---------------------------------------------------------------- bylines and brackets

def test_the_spokespersons_office_byline_tells_a_state_department_text() -> None:
    assert byline_country("Office of the Spokesperson\n\nSecretary Reed met Minister Aydin.") == "USA"
    assert byline_country("Office of the Spokesperson for the Secretary-General\n\nThe Secretary-General met "
                          "Minister Aydin.") is None
    assert byline_country("Press release\n\n" + "x " * 200 + "Office of the Spokesperson") is None


def test_a_bylined_special_advisor_travels_for_the_united_states() -> None:
    text = ("Special Advisor Jane Porter Travel to Barbados\n\nOffice of the Spokesperson Special Advisor for the "
            "Summit Jane Porter traveled to Bridgetown, Barbados, April 19-20 to meet with Caribbean Community "
            "(CARICOM) leaders.\n")
    visit = next(e for e in code(text, published="2022-04-26").events if e.type == "CONSULT")
    assert visit.actor == ["USA"]


def test_an_editors_bracketed_insertion_against_a_word_is_read_apart() -> None:
    text = TALKS.format(turn="Yesterday, you met the head of the People's Republic of China[Xi Jinping].",
                        reply="Yes.")
    assert any(e.type == "CONSULT" and sorted(e.actor) == ["CHN", "RUS"]
               for e in code(text, published="2021-12-16").events)


# ---------------------------------------------------------------- lists of titled officials

DELEGATIONS = ("Joint Statement of Mexico and the United States\n\nThe Mexican delegation included Head of the "
               "National Water Commission Pedro Ruiz Lara, Chief Officer for North America at the Foreign "
               "Ministry Tomas Garza, and Mexican Ambassador to the United States Ana Cruz.\n\nThe U.S. "
               "delegation included Deputy Secretary of Homeland Security John Reed, U.S. Ambassador to "
               "Mexico Paul Stone, and Assistant Secretary of State Mary Kent.\n")


def _person(name: str):  # type: ignore[no-untyped-def]
    return next(a for a in code(DELEGATIONS, published="2023-04-13").actors if a.name == name)


def test_a_title_after_a_comma_that_runs_into_a_name_is_the_next_persons() -> None:
    # the NER misses the second name ("Ken Salter"), as it does in long lists: the title after the first
    # name's comma runs into it, and is the second person's, not the first's
    doc = build_nlp()("The delegation included Deputy Secretary of Homeland Security John Reed, U.S. Ambassador "
                      "to Mexico Ken Salter, and Assistant Secretary of State Mary Kent.")
    doc.ents = [e for e in doc.ents if e.text != "Ken Salter" and "Salter" not in e.text]
    reed = next(e for e in doc.ents if e.text == "John Reed")
    assert right_title(doc, reed.end, load_gazetteer()) is None
    # a title that ends in a place stays the title of the name before it
    doc2 = build_nlp()("The delegation included Ana Cruz, Ambassador of Mexico to Canada, and Mary Kent.")
    cruz = next(e for e in doc2.ents if e.text == "Ana Cruz")
    assert right_title(doc2, cruz.end, load_gazetteer()) is not None


def test_a_name_the_ner_takes_into_a_ministry_is_still_a_person() -> None:
    garza = _person("Tomas Garza")
    assert garza.country == "MEX"
    assert garza.role == "Chief Officer for North America at the Foreign Ministry"


def test_a_continent_named_like_a_state_is_not_that_state() -> None:
    text = "Prime Minister Anna Holm will visit North America next week.\n"
    assert not [a for a in code(text, published="2023-04-13").actors if a.id == "USA"]


def test_thanks_for_a_question_is_a_courtesy() -> None:
    text = TALKS.format(turn="We have much to discuss.", reply="Thank you for this question, it matters.")
    assert not [e for e in code(text, published="2021-12-16").events if e.type == "SUPPORT"]


def test_you_after_a_question_from_the_floor_is_not_the_other_leader() -> None:
    text = ("Press conference of Russia and Mongolia\n\nPresident of Russia Vladimir Putin: We held good talks "
            "today.\n\nQuestion: Will you meet again?\n\nPresident of Mongolia Batbold Dorj: I thank you for "
            "the interest you show in our cooperation.\n")
    assert ("SUPPORT", ("MNG",), ("RUS",)) not in events(text, published="2021-12-16")


# ---------------------------------------------------------------- times told in a turn

def test_a_treaty_signed_some_years_ago_is_undated() -> None:
    text = TALKS.format(turn="Yes.", reply="Relations between our countries are based on the Treaty on Friendly "
                                            "Relations that we signed several years ago.")
    treaty = [a for a in code(text, published="2021-12-16").agreements if "Treaty" in a.title]
    assert treaty and treaty[0].date is None


def test_an_act_told_with_a_capitalised_year_takes_that_year() -> None:
    text = TALKS.format(turn="In 2019, when I was in Russia as Prime Minister, you and I initiated this pipeline "
                             "project.", reply="Yes.")
    ev = [e for e in code(text, published="2021-12-16").events if "initiated" in e.evidence.text]
    assert ev and sorted(ev[0].actor) == ["MNG", "RUS"] and ev[0].date == "2019"


# ---------------------------------------------------------------- cooperation pledged

MET = "Prime Minister Anna Holm met Prime Minister Tomas Vuki of Fiji in Suva today. "


@pytest.mark.parametrize("sentence", [
    "Both countries committed to increase cooperation on maritime security.",  # the pair's pledge
    "Australia pledged to expand cooperation with Fiji on maritime surveillance.",  # one side's, with a partner
    "The two sides committed to continue joint work to dismantle trafficking networks.",  # joint work pledged
    "Both sides committed to the sharing of data and best practices.",  # sharing pledged, no dictionary verb
])
def test_cooperation_pledged_is_cooperation(sentence: str) -> None:
    assert ("COOPERATE", ("AUS", "FJI"), ()) in events("Australia and Fiji\n\n" + MET + sentence + "\n",
                                                        published="2021-06-03")


def test_agreeing_to_cooperate_stays_an_agreement() -> None:
    text = MET + "The two countries agreed to expand cooperation on fisheries.\n"
    found = events("Australia and Fiji\n\n" + text, published="2021-06-03")
    assert ("AGREE", ("AUS", "FJI"), ()) in found and ("COOPERATE", ("AUS", "FJI"), ()) not in found


def test_a_commitment_to_ones_own_reforms_is_no_cooperation() -> None:
    text = MET + "Fiji committed to economic reforms.\n"
    assert not [e for e in code("Australia and Fiji\n\n" + text, published="2021-06-03").events
                if e.type == "COOPERATE"]


def test_attending_an_organisations_summit_meets_the_organisation() -> None:
    text = ("Australian Prime Minister Anna Holm arrived in Fiji today.\n\nShe will travel to Brussels to attend "
            "the NATO Summit next week.\n")
    summit = [e for e in code(text, published="2010-10-03").events if "IGO:NATO" in e.recipient]
    assert summit and (summit[0].actor, summit[0].status, summit[0].date) == (["AUS"], "planned", "2010-10")


def test_a_hyphen_left_by_a_broken_line_does_not_end_the_sentence() -> None:
    text = ("Australian Prime Minister Anna Holm arrived in Fiji today.\n\nShe will have further discussions when she "
            "meets NATO Secretary- General Jan Olsen in Brussels on 4 October.\n")
    meeting = [e for e in code(text, published="2010-10-03").events if "IGO:NATO" in e.actor + e.recipient]
    assert meeting and (meeting[0].status, meeting[0].date) == ("planned", "2010-10-04")


def test_an_officer_renamed_by_an_organisations_office_serves_the_organisation() -> None:
    text = ("Australian Prime Minister Anna Holm visited Kabul today. Ms Holm also met with the Commander ISAF, "
            "General Tom Reyes, and discussed the strategy.\n")
    record = code(text, published="2010-10-03")
    reyes = next(a for a in record.actors if a.name == "Tom Reyes")
    assert reyes.country == "IGO:NATO"  # ISAF is NATO-led: events take NATO (organizations.jsonl part_of)
    assert any(sorted(e.actor) == ["AUS", "IGO:NATO"] for e in record.events if e.type == "CONSULT")


def test_a_forum_of_states_is_an_organisation_one_attends() -> None:
    text = ("Australian Prime Minister Anna Holm arrived in Fiji today.\n\nShe will travel to Brussels next week to "
            "attend the ASEM summit.\n")
    assert any(e.recipient == ["IGO:ASEM"] for e in code(text, published="2010-10-03").events)


# ---------------------------------------------------------------- trips

def test_this_visit_to_foreign_states_is_the_speakers_trip() -> None:
    text = ("Statement by Australian Prime Minister Anna Holm\n\nOn this visit to Laos new understandings have "
            "been reached.\n")
    assert ("CONSULT", ("AUS",), ("LAO",)) in events(text, published="1994-04-12")


def test_a_trip_of_several_stops_with_no_time_is_dated_to_its_month() -> None:
    text = ("Solomon Islands Prime Minister to visit New Zealand\n\nPrime Minister Derek Sikua of Solomon Islands "
            "is visiting Papua New Guinea and Australia en route to New Zealand.\n")
    legs = [e for e in code(text, published="2008-01-23").events if e.recipient in (["PNG"], ["AUS"])]
    assert legs and {e.date for e in legs} == {"2008-01"}


def test_signatories_named_at_one_place_met_there() -> None:
    text = ("Australia and Malaysia sign trade agreement\n\nAustralia and Malaysia today signed a free trade "
            "agreement. It was signed in Kuala Lumpur by Australia's Trade Minister Tom Reyes and his Malaysian "
            "counterpart Ahmad Latif.\n")
    visit = [e for e in code(text, published="2012-05-22").events if e.type == "CONSULT"]
    assert visit and (visit[0].actor, visit[0].recipient, visit[0].date) == (["AUS"], ["MYS"], "2012-05-22")


def test_a_document_signed_with_no_place_told_is_no_meeting() -> None:
    text = ("Australia and Malaysia sign trade agreement\n\nAustralia and Malaysia today signed a free trade "
            "agreement.\n")
    assert not [e for e in code(text, published="2012-05-22").events if e.type == "CONSULT"]


# ---------------------------------------------------------------- the speaking state of a text with no address

def _voice(text: str, published: str = "2022-03-20") -> list[str]:
    from communique.resolve.actors import resolve
    return resolve(next(parse(build_nlp(), [text])), load_gazetteer(), published, None).we


def test_a_headline_naming_the_speech_s_speaker_gives_the_voice() -> None:
    text = ("Speech by President of Ukraine Volodymyr Zelenskyy in the Knesset\n\nRussia has launched a war. Russia "
            "wants to destroy us. Russia will fail. Israel knows what such threats mean.\n")
    assert _voice(text) == ["UKR"]


def test_where_a_placed_guest_travels_stays_the_voice() -> None:
    text = ("Visit by Her Royal Highness Princess Siri of Thailand\n\nHer Royal Highness Princess Siri of Thailand "
            "is to visit Australia as a guest of the Government. The Princess will visit Canberra and Perth.\n")
    assert _voice(text, "1984-10-15") == ["AUS"]


def test_a_headline_of_one_states_visit_to_another_is_told_by_the_host() -> None:
    text = ("Prime Minister of Japan's visit to Australia\n\nI will host Prime Minister Kenji Sato of Japan for a "
            "working meeting in Sydney on 14 January. Japan has been an important friend to Australia for decades.\n")
    assert _voice(text, "2017-01-11") == ["AUS"]
    visit = next(e for e in code(text, published="2017-01-11").events if e.type == "CONSULT")
    assert (visit.actor, visit.recipient, visit.date) == (["JPN"], ["AUS"], "2017-01-14")


def test_a_headline_naming_the_speakers_office_gives_the_voice() -> None:
    text = ("Europe must not be silent - address by the President of Ukraine\n\nRussia has launched a war. Russia "
            "wants to destroy us. Russia will fail.\n")
    assert _voice(text) == ["UKR"]


def test_the_state_whose_speakers_hold_the_floor_is_the_voice() -> None:
    text = ("Meeting on the economy\n\nVladimir Putin: Colleagues, good afternoon. Trade with China has grown.\n\n"
            "Chinese businessman Li Wei: Thank you. China values this market.\n\nVladimir Putin: Thank you. Let us "
            "continue.\n\nVladimir Putin: China is our partner.\n")
    assert _voice(text, "2021-12-16") == ["RUS"]


def test_one_who_leaves_for_a_visit_makes_it() -> None:
    text = ("Minister to visit Indonesia\n\nNew Zealand Foreign Minister Tom Reyes leaves tomorrow for a two-day visit "
            "to Indonesia.\n")
    visit = next(e for e in code(text, published="2009-06-23").events if e.type == "CONSULT")
    assert (visit.actor, visit.recipient, visit.status, visit.date) == (["NZL"], ["IDN"], "planned", "2009-06-24")
