"""The quotes layer: every pattern of issue 3 on text written for these tests, and the shared example."""

from __future__ import annotations

import json

import pytest

import newsbrief
from newsbrief.document import Article
from newsbrief.ingest import from_text
from newsbrief.pipeline import Settings, build
from newsbrief.quotes import lexicon
from newsbrief.quotes.marks import quoted_spans

STAGES = ["validate", "publisher_box", "parse", "sentences", "entities", "quotes"]

FISHERIES = """HELSINKI: Finnish Foreign Minister Aino Laaksonen on Monday warned that the new fishing quotas would \
ruin coastal towns, the national broadcaster RTV reported.
Laaksonen said the ministry had not been consulted.
“We will not accept a decision taken behind our backs,” Laaksonen told reporters in Turku.
She added: “The quotas must be reviewed before the summer.”
“The talks failed,” she said, “but we will return to Brussels next week.”
According to a Swedish Foreign Ministry statement, Swedish Trade Minister Erik Lindqvist categorically rejected \
the “reckless and one-sided demands” of the Finnish side.
“Sweden remains committed to a fair sharing of the catch,” the statement said.
The minister also urged both governments to resume talks within a month.
Stockholm warned that any unilateral closure of the shared waters would be treated as a breach of the treaty.
They agreed to meet again in Oslo in May.
Fisheries expert Mikko Salo told Reuters that the stocks had fallen by a third since 2015.
"""


@pytest.fixture(scope="module")
def pipeline():
    return build(Settings(check_language=False), stages=STAGES)


def run(pipeline, text: str) -> Article:
    return pipeline(from_text(text))


@pytest.fixture(scope="module")
def fisheries(pipeline) -> Article:
    return run(pipeline, FISHERIES)


def find(article: Article, words: str, cue: str | None = None):
    """The quote whose content holds ``words`` (and whose cue is ``cue``): there must be exactly one."""
    hits = [q for q in article.quotes if words in q.content.text and (cue is None or (q.cue and q.cue.text == cue))]
    assert len(hits) == 1, f"{words!r}: {[q.content.text for q in article.quotes]}"
    return hits[0]


def speaker_text(article: Article, quote) -> str:
    return article.text[quote.speaker.start : quote.speaker.end]


# -- direct quotations ----------------------------------------------------------------------------


def test_quote_before_its_cue(fisheries):
    q = find(fisheries, "behind our backs")
    assert q.kind == "direct"
    assert q.content.text == "We will not accept a decision taken behind our backs"
    assert q.speaker.entity == "aino-laaksonen" and speaker_text(fisheries, q) == "Laaksonen"
    assert q.cue.text == "told" and q.cue.type == "say"


def test_quote_after_its_cue_with_colon_and_pronoun_speaker(fisheries):
    q = find(fisheries, "reviewed before the summer")
    assert q.kind == "direct" and q.cue.text == "added"
    assert speaker_text(fisheries, q) == "She"
    assert q.speaker.name == "Aino Laaksonen"  # "She" is the last woman spoken of


def test_quote_split_by_its_cue_is_one_quote(fisheries):
    q = find(fisheries, "The talks failed")
    assert "we will return to Brussels next week" in q.content.text
    assert q.kind == "direct" and q.speaker.entity == "aino-laaksonen"
    assert not [x for x in fisheries.quotes if x is not q and "return to Brussels" in x.content.text]


def test_quote_over_several_paragraphs(pipeline):
    text = (
        "Harbour master Jonas Berg spoke after the storm.\n"
        "“The sea wall held for six hours, longer than anyone expected.\n"
        "“When it broke, the water reached the old market within minutes,” Berg said.\n"
    )
    article = run(pipeline, text)
    q = find(article, "The sea wall held")
    assert "the water reached the old market within minutes" in q.content.text
    assert q.speaker.name == "Jonas Berg" and q.kind == "direct"


def test_quoted_fragment_inside_reported_speech(fisheries):
    q = find(fisheries, "reckless and one-sided demands")
    assert q.kind in {"mixed", "direct"}
    assert q.speaker.entity == "erik-lindqvist"
    assert q.cue.text == "categorically rejected" and q.cue.type == "reject"


