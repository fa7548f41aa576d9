"""One canonical entity per referent, on text we wrote."""

from __future__ import annotations

import newsbrief


def _by_name(article):
    return {e.name: e for e in article.entities}


def test_surname_and_full_name_are_one_person(example_article):
    ents = _by_name(example_article)
    olsen = ents["Marieke Olsen"]
    assert {m.text for m in olsen.mentions} == {"Marieke Olsen", "Olsen"}
    assert olsen.role == "Infrastructure Minister" and olsen.affiliation == "Netherlands"
    assert "Olsen" not in ents
    assert ents["Pieter Haas"].role == "union leader"  # the noun before the title says whose leader


def test_a_role_keeps_the_nouns_that_say_whose_it_is():
    text = ("The civil rights leader Amos Tarrant met campaign manager Jo Pell and the new club president Ravi Lind "
            "in Leeds on Monday. Tarrant said the talks went well.")
    ents = _by_name(newsbrief.analyze(text))
    assert ents["Amos Tarrant"].role == "civil rights leader"
    assert ents["Jo Pell"].role == "campaign manager"
    assert ents["Ravi Lind"].role == "club president"  # "new" describes the man, not the post


def test_demonym_and_acting_capital_point_to_the_state():
    text = (
        "Chinese Foreign Minister Lu Hang met his Japanese counterpart on Monday. "
        "Beijing warned that the dispute could harm trade. Lu said talks would continue. "
        "The meeting took place in Beijing."
    )
    art = newsbrief.analyze(text)
    china = next(e for e in art.entities if e.country == "CHN")
    surfaces = [m.text for m in china.mentions]
    assert "Chinese" in surfaces and surfaces.count("Beijing") == 1
    lu = next(e for e in art.entities if e.label == "PERSON" and e.name == "Lu Hang")
    assert [m.text for m in lu.mentions] == ["Lu Hang", "Lu"]
    assert lu.role == "Foreign Minister" and lu.affiliation == "China"


def test_a_dateline_and_a_capital_that_is_a_surname():
    text = (
        "WASHINGTON — The actress Kerry Washington urged voters on Tuesday to register before the deadline, "
        "speaking at a rally outside the Capitol.\n"
        "Washington said the campaign would visit six states in the coming weeks."
    )
    art = newsbrief.analyze(text)
    person = next(e for e in art.entities if e.label == "PERSON")
    # the dateline is the city, not the actress; the "Washington" who said is the actress, not the US government
    assert [m.text for m in person.mentions] == ["Kerry Washington", "Washington"]
    assert all(e.country != "USA" for e in art.entities)


def test_mended_names_on_our_own_text():
    text = (
        "Police in the Swat district of Khyber and Pakhtunkhwa (KP) said the convoy was attacked on Monday, "
        "state broadcaster PTV reported. Hindu pilgrims were among the injured. "
        "The Swat attack was the third this year, and talks were held in The Hague."
    )
    art = newsbrief.analyze(text)
    names = {e.name: e for e in art.entities}
    assert "PTV" in names and names["PTV"].label == "ORG"
    swat = names.get("Swat")
    assert swat is not None and len(swat.mentions) == 2
    assert "The Hague" in names
    assert all(e.label != "PERSON" for e in art.entities)


def test_org_affiliation_from_a_demonym():
    art = newsbrief.analyze(
        "According to a Pakistani Foreign Ministry statement, the talks ended without agreement on Friday."
    )
    ministry = next(e for e in art.entities if e.name == "Foreign Ministry")
    assert ministry.affiliation == "Pakistan"


def test_a_treaty_is_a_law_and_an_occupier_phrase_is_part_of_the_place():
    art = newsbrief.analyze(
        "Ethiopia said on Monday that it would leave the Nile Basin Cooperative Framework Agreement. "
        "Clashes broke out in Indian-Illegally Occupied Jammu and Kashmir on Monday."
    )
    names = _by_name(art)
    treaty = next(e for e in art.entities if e.name.endswith("Agreement"))
    assert treaty.label == "LAW" and not treaty.name.startswith("the ")
    assert not any(e.name.endswith("Occupied") for e in art.entities), list(names)
    assert "Jammu and Kashmir" in names


def test_a_person_in_lower_case_is_no_name():
    # the model reads "mush hidden" as a PERSON; a "he" after it must not become "hidden"
    text = ("The minister answered every question on the harbour budget. It was word mush hidden behind a confident "
            "smile.\n“The new ferry terminal will open next spring,” he said at one point.\n")
    art = newsbrief.analyze(text)
    assert not [e.name for e in art.entities if e.label == "PERSON"]
    assert not any("hidden says" in kp.text for kp in art.key_points), [kp.text for kp in art.key_points]
