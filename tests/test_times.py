"""Time expressions and the dateline, on text written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from newsbrief.document import Article
from newsbrief.ingest import from_text
from newsbrief.pipeline import Settings, build
from newsbrief.times import clause_tense, find_times, read_dateline, resolve, to_date

SUNDAY = dt.date(2025, 4, 27)  # a Sunday


@pytest.fixture(scope="module")
def times_pipeline():
    return build(Settings(), ["validate", "publisher_box", "dateline", "parse", "sentences", "times"])


def analysed(pipeline, text: str, published: object = SUNDAY) -> Article:
    return pipeline(from_text(text, published=published))


def values(article: Article) -> dict[str, str | None]:
    return {t.text: t.value for t in article.times}


# weekdays and tense -------------------------------------------------------------------------------


def test_weekday_in_a_past_clause_is_the_week_before(times_pipeline):
    art = analysed(times_pipeline, "The ferry operator cancelled all crossings on Tuesday after the storm.")
    assert values(art) == {"Tuesday": "2025-04-22"}


def test_weekday_in_a_future_clause_is_the_week_ahead(times_pipeline):
    art = analysed(times_pipeline, "The two mayors will meet on Tuesday to sign the water agreement.")
    assert values(art) == {"Tuesday": "2025-04-29"}


def test_same_weekday_as_publication_is_that_day(times_pipeline):
    art = analysed(times_pipeline, "The council on Sunday approved the new harbour budget.")
    assert values(art) == {"Sunday": "2025-04-27"}


def test_planned_and_progressive_clauses_point_forward(times_pipeline):
    art = analysed(times_pipeline, "Farmers plan to march on Friday. The minister is visiting the valley on Thursday.")
    assert values(art) == {"Friday": "2025-05-02", "Thursday": "2025-05-01"}


def test_condition_takes_the_tense_of_its_main_clause(times_pipeline):
    art = analysed(
        times_pipeline,
        "The union warned that dockers would strike again if the port failed to hire more crane drivers by the summer.",
        published="2025-03-16",
    )
    assert values(art) == {"the summer": "2025-SU"}


def test_possessive_weekday_is_past(times_pipeline):
    art = analysed(times_pipeline, "Officials are still counting the damage from Wednesday's floods.")
    assert values(art) == {"Wednesday": "2025-04-23"}


def test_last_and_next_weekday_ignore_tense():
    assert resolve("last Friday", SUNDAY, "future") == "2025-04-25"
    assert resolve("next Friday", SUNDAY, "past") == "2025-05-02"


def test_weekday_with_part_of_day_names_the_day():
    assert resolve("Friday night", SUNDAY, "past") == "2025-04-25"
    assert resolve("Monday morning", SUNDAY, "future") == "2025-04-28"


def test_clause_tense_reads_the_governing_verb(times_pipeline):
    text = "The bridge reopened on Monday and the tunnel will reopen on Friday."
    art = times_pipeline(from_text(text, published=SUNDAY))
    # the Doc is released after the pipeline; parse again for the helper
    from newsbrief.nlp import load_model

    doc = load_model()(text)
    monday, friday = text.index("Monday"), text.index("Friday")
    assert clause_tense(doc, monday, monday + 6) == "past"
    assert clause_tense(doc, friday, friday + 6) == "future"
    assert values(art) == {"Monday": "2025-04-21", "Friday": "2025-05-02"}


# deictic and relative expressions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("yesterday", "2025-04-26"),
        ("today", "2025-04-27"),
        ("tomorrow", "2025-04-28"),
        ("the day before yesterday", "2025-04-25"),
        ("last night", "2025-04-26TNI"),
        ("tonight", "2025-04-27TNI"),
        ("this morning", "2025-04-27TMO"),
        ("last week", "2025-W16"),
        ("this week", "2025-W17"),
        ("next week", "2025-W18"),
        ("earlier this month", "2025-04"),
        ("last month", "2025-03"),
        ("next month", "2025-05"),
        ("this year", "2025"),
        ("last year", "2024"),
        ("three days ago", "2025-04-24"),
        ("two weeks ago", "2025-W15"),
        ("six months ago", "2024-10"),
        ("five years ago", "2020"),
        ("a decade ago", "201"),
    ],
)
def test_relative_expressions(expression, value):
    assert resolve(expression, SUNDAY) == value


def test_relative_expressions_need_a_publication_date():
    assert resolve("yesterday", None) is None
    assert resolve("Jan. 25, 2013", None) == "2013-01-25"


# explicit dates, months, years, ranges ------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("Jan. 25, 2013", "2013-01-25"),
        ("22 April 2025", "2025-04-22"),
        ("April 22", "2025-04-22"),
        ("the 3rd of March, 2021", "2021-03-03"),
        ("Monday, Oct. 26, 1998", "1998-10-26"),
        ("2024-11-05", "2024-11-05"),
        ("11/05/2024", "2024-11-05"),
        ("05.11.2024", "2024-11-05"),
        ("July 2012", "2012-07"),
        ("in March", "2025-03"),
        ("September", "2025-09"),
        ("2009", "2009"),
        ("the 1990s", "199"),
        ("the 20th century", "19"),
        ("the early twenty-first century", "20"),
        ("the third quarter", "2024-Q3"),
        ("the first quarter of 2023", "2023-Q1"),
        ("last summer", "2024-SU"),
        ("the week of March 6", "2025-W10"),
        ("Christmas Eve", "2024-12-24"),
        ("Thanksgiving", "2024-11-28"),
        ("the year two thousand", "2000"),
        ("nineteen ninety-six", "1996"),
    ],
)
def test_explicit_dates_months_years(expression, value):
    assert resolve(expression, SUNDAY) == value


def test_year_of_a_date_without_one_is_its_nearest_occurrence():
    january = dt.date(2025, 1, 7)
    assert resolve("Dec. 30", january) == "2024-12-30"
    assert resolve("Feb. 10", january) == "2025-02-10"
    assert resolve("December", january, "past") == "2024-12"


def test_day_range_gives_both_ends():
    text = "The trade fair runs April 22-24, 2026 in Lyon."
    found = [(t.text, t.value) for t in find_times(text, SUNDAY)]
    assert found == [("April 22", "2026-04-22"), ("24, 2026", "2026-04-24")]


def test_year_range_gives_both_ends():
    found = [(t.text, t.value) for t in find_times("Output fell in 2019-21 and rose in 1998-2001.", SUNDAY)]
    assert found == [("2019", "2019"), ("21", "2021"), ("1998", "1998"), ("2001", "2001")]


def test_modal_may_and_verb_march_are_not_months():
    found = find_times("Protesters may march to the square, officials said in May.", SUNDAY)
    assert [(t.text, t.value) for t in found] == [("May", "2025-05")]


def test_counted_nouns_are_not_years():
    found = find_times("Some 1500 troops and 2000 police were deployed in 2024.", SUNDAY)
    assert [(t.text, t.value) for t in found] == [("2024", "2024")]


# durations, sets and TimeML references ------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("three years", "P3Y"),
        ("five-day", "P5D"),
        ("the past two decades", "P20Y"),
        ("48 hours", "PT48H"),
        ("2 1/2 years", "P2Y6M"),
        ("three and a half days", "P3DT12H"),
        ("several weeks", "PXW"),
        ("daily", "P1D"),
        ("every month", "P1M"),
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("in the past", "PAST_REF"),
        ("the near future", "FUTURE_REF"),
        ("10:35 a.m.", "2025-04-27T10:35"),
        ("9 p.m. Tuesday", "2025-04-22T21:00"),
    ],
)
def test_durations_sets_and_references(expression, value):
    assert resolve(expression, SUNDAY) == value


def test_offsets_index_the_article_text(times_pipeline):
    text = "Negotiators met yesterday in Geneva.\nThey will return on 4 May 2025, diplomats said."
    art = analysed(times_pipeline, text)
    assert [(t.text, t.value) for t in art.times] == [("yesterday", "2025-04-26"), ("4 May 2025", "2025-05-04")]
    for t in art.times:
        assert text[t.start : t.end] == t.text


def test_not_time_expressions():
    assert resolve("the harbour authority", SUNDAY) is None
    assert find_times("", SUNDAY) == []
    assert find_times("Jan Peters said the fall in prices was small.", SUNDAY) == []
    assert to_date("2025-04") is None and to_date("2025-04-22TNI") == dt.date(2025, 4, 22)


def test_dates_outside_the_calendar_are_left_out_not_raised():
    text = "Talks resumed yesterday, not on Feb. 30, 2020 or on 31/02/2020."
    assert [t.text for t in find_times(text, SUNDAY)] == ["yesterday"]
    assert find_times("They met yesterday.", dt.date(1, 1, 1)) == []
    assert resolve("yesterday", dt.date(1, 1, 1)) is None


def test_times_layer_round_trips_through_json(times_pipeline):
    art = analysed(times_pipeline, "The port closed on Thursday and reopened yesterday.")
    again = Article.from_dict(art.to_dict())
    assert again.times == art.times and len(art.times) == 2


# the dateline --------------------------------------------------------------------------------------


def test_dateline_with_full_date_sets_published(times_pipeline):
    text = "TIRANA, Albania (Feb. 3, 2014) — Border police seized a lorry of cigarettes yesterday."
    art = times_pipeline(from_text(text))
    assert art.published == dt.date(2014, 2, 3)
    assert art.published_basis == "dateline"
    assert values(art)["yesterday"] == "2014-02-02"


def test_dateline_year_from_release_number():
    text = "Patrol Finds Weapons Cache\n2012-06-PR-014\nFor Immediate Release\nHERAT, Afghanistan (June 9) - A patrol"
    found = read_dateline(text)
    assert found is not None and found.place == "HERAT" and found.date == dt.date(2012, 6, 9)


def test_dated_heading_stands_in_for_a_dateline():
    text = "Morning Update, March 4, 2012\nA patrol found a cache of rockets near the river."
    found = read_dateline(text)
    assert found is not None and found.date == dt.date(2012, 3, 4)
    assert text[found.start : found.end] == "March 4, 2012"
    assert read_dateline("A patrol found rockets.\nThe cache was destroyed on March 4, 2012.") is None


def test_dateline_agency_form_and_place_only():
    agency = read_dateline("NAIROBI, March 14, 2019 (Reuters) - Kenya's central bank held rates.")
    assert agency is not None and agency.place == "NAIROBI" and agency.date == dt.date(2019, 3, 14)
    no_year = read_dateline("LIMA, Aug. 2 (Reuters) - Peru's congress voted.")
    assert no_year is not None and no_year.date is None  # the year is never guessed from the clock
    place_only = read_dateline("ISLAMABAD/KABUL: Officials from both countries met.")
    assert place_only is not None and place_only.place == "ISLAMABAD/KABUL" and place_only.date is None


def test_given_date_wins_over_dateline(times_pipeline):
    text = "TIRANA, Albania (Feb. 3, 2014) — Border police seized a lorry of cigarettes."
    art = times_pipeline(from_text(text, published="2014-02-04"))
    assert art.published == dt.date(2014, 2, 4) and art.published_basis == "given"


def test_no_dateline_no_date(times_pipeline):
    art = times_pipeline(from_text("Border police seized a lorry of cigarettes on Monday, officials said."))
    assert art.published is None and art.published_basis is None
    assert values(art) == {}  # a weekday cannot be resolved without a date and is left out


# the shared reference article -----------------------------------------------------------------------


def test_shared_example_weekdays(times_pipeline, shared_example_body):
    _, body = shared_example_body
    art = analysed(times_pipeline, body, published="2025-04-27")
    days = {t.text: t.value for t in art.times if t.text.endswith("day")}
    assert days == {
        "Sunday": "2025-04-27",
        "Tuesday": "2025-04-22",
        "Wednesday": "2025-04-23",
        "Thursday": "2025-04-24",
        "Saturday": "2025-04-26",
    }


def test_repo_example_times(times_pipeline, example_text):
    art = analysed(times_pipeline, example_text, published="2025-03-16")
    found = values(art)
    assert found["Sunday"] == "2025-03-16"  # the day of publication
    assert found["Tuesday"] == "2025-03-11" and found["Wednesday"] == "2025-03-12"  # the strike's past days
    assert found["Monday"] == "2025-03-17"  # "would reopen fully on Monday": ahead
    assert found["next Friday"] == "2025-03-21" and found["the summer"] == "2025-SU"
    assert found["five-day"] == "P5D" and found["two weeks"] == "P2W"