def test_scare_quotes_and_titles_are_not_quotations(pipeline):
    article = run(pipeline, "The so-called “peace dividend” never came.\nShe has read “War and Peace” twice.\n")
    assert article.quotes == []


def test_unbalanced_quote_mark_costs_only_its_paragraph(pipeline):
    text = (
        "The club called the referee’s decision “a disgrace.\n"
        "Coach Tom Becker said the team would appeal the ruling.\n"
        "“We will win this in court,” Becker said.\n"
    )
    assert len(quoted_spans(text)) == 2  # the stray mark stops at its paragraph's end
    article = run(pipeline, text)
    q = find(article, "We will win this in court")
    assert q.kind == "direct" and q.speaker.name == "Tom Becker"
    assert find(article, "appeal the ruling").speaker.name == "Tom Becker"


def test_nested_quote_belongs_to_the_outer_one(pipeline):
    article = run(pipeline, "“He looked at me and said ‘never again’, and I believed him,” the widow Maria Costa "
                            "said.\n")
    assert len(article.quotes) == 1
    q = article.quotes[0]
    assert "‘never again’" in q.content.text and q.speaker.name == "Maria Costa"


@pytest.mark.parametrize(
    "text",
    [
        "“\n",
        "He said “\n”.\n",
        "” stray closing marks ” everywhere “ and “ openings “\n",
        "'' '' `` '' \" \" ' '\n",
        "Officials said.\n“\n“\n“Nothing.\n",
    ],
)
def test_odd_marks_never_break_the_stage(pipeline, text):
    article = run(pipeline, "The council met on Monday.\n" + text)
    for q in article.quotes:
        assert article.text[q.content.start : q.content.end] == q.content.text


def test_marks_pair_by_glyph_and_neighbours():
    text = 'He said "yes" and then “no”.\nChina’s leaders’ view stayed ‘firm’.'
    spans = [text[s.start : s.end] for s in quoted_spans(text)]
    assert spans == ["yes", "no", "firm"]


# -- indirect speech --------------------------------------------------------------------------------


def test_said_that(fisheries):
    q = find(fisheries, "had not been consulted")
    assert q.kind == "indirect" and q.cue.text == "said"
    assert q.content.text == "the ministry had not been consulted"


def test_warned_and_urged_with_their_types(fisheries):
    warned = find(fisheries, "new fishing quotas would ruin coastal towns", cue="warned")
    assert warned.cue.type == "warn" and warned.speaker.entity == "aino-laaksonen"
    assert warned.speaker.role == "Foreign Minister" and warned.speaker.affiliation == "Finland"
    urged = find(fisheries, "resume talks within a month")
    assert urged.cue.type == "urge" and urged.cue.text == "urged"


def test_stressed_and_participle_cue_takes_the_main_subject(pipeline):
    article = run(pipeline, "Mayor Lena Korhonen opened the bridge on Friday, stressing that the city had paid "
                            "for it alone.\n")
    q = find(article, "the city had paid for it alone")
    assert q.cue.type == "stress" and q.speaker.name == "Lena Korhonen"


def test_they_agreed_names_both_people(fisheries):
    q = find(fisheries, "meet again in Oslo")
    assert q.cue.type == "agree"
    assert "Aino Laaksonen" in q.speaker.name and "Erik Lindqvist" in q.speaker.name


def test_they_after_a_plural_subject_is_that_group(pipeline):
    text = (
        "Harbour master Jonas Berg met the crews on Monday.\n"
        "Local fishermen blocked the harbour entrance for six hours. They said the new quotas would ruin them.\n"
    )
    q = find(run(pipeline, text), "the new quotas would ruin them")
    assert q.speaker.name == "Local fishermen"


def test_according_to_a_person_makes_them_the_speaker(pipeline):
    article = run(pipeline, "According to coach Tom Becker, the team trained twice a day before the final.\n")
    q = find(article, "trained twice a day")
    assert q.speaker.name == "Tom Becker" and q.cue.text == "According to"
    assert q.reported_by is None


