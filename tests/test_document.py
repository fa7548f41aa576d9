"""The JSON contract and the offsets every layer carries."""

from __future__ import annotations

import json

import newsbrief
from newsbrief.document import Article


def test_contract_keys(example_article):
    data = example_article.to_dict()
    assert set(data["article"]) >= {"title", "text", "published", "url", "source", "language"}
    for kp in data["key_points"]:
        assert set(kp) >= {"text", "sources"} and kp["sources"]
    for ent in data["entities"]:
        assert set(ent) >= {"id", "name", "label", "mentions"}
    json.dumps(data)  # serialisable


def test_offsets_index_the_text(example_article, example_text):
    art = example_article
    assert art.text == example_text
    for s in art.sentences:
        assert example_text[s.start : s.end] == s.text
    for ent in art.entities:
        for m in ent.mentions:
            assert example_text[m.start : m.end] == m.text
    for kp in art.key_points:
        for src in kp.sources:
            assert 0 <= src.start < src.end <= len(example_text)


def test_round_trip(example_article):
    data = example_article.to_dict()
    assert Article.from_dict(data).to_dict() == data


def test_offsets_survive_leading_whitespace_and_crlf():
    text = "\n\n  Rail workers will strike next week over pay, their union said on Monday.\r\n"
    art = newsbrief.analyze(text)
    assert art.text == text
    for s in art.sentences:
        assert text[s.start : s.end] == s.text


def test_publisher_box_kept_apart(shared_example_body):
    full, _ = shared_example_body
    art = newsbrief.analyze(full, published="2025-04-27")
    assert len(art.publisher_key_points) == 3
    for p in art.publisher_key_points:
        assert full[p.start : p.end] == p.text
    box_end = art.publisher_key_points[-1].end
    assert all(s.start > box_end for s in art.sentences)
    for kp in art.key_points:
        assert all(src.start > box_end for src in kp.sources)
        assert "unilateralism" not in kp.text


def test_box_with_our_own_text():
    text = (
        "Story highlights\nCouncil votes to close two libraries\nSavings of 1.2 million pounds a year\n\n"
        "The city council voted on Monday to close two branch libraries, saying the move would save "
        "1.2 million pounds a year. Campaigners said they would challenge the decision in court."
    )
    art = newsbrief.analyze(text)
    assert [p.text for p in art.publisher_key_points] == [
        "Council votes to close two libraries",
        "Savings of 1.2 million pounds a year",
    ]
    assert all("Savings" not in s.text for s in art.sentences)
