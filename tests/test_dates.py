from __future__ import annotations

import pytest

from communique.events.dates import find_times


@pytest.mark.parametrize(("text", "published", "value", "future"), [
    ("On the afternoon of July 5, 2024 local time", "2024-07-15", "2024-07-05", False),
    ("on 5 July 2024", "2024-07-15", "2024-07-05", False),
    ("met today in Amman", "2021-05-26", "2021-05-26", False),
    ("Yesterday, the President met", "2025-02-12", "2025-02-11", False),
    ("spoke on Tuesday", "2024-07-15", "2024-07-09", False),  # the latest Tuesday on or before
    ("spoke on Monday", "2024-07-15", "2024-07-15", False),  # publication day is a Monday
    ("will host the summit next year", "2024-07-15", "2025", True),
    ("will travel next month", "2021-07-30", "2021-08", True),
    ("later this year", "2025-01-27", "2025", True),
    ("talks on December 7, 2021, and", "2021-12-14", "2021-12-07", False),
    ("talks on December 7", "2022-01-03", "2021-12-07", False),  # the nearest December 7
    ("met last week", "2024-03-04", "2024-02", False),
    ("a summit in 2025", "2021-12-14", "2025", True),
    # a month pinned to a year named relative to the text
    ("his visit in February this year", "2017-11-02", "2017-02", False),
    ("a summit in March next year", "2017-11-02", "2018-03", True),
    ("talks in May last year", "2017-11-02", "2016-05", False),
    # a span of days whose second day has its own weekday is dated by its first day
    ("will visit on Tuesday 19 and Wednesday 20 March", "2024-03-15", "2024-03-19", True),
    # a count back from the publication date, at the precision of its unit (weeks: the month)
    ("signed two years ago", "2021-12-16", "2019", False),
    ("A hundred years ago, envoys arrived", "2021-12-16", "1921", False),
    ("met three days ago", "2021-12-16", "2021-12-13", False),
    ("spoke a week ago", "2021-12-03", "2021-11", False),
    ("opened six months ago", "2021-03-16", "2020-09", False),
    # the word before a month or a year opening a sentence, capitalised
    ("In 2019, as Prime Minister, I visited", "2021-12-16", "2019", False),
    ("In May 2019 the two met", "2021-12-16", "2019-05", False),
    ("During 2020 the sides met", "2021-12-16", "2020", False),
    # a span of days that starts on the publication day is still ahead: a trip announced as it begins
    ("travels to Paris June 11-19, 2022", "2022-06-11", "2022-06-11", True),
    ("met in Paris June 9-11, 2022", "2022-06-11", "2022-06-09", False),
])
def test_dates_resolved_against_publication(text: str, published: str, value: str, future: bool) -> None:
    (ref,) = find_times(text, published)
    assert (ref.value, ref.future) == (value, future)


@pytest.mark.parametrize("text", ["after a gap of five years", "for 30 years", "two decades of partnership",
                                  "over the past 20 years"])
def test_dates_durations_are_not_dates(text: str) -> None:
    assert find_times(text, "2024-07-15") == []


def test_dates_without_publication_only_absolute() -> None:
    refs = find_times("Met today; signed on July 5, 2024.", None)
    assert [r.value for r in refs] == ["2024-07-05"]


def test_dates_a_bare_month_ahead_keeps_its_past_reading() -> None:
    """'in February', told in November, is the coming February; a clause told in the past tense
    ("visited in February") takes the one before, which the reference keeps."""
    (ref,) = find_times("in February", "2017-11-02")
    assert (ref.value, ref.future, ref.behind) == ("2018-02", True, "2017-02")


def test_a_vague_count_back_is_no_time() -> None:
    assert find_times("the treaty we signed several years ago", "2021-12-16") == []


def test_may_the_verb_is_no_month() -> None:
    assert [r.value for r in find_times("we may meet in 2020", "2021-12-16")] == ["2020"]


def test_this_weekend_is_the_month_of_the_coming_saturday() -> None:
    # a Friday 31 January release: "this weekend" is 1-2 February
    from communique.events.dates import find_times
    refs = find_times("The Minister will visit Niue this weekend.", "2025-01-31")
    assert [(r.text, r.value, r.future) for r in refs] == [("this weekend", "2025-02", True)]


@pytest.mark.parametrize(("phrase", "value"), [
    ("in two weeks", "2023-03"),              # a point ahead: the month it falls in
    ("in 2 days", "2023-03-12"),
    ("in three months", "2023-06"),
    ("within two months", "2023"),            # a window: the month or year it stays in
    ("within a week", "2023-03"),
    ("in the next two weeks", "2023-03"),
])
def test_a_count_ahead_of_the_publication_date(phrase: str, value: str) -> None:
    refs = find_times(f"They will meet again {phrase} in Washington.", "2023-03-10")
    assert [(r.value, r.future) for r in refs] == [(value, True)]


@pytest.mark.parametrize("phrase", ["within five years", "in two years of negotiations", "in three days of talks"])
def test_a_count_that_is_no_date(phrase: str) -> None:
    assert find_times(f"They agreed {phrase}.", "2023-03-10") == []