def test_noun_cue_and_phrasal_cue(pipeline):
    text = (
        "The mayor dismissed the Harbour Gazette’s claim that the tunnel would cost twice the budget.\n"
        "Councillor Ruth Amsel accused the mayor of hiding the engineers’ report from the council.\n"
    )
    article = run(pipeline, text)
    claim = find(article, "the tunnel would cost twice the budget", cue="claim")
    assert claim.speaker.name == "Harbour Gazette" and claim.cue.type == "claim"
    accused = find(article, "hiding the engineers’ report", cue="accused")
    assert accused.speaker.name.endswith("Ruth Amsel") and accused.cue.type == "accuse"


# -- speakers -------------------------------------------------------------------------------------------


def test_title_resolves_to_the_person_with_it(fisheries):
    q = find(fisheries, "resume talks within a month")
    assert speaker_text(fisheries, q) == "The minister"
    assert q.speaker.entity == "erik-lindqvist"


def test_capital_that_speaks_is_its_government(fisheries):
    q = find(fisheries, "breach of the treaty")
    assert q.speaker.entity == "sweden" and q.speaker.role == "government"
    assert speaker_text(fisheries, q) == "Stockholm"


def test_description_resolves_to_the_document_named_before(fisheries):
    q = find(fisheries, "fair sharing of the catch")
    assert speaker_text(fisheries, q) == "the statement"
    assert q.speaker.name == "Swedish Foreign Ministry statement"


def test_he_is_the_last_man_not_someone_named_inside_a_quote(pipeline):
    text = (
        "Senator Paul Okafor met voters in Lagos.\n"
        "“I told Mr. Adeyemi we would fix the road,” Okafor said.\n"
        "He said the work would start in June.\n"
    )
    article = run(pipeline, text)
    assert find(article, "start in June").speaker.name == "Paul Okafor"


# -- reporting sources ----------------------------------------------------------------------------------


def test_outlet_that_reported_covers_the_quotes_it_carries(fisheries):
    q = find(fisheries, "new fishing quotas would ruin coastal towns", cue="warned")
    assert q.reported_by == "RTV"  # "the national broadcaster RTV": the outlet's name
    report = find(fisheries, "on Monday warned")
    assert report.cue.type == "report" and report.speaker.name == "RTV"
    assert speaker_text(fisheries, report) == "the national broadcaster RTV"


def test_according_to_a_statement_is_the_reporting_source(fisheries):
    q = find(fisheries, "reckless and one-sided demands")
    assert q.reported_by == "Swedish Foreign Ministry statement"


def test_told_reuters(fisheries):
    q = find(fisheries, "stocks had fallen by a third")
    assert q.reported_by == "Reuters" and q.speaker.name == "Mikko Salo"


# -- the layer ------------------------------------------------------------------------------------------


def test_offsets_index_the_text_and_the_layer_round_trips(fisheries):
    assert fisheries.quotes
    for q in fisheries.quotes:
        assert fisheries.text[q.content.start : q.content.end] == q.content.text
        assert fisheries.text[q.cue.start : q.cue.end] == q.cue.text
        assert q.kind in {"direct", "indirect", "mixed"}
    data = json.loads(json.dumps(fisheries.to_dict()))
    assert set(data["quotes"][0]) == {"speaker", "cue", "content", "kind", "reported_by"}
    assert set(data["quotes"][0]["speaker"]) == {"name", "entity", "role", "start", "end", "affiliation"}
    assert Article.from_dict(data).quotes == fisheries.quotes


def test_stage_assigns_its_layer(pipeline, fisheries):
    stage = next(s for s in pipeline.stages if s.name == "quotes")
    article = from_text(FISHERIES)
    for s in pipeline.stages:
        s(article)
    before = len(article.quotes)
    stage(article)
    assert len(article.quotes) == before == len(fisheries.quotes)


def test_cue_lexicon_is_data_with_coarse_types():
    lex = lexicon.load()
    assert {"say", "urge", "warn", "reject", "agree", "deny", "promise", "stress"} <= lex.types()
    assert lex.verbs["rebuff"].type == "reject"
    assert lex.phrasal[("call", "for")].type == "urge"


# -- output ---------------------------------------------------------------------------------------------


def test_who_said_what_section_groups_by_speaker(fisheries):
    from newsbrief.render import SECTIONS

    text = "\n".join(SECTIONS["quotes"](fisheries, False))
    assert text.startswith("WHO SAID WHAT")
    assert text.count("Aino Laaksonen (Foreign Minister, Finland)") == 1
    assert "“We will not accept a decision taken behind our backs”" in text
    md = "\n".join(SECTIONS["quotes"](fisheries, True))
    assert md.startswith("## Who said what") and "**Erik Lindqvist**" in md
    assert "(reported by Reuters)" in md


def test_cli_quotes_with_speaker_filter(tmp_path, capsys):
    from newsbrief.cli import main

    path = tmp_path / "fisheries.txt"
    path.write_text(FISHERIES, encoding="utf-8")
    assert main(["quotes", str(path), "--speaker", "Salo", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [q["speaker"]["name"] for q in items] == ["Mikko Salo"]
    assert main(["quotes", str(path), "--speaker", "Lindqvist"]) == 0
    out = capsys.readouterr().out
    assert "Erik Lindqvist" in out and "Mikko Salo" not in out


def test_repo_example(example_article):
    q = find(example_article, "Nobody should have to choose")
    assert q.kind == "direct" and q.speaker.name == "Marieke Olsen"
    assert "This agreement puts that choice behind us" in q.content.text
    assert find(example_article, "reopen fully on Monday").speaker.name == "Anna de Vries"


# -- the shared reference article (../shared/examples) ----------------------------------------------


@pytest.fixture(scope="module")
def shared(shared_example_body, pipeline) -> Article:
    _, body = shared_example_body
    return run(pipeline, body)


@pytest.mark.parametrize(
    ("entity", "words", "cue"),
    [
        ("wang-yi", "consistent support for Pakistan’s counterterrorism efforts", "reaffirmed"),
        ("wang-yi", "Beijing fully understands", "stressing"),
        ("wang-yi", "close attention", "expressed"),
        ("wang-yi", "shared responsibility for all nations", "said"),
        ("wang-yi", "do not serve the fundamental interests", "said"),
        ("wang-yi", "exercise restraint", "urged"),
        ("ishaq-dar", "unilateral and illegal actions", "categorically rejected"),
        ("ishaq-dar", "determination to further deepen bilateral cooperation", "emphasised"),
        ("pakistan", "act of war", "warned"),
        ("shehbaz-sharif", "neutral and transparent", "said"),
    ],
)
def test_shared_example_attributions(shared, entity, words, cue):
    q = find(shared, words, cue=cue)
    assert q.speaker.entity == entity


def test_shared_example_speakers_and_sources(shared):
    he = find(shared, "do not serve the fundamental interests")
    assert speaker_text(shared, he) == "He"
    wang = find(shared, "consistent support for Pakistan’s counterterrorism efforts")
    assert wang.speaker.role == "Foreign Minister" and wang.speaker.affiliation == "China"
    assert "CGTN" in wang.reported_by
    dar = find(shared, "unilateral and illegal actions")
    assert dar.reported_by == "Pakistani Foreign Ministry statement"
    assert dar.speaker.role == "Deputy Prime Minister and Foreign Minister"
    statement = find(shared, "Expressing deep appreciation")
    assert statement.kind == "direct" and statement.cue.text == "read"
    assert statement.speaker.name == "Pakistani Foreign Ministry statement"
    they = find(shared, "maintain close communication and coordination")
    assert speaker_text(shared, they) == "They" and they.cue.text == "agreed"
    assert "Wang Yi" in they.speaker.name and "Ishaq Dar" in they.speaker.name
    islamabad = find(shared, "act of war")
    assert speaker_text(shared, islamabad) == "Islamabad" and islamabad.speaker.role == "government"


def test_a_clause_runs_on_over_a_word_misparsed_as_a_second_verb_of_the_cue():
    """The small model sometimes makes "Occupied" in "… in Russian Occupied Crimea" a conjunct of
    "said"; with nothing joining it, it is still the clause's words (parse set by hand here)."""
    from spacy.tokens import Doc

    from newsbrief.nlp import load_model
    from newsbrief.quotes.attribution import _to_sentence_end

    words = ["Berg", "said", "that", "Norway", "was", "open", "to", "an", "inquiry", "in", "Russian", "Occupied",
             "Crimea", "."]
    heads = [1, 1, 4, 4, 1, 4, 5, 8, 6, 8, 9, 1, 11, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "acomp", "prep", "det", "pobj", "prep", "pobj", "conj",
            "dobj", "punct"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 13)
    cue = doc[1]
    content = list(doc[4].subtree)
    assert [t.text for t in _to_sentence_end(cue, content) if not t.is_punct][-2:] == ["Occupied", "Crimea"]
    # joined by "and", the conjunct is the speaker's second act, not part of what was said
    words2 = [*words[:11], "and", "left", "."]
    heads2 = [*heads[:11], 1, 1, 1]
    deps2 = [*deps[:11], "cc", "conj", "punct"]
    doc2 = Doc(load_model().vocab, words=words2, heads=heads2, deps=deps2, sent_starts=[True] + [False] * 13)
    assert [t.text for t in _to_sentence_end(doc2[1], list(doc2[4].subtree)) if not t.is_punct][-1] == "Russian"


def test_who_said_what_puts_a_first_person_speaker_inside_a_quotation_under_its_speaker():
    from newsbrief.render import quotes_section

    text = ("Harbour master Tove Olsen told the council that she believes we must continue to push policies that "
            "help the island, saying that “the strike costs too much” in Varne, including how the ferries and the "
            "schools are run.\n")
    article = newsbrief.analyze(text, published="2025-03-16")
    assert any(q.speaker and q.speaker.name == "we" for q in article.quotes)  # the layer keeps the text's span
    lines = quotes_section(article, markdown=True)
    heads = [line for line in lines if line.startswith("**")]
    assert heads == ["**Tove Olsen**"], lines


def test_who_said_what_shows_a_two_part_quotation_without_the_words_between():
    from newsbrief.render import quotes_section

    text = ("“Nobody should have to choose between a wage and their safety,” Olsen told reporters in The Hague. "
            "“This agreement puts that choice behind us.”\n")
    article = newsbrief.analyze(text, published="2025-03-16")
    quote = next(q for q in article.quotes if q.kind == "direct")
    assert "told reporters" in quote.content.text  # the layer keeps the whole span, offsets and all
    line = next(line for line in quotes_section(article, markdown=True) if line.startswith("- *told*"))
    assert line == ("- *told*: “Nobody should have to choose between a wage and their safety … This agreement puts "
                    "that choice behind us.”"), line


def test_he_continues_the_subject_before_not_a_name_its_object_mentioned():
    text = ("Former ambassador Peter Westmacott, who will retire soon, praised Barack Obama’s presidency in an "
            "interview published Saturday.\n"
            "“I think the legacy doesn’t look bad,” he told the Guardian.\n"
            "Obama met the ambassador in London last year. He said the talks had gone well.\n")
    article = newsbrief.analyze(text, published="2025-03-16")
    told = next(q for q in article.quotes if q.cue and q.cue.text == "told")
    assert told.speaker is not None and told.speaker.name == "Peter Westmacott", told.speaker
    # "Obama met the ambassador …": the subject is the one "he" continues
    said = next(q for q in article.quotes if q.content.text.startswith("the talks"))
    assert said.speaker is not None and said.speaker.name == "Barack Obama", said.speaker


def test_she_never_points_back_to_a_man_the_article_calls_he(pipeline):
    # the last person named before "She" is Haas, whom the article calls "he"; the woman is Olsen
    text = (
        "Anna Olsen runs the ferry company in Varne.\n"
        "The harbour board met Pieter Haas on Monday in his office on the quay.\n"
        "She said that the closure would have cost the company a fortune.\n"
    )
    article = run(pipeline, text)
    q = find(article, "cost the company a fortune")
    assert q.speaker.name == "Anna Olsen", q.speaker


def test_a_noun_that_names_a_man_tells_his_gender(pipeline):
    text = (
        "Pieter Haas met the ferry captain Jan Olsen and his wife, Anna Olsen, on Monday.\n"
        "The harbour board approved the new timetable after a long meeting.\n"
        "He said that the quay would stay open all winter.\n"
    )
    article = run(pipeline, text)
    q = find(article, "stay open all winter")
    assert q.speaker.name in {"Jan Olsen", "Pieter Haas"}, q.speaker
