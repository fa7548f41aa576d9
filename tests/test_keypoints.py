"""Key points: count, sources, redundancy, headline style and the faithfulness rule, on our own text."""

from __future__ import annotations

import re
from itertools import combinations
from types import SimpleNamespace

import pytest
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

import newsbrief
from newsbrief.document import Cue, Quote, Speaker, TextSpan
from newsbrief.ingest import from_text
from newsbrief.keypoints import key_points
from newsbrief.keypoints.compress import Headliner
from newsbrief.keypoints.names import People
from newsbrief.keypoints.quotation import Protected, balanced_quotes, close_quotation, quote_ranges
from newsbrief.keypoints.rank import QUOTE_PATTERN, RUN_ON, candidates, features, main_subject, rarity
from newsbrief.keypoints.selection import select
from newsbrief.keypoints.syntax import absolute_participle, needs_its_of, no_main_clause
from newsbrief.keypoints.tense import is_plural, present_form, third_person
from newsbrief.nlp import load_model
from newsbrief.pipeline import Settings, build, make_stage

# Written for these tests: a publisher's box, a dateline, a byline, a subhead, a photo caption,
# a trailing attribution, a quotation with a pronoun speaker, past-tense reporting.
WATER_DEAL = """KEY POINTS
- Valley farmers win a water deal
- Minister promises new canals
- Union vote due in June

LISBON (Meridian) - Portuguese Agriculture Minister Rui Cardoso on Monday signed a 12-million-euro agreement with farmers in the Alentejo region, ending a three-week dispute over water rights that had left thousands of hectares of olive groves without irrigation, the Meridian news agency reported.
By Ana Ferreira
The deal was reached after a night of talks between Cardoso and Helena Matos, who leads the Alentejo Farmers Union.
Cardoso said the money would repair leaking canals and install meters at 400 pumping stations.
“Every drop we lose to a broken pipe is a drop taken from a farmer,” he said.
Matos welcomed the agreement but warned that farmers would block the regional highway again if the first repairs had not begun by September.
Drought deepens
The dispute started on March 3, when the regional water authority cut allocations by 40 percent after the driest winter in 60 years.
Photo: Farmers gather outside the ministry in Lisbon.
Farmers blocked the A2 highway for two days last week, and olive exporters said shipments to Brazil had fallen by a quarter.
The union will vote on the agreement on June 12.
"""  # noqa: E501

# Longer, so that it earns more than the minimum number of bullets.
FERRY_STRIKE = """HELSINKI: Finnish ferry crews on Thursday ended a nine-day strike that had stranded thousands of passengers and halted most freight traffic between Helsinki and Tallinn, after the shipping companies agreed to raise wages by 6 percent over two years.
The agreement was announced by the national mediator, Sanna Virtanen, after talks that lasted through the night at her office in central Helsinki.
Virtanen said both sides had accepted her proposal without changes and that the first ferries would sail again on Friday morning.
The seamen's union had demanded a raise of 9 percent and a cap on the number of night shifts a crew member can be asked to work in a month.
Union chairman Mikko Lahtinen called the deal a fair compromise and thanked members for their patience during the strike.
Retailers in Estonia warned last week that shelves were emptying because trucks carrying fresh food could not cross the Gulf of Finland.
Estonian Economy Minister Kadri Tamm estimated that the strike had cost the country's economy at least 30 million euros.
Tamm urged both governments to plan for a second freight route so that a single dispute could not cut the link again.
The shipping companies said they would cover the cost of rebooking for every passenger whose crossing had been cancelled.
Tourism officials in Tallinn expect the number of day visitors from Finland to recover within a month.
The union will ask its members to approve the agreement in an online vote next week.
Analysts said the raise was higher than most wage deals in the Nordic shipping sector this year.
"""  # noqa: E501

SHORT = """Heavy snow closed the mountain pass between the two valleys on Tuesday, local police said.
Drivers were told to use the southern tunnel until the road is cleared.
"""

CONTENT = re.compile(r"[A-Za-z0-9][\w’'-]*")


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def water_headline():
    return newsbrief.analyze(WATER_DEAL, published="2025-05-05")


@pytest.fixture(scope="module")
def water_sentence():
    return newsbrief.analyze(WATER_DEAL, published="2025-05-05", settings=Settings(style="sentence"))


@pytest.fixture(scope="module")
def ferry_headline():
    return newsbrief.analyze(FERRY_STRIKE, published="2025-06-12")


def parsed(text: str):
    """An article with its Doc kept (the pipeline drops it at the end), for calling the stage's parts."""
    article = from_text(text)
    for stage in build(Settings(), stages=["validate", "publisher_box", "dateline", "parse", "sentences",
                                           "entities"]).stages:
        stage(article)
    return article


def direct_quote(article, person, speaker: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]) -> Quote:
    """A quotes-layer item set by hand: ``person`` said the text at ``content`` (offsets into the text)."""
    return Quote(
        speaker=Speaker(name=person.name, entity=person.id, role=None, start=speaker[0], end=speaker[1]),
        cue=Cue(text=article.text[cue[0]:cue[1]], start=cue[0], end=cue[1], type="say"),
        content=TextSpan(text=article.text[content[0]:content[1]], start=content[0], end=content[1]),
        kind="direct",
    )


def content_words(text: str) -> set[str]:
    return {w.lower() for w in CONTENT.findall(text) if w.lower() not in STOP_WORDS}


def source_text(article, kp) -> str:
    return " ".join(article.text[s.start : s.end] for s in kp.sources)


def assert_faithful(nlp, article, kp) -> None:
    """Every word of the bullet is in its sources, or is a tense change of one of their words
    (same lemma); every number and proper noun, and every quotation, is there verbatim."""
    src = source_text(article, kp)
    src_doc = nlp(src)
    src_words = {t.lower_ for t in src_doc}
    src_lemmas = {t.lemma_.lower() for t in src_doc}
    bullet = nlp(kp.text)
    for tok in bullet:
        if tok.is_punct or tok.is_space:
            continue
        assert tok.lower_ in src_words or tok.lemma_.lower() in src_lemmas, (tok.text, kp.text, src)
        if tok.like_num or any(ch.isdigit() for ch in tok.text):
            assert tok.text in src, (tok.text, kp.text)
        if tok.i > 0 and tok.text[:1].isupper():
            assert tok.text in src, ("proper noun not in sources", tok.text, kp.text)
    for quote in re.findall(r"“[^”]*”", kp.text):
        assert quote in src, (quote, src)


def test_between_three_and_five_bullets(water_headline, water_sentence, ferry_headline):
    for article in (water_headline, water_sentence, ferry_headline):
        assert 3 <= len(article.key_points) <= 5
    assert len(ferry_headline.key_points) > 3  # a longer article earns more than the minimum


def test_sources_are_sentences_of_the_text(water_headline, water_sentence, ferry_headline):
    for article in (water_headline, water_sentence, ferry_headline):
        spans = {(s.start, s.end) for s in article.sentences}
        for kp in article.key_points:
            assert kp.sources
            for src in kp.sources:
                assert (src.start, src.end) in spans
                assert article.text[src.start : src.end].strip()


def test_sentence_style_is_whole_source_sentences(water_sentence):
    for kp in water_sentence.key_points:
        assert kp.style == "sentence"
        assert len(kp.sources) == 1
        assert kp.text == water_sentence.text[kp.sources[0].start : kp.sources[0].end]


def test_no_two_bullets_say_the_same_thing(water_headline, water_sentence, ferry_headline):
    for article in (water_headline, water_sentence, ferry_headline):
        for a, b in combinations(article.key_points, 2):
            wa, wb = content_words(a.text), content_words(b.text)
            assert len(wa & wb) / min(len(wa), len(wb)) < 0.5, (a.text, b.text)
            assert not {(s.start, s.end) for s in a.sources} & {(s.start, s.end) for s in b.sources}


def test_headline_style_length_tense_and_no_dateline(nlp, water_headline, ferry_headline):
    for article in (water_headline, ferry_headline):
        for kp in article.key_points:
            assert kp.style == "headline"
            words = CONTENT.findall(kp.text)
            # a bullet from the lede (the first three prose sentences) may run to 20 words, any other to 16
            lede = [c.sentence.start for c in sorted(candidates(parsed(article.text)), key=lambda c: c.index)[:3]]
            limit = 20 if kp.sources[-1].start in lede else 16
            assert 8 <= len(words) <= limit, kp.text
            assert not re.match(r"^[A-Z]{3,}[A-Z/ ]*(?:\([^)]*\))?\s*[:—–-]", kp.text), kp.text
            assert not kp.text.endswith("."), kp.text
            doc = nlp(kp.text)
            root = next(t for t in doc if t.dep_ == "ROOT")
            tensed = [root] + [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
            assert all(t.tag_ != "VBD" for t in tensed), (kp.text, [(t.text, t.tag_) for t in tensed])


def test_headline_drops_dateline_attribution_time_and_title(water_headline):
    first = water_headline.key_points[0].text
    assert first.startswith("Rui Cardoso signs")
    for gone in ("LISBON", "Meridian", "on Monday", "Agriculture Minister", "reported"):
        assert gone not in first


def test_faithfulness_rule(nlp, water_headline, ferry_headline):
    for article in (water_headline, ferry_headline):
        for kp in article.key_points:
            assert_faithful(nlp, article, kp)


def test_surname_once_the_person_is_known(water_headline):
    texts = [kp.text for kp in water_headline.key_points]
    assert "Rui Cardoso" in texts[0]
    later = " ".join(texts[1:])
    assert "Cardoso" in later and "Rui Cardoso" not in later


def test_non_prose_and_publisher_box_never_become_bullets(water_headline, water_sentence):
    box_end = max(p.end for p in water_headline.publisher_key_points)
    for article in (water_headline, water_sentence):
        for kp in article.key_points:
            for src in kp.sources:
                assert src.start > box_end
                text = article.text[src.start : src.end]
                assert not text.startswith(("By ", "Photo:", "Drought deepens"))
            for point in article.publisher_key_points:
                assert point.text.lower() not in kp.text.lower()


def test_a_box_only_article_body_is_still_summarised_from_the_body():
    article = newsbrief.analyze(WATER_DEAL.split("\n\n", 1)[1], published="2025-05-05")
    assert article.publisher_key_points == []
    assert article.key_points[0].text.startswith("Rui Cardoso signs")


def test_short_article_gets_fewer_bullets():
    article = newsbrief.analyze(SHORT, published="2025-01-14")
    assert 1 <= len(article.key_points) <= 2


def test_max_points_setting():
    article = newsbrief.analyze(FERRY_STRIKE, published="2025-06-12", settings=Settings(max_points=2, min_points=2))
    assert len(article.key_points) == 2


def test_pronoun_speaker_named_from_the_sentence_before_and_cited(nlp):
    article = parsed(WATER_DEAL)
    quote_sentence = next(c for c in candidates(article) if c.sentence.text.startswith("“Every drop"))
    text, sources, _ = Headliner(article).compress(quote_sentence)
    assert "Cardoso says" in text
    assert "“Every drop we lose to a broken pipe is a drop taken from a farmer,”" in text
    assert [s.text[:7] for s in sources] == ["Cardoso", "“Every "]


TALKS = """Rui Cardoso met Helena Matos in Evora on Monday to discuss the canals and the summer harvest.
The talks lasted six hours and ended with a signed agreement on repairs.
“We will repair every canal before the harvest begins,” he said after the meeting.
"""


def test_pronoun_left_alone_without_evidence_and_resolved_by_the_quotes_layer():
    article = parsed(TALKS)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("“We will"))
    text, sources, _ = Headliner(article).compress(cand, commit=False)
    assert "Cardoso" not in text and len(sources) == 1  # the sentence before names no speaker: no guess

    person = next(e for e in article.entities if e.name == "Rui Cardoso")
    content_start = cand.sentence.start + 1
    content_end = article.text.index("begins,", content_start) + len("begins")
    he = article.text.index(" he said", content_start) + 1
    article.quotes = [direct_quote(article, person, (he, he + 2), (he + 3, he + 7), (content_start, content_end))]
    text, sources, _ = Headliner(article).compress(cand, commit=False)
    assert text.startswith("“We will repair every canal before the harvest begins,” Cardoso says")
    assert sources[0].text.startswith("Rui Cardoso met")


def test_quotation_kept_verbatim_inside_its_marks(nlp):
    text = (
        "Union chairman Mikko Lahtinen on Thursday called the offer “a fair compromise for tired crews” "
        "and thanked members for their patience during the long strike at the port.\n"
    )
    article = parsed(text)
    points = key_points(article, "headline", 1, 1)
    assert "“a fair compromise for tired crews”" in points[0].text
    assert_faithful(nlp, article, points[0])


def test_third_person_agreement():
    assert [third_person(v) for v in ("say", "urge", "reach", "carry", "go", "be", "have", "fix")] == [
        "says", "urges", "reaches", "carries", "goes", "is", "has", "fixes"]


def test_present_form_only_changes_past_verbs(nlp):
    doc = nlp("The ministers agreed and the union was ready, but it would wait.")
    forms = {t.text: present_form(t, plural=t.text == "agreed") for t in doc}
    assert forms["agreed"] == "agree"
    assert forms["was"] == "is"
    assert forms["would"] is None
    assert forms["ministers"] is None


def test_shared_example_key_points(nlp, shared_example_body):
    full, body = shared_example_body
    article = newsbrief.analyze(body, published="2025-04-27")
    points = article.key_points
    assert 3 <= len(points) <= 5
    joined = " ".join(kp.text for kp in points)
    assert "Wang" in joined and "Dar" in joined
    assert "ISLAMABAD" not in joined and "Sunday" not in joined
    for kp in points:
        assert 8 <= len(CONTENT.findall(kp.text)) <= 16, kp.text
        assert_faithful(nlp, article, kp)
    # with the editors' box in the text, the box stays out of our bullets
    boxed = newsbrief.analyze(full, published="2025-04-27")
    assert len(boxed.publisher_key_points) == 3
    for kp in boxed.key_points:
        assert "hegemonic" not in kp.text
        assert all(s.start >= boxed.publisher_key_points[-1].end for s in kp.sources)


def test_hyphenated_words_stay_whole_and_a_court_attribution_goes(nlp):
    text = ("Former bank clerk Glen Ward plundered the savings of a 91-year-old widow and a 78-year-old farmer "
            "living near his branch in Dover, a court heard on Friday.\n")
    article = parsed(text)
    point = key_points(article, "headline", 1, 1)[0]
    assert not re.search(r"(?:^|\s)-|-(?:\s|$)", point.text), point.text
    assert "court heard" not in point.text and "Friday" not in point.text
    assert "Glen Ward plunders the savings of a 91-year-old widow" in point.text
    assert_faithful(nlp, article, point)


def test_leading_connective_goes_from_a_headline(nlp):
    text = (
        "The harbour board met on Monday to discuss the new ferry timetable for the summer months.\n"
        "However, the board approved a plan to extend the northern pier by 40 metres.\n"
    )
    article = parsed(text)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("However"))
    headline, _, _ = Headliner(article).compress(cand, commit=False)
    assert headline.startswith("The board approves a plan to extend the northern pier"), headline
    assert "However" not in headline


def test_quotes_layer_speaker_named_elsewhere_in_the_sentence_is_not_the_pronoun():
    text = (
        "Helena Matos and Rui Cardoso walked along the canal in Evora on Monday before the vote.\n"
        "She said that Cardoso had called the repairs “a promise we will keep before the harvest” at the meeting.\n"
    )
    article = parsed(text)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("She said"))
    cardoso = next(e for e in article.entities if e.name == "Rui Cardoso")
    content_start = article.text.index("a promise")
    content_end = article.text.index("harvest”") + len("harvest")
    mention = article.text.index("Cardoso had")
    article.quotes = [direct_quote(article, cardoso, (mention, mention + 7), (mention + 12, mention + 18),
                                   (content_start, content_end))]
    headline, sources, _ = Headliner(article).compress(cand, commit=False)
    # the quote is Cardoso's, but "She" is someone else: the pronoun stays unresolved
    assert not headline.startswith("Cardoso says"), headline
    assert len(sources) == 1


def test_balanced_quotes():
    assert balanced_quotes("Dar rejects India’s “unilateral and illegal actions”")
    assert balanced_quotes("The workers' union calls it 'a disgrace' and walks out")
    assert not balanced_quotes("Brodie says: 'The coast road bus lanes will be removed")
    assert not balanced_quotes("Dar rejects “unilateral actions")


# Two people on a call, one of them quoted three times: "they" is the pair, and the box should not be
# one person's statements.
CALL = """Norwegian Fisheries Minister Ingrid Solberg spoke by phone on Monday with Icelandic Fisheries Minister Gunnar Thorsson about the cod quotas in the Barents Sea.
Solberg said that Norway would cut its own catch by a fifth next year to protect the spawning stock.
Solberg said that the research fleet had counted far fewer young cod than in any survey since 1990.
Solberg said that Norwegian trawlers would carry observers from the marine institute on every trip.
Thorsson welcomed the cut and promised that Iceland would publish its own survey results in March.
They agreed to meet again in Reykjavik before the quota talks with the European Union in the autumn.
"""  # noqa: E501


def test_they_after_two_people_becomes_both_surnames_and_cites_who_they_are(nlp):
    article = parsed(CALL)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("They agreed"))
    text, sources, _ = Headliner(article).compress(cand, commit=False)
    assert text.startswith("Solberg and Thorsson agree to meet again in Reykjavik"), text
    assert sources[0].text.startswith("Norwegian Fisheries Minister Ingrid Solberg spoke")
    point = key_points(article, "headline", 1, 5)
    for kp in point:
        assert_faithful(nlp, article, kp)


def test_they_stays_unresolved_when_it_could_be_anyone_else(nlp):
    text = CALL.replace("They agreed", "The trawler crews meanwhile protested in Tromso. They agreed")
    article = parsed(text)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("They agreed"))
    out, sources, _ = Headliner(article).compress(cand, commit=False)
    assert "Solberg" not in out and len(sources) == 1


def test_no_more_than_two_bullets_about_one_actor():
    article = parsed(CALL)
    points = key_points(article, "headline", 4, 4)
    assert sum(kp.text.startswith("Solberg says") for kp in points) <= 2, [kp.text for kp in points]
    assert any("Thorsson" in kp.text for kp in points), [kp.text for kp in points]


def test_surname_is_the_last_name_when_the_article_uses_it():
    text = ("Boxing promoter Lena Marquez signed the heavyweight Tomas Okafor on Tuesday after a year of talks. "
            "Tomas, as fans call him, has won all of his 18 fights by knockout. "
            "Okafor will fight for the European title in Madrid in October, Marquez said. "
            "Okafor trained for the fight in Lagos and lost six kilos in a month.\n")
    article = parsed(text)
    person = next(e for e in article.entities if e.name == "Tomas Okafor")
    assert People(article).surname(person) == "Okafor"


def test_quoted_first_person_keeps_its_tense_even_with_mixed_marks(nlp):
    text = ("Midfielder Paulo Reis was substituted after an hour of the cup final in Porto on Sunday.\n"
            "‘I was a little bit surprised to be taken off so early in such an important game,' Reis said.\n")
    article = parsed(text)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("‘I was"))
    out, _, _ = Headliner(article).compress(cand, commit=False)
    assert "I was a little bit surprised" in out and "I are" not in out and "I is" not in out


def test_a_quotation_that_lost_its_marks_is_no_headline():
    text = ("The sprinter Ama Boateng will run the relay at the national championships in Accra next month.\n"
            "I am fit, healthy and ready to run for my country again after a long winter of injuries.\n")
    article = parsed(text)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("I am"))
    assert not Headliner(article).acceptable(cand)


def test_title_case_wire_dateline_goes():
    text = ("Porto, Portugal (CNN) -- Dock workers in Porto ended a week-long strike on Tuesday after the port "
            "authority agreed to hire two hundred permanent staff.\n")
    article = parsed(text)
    point = key_points(article, "headline", 1, 1)[0]
    assert point.text.startswith("Dock workers in Porto end"), point.text


def cut_ready(text: str):
    """The one-sentence article, its candidate, and a Headliner that has read the sentence the cuts work on."""
    article = parsed(text)
    cand = candidates(article)[0]
    headliner = Headliner(article)
    headliner.compress(cand, commit=False)
    return article, cand, headliner


def tail_after_cut(text: str, word: str, keep_word: bool):
    """The one-sentence article, what is left of its words once a cut took everything after ``word`` (or from it
    on) and the dangling tail went, and whether what is left is cut short beyond mending."""
    article, cand, headliner = cut_ready(text)
    headliner.punct = {t.i for t in cand.span if t.is_punct}
    headliner.core = {cand.span.root.i}
    at = next(t for t in cand.span if t.text == word)
    keep = {t.i for t in cand.span if t.i < at.i or (keep_word and t.i == at.i)}
    truncated = headliner._drop_dangling_tail(keep, quote_ranges(cand.span))
    return article, keep, truncated


def test_a_phrase_that_lost_its_head_does_not_end_a_headline():
    text = ("Rescue crews in Sicily are struggling with a rising number of small boats arriving from Libya and "
            "Tunisia hoping to reach the mainland before the autumn storms close the crossing for the winter.\n")
    article, keep, _ = tail_after_cut(text, "hoping", keep_word=True)  # a cut took what "hoping" governed
    assert article.doc[max(keep)].text == "Tunisia"


def test_a_sentence_fragment_starting_in_lower_case_is_never_a_candidate():
    text = ("The harbour board approved a new ferry terminal for the island on Monday after two years of hearings.\n"
            "but the money for the second pier has still not been found by the regional council.\n"
            "Work on the terminal will start in the spring and should take about eighteen months.\n")
    article = parsed(text)
    assert [c.sentence.text[:3] for c in candidates(article)] == ["The", "Wor"]


def test_a_side_clause_cut_before_its_verb_goes_whole():
    text = ("The chess champion Levan Abashidze was expelled from the city tournament in Tbilisi when he was found "
            "using a phone in a toilet cubicle during the sixth round.\n")
    article, keep, _ = tail_after_cut(text, "found", keep_word=False)  # "… in Tbilisi when he was": no verb
    assert article.doc[max(keep)].text == "Tbilisi", [article.doc[i].text for i in sorted(keep)]


# a first sentence that puts the one under test after the lede
MAYOR = "The mayor set out her plan for the harbour on Monday.\n"


def headline_of(text: str, starts: str) -> tuple[str, bool]:
    """The compressed bullet of the sentence starting with ``starts``, and whether it is acceptable."""
    article = parsed(text)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith(starts))
    headliner = Headliner(article)
    return headliner.compress(cand, commit=False)[0], headliner.acceptable(cand)


def lede_headline_of(text: str) -> tuple[str, bool]:
    """headline_of for the article's first sentence read as the lede, which may keep up to 20 words."""
    article = parsed(text)
    cand = candidates(article)[0]
    headliner = Headliner(article, lede=[cand.index])
    return headliner.compress(cand, commit=False)[0], headliner.acceptable(cand)


def usable_of(text: str, starts: str = "") -> bool:
    """Whether the sentence starting with ``starts`` may stand in a box at all (Headliner.usable)."""
    article = parsed(text)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith(starts))
    return Headliner(article).usable(cand)


def hand_parse(words: list[str], heads: list[int], deps: list[str], tags: list[str] | None = None,
               pos: list[str] | None = None) -> Doc:
    """A parse set by hand, for a misparse the model gives only on words the tests cannot carry."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


class StandInHeadliner(SimpleNamespace):
    """The Headliner's methods on the per-sentence state a test sets by hand (a hand parse has no article)."""

    def __getattr__(self, name: str):
        return getattr(Headliner, name).__get__(self)


def test_a_closing_attribution_goes_even_when_parsed_inside_the_claim():
    text = ("Mark Hollins, 61, drained the accounts of eleven customers who banked at his branch in Lewes, "
            "Sussex, the Crown Court heard.\n")
    out, _ = headline_of(text, "Mark")
    assert "heard" not in out and "hears" not in out and "Crown Court" not in out, out
    assert out.startswith("Mark Hollins drains the accounts of eleven customers"), out


def test_a_preposition_goes_with_the_time_it_introduced():
    text = ("Mark Hollins, who once won a prize from the county police for his work against fraud, hid the "
            "thefts for almost a year before his arrest in May 2014.\n")
    out, _ = headline_of(text, "Mark")
    assert "for before" not in out and "almost a year" not in out, out
    assert not out.endswith(("for", "before")), out


def test_a_picture_caption_label_goes():
    text = ("Caught out: Mark Hollins was filmed leaving the branch in Lewes with a bag of banknotes.\n"
            "The bank dismissed him a week later and called in the police to investigate.\n")
    out, _ = headline_of(text, "Caught")
    assert out.startswith("Mark Hollins is filmed leaving the branch"), out


def test_an_agency_tag_glued_to_the_first_word_is_split_off(nlp):
    assert [t.text for t in nlp("(CNN)Firefighters rescued a woman.")][:4] == ["(", "CNN", ")", "Firefighters"]
    text = ("Lisbon, Portugal (CNN)Firefighters have rescued a woman from the ruins of a flat that collapsed "
            "after a gas explosion.\n")
    out, _ = headline_of(text, "Lisbon")
    assert out.startswith("Firefighters have rescued a woman from the ruins"), out


def test_he_is_not_the_person_his_own_sentence_names():
    text = ("Prosecutor Ruth Adeyemi told the jury that Mark Hollins had emptied the savings of a retired "
            "teacher in the village.\n"
            "He said she had trusted Hollins for years and gave him her passwords.\n")
    out, ok = headline_of(text, "He said")
    assert not out.startswith("Hollins"), out
    assert not ok, out


def test_a_quotation_in_the_first_or_second_person_without_its_marks_is_no_headline():
    text = ("The harbour master Ana Lopes defended the new ferry timetable at a packed meeting on Monday night.\n"
            "It's not perfect but I'm sure the islanders will get used to the later boats by the summer.\n"
            "If you travel on the early boat, expect to wait for the connecting bus in the village square.\n")
    article = parsed(text)
    headliner = Headliner(article)
    verdict = {c.sentence.text[:5]: headliner.acceptable(c) for c in candidates(article)}
    assert verdict["The h"] and not verdict["If yo"] and not verdict.get("It's ", False), verdict


def test_a_surname_ending_in_s_is_one_person():
    out, _ = headline_of("Coach Marc Wilmots admitted on Sunday that he may have played his captain for too long.\n",
                         "Coach")
    assert "Wilmots admits that he may have played his captain" in out, out


def test_a_bullet_starting_with_a_bare_verb_is_refused():
    text = ("The harbour board has cut the number of summer ferries to the island from six a day to four.\n"
            "Expect long queues at the pier on the first weekend of the new timetable, the board said.\n")
    _, ok = headline_of(text, "Expect")
    assert not ok


def test_sentence_style_skips_a_sentence_speaking_in_the_first_person():
    text = ("The harbour board approved a new ferry terminal for the island on Monday after two years of hearings.\n"
            "I am sure the islanders will welcome the later boats once the summer season begins in earnest.\n"
            "Work on the terminal will start in the spring and should take about eighteen months to complete.\n"
            "The regional council has promised to pay for a second pier if the first one proves its worth.\n")
    points = key_points(parsed(text), "sentence", 3, 3)
    assert len(points) == 3
    assert not any(p.text.startswith("I am") for p in points), [p.text for p in points]


def test_a_verbs_particle_and_a_copulas_predicate_are_never_cut():
    text = ("When the vote came, under pressure from the fishing unions and their many allies in the regional "
            "parliament, the ferry company backed out.\n")
    out, _ = headline_of(text, "When")
    assert out.endswith("backs out"), out
    text = ("The islanders kept calm even though an arbitration panel in 2019 found the ferry company was in breach "
            "of its contract with the regional council.\n")
    out, _ = headline_of(text, "The islanders")
    assert not out.endswith(" was"), out


HARBOUR_BOARD = ("The harbour board approved a new ferry terminal for the island on Monday after two years of "
                 "hearings.\n")
TERMINAL_WORK = "Work on the terminal will start in the spring and should take about eighteen months to complete.\n"


@pytest.mark.parametrize("text", [
    # a title-case headline line, with or without a full stop
    "What The Harbour Board Could Do When Up Against The Ferry Unions.\n\n" + HARBOUR_BOARD + TERMINAL_WORK,
    # a fragment after a caption mark
    HARBOUR_BOARD + "(pictured) was opened by the mayor in a short ceremony on the quay with the ferry crews.\n"
    + TERMINAL_WORK,
])
def test_a_headline_line_or_a_caption_fragment_is_not_prose(text):
    assert [c.sentence.text[:4] for c in candidates(parsed(text))] == ["The ", "Work"]


def test_a_surname_two_people_share_is_not_shortened():
    text = ("Hannah Okafor opened the new ferry terminal on the island of Brava on Monday morning.\n"
            "Later that day Hannah Okafor and her brother Daniel Okafor signed the contract for the second pier.\n")
    out, _ = headline_of(text, "Later")
    assert "Hannah Okafor" in out and "Daniel Okafor" in out, out


def test_a_surname_after_a_quoted_nickname_does_not_make_another_person_known():
    # the recognizer splits "Mike 'Big Bear' Carter" and files his "Carter" under Billy Carter, named next:
    # "Carter is last seen" would say the husband went missing
    text = ("Reality star June Walsh and her estranged husband Mike 'Big Bear' Carter have filed a missing persons "
            "report after his older brother disappeared three days ago.\n"
            "Billy Carter was last seen on Saturday at the couple's home in McIntyre, Georgia.\n")
    out, _ = headline_of(text, "Billy")
    assert out.startswith("Billy Carter "), out


def test_what_a_sentence_comes_after_is_its_bullet():
    text = ("Voters in Scotland would rather have a vote on Europe than another independence referendum.\n"
            "It comes after First Minister Nicola Sturgeon last night refused to rule out staging a second "
            "independence vote.\n")
    out, ok = headline_of(text, "It comes")
    assert out == "Nicola Sturgeon refuses to rule out staging a second independence vote" and ok, out


def test_the_date_of_what_is_to_happen_stays_and_that_of_what_happened_goes():
    text = ("The harbour board will vote on the new ferry fares on Thursday, the chairman said.\n"
            "The harbour board voted on the new ferry fares on Thursday, the chairman said.\n")
    coming, _ = headline_of(text, "The harbour board will")
    past, _ = headline_of(text, "The harbour board voted")
    assert coming == "The harbour board will vote on the new ferry fares on Thursday", coming
    assert past == "The harbour board votes on the new ferry fares", past


def test_a_cut_never_leaves_a_verb_without_the_noun_it_leaned_on():
    # the parser hangs "will be moved" on "told" with no subject; cutting "describing how their jobs …" would leave
    # "… tells workers, will be moved to Poland"
    text = ('"This is purely a business decision," a factory manager told workers, describing how their 600 jobs '
            "making boilers and pumps will be moved to Poland.\n")
    out, ok = headline_of(text, '"This')
    assert not ok and not usable_of(text), out


def test_was_doing_when_keeps_what_happened_in_the_present_too():
    # "was leaving … when it struck": the "when" clause is the news, the main clause only the scene
    text = ("The Saltmere ferry was leaving the harbour with 40 passengers on board when it struck a sandbank on "
            "Sunday.\n")
    out, ok = headline_of(text, "The Saltmere")
    assert out == "The Saltmere ferry is leaving the harbour with 40 passengers when it strikes a sandbank" and ok, out


def test_how_well_known_someone_is_in_a_post_goes_with_the_post():
    out, _ = headline_of("The movie Harbour Lights by famed director Anna Berg is set to be released this week in "
                         "cinemas across Norway.\n", "The movie")
    assert "by Anna Berg is set" in out, out
    # a state of the person is not the post's: it stays
    out, _ = headline_of("Bergen will play the final on Sunday without injured captain Tove Olsen, the club said.\n",
                         "Bergen")
    assert "injured" in out, out


def test_a_number_of_takes_the_plural_and_the_number_of_does_not():
    out, _ = headline_of("A number of harbour workers joined the strike at the ferry terminal on Monday.\n", "A number")
    assert out.startswith("A number of harbour workers join "), out
    out, _ = headline_of("The number of ferry passengers fell sharply in the busiest summer months.\n", "The number")
    assert out.startswith("The number of ferry passengers falls "), out


def test_telling_someone_needs_what_of_even_when_the_parser_hangs_it_on_the_object():
    # the parser hangs "of the severe impact" on "court": without it the court was told nothing, and no bullet ends so
    out, ok = headline_of("A deckhand who was subjected to years of bullying by Saltmere ferry captain Tom Hale has "
                          "told a court of the severe impact it had on his life.\n", "A deckhand")
    assert not (out.endswith("told a court") and ok), out


def test_a_pronoun_joined_to_a_name_takes_the_plural():
    out, _ = headline_of("When Tove Olsen reached the harbour on Monday, she and the mayor had reasons to celebrate "
                         "the new ferry.\n", "When")
    assert "she and the mayor have reasons" in out, out


@pytest.mark.parametrize(("text", "starts", "expected"), [
    ("The harbour master caused quite a stir when she closed the old ferry terminal to all traffic.\n", "The harbour",
     "The harbour master causes quite a stir when she closes the old ferry terminal"),
    ("When the storm reached Saltmere, the island council cancelled every ferry for the weekend.\n", "When",
     "When the storm reaches Saltmere, the island council cancels every ferry for the weekend"),
    # what went on meanwhile ("as", "while") is of the same moment
    ("Three people died in a fire at the bank as police fought running battles with protesters in the square.\n",
     "Three", "Three people die in a fire at the bank as police fight running battles with protesters"),
    ("Some protesters tried to storm the harbour office while others threw stones at the police.\n", "Some",
     "Some protesters try to storm the harbour office while others throw stones at the police"),
    ("The ferry Nordlys sank off Saltmere as a fierce storm paralysed the coast.\n", "The ferry",
     "The ferry Nordlys sinks off Saltmere as a fierce storm paralyses the coast"),
    # "as if it were" is no time
    ("The mayor spoke about the new ferry as if it were already built and paid for by the island.\n", "The mayor",
     "The mayor speaks about the new ferry as if it were already built"),
    # the main clause keeps its past, and so does its "when" clause
    ("The harbour pilot Tove Olsen once ran aground when she crossed the strait in a winter storm.\n", "The harbour",
     "The harbour pilot Tove Olsen once ran aground when she crossed the strait"),
])
def test_a_when_clause_takes_the_tense_of_its_main_clause(text, starts, expected):
    # "Sessions causes a stir when he [went → goes] on the record": one moment, one tense
    out, ok = headline_of(text, starts)
    assert out == expected and ok, out


def test_a_phrase_closing_a_clause_on_a_noun_goes_as_the_nouns_modifiers_do():
    # "worn by Maria Silva when she played Rosa Keller [in the classic 1962 film Harbour Lights]": the phrase ends the
    # participle clause on "dress", and goes before the clause itself does
    text = ("A dress worn by Maria Silva when she played Rosa Keller in the classic 1962 film Harbour Lights has "
            "fetched $13,700 at auction.\n")
    out, ok = headline_of(text, "A dress")
    assert out == "A dress worn by Maria Silva when she played Rosa Keller has fetched $13,700" and ok, out


def test_a_day_the_parser_made_part_of_a_time_goes_with_it():
    text = "The old ferry struck the harbour wall Friday afternoon near the fish market in Saltmere.\n"
    out, _ = headline_of(text, "The old ferry")
    assert out == "The old ferry strikes the harbour wall near the fish market in Saltmere", out


def test_a_cut_never_splits_a_clock_time_of_tokenized_copy():
    # "8: 30pm" (a space after the colon, as tokenized wire copy writes it) is one time: no cut leaves ": 30pm"
    text = ("A harbour official reports that the collision took place just after 8: 30pm Thursday night inside the old "
            "fish market, along the 1200 block of Quay Street, at Harbour Road.\n")
    out, _ = headline_of(text, "A harbour official")
    assert "8: 30pm" in out, out


def test_a_two_year_old_keeps_its_old():
    # the parser hangs "with records …" on "old"; the cut of that phrase left "old" looking like an adjective that
    # lost its noun, and the bullet ended "… healthy two year"
    text = ("The Finnish doctors compared the weight and height of more than 12,000 healthy two year old with "
            "records on antibiotic prescription.\n")
    out, _ = headline_of(text, "The Finnish")
    assert not out.endswith("two year"), out


def test_it_has_emerged_that_goes_but_a_hedge_stays():
    text = ("It's now been revealed that the singer Ella Moss has joined forces with the shampoo brand Glow.\n"
            "It is thought that the harbour board knew of the cracks in the old pier for years.\n")
    emerged, ok = headline_of(text, "It's now")
    thought, _ = headline_of(text, "It is thought")
    assert emerged == "The singer Ella Moss has joined forces with the shampoo brand Glow" and ok, emerged
    assert thought.startswith("It is thought that"), thought


def test_joined_forces_keeps_with_whom():
    text = ("Talent show finalist and pop star Ella Moss has joined forces with the dry shampoo brand Glow in a deal "
            "worth two million pounds.\n")
    out, _ = headline_of(text, "Talent")
    assert not out.endswith("joined forces"), out


def test_a_time_still_to_run_keeps_its_to_go():
    text = ("The Tories have nudged ahead in the polls with less than two weeks to go until polling day, the latest "
            "survey of voters in the marginal seats shows.\n")
    out, _ = headline_of(text, "The Tories")
    assert not out.endswith("two weeks"), out


def test_an_age_is_no_time_adverbial():
    # "31 year old" is tagged a DATE hung on "old": as "on Friday" goes, it went, leaving "finds old Mark Kellerman"
    text = ("A Saltmere jury found 31 year old Mark Kellerman guilty of first degree murder of his 20 year old "
            "girlfriend Jane Flynn and their unborn child.\n")
    out, _ = headline_of(text, "A Saltmere")
    assert "31 year old Mark Kellerman" in out, out


def test_the_time_a_verb_spends_is_what_it_says():
    # "spent [Thursday morning] touring …": the time is what was spent, no time adverbial ("spends touring the …")
    text = ("The mayor of Saltmere spent Thursday morning touring the flooded streets of the old harbour district "
            "with fire crews.\n")
    out, _ = headline_of(text, "The mayor")
    assert out.startswith("The mayor of Saltmere spends Thursday morning touring"), out


def test_the_authors_note_at_the_foot_is_not_prose_but_a_reporter_in_the_news_is():
    text = ("Maria Silva was released from prison in Baku on Monday after eleven months in detention.\n"
            "Silva is a reporter for the Lisbon Courier who covered the oil industry for six years.\n"
            "Her lawyers said the charges against her had been invented to silence her reporting on pipelines.\n"
            "The foreign ministry in Lisbon said it had raised her case with the authorities at every meeting.\n"
            "Her editor said the paper would keep publishing her work and would pay for her treatment at home.\n"
            "Tom Reddy is a columnist for the Harbour Gazette and the author of two books on shipping.\n")
    starts = [c.sentence.text[:10] for c in candidates(parsed(text))]
    assert "Tom Reddy " not in starts and "Silva is a" in starts, starts


def test_a_verb_cut_off_from_what_it_wants_or_offers_is_no_headline():
    # the cuts that make these fit leave "... accepted the striker wants", "... staff has offered"
    for text, start in [
        ("Porto have scored 17 times in the league this season - but the directors have accepted the striker "
         "wants to go back to his boyhood club in Argentina before the end of the season.\n", "Porto"),
        ("The airport apologised for the delays at security on Friday but pointed out that staff had offered "
         "to post the confiscated toy guns back to every family who asked.\n", "The airport"),
    ]:
        out, acceptable = headline_of(text, start)
        # refused, or made by another order of cuts that keeps the verb whole
        assert not acceptable or not out.endswith(("wants", "offered")), out


def test_an_adjective_of_a_title_goes_with_it_but_a_persons_state_stays():
    out, _ = headline_of("The presidential candidate Maria Lopes promised on Monday to cut the price of bus tickets "
                         "in the capital by half before the end of the year.\n", "The")
    assert "presidential" not in out and "candidate" not in out and out.startswith("Maria Lopes"), out
    out, _ = headline_of("United were without the injured captain Tom Reyes and fellow forward Ali Demir but Kovac "
                         "quickly made an impact with a free kick from 30 yards.\n", "United")
    assert "injured Tom Reyes" in out, out


def test_the_cut_that_keeps_most_of_what_the_article_is_about_wins():
    # the usual order drops the relative clause first ("The ferry company cancels all crossings for a
    # week", 8 words); the clause about the ferry, the article's subject, fits and stays
    text = ("The ferry strike has left the island without fuel.\n"
            "Ferry crews walked out on Monday over ferry pay and ferry rosters.\n"
            "The ferry company, which runs every ferry to the island, cancelled all crossings for a week after the "
            "talks with the union collapsed at the harbour office.\n")
    out, acceptable = headline_of(text, "The ferry company")
    assert "which runs every ferry to the island" in out and acceptable, out
    assert len(out.split()) <= 16


def test_a_participle_that_lost_all_after_it_goes():
    article = parsed("The grainy footage, released on Tuesday, shows three trawlermen clinging to the hull of "
                     "their boat in heavy seas.\n")
    cand = candidates(article)[0]
    headliner = Headliner(article)
    headliner.compress(cand, commit=False)  # sets up the sentence's parse state
    span = cand.span
    keep = {t.i for t in span if t.text not in {"on", "Tuesday"}}
    headliner._drop_bare_clauses(span, keep, quote_ranges(span))
    kept = [t.text for t in span if t.i in keep]
    assert "released" not in kept and kept[:4] == ["The", "grainy", "footage", "shows"], kept


def test_an_inversion_keeps_its_adverb():
    out, _ = headline_of("Never before has the harbour seen so many ferries queuing outside the breakwater waiting "
                         "for the storm over the island to pass.\n", "Never")
    assert out.startswith("Never before has the harbour seen"), out


def test_a_true_apposition_before_the_verb_keeps_the_sentence_usable():
    out, acceptable = headline_of("The champion's 16-year-old son Lukas began his karting career in Austria at the "
                                  "weekend, finishing fourth in his first race.\n", "The champion")
    assert acceptable and out.startswith("The champion's 16-year-old son Lukas begins"), out


def test_a_question_is_no_key_point():
    _, acceptable = headline_of("What does a harbour town with no ferry have in common with a mountain village "
                                "that lost its only bus?\n", "What")
    assert not acceptable


def test_two_people_joined_inside_the_subjects_modifiers_are_plural():
    # the parse the small model gives "Henderson and Liverpool goalkeeper Simon Mignolet played ...": the pair
    # hangs under the title, and the subject is the last name alone
    words = ["Okafor", "and", "United", "goalkeeper", "Dan", "Price", "played"]
    doc = Doc(nlp_vocab(), words=words, heads=[3, 0, 0, 5, 5, 6, 6],
              deps=["nmod", "cc", "conj", "compound", "compound", "nsubj", "ROOT"],
              ents=["B-PERSON", "O", "B-ORG", "O", "B-PERSON", "I-PERSON", "O"])
    assert is_plural(doc[5], {})
    doc = Doc(nlp_vocab(), words=["Ex-Rovers", "and", "City", "player", "Price", "played"], heads=[3, 0, 0, 4, 5, 5],
              deps=["nmod", "cc", "conj", "compound", "nsubj", "ROOT"],
              ents=["O", "O", "B-ORG", "O", "B-PERSON", "O"])
    assert not is_plural(doc[4], {})


def nlp_vocab():
    from newsbrief.nlp import load_model

    return load_model().vocab


def test_a_day_with_its_part_of_day_goes_as_one_time():
    out, _ = headline_of("The new ferry left the harbour at Brava on Friday evening with forty passengers and "
                         "two cars on board for its first crossing.\n", "The new ferry")
    assert "Friday" not in out and "evening" not in out and " on with" not in out, out


def test_a_participle_after_have_stays_a_participle():
    # the parser tags "found" as a past tense here; after "had" it is a participle all the same
    out, _ = headline_of("A fisherman who thought the box held rubbish had in fact found a chest of old coins near "
                         "the quay.\n", "A fisherman")
    assert "has in fact found" in out, out


def test_a_verb_of_a_list_parsed_as_an_adjective_is_retensed_with_the_others():
    # the small model hangs "cancelled" on "permits" as an adjective and makes "permits" a second object
    text = ("In reply, Norway on Monday expelled Latvian envoys and trade officials, cancelled permits for Latvian "
            "trawlers in its waters and shut its consulate in the port city of Tromsø for the rest of the year.\n")
    out, _ = headline_of(text, "In reply")
    assert "expels" in out and "cancels permits" in out, out
    assert "cancelled" not in out, out


def test_a_cut_phrase_leaves_the_comma_that_parts_a_list():
    text = ("On Tuesday, the council suspended the harbour levy, closed the old ferry terminal to lorries from the "
            "mainland, raised mooring fees, and cancelled permits issued to foreign trawlers.\n")
    out, _ = headline_of(text, "On Tuesday")
    assert "closes the old ferry terminal" in out and "raises" in out, out
    assert not re.search(r"(?:terminal|mainland) raises", out), out  # the list's comma stays


def test_a_name_the_parser_took_for_a_verb_keeps_its_form():
    text = ("Trade collapsed after militias blocked roads in the Upper Valley of Northern-Illegally Occupied "
            "Moravia and Kessel on Tuesday, stranding at least 300 lorries.\n")
    out, _ = headline_of(text, "Trade")
    assert "Occupies" not in out, out
    assert out.startswith("Trade collapses"), out


def test_according_to_goes_with_a_source_the_parser_folded_into_the_subject():
    # the small model reads "police Mr Varga" as one noun phrase, leaving "to" without an object
    out, _ = headline_of("According to police Mr Okafor hired the victim to build a garden wall at his house in the "
                         "village of Mell.\n", "According")
    assert out.startswith("Mr Okafor hires"), out
    assert "police" not in out.lower(), out


def test_a_preposition_whose_object_was_cut_goes_with_it():
    out, _ = headline_of("The painter, known for appearing in Blue Meadows and Sea Change and playing King Canute "
                         "several times, is selling more than 200 canvases he has painted over his career.\n",
                         "The painter")
    assert not re.search(r"\b(?:for|in|of|at|on|with),? (?:is|are|was|has)\b", out), out
    assert "is selling" in out, out


def test_a_verb_that_lost_the_phrase_saying_where_is_no_bullet():
    text = ("A new craze for cold-water swimming that promises to help office workers 'reset the mind' after long "
            "days at their desks has swept across the coastal villages of Cornwall.\n"
            "Hundreds of swimmers now gather at dawn on the beaches of St Ives and Newquay, even in the depths of "
            "winter, according to the county's lifeguard service.\n"
            "Doctors have warned that the sudden shock of cold water can be dangerous for people with weak hearts "
            "and urged beginners to start slowly.\n"
            "The craze began with a small group of nurses in Falmouth who started swimming together during the "
            "pandemic and posted videos of their swims online.\n"
            "Local councils are now considering whether to put more lifeguards on duty in the early mornings during "
            "the winter months.\n")
    bullets = [kp.text for kp in newsbrief.analyze(text).key_points]
    assert bullets
    for bullet in bullets:
        assert not bullet.endswith("swept"), bullets  # "… has swept [across the villages]" says nothing
        if "swept" in bullet:
            assert "across" in bullet, bullets


def test_refused_sentences_fill_in_only_up_to_the_minimum():
    article = parsed("The ferry company cancelled all crossings to the island for a week on Monday.\n"
                     "Storms have damaged the harbour wall and two of the three landing stages.\n"
                     "Engineers expect repairs to the wall to take at least five days.\n"
                     "Islanders have been told to stock up on food and fuel before the weekend.\n"
                     "The council has opened a help line for people who need medicine delivered.\n"
                     "A helicopter will carry the post and urgent supplies until the ferries return.\n")
    cands = candidates(article)
    best = max(cands, key=lambda c: c.score)
    only_best = lambda c: c is best  # noqa: E731 - every other sentence is refused
    assert len(select(cands, 4, accept=only_best)) == 4
    chosen = select(cands, 4, accept=only_best, fill_to=3)
    assert len(chosen) == 3 and chosen[0] is best


@pytest.mark.parametrize("text, starts, broken", [
    # "along" governed the "with" phrase that was cut
    ("Along with the mayor's former wife in the front row, the winning couple will receive a free reception and a "
     "hotel suite for two nights.\n", "Along", r"^Along\b"),
    # "and" lost the clause it joined
    ("While the flooding has eased in recent days, and the river has dropped by a metre, dozens of homes are still "
     "without power in the valley.\n", "While", r"\band dozens\b|, and\b(?! the river)"),
])
def test_a_word_that_lost_what_it_joined_goes(text, starts, broken):
    out, _ = headline_of(text, starts)
    assert not re.search(broken, out), out


def test_a_clause_about_the_past_keeps_its_tense():
    out, _ = headline_of("The 40-year-old ferry captain was once dubbed 'the king of the strait' by the islanders "
                         "after he rescued six fishermen in a winter storm.\n", "The 40-year-old")
    assert "was once dubbed" in out, out
    # a year before publication dates the clause; a description of the subject does not
    text = ("Harbour master Tove Olsen, formerly of Bergen, lost her first election to the port board in 1998 and "
            "has won every one since.\n"
            "Harbour master Tove Olsen, formerly of Bergen, announced a new ferry timetable for the island routes on "
            "Monday.\n")
    article = from_text(text, published="2025-03-16")
    for stage in build(Settings(), stages=["validate", "publisher_box", "dateline", "parse", "sentences",
                                           "entities"]).stages:
        stage(article)
    headliner = Headliner(article)
    lost, announced = (headliner.compress(c, commit=False)[0] for c in candidates(article))
    assert "lost" in lost and "loses" not in lost, lost
    assert "announces" in announced, announced


def test_and_stays_between_two_names_when_a_title_goes():
    # the parser hangs "Olsen" on "Haas" and makes the title the conjunct; the title goes, "and" stays
    out, _ = headline_of("The package was agreed during a late-night meeting between Olsen and union leader Pieter "
                         "Haas, the Dutch broadcaster NOS reported.\n", "The package")
    assert "Olsen and Pieter Haas" in out, out


def test_an_absolute_phrase_cut_short_goes_whole():
    out, _ = headline_of("Turning a bend, the little tram climbs at a slow and steady pace – the rails barely visible "
                         "from under the deep winter snow on the pass.\n", "Turning")
    assert not re.search(r"\b(?:barely|the rails)$", out), out
    assert "climbs at a slow and steady pace" in out, out


def test_without_a_publication_date_the_latest_year_named_dates_the_past():
    text = ("Harbour master Tove Olsen joined the port board of Bergen in 1998 and went on to run its ferry "
            "service for a decade.\n"
            "In 2024 she announced a new ferry timetable for the island routes and retired a month later.\n")
    out, _ = headline_of(text, "Harbour master")
    assert "joined" in out and "joins" not in out, out
    assert "goes on" not in out, out  # the clause joined to it is history too


def test_a_parenthesis_the_sentence_left_open_goes():
    text = "The Latest on the harbour strike in Varne and the talks to end it (all times local\n"
    out, _ = headline_of(text, "The Latest")
    assert "(" not in out and "local" not in out, out
    assert out.endswith("the talks to end it"), out


def test_a_quote_mark_left_alone_between_two_cuts_goes():
    text = ("Moreau, who’s barred from the race because she did not meet the Commission on Harbour Pilots’ 15 "
            "percent licensing threshold, boarded a ferry meant for freight crews as it headed to the northern "
            "port.\n")
    out, _ = headline_of(text, "Moreau")
    assert "’" not in out, out
    assert out.startswith("Moreau boards a ferry"), out


def test_a_quotation_running_on_past_the_bullet_is_closed():
    assert close_quotation("He answers, “I have no idea") == "He answers, “I have no idea”"
    assert close_quotation('Haas says: "We will not sign') == 'Haas says: "We will not sign"'
    assert close_quotation("Haas calls it ‘a deal that’s bad") == "Haas calls it ‘a deal that’s bad’"
    for done in ["Haas calls the offer “a bad deal” for crews", 'Olsen says "no" and leaves', "It's Olsen's offer"]:
        assert close_quotation(done) == done


def test_a_relative_clause_that_lost_the_clause_it_governed_goes():
    text = ("Haas said he expects the port to reopen soon after the strike, which forced the operators to cancel "
            "dozens of sailings and lay off some of the seasonal crews.\n")
    out, _ = headline_of(text, "Haas")
    assert not out.endswith("forced the operators"), out
    assert out.startswith("Haas says he expects the port to reopen"), out


def test_dashes_a_cut_emptied_go():
    text = ("The harbour master -- who has been locked in a dispute with the ferry operators over the past few weeks "
            "-- said she regretted her remarks and promised to stay out of the talks in the future.\n")
    out, _ = headline_of(text, "The harbour")
    assert "--" not in out, out
    assert out.startswith("The harbour master says she regrets her remarks"), out


def test_a_participle_joined_straight_to_a_perfect_shares_its_have():
    text = ("Raiders have looted and burned three warehouses on the northern quay of the old harbour at Varne, the "
            "port authority said.\n")
    out, _ = headline_of(text, "Raiders")
    assert out.startswith("Raiders have looted and burned three warehouses"), out


def test_some_as_a_subject_takes_a_plural_verb():
    text = ("Some speculated that Olsen was the official who leaked the draft agreement to the union negotiators at "
            "the harbour in March.\n")
    out, _ = headline_of(text, "Some")
    assert out.startswith("Some speculate that Olsen is"), out


def test_a_participle_clause_that_lost_its_own_clause_goes_and_one_kept_keeps_its_comma():
    text = ("The two chief rivals to Mayor Olsen largely abandoned their strategy of attacking her on the harbour "
            "deal, choosing instead to focus on the strike.\n"
            "Haas wins the union ballot at Varne by a wide margin over his rival from the southern ports, defeating "
            "Olsen in the harbour that made her name.\n")
    out, _ = headline_of(text, "The two")
    assert "choosing" not in out and not out.endswith("instead"), out
    assert out.endswith("abandon their strategy of attacking her"), out
    out, _ = headline_of(text, "Haas")
    assert "Varne, defeating Olsen" in out, out


def test_a_sentence_that_speaks_never_fills_a_box():
    text = ("The ferry company cancelled all crossings to the island for a week after storms damaged the harbour "
            "wall.\n"
            "Engineers expect repairs to the harbour wall and the two landing stages to take at least five days.\n"
            "I have never seen the harbour so empty in all my years of living on the island.\n"
            "What will the islanders do for food and fuel if the ferries stay away for longer?\n")
    article = parsed(text)
    headliner = Headliner(article)
    usable = {c.sentence.text[:4]: headliner.usable(c) for c in candidates(article)}
    assert usable == {"The ": True, "Engi": True, "I ha": False, "What": False}, usable
    bullets = [kp.text for kp in key_points(article)]
    assert len(bullets) == 2 and not any(b.startswith(("I ", "What")) for b in bullets), bullets
    # a length of time is what "take" says: it is no time adverbial to cut
    assert bullets[1].endswith("to take at least five days"), bullets


def test_a_bullet_opening_on_a_pronoun_nothing_resolves_never_fills_a_box():
    text = ("Storms have closed the harbour at Varne for the third time this winter, stranding two ferries.\n"
            "They obviously have to fix the harbour wall before the next storm season comes.\n"
            "They, unfortunately, cannot afford to repair the wall before the next storm season.\n"
            "These pictures show how the waves broke over the harbour wall on Sunday night.\n")
    article = parsed(text)
    headliner = Headliner(article)
    usable = {c.sentence.text[:5]: headliner.usable(c) for c in candidates(article)}
    assert usable == {"Storm": True, "They ": False, "They,": False, "These": True}, usable


def test_a_dateline_the_parser_took_for_a_second_subject_leaves_the_real_one():
    text = ("Varne (AFP) – Tove Olsen is bent on securing the harbour chairmanship before the council’s annual "
            "meeting in July, but well-organized rival Pieter Haas has been cleverly out-maneuvering her in the "
            "all-important union vote.\n")
    out, acceptable = headline_of(text, "Varne")
    assert acceptable and out.startswith("Tove Olsen is bent on securing"), out


def test_the_subject_of_a_cut_clause_joined_to_the_verb_goes_with_its_but():
    # the small model joins "rival" to "is", as if it were a second predicate
    text = ("Tove Olsen is bent on securing the harbour chairmanship before the council’s annual meeting in July, "
            "but well-organized rival Ted Haas has been cleverly out-maneuvering her in the all-important union "
            "vote.\n")
    article, keep, _ = tail_after_cut(text, "rival", keep_word=True)
    kept = " ".join(article.doc[i].text for i in sorted(keep))
    assert kept.endswith("meeting in July"), kept


def test_a_percent_sign_ends_a_bullet_and_a_part_of_nothing_does_not():
    out, _ = headline_of("Mayor Okafor's approval rating in the latest Varne Herald poll of harbour workers stands at "
                         "a robust 53%.\n", "Mayor")
    assert out.endswith("53%"), out
    text = ("Even some of Mr. Haas's admirers on the harbour board are wondering if he has lost some of that old "
            "magic.\n")
    article, keep, truncated = tail_after_cut(text, "of", keep_word=False)
    assert truncated, [article.doc[i].text for i in sorted(keep)]
    text = "In a blind panic, the harbour master jumps into a pilot boat and speeds off in search of the trawler.\n"
    article, keep, truncated = tail_after_cut(text, "of", keep_word=False)
    assert truncated, [article.doc[i].text for i in sorted(keep)]  # "in search [of]"


def test_a_cut_never_takes_one_of_two_days():
    article = parsed("The six-time Olympic champion will compete at the relay championship on May 2 and 3 as part of "
                     "the Ghanaian team.\n")
    cand = candidates(article)[0]
    headliner = Headliner(article)
    headliner.punct = {t.i for t in cand.span if t.is_punct}
    headliner.ents = list(cand.span.ents)
    keep = {t.i for t in cand.span}
    three = next(t.i for t in cand.span if t.text == "3")
    tail = {t.i for t in cand.span if t.i >= three - 1}
    headliner._remove(tail, cand.span, keep)
    assert tail <= keep  # "on May 2" would be another date
    part = {t.i for t in cand.span if t.i > three}
    headliner._remove(part, cand.span, keep)
    assert not part & keep  # what follows the date can go


def test_a_copula_or_a_clause_that_lost_what_it_announces_ends_no_bullet():
    text = ("Although the letters were valued at up to $600,000, the only person who raised a paddle for them was a "
            "porter of the auction house trying to start the bidding.\n")
    article, keep, truncated = tail_after_cut(text, "porter", keep_word=False)
    assert truncated, [article.doc[i].text for i in sorted(keep)]
    text = ("With the harbour closed for a third week, it should come as no surprise that the ferry company has "
            "started to lay off its seasonal crews.\n")
    article, keep, truncated = tail_after_cut(text, "that", keep_word=False)
    assert truncated, [article.doc[i].text for i in sorted(keep)]


def test_a_cut_leaves_the_place_a_compass_word_points_to():
    # the small model hangs "Norway" on "eight months", so the side clause's cut would take it
    out, _ = headline_of("A man has died in a road accident in north west Norway - eight months after his brother "
                         "was tragically killed in exactly the same spot.\n", "A man")
    assert out.endswith("in north west Norway"), out


@pytest.mark.parametrize("text, starts, source", [
    ("Scottish ferry workers would rather have a pay rise than another week of talks, a new survey of the union's "
     "members has revealed.\n", "Scottish", "revealed"),
    ("One of the trawlers the harbour master seized last winter was sold back to its owner for a single euro, it "
     "has emerged.\n", "One of", "emerged"),
])
def test_it_has_emerged_is_a_closing_source_like_police_said(text, starts, source):
    out, _ = headline_of(text, starts)
    assert source not in out and "survey" not in out, out


def test_a_pronoun_beside_one_of_the_other_gender_is_left_unresolved():
    # the quotes layer can only guess whom "She" stands for (it knows no one's gender here): a bullet must not
    # put the nurse's words in the surgeon's mouth
    text = ("The surgeon Ram Okafor touched a trainee nurse during a lesson on the ward, the court in Leeds heard.\n"
            "She said he moved his hand around but she had not asked for a demonstration of anything.\n"
            "The hospital suspended the surgeon from all teaching duties while the police investigated the claims.\n")
    bullets = [kp.text for kp in newsbrief.analyze(text).key_points]
    assert bullets and not any(b.startswith("Okafor says") for b in bullets), bullets


def test_lets_speaks_but_a_name_with_it_does_not():
    from newsbrief.keypoints.rank import speaks

    assert speaks("Now, let's say, the harbour board goes to the mainland for its money")
    assert speaks("People said, let’s learn the lesson and save lives")
    assert not speaks("The mayor launches the latest part of her Let's Sail initiative for schoolchildren")


def test_a_shortened_name_keeps_its_possessive():
    # the parser takes the possessive into the name here
    text = ("Pieter Haas led the dock workers' strike at Varne for nine days last spring. "
            "Pieter Haas’s deputies insist the union is returning to the talks as the same hard-headed negotiators it "
            "has always been.\n")
    out, _ = headline_of(text, "Pieter Haas’s")
    assert out.startswith("Haas’s deputies insist"), out


@pytest.mark.parametrize("text, starts", [
    # the parser takes "outside" for a preposition and its "groups" for the object: a cut takes the subject
    ("After spending much of the year focused on her use of a private email server as harbour chairman as a way of "
     "raising doubts about her ethics and honesty, outside GOP groups are pivoting to her record as the port's top "
     "official to call into question her leadership abilities.\n", "After"),
    # an ellipsis: it says what the sentence before said, of someone else
    ("The port authority paid the ferry operators for the lost sailings.\nThrough a special fund, so did the "
     "shipping company that owns the largest of the three terminals at Varne.\n", "Through"),
    # the end of a quotation opened in the sentence before
    ("“We told the union the truth from the start. There’s no one left to mislead at the harbour in this case.”\n",
     "There"),
])
def test_a_sentence_with_no_subject_of_its_own_never_fills_a_box(text, starts):
    assert not usable_of(text, starts)


def test_the_comma_before_a_closing_sayer_stays():
    text = ('The harbour authority made a "serious mistake" in the safety inspection for the older ferries on the '
            "northern route, Olsen has said.\n")
    out, _ = headline_of(text, "The harbour")
    assert out.endswith("in the safety inspection, Olsen has said"), out


def test_a_list_comma_goes_with_the_later_items():
    text = ("One of the groups Olsen will soon launch, Harbour First, will help recruit, train and fund progressive "
            "candidates' campaigns, from harbour board to council.\n")
    out, _ = headline_of(text, "One")
    assert "recruit progressive" in out or "train and fund" in out, out
    assert "recruit, progressive" not in out, out


def test_a_number_or_out_keeps_its_of():
    text = ("And Justice Tove Olsen veered left in two of the court's biggest cases, joining the court's liberals in "
            "significant decisions favoring the dock workers and the ferry crews.\n")
    out, _ = headline_of(text, "And")
    assert "in two of the court's biggest cases" in out, out
    text = ("Olsen, along with harbour pilot Pieter Haas, says the ferry's first mate pushed her out of the way, his "
            "grip leaving bruises on her arm.\n")
    out, _ = headline_of(text, "Olsen")
    assert out.endswith("pushed her out of the way"), out  # what she says happened stays in the past


def test_a_dated_wire_dateline_goes():
    text = ("VARNE, March 3 (Reuters) — Dock workers at the port of Varne have taken to the streets to protest the "
            "harbour authority's plan to cut night shifts on the ferry terminals.\n")
    out, _ = headline_of(text, "VARNE")
    assert out.startswith("Dock workers"), out


def test_an_adjective_that_lost_its_clause_ends_no_bullet():
    text = ("The harbour chairman dismissed the argument that the union would not be able to work with the council if "
            "its leader were elected.\n")
    _, _, truncated = tail_after_cut(text, "to", keep_word=False)
    assert truncated


def test_a_side_clause_that_lost_its_own_clause_goes():
    text = ("The ferry company has said it will keep trying and, after it masters landing at sea, hopes to someday "
            "land its hovercraft on the beach.\n")
    article, cand, headliner = cut_ready(text)
    headliner.core = {cand.span.root.i}
    landing = next(t for t in cand.span if t.text == "landing")
    keep = {t.i for t in cand.span if t.i not in {u.i for u in landing.subtree}}
    headliner._drop_bare_clauses(cand.span, keep, quote_ranges(cand.span))
    kept = " ".join(article.doc[i].text for i in sorted(keep))
    assert "masters" not in kept and "hopes to someday land" in kept, kept


def test_a_surname_ending_in_s_takes_a_singular_verb():
    # the tagger takes the lone "Timmons" for a plural noun, and the entity recognizer misses it
    text = ("Pieter Timmons spoke to reporters at Varne on Monday. Timmons remained at the courthouse along with the "
            "two harbour pilots.\n")
    out, _ = headline_of(text, "Timmons")
    assert out.startswith("Timmons remains at the courthouse"), out


def test_an_abbreviation_at_the_end_keeps_its_point():
    text = "The new ferry line reached a critical stage yesterday with the shipyard at Sunnyvale, Calif.\n"
    out, _ = headline_of(text, "The new")
    assert out.endswith("Sunnyvale, Calif."), out
    out, _ = headline_of("The council approved the new budget for the harbour and its two ferry piers.\n", "The")
    assert not out.endswith("."), out


def test_recently_goes_from_a_verb_but_not_from_a_participle_on_a_noun():
    text = 'Olsen recently said she would "absolutely" require the ferry crews to register with the port authority.\n'
    out, _ = headline_of(text, "Olsen")
    assert out.startswith("Olsen says she would"), out
    text = "Haas went on to discuss recently released figures on ferry delays, including ones showing Varne last.\n"
    out, _ = headline_of(text, "Haas")
    assert "recently released figures" in out, out


def test_a_lead_in_or_a_line_of_markup_is_never_a_candidate():
    text = ("Little noticed in the harbour board's resounding results for the ferry company in March and April:\n"
            "The ferry company lost money on every crossing to the islands for the third year running.\n"
            '<tweet id="1" author="@varneport">The ferries to the islands are running late again this morning, the '
            "port says.</tweet>\n")
    assert [c.sentence.text[:3] for c in candidates(parsed(text))] == ["The"]


def cut_of(text: str, phrase: str) -> str:
    """What is left of the one-sentence article when a cut tries to take ``phrase`` (its last occurrence)."""
    article, cand, headliner = cut_ready(text)
    span = cand.span
    words = phrase.split()
    start = max(t.i for t in span if [u.text for u in article.doc[t.i : t.i + len(words)]] == words)
    ids = set(range(start, start + len(words)))
    keep = {t.i for t in span}
    headliner._remove(ids, span, keep, protected=quote_ranges(span), commas=True, island_ok=True)
    return " ".join(article.doc[i].text for i in sorted(keep))


def test_a_cut_leaves_a_relative_pronoun_a_list_end_and_a_counted_participle():
    text = ("The idea is borrowed from the 2004 Dutch film 50 First Tides, in which Marieke Olsen's character suffers "
            "a brain injury and memory loss each day.\n")
    assert "in which Marieke" in cut_of(text, "in which")
    text = ("Varne is the rat capital of the coast and the old harbour district has the most mice, cockroaches and bed "
            "bugs, according to new research by the council.\n")
    assert "and bed bugs" in cut_of(text, "and bed bugs")
    text = ("Olsen has renewed her row with Pieter Haas after the union leader was brought in with only seven "
            "minutes remaining in the council's final session on the budget on Sunday.\n")
    assert "seven minutes remaining" in cut_of(text, "remaining")


def test_a_relative_clause_cut_before_its_verb_goes():
    text = ("The idea is borrowed from the 2004 Dutch film 50 First Tides, in which Marieke Olsen's character suffers "
            "a brain injury and memory loss each day.\n")
    article, keep, truncated = tail_after_cut(text, "suffers", keep_word=False)
    assert not truncated and article.doc[max(keep)].text == "Tides", [article.doc[i].text for i in sorted(keep)]


@pytest.mark.parametrize("text, starts", [
    # a linking verb that lost what follows it
    ("Then the dock workers who have stayed out on the picket lines for the union feel like the cavalry have "
     "arrived.\n", "Then"),
    # "worth" that lost what it is worth
    ("While many island families take the ferry from Varne to the mainland, the cheapest fare on that route is just "
     "over $100 -- not worth the 12,500 to 30,000 points it takes to book.\n", "While"),
    # the parser gave the subject to the clause before the verb: a cut of it leaves "A harbour pilot is a bomb has…"
    ("A harbour pilot who feared a crate he found was a bomb had in fact found a 900-year-old ship's bell.\n", "A"),
])
def test_a_sentence_whose_cut_says_nothing_whole_is_unusable(text, starts):
    assert not usable_of(text, starts)


def test_a_closing_finding_goes_like_a_closing_sayer_and_those_keeps_its_clause():
    text = ("Children who take the ferry to school are fitter and happier than those who are driven to school by "
            "car, a large study of the island schools has found.\n")
    out, _ = headline_of(text, "Children")
    assert "study" not in out and "found" not in out, out
    assert out.startswith("Children who take the ferry to school are fitter and happier than those who"), out


def test_what_a_video_shows_someone_doing_stays():
    text = ("A police video of the rescue showed the teams drilling through concrete to reach the pilot's cabin and "
            "then hauling him up through the hole.\n")
    out, _ = headline_of(text, "A police")
    assert "shows the teams drilling through concrete" in out, out


@pytest.mark.parametrize("text, starts", [
    # "pictured" taken for the verb of the sentence
    ("England ace Olsen, pictured saving a shot by Pieter Haas, is desperate to add to her 50 international caps.\n",
     "England"),
])
def test_a_sentence_whose_verb_the_parser_mistook_is_unusable(text, starts):
    assert not usable_of(text, starts)


def test_a_closing_source_after_a_quotation_keeps_its_comma():
    text = ("More than 20,000 ferry passengers have fled to Varne and the islands, turning the region into an "
            "‘international holiday camp’ for tourists, an alarming report found.\n")
    out, _ = headline_of(text, "More")
    assert out.endswith("‘international holiday camp’, an alarming report found"), out


def test_no_comma_follows_a_dash_or_a_closing_mark_that_already_parts():
    text = "The council will meet the union again next month -- perhaps in Varne, Olsen said.\n"
    article = parsed(text)
    cand = candidates(article)[0]
    keep = {t.i for t in cand.span if not t.is_space and t.text not in {"perhaps", "in", "Varne"}}
    surface = Headliner(article)._surface(cand.span, keep, {})
    assert surface == "The council will meet the union again next month -- Olsen said", surface


def test_no_comma_is_left_alone_between_a_subject_and_its_verb():
    text = ("Marta Olsen, 49, of Varne, was walking into the ferry terminal at 200 West Harbour Road when a car struck "
            "her in the parking lot.\n")
    out, _ = headline_of(text, "Marta")
    assert out.startswith("Marta Olsen of Varne is walking"), out


def test_the_verb_agrees_with_the_subject_a_dateline_hid():
    # the parser takes the dateline for the subject and the real one for its apposition
    text = ("VARNE, N.D. — Pieter Haas’s preferred candidates won the vast majority of union delegates available in "
            "the northern ports over the weekend, taking 18 of 25 seats.\n")
    out, _ = headline_of(text, "VARNE")
    assert out.startswith("Pieter Haas’s preferred candidates win the vast majority"), out


def test_a_bullet_never_opens_inside_a_quotation_with_straight_marks():
    text = ('Absolutely not," Olsen responded, remarking that she is "looking for a partner" and that the most '
            "important member would be the union.\n")
    assert not usable_of(text)


def test_rather_goes_as_a_connective_but_not_from_rather_than():
    out, _ = headline_of("Rather, Olsen punctuated the turbulent four-day harbour conference with a heavy speech of "
                         "simple declarations.\n", "Rather")
    assert out.startswith("Olsen punctuates"), out
    out, _ = headline_of("Rather than Pieter Haas, the harbour group has now set its sights on Tove Olsen and the "
                         "council.\n", "Rather")
    assert out.startswith("Rather than Pieter Haas, the harbour group"), out


def test_the_comma_after_a_leading_clause_stays_when_its_end_is_cut():
    text = ("As the harbour board has unleashed the pent-up anger among many dock workers, a much smaller but equally "
            "fervent protest movement has grown in Varne.\n")
    assert "the pent - up anger , a much smaller" in cut_of(text, "among many dock workers")


def test_a_comparison_keeps_its_second_half():
    text = ("The port authority expects to open a new ferry terminal as soon as Monday in three harbours on the "
            "northern coast.\n")
    assert "as soon as Monday" in cut_of(text, "as Monday")
    text = ("The harbour board's quarrel with Pieter Haas over his position on the 2013 pay deal is about much more "
            "than wages.\n")
    assert "much more than wages" in cut_of(text, "than wages")


def test_a_verb_whose_subject_a_cut_took_from_the_opening_clause_is_unusable():
    # the parser hangs "Frankie" on "mum" inside the opening clause; the verb "took" has no subject of its own
    text = ("Joking that he could do the same with his mum and grandmother, nine-year-old Frankie, who plays for the "
            "Varne harbour club, took to the quay to have a go.\n")
    assert not usable_of(text)


def test_a_bullet_opening_on_a_verb_a_cut_left_without_its_subject_is_unusable_but_a_name_like_will_is_not():
    text = ("When you get a new job at the harbour, a new home, get a new berth on the ferry or start a new business… "
            "now that's truly exciting for the islanders.\n")
    assert not usable_of(text)
    text = ("Will Artino scored 14 points off the bench and Pieter Haas had 11 points, 11 rebounds and six blocked "
            "shots for the harbour team.\n")
    assert usable_of(text)


def test_a_quotation_left_open_is_kept_whole_and_its_pronoun_is_not_replaced():
    # the apostrophe in "he's" does not close the quotation the sentence opens
    text = ("Pieter Haas spoke first at the harbour meeting in Varne. \"Today he's accepting congratulations at a "
            "time when 50 dock workers are out of work.\n")
    out, _ = headline_of(text, '"Today')
    assert "Haas" not in out and out.startswith('"Today he\'s accepting'), out
    assert not usable_of(text, '"Today')


def test_a_resolved_pronoun_spells_out_its_contraction():
    out, _ = headline_of("Pieter Haas spoke first at the harbour meeting in Varne. Later he's accepting "
                         "congratulations from the harbour board at the quay.\n", "Later")
    assert "Haas is accepting congratulations" in out, out
    out, _ = headline_of("Pieter Haas spoke first at the harbour meeting in Varne. He's been the harbour master "
                         "of Varne since 2003 and runs the ferry.\n", "He's")
    assert out.startswith("Haas has been the harbour master"), out


def test_a_re_tensed_contraction_keeps_a_space():
    # (an unresolved "He'd" opener is refused before any re-tensing; "It" is no such pronoun)
    out, _ = headline_of("Pieter Haas spoke first at the harbour meeting in Varne. It'd rained for a week before the "
                         "harbour board asked the council for more money last year.\n", "It'd")
    assert out.startswith("It has rained for a week"), out


def test_an_age_cut_from_an_apposition_leaves_the_comma_that_closes_it():
    out, _ = headline_of("The third trawler owner, Pieter Haas, 61, spent two weeks in the harbour hospital and is "
                         "recovering from burns to the neck and shoulder, the coastguard said.\n", "The third")
    assert out.startswith("The third trawler owner, Pieter Haas, spends two weeks"), out
    # a comma that goes on to the next item of a list goes with the age
    out, _ = headline_of("Pieter Haas arrived at Varne harbour with his parents, Jan Haas, 52, and Greta, carrying a "
                         "brightly painted model of the ferry.\n", "Pieter")
    assert "his parents, Jan Haas and Greta" in out, out


def test_a_phrase_set_off_to_say_more_goes_when_a_cut_took_what_it_said():
    out, _ = headline_of("Citing people familiar with the talks, the Varne Post said the harbour group will pay $12 "
                         "million to $13 million - a price that translates to $24 to $26 per share.\n", "Citing")
    assert out.endswith("$13 million"), out


def test_the_of_phrase_after_a_definite_noun_goes_only_with_the_noun():
    text = ("A Varne man has pleaded not guilty to two murder charges for the deaths of a harbour pilot and her "
            "brother.\n")
    assert "for the deaths of a harbour pilot" in cut_of(text, "of a harbour pilot and her brother")
    assert cut_of(text, "for the deaths of a harbour pilot and her brother").endswith("murder charges .")


def test_the_clause_that_says_which_one_a_copula_equates_stays():
    text = ("The only thing stopping the harbour board from being buried in the dispute is that so many other ports "
            "are struggling as well.\n")
    assert "thing stopping the harbour board" in cut_of(text, "stopping the harbour board from being buried in "
                                                              "the dispute")
    # an aside set off by commas goes as before
    text = ("The ferry, which was built in Varne in 1984, is the oldest vessel still sailing on the northern "
            "coast.\n")
    assert "which" not in cut_of(text, "which was built in Varne in 1984")


def test_marks_a_cut_emptied_go_with_it():
    out, _ = headline_of("The transcript of the hearing–published by the Varne Post–shows that Olsen talked about "
                         "the harbour levy and the ferry timetable at length.\n", "The transcript")
    assert "–" not in out and "hearing shows" in out, out


def test_a_comma_a_cut_left_at_the_end_of_a_quotation_goes():
    out, _ = headline_of("The harbour master admits his choice for the board is “not the most popular man on the "
                         "quay,” but is a person he can trust and will vote for in the autumn.\n", "The harbour")
    assert out.endswith("on the quay”"), out


def test_a_name_is_never_shortened_to_a_first_name_before_its_possessive():
    # the article calls her "Anna" alone, and her husband shares her surname: the full name stays
    text = ("Anna Olsen and Jan Olsen opened the new ferry terminal in Varne on Monday. Anna thanked the dock "
            "workers. Anna Olsen’s campaign slogan for the harbour board is “Keep the quay open.”\n")
    out, _ = headline_of(text, "Anna Olsen’s")
    assert out.startswith("Anna Olsen’s campaign slogan"), out


def test_a_caption_with_pictured_is_no_bullet():
    assert not usable_of("Pieter Haas pictured during the ferry trials at the Varne harbour in the spring of "
                         "2012.\n")


def test_a_clause_misread_as_the_main_one_is_no_bullet():
    # "That Olsen was chosen as chair" is the subject of "should please"; cutting "That" makes a claim
    assert not usable_of("That Olsen was chosen as chair should please critics who were unhappy with last year's "
                         "harbour board.\n")


def test_the_comma_after_a_leading_phrase_stays_when_its_end_is_cut():
    text = "In a Varne Post poll released Monday, 50 harbour workers chose Olsen while 40 workers chose Haas.\n"
    assert "poll , 50 harbour workers" in cut_of(text, "released Monday")


def test_a_share_keeps_its_whole_and_agrees_with_it():
    text = "In a Varne Post poll released Monday, 50 percent of harbour workers chose Olsen as their new chair.\n"
    assert "50 percent of harbour workers" in cut_of(text, "of harbour workers")
    out, _ = headline_of(text, "In a")
    assert "50 percent of harbour workers choose Olsen" in out, out


def test_a_verb_that_lost_its_as_phrase_is_cut_short():
    _, _, truncated = tail_after_cut(
        "The harbour board is alarmed because the new ferry policy has been interpreted as a snub to the islanders "
        "of Varne.\n", "interpreted", keep_word=True)
    assert truncated


def test_a_verb_the_parser_made_a_modifier_of_the_subject_makes_no_bullet():
    # "called" is the man's verb; the parser makes "matched" the main one, and a cut would say the man matched
    assert not usable_of("The fisherman, who did not want to be identified, called 911 when he realized the boat "
                         "directly next to him matched the description on the radio, according to Sheriff Anna "
                         "Olsen.\n")
    # a participle on the subject is no such thing; when the parser makes it the verb, re-tensing it would make
    # "The wreck, thinks to date back to 1100, is found": no bullet either
    text = "The wreck, thought to date back to 1100, was found wrapped in rope and dumped in the harbour of Varne.\n"
    out, ok = headline_of(text, "The wreck")
    assert not ok or "thinks" not in out, out


def test_a_sentence_that_closes_a_quotation_opened_before_is_unusable_when_a_cut_took_its_closing_mark():
    text = ("On seeing the resolve of the coastguard, the smugglers reversed course and tried to flee the harbour,\" "
            "Captain Pieter Haas, the coastguard's spokesman, said.\n")
    assert not usable_of(text)


def test_in_support_keeps_its_of():
    text = "The harbour fund has raised about $58 million in support of Olsen since she became a candidate.\n"
    assert "in support of Olsen" in cut_of(text, "of Olsen")


def test_a_clause_dated_in_the_past_keeps_its_tense_when_the_date_is_cut():
    out, _ = headline_of("Eight years ago, Pieter Haas supported Anna Olsen over the harbour board and said the quay "
                         "would never close.\n", "Eight")
    assert "Haas supported Olsen" in out or "Haas supported Anna Olsen" in out, out


def test_an_adjective_keeps_the_clause_it_governs():
    text = ("The harbour board members were quick to cast the closure as the consequence of failed leadership - an "
            "indictment of the council and, by extension, its chair, Olsen.\n")
    assert "quick to cast" in cut_of(text, "to cast the closure as the consequence of failed leadership")


def test_a_surname_keeps_its_particle():
    out, _ = headline_of("Louis van Gaal has been in charge of the Varne harbour club since 2014. Van Gaal confirmed "
                         "after the game that the ferry captain had sustained the injury in training.\n", "Van Gaal")
    assert out.startswith("Van Gaal confirms"), out
    out, _ = headline_of("Pieter van der Berg moved to the harbour club in Varne last summer. Pieter van der Berg "
                         "insists he is happy in Varne and is making no plans to leave the club.\n",
                         "Pieter van der Berg insists")
    assert out.startswith("Van der Berg insists") or out.startswith("van der Berg insists"), out


def test_a_title_inside_a_longer_name_stays():
    out, _ = headline_of("Varne Harbour Club manager Louis Berg said on Monday that the ferry captain had injured "
                         "his knee during the defeat at the quay.\n", "Varne")
    assert "Varne Harbour Club Louis" not in out and "Club manager Louis Berg" in out, out



def test_comes_without_its_as_clause_is_cut_short():
    assert not usable_of("The quarrel over the harbour master's ties with the ferry company comes as the board's new "
                         "rules have called attention to the port's finances.\n")


def test_both_keeps_its_of():
    text = "Pieter Haas married Anna Olsen in 1940 and had two daughters, Greta and Ida, both of Varne.\n"
    assert "both of Varne" in cut_of(text, "of Varne")


def test_a_past_marker_in_an_aside_does_not_date_the_verb():
    out, _ = headline_of("Pieter Haas won the Varne harbour board election on Tuesday — a wild turnaround from eight "
                         "years ago, when the town went to Anna Olsen by more than 20 points.\n", "Pieter")
    assert out.startswith("Pieter Haas wins"), out
    out, _ = headline_of("Olsen told a meeting of young dock workers in the old port of Varne, formerly Varnemunde, "
                         "that the quay would stay open all winter.\n", "Olsen")
    assert out.startswith("Olsen tells"), out


def test_a_cut_inside_an_aside_leaves_the_comma_that_closes_it():
    text = ("The merits of the harbour fund, which allows foreign investors to gain residence by putting money into "
            "ferry projects, are being debated again in Varne.\n")
    assert "putting money , are being debated" in cut_of(text, "into ferry projects")


def test_a_phrase_set_off_after_a_cut_took_its_mark_still_goes():
    out, _ = headline_of("The harbour board now relies on Olsen's fund-raising to provide a fifth of its monthly "
                         "income, an arrangement the dock workers' union has criticized.\n", "The harbour")
    assert "an arrangement" not in out and not out.endswith("a fifth"), out
    out, _ = headline_of("Haas so far has won the most harbour contests, providing him a comfortable lead in "
                         "delegates — representatives who ultimately will choose the board's chair in Varne.\n", "Haas")
    assert not out.endswith("representatives"), out


def test_a_bare_attribution_is_no_bullet():
    assert not usable_of("Pieter Haas, a retired worker from the Varne ferry company, said pleasantly into the phone "
                         "on Monday evening.\n")
    # a passive of a reporting verb has its news in the subject
    assert usable_of("No serious injuries were reported in the crashes on the coast road between Varne and the "
                     "harbour.\n")


def test_a_participle_misread_as_the_verb_before_an_unjoined_one_is_no_bullet():
    # "cited" describes the bureau; the parser makes it the verb and hangs "does not exist" on it with no "and"
    assert not usable_of("The Crime Statistics Bureau cited in Olsen’s tweet does not exist.\n")


def test_all_but_two_take_a_plural_verb():
    out, _ = headline_of("All but two said the harbour board should take up the matter at the next meeting in "
                         "Varne.\n", "All")
    assert out.startswith("All but two say the harbour board"), out


def test_maintains_closes_a_claim_as_said_does():
    out, _ = headline_of("Secrecy is not a stranger when it comes to Olsen’s health records, the harbour master’s "
                         "former doctor maintains.\n", "Secrecy")
    assert out == "Secrecy is not a stranger when it comes to Olsen’s health records", out


def test_a_participle_after_the_subjects_comma_misread_as_the_verb_is_no_bullet():
    # "issued" describes the rule; the parser makes it the verb, and re-tensed it read "The rule, issues, makes"
    assert not usable_of("The regulation, issued a few weeks before Pieter Haas left office, made it easier for the "
                         "harbour board to skip consultations with the ferry pilots before launching projects.\n")
    # a subject with a phrase of its own before the verb is parsed right and stays usable
    assert usable_of("The suspect, identified as Pieter Haas, entered the second-floor office of the harbour board "
                     "and opened fire, the police said.\n")


def test_a_participle_misread_as_the_verb_stays_as_written_when_it_keeps_its_words():
    # "found" describes the passengers; the parser makes it the verb and "appear" its clause: re-tensed it read
    # "Two passengers find dead"
    out, _ = headline_of("Two ferry pilots found dead on a barge near Varne appear to have drowned in the storm, the "
                         "harbour board said.\n", "Two")
    assert out.startswith("Two ferry pilots found dead on a barge"), out
    assert "appear to have drowned" in out, out


def test_one_keeps_the_clause_that_says_which():
    text = ("The harbour board tries to shift the conversation from one that has proved a loser for Olsen to more "
            "fertile ground.\n")
    assert "from one that has proved" in cut_of(text, "that has proved a loser for Olsen")


def test_a_measure_keeps_its_of():
    text = "The quake struck about 14 miles north of Varne and had a depth of 1.2 miles, the survey said.\n"
    assert "a depth of 1.2 miles" in cut_of(text, "of 1.2 miles")


def test_a_past_form_the_lemmatizer_does_not_know_stays_as_it_is():
    out, _ = headline_of("A harbour board aide later clarified that Olsen misspoke about the ferry timetable at the "
                         "meeting in Varne.\n", "A harbour")
    assert "Olsen misspoke" in out and "misspokes" not in out, out
    cut = next(t for t in parsed("The harbour board cut the ferry fares by a third last year.\n").doc
               if t.text == "cut")
    assert present_form(cut, plural=False) == "cuts"


def test_a_dateline_in_capitals_is_no_short_name():
    # the dateline's "WASHINGTON" may join Kerry Washington's entity; the name a bullet uses is never the dateline
    text = ("WASHINGTON — Harbour stars Anna Olsen and Kerry Washington spoke at the quay on Monday. Celebrities Anna "
            "Olsen, Kerry Washington and Greta Haas went on the radio to applaud the ferry deal.\n")
    out, _ = headline_of(text, "Celebrities")
    assert "WASHINGTON" not in out, out


def test_asked_without_its_question_is_cut_short():
    _, _, truncated = tail_after_cut("During a harbour radio interview in August, the actress was asked if she’d "
                                     "ever been discriminated against.\n", "asked", keep_word=True)
    assert truncated


def test_a_cut_never_leaves_a_second_verb_joined_to_nothing():
    # the parser reads "after two quakes" as a phrase and "struck" as a second verb; a cut that takes what stood
    # between them would make "dispatched to the island strikes west of Varne"
    assert not usable_of("A Red Cross assessment team was dispatched to the island after two quakes, measuring 7.6 "
                         "and 7.4, struck west of Varne Jan. 4.\n")


def test_a_verb_that_stays_keeps_its_subject():
    text = "The harbour board met on Monday after two storms, which flooded the quay, struck the coast of Varne.\n"
    assert "two storms" in cut_of(text, "two storms")


def test_those_take_a_plural_verb():
    out, _ = headline_of("As Olsen and Haas led the field before the harbour vote, those trailing them heaped "
                         "criticism on the board and its chair.\n", "As")
    assert "those trailing them heap criticism" in out, out


def test_a_sentence_opening_on_which_leans_on_the_one_before():
    text = ("The cyclist Mara Quint finished second in the mountain stage of the tour on Saturday afternoon.\n"
            "Which is why the team still believes she can win the overall title in Paris next week.\n")
    _, ok = headline_of(text, "Which")
    assert not ok


def test_the_last_resort_cut_never_leaves_a_preposition_without_its_object():
    text = ("In being compared with former Ajax team-mate Jan Smit in the past, or Piet Bos at present, the feeling "
            "among the fans has generally been that they are more careful than Dekker, who simply sails.\n")
    article, cand, headliner = cut_ready(text)
    headliner.core = {cand.span.root.i}
    headliner.limit = 12
    keep = {t.i for t in cand.span if not t.is_space}
    headliner._trim_tail(cand.span, cand.span.root, keep, quote_ranges(cand.span))
    opener, verb = cand.span[0], cand.span[2]  # "In", "compared"
    assert opener.i not in keep or verb.i in keep, " ".join(article.doc[i].text for i in sorted(keep))


def test_a_cut_aside_leaves_the_comma_a_leading_clause_or_a_clause_on_a_noun_needs():
    text = ("While the harbour economy is struggling badly, with dozens of the larger firms laying off a third of "
            "their dockside staff since the spring, the mood in the town remains calm and defiant.\n"
            "The regional news agency quoted Farid Karimi, a senior border official in the province of Sistan, who "
            "said the smugglers crossed the river from the east at night with four trucks of fuel.\n")
    out, _ = headline_of(text, "While")
    assert out.startswith("While the harbour economy is struggling badly, the mood"), out
    out, _ = headline_of(text, "The regional")
    assert "Farid Karimi, who said" in out, out


def test_a_count_of_more_than_one_takes_a_plural_verb():
    text = ("Six rockets were fired at the base within a few minutes - two landed inside the perimeter fence itself, "
            "while the other four fell harmlessly into the desert nearby.\n"
            "More than $900,000 was spent on radio adverts attacking the mayor in the final fortnight of the "
            "campaign.\n")
    out, _ = headline_of(text, "Six")
    assert "two land inside" in out, out
    out, _ = headline_of(text, "More")
    assert "$900,000 is spent" in out, out


def test_a_verb_left_with_only_adverbs_before_it_has_lost_its_subject():
    # the parser hangs "has grown" on "extended", and the cut of that clause takes the subject with it
    text = ("Since its launch, the charity has grown tremendously and recently extended its work to young women and "
            "girls in Kenya.\n")
    out, ok = headline_of(text, "Since")
    assert not ok or out.startswith(("The charity", "Since")), out


def test_what_a_sayer_said_in_the_past_keeps_the_sayer_s_tense():
    text = ("In a 2004 interview with a local paper, the painter Ana Ruiz said she sold her first canvas to a "
            "neighbour.\nHer new show opens in the city gallery in 2025 and runs until the end of the summer.\n")
    out, _ = headline_of(text, "In a 2004")
    assert "said she sold her first canvas" in out, out


def test_a_pair_opened_by_both_keeps_its_second_half_or_goes_whole():
    text = ("Thousands of families have fled the valley because of the floods, both within the province and across "
            "the border, the agency said in a statement.\n")
    out, _ = headline_of(text, "Thousands")
    assert not out.endswith("both within the province"), out


def test_a_subject_whose_verb_was_cut_makes_no_headline():
    text = ("Few mayors would ever admit this, but Ines Duarte (a former nurse so shy she was once mistaken for an "
            "intern) says she felt lost in her first months at the town hall in 2019.\n")
    out, ok = headline_of(text, "Few")
    assert not ok or not out.endswith("Ines Duarte"), out


def test_a_verb_run_on_after_a_noun_shows_a_misparse_even_when_cut():
    # the parser takes "shot" for the verb of "Video" and joins "was released" to it with no "and"
    text = ("Police released video of the robbery of a jewellery store in Leeds on Monday.\n"
            "Video of shop owner Amir Khan shot and wounded in the raid was released Thursday, according to the "
            "Leeds Evening Post.\n")
    out, ok = headline_of(text, "Video")
    assert not ok, out


def test_a_time_phrase_paired_with_a_place_stays():
    text = ("Costa late Monday agreed to talk on the very day and in the very place the owners had proposed two "
            "months ago.\n")
    out, _ = headline_of(text, "Costa")
    assert "talk on the very day and in the very place" in out, out


def test_an_effort_keeps_what_it_is_for_and_quoted_as_keeps_its_as():
    text = ("One delegate, the party treasurer Nora Ellis, pledged her support to the mayor last week in an effort to "
            "end the bitter leadership contest before the summer recess.\n"
            "The regional paper quoted one of the minister's advisers as saying the bridge would not open before the "
            "end of next year.\n")
    out, _ = headline_of(text, "One delegate")
    assert not out.endswith("in an effort"), out
    out, ok = headline_of(text, "The regional")
    assert not ok or "as saying" in out, out


def test_a_title_that_says_whose_it_is_stays_with_the_name():
    text = ("The minister met Harbour Board chief executive Lena Vos and two union leaders at the port on Monday to "
            "discuss the strike.\n")
    out, _ = headline_of(text, "The minister")
    assert "Harbour Board chief executive Lena Vos" in out, out


def test_an_apposition_with_no_closing_comma_leaves_no_comma_before_the_verb():
    text = ("Ines Duarte, a former nurse at the city hospital has written a book in which she describes the chaos of "
            "the first weeks of the pandemic.\n")
    out, _ = headline_of(text, "Ines")
    assert out.startswith("Ines Duarte has written"), out


def test_a_cut_takes_both_dashes_and_never_leaves_a_time_or_a_fact_without_its_clause():
    text = ("Many delegates at the summit — including farmers, fishermen and teachers — said the new water law is "
            "particularly painful at a time when prices are rising fast.\n"
            "Her real strength – the fact that the council let her run the harbour her own way – has made the port "
            "busier and more welcoming to small boats.\n"
            "The protests late on Saturday came after a candle-lit vigil to mark the death of a young fisherman in the "
            "harbour.\n")
    out, _ = headline_of(text, "Many")
    assert "delegates —" not in out and not out.endswith("at a time"), out
    out, _ = headline_of(text, "Her real")
    assert "the fact –" not in out, out
    out, _ = headline_of(text, "The protests")
    assert out.startswith("The protests come after"), out
    out, _ = headline_of("Matt Hasselbeck threw for more than 300 passing yards against the Saints back in September, "
                         "so maybe the Seahawks have a chance on Sunday.\n", "Matt")
    assert not out.endswith(" back"), out


def test_a_cause_stays_with_caused_and_a_verb_left_unjoined_makes_no_bullet():
    text = ("The captain's fever was caused by a rare tropical virus, but he is much better, his daughter, Ana Ruiz, "
            "told the Harbour Times.\n")
    _, cand, headliner = cut_ready(text)
    keep = {t.i for t in cand.span if not t.is_space}
    agent = next(t for t in cand.span if t.dep_ == "agent")
    headliner._remove({t.i for t in agent.subtree}, cand.span, keep, commas=True)
    assert agent.i in keep  # "is caused" says nothing without what caused it
    text = ("Floating yoga is a practice that mixes balance with breathing and, according to its teachers, builds "
            "'strength, focus and calm' and 'deepens trust' between partners.\n")
    out, ok = headline_of(text, "Floating")
    assert not ok or "practice builds" not in out, out


def test_a_participle_taken_for_the_verb_makes_no_bullet_when_the_real_verb_is_cut():
    # the parser makes "taken" the verb and "appear" a second verb joined to it by nothing
    text = ("Samples taken from the crumbling old harbour wall near the fish market appear to have a much higher "
            "ratio of lime to sand than any other building in the town.\n")
    out, ok = headline_of(text, "Samples")
    assert not ok or "Samples take " not in out, out


def test_a_ratio_a_proportion_or_an_estimate_needs_its_of_phrase():

    article = parsed("Bricks from the old harbour wall have a higher ratio of lime to sand than the church, a "
                     "larger proportion of clay and an estimate of £20,000 at auction.\n")
    nouns = [t for t in article.doc if t.lower_ in {"ratio", "proportion", "estimate"}]
    assert len(nouns) == 3 and all(needs_its_of(t) for t in nouns)


def test_an_opening_after_read_as_a_preposition_makes_no_bullet():
    # the parser reads "After the BMA" as a phrase, "doctors left" as the main clause and the real main clause as
    # joined to it by a comma: cut, the bullet would make the two things happen side by side
    text = ("After the BMA (British Medical union) doctors left Castle square, the first lines of the main march "
            "started arriving before the Senate with the first scuffles erupting at the end of Mill street.\n")
    out, ok = headline_of(text, "After")
    assert not ok or out.startswith("After"), out


def test_a_horizontal_bar_after_a_dateline_reads_as_a_dash():
    # "―" (U+2015) sets off datelines on some sites; the model, never having seen it, took it for a verb
    text = ("GLASGOW ― The council’s long feud with the island ferry company is a disgrace to every trader on the "
            "quay, local shopkeepers said on Friday.\n")
    article = parsed(text)
    bar = next(t for t in article.doc if t.text == "―")
    assert bar.pos_ == "PUNCT" and article.text[bar.idx] == "―"  # the text stays as given
    out, ok = headline_of(text, "")
    assert ok and out.startswith("The council’s long feud"), out


def test_a_verb_that_lost_its_infinitive_makes_no_bullet():
    # "has struggled [to fill its winter sailings …]": the cut leaves a verb that says nothing without it
    text = ("The ferry company has struggled to fill its winter sailings with passengers and freight: traders seem "
            "to have found that the bridge works better for them.\n")
    out, ok = headline_of(text, "")
    assert not ok or "struggled to" in out, out


def test_a_second_verb_the_parser_left_unlabelled_is_made_present_too():
    text = "The harbour team waited for the tide to turn, then cruised to an easy win over Portree.\n"
    out, _ = headline_of(text, "")
    assert "waits" in out and "cruises" in out and "cruised" not in out, out


def test_a_bounding_time_stays_when_a_when_clause_names_it():
    # "until May 30, 2005 when …": without the date, the "when" clause would say when the insisting happened
    for text in ("Moffat chose to stay wholly anonymous until May 30, 2005 when Moffat's family disclosed his name "
                 "in a piece for the Oban Times.\n",
                 "Baird insisted on keeping completely quiet until May 30, 2005 when Baird's sister disclosed his "
                 "role in a letter to the Oban Times.\n"):
        out, ok = headline_of(text, "")
        assert not ok or "until May 30, 2005" in out or " when " not in out, out


def test_an_opening_phrase_that_runs_into_the_subject_is_a_misparse():
    # the parse the model gave a sentence like "In the latest batch of emails released by the trust, the candidate
    # for the island's next provost appeared to shrug": the opening phrase takes "the candidate for the island's",
    # so its cut would leave "Next provost appears to shrug"; built by hand, as the misparse depends on the words
    words = ["In", "the", "batch", "of", "emails", "released", "by", "the", "trust", ",", "the", "candidate", "for",
             "the", "island", "'s", "next", "provost", "appeared", "to", "shrug", "."]
    heads = [18, 2, 0, 2, 3, 4, 5, 8, 6, 11, 11, 0, 11, 14, 12, 14, 17, 18, 18, 20, 18, 18]
    deps = ["prep", "det", "pobj", "prep", "pobj", "acl", "agent", "det", "pobj", "punct", "det", "appos", "prep",
            "det", "pobj", "case", "amod", "nsubj", "ROOT", "aux", "xcomp", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "ADP", "DET",
           "NOUN", "PART", "ADJ", "NOUN", "VERB", "PART", "VERB", "PUNCT"]
    doc = hand_parse(words, heads, deps, pos=pos)
    runs_into = Headliner._runs_into_subject
    assert runs_into(SimpleNamespace(doc=doc), doc[0], doc[17])
    # the same phrase ending at its comma ("In the batch of emails released by the trust, the provost…") is fine
    words = ["In", "the", "batch", "of", "emails", "released", "by", "the", "trust", ",", "the", "provost", "appeared",
             "to", "shrug", "."]
    heads = [12, 2, 0, 2, 3, 4, 5, 8, 6, 12, 11, 12, 12, 14, 12, 12]
    deps = ["prep", "det", "pobj", "prep", "pobj", "acl", "agent", "det", "pobj", "punct", "det", "nsubj", "ROOT",
            "aux", "xcomp", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PART",
           "VERB", "PUNCT"]
    doc = hand_parse(words, heads, deps, pos=pos)
    assert not runs_into(SimpleNamespace(doc=doc), doc[0], doc[11])


def test_in_order_goes_with_the_infinitive_a_cut_took():
    text = ("The provost went on national radio and asked the government for emergency funds in order to help the "
            "islanders stranded by the ferry strike.\n")
    article, keep, _ = tail_after_cut(text, "to", keep_word=False)  # "… for emergency funds in order"
    assert article.doc[max(keep)].text == "funds", [article.doc[i].text for i in sorted(keep)]


def test_a_side_clause_verb_left_without_its_subject_makes_no_bullet():
    # the parser hangs "hooded youths" on "after" and "broke" on "died"; cut, "die at a shed broke a window"
    text = ("Police said two fishermen and one diver died at a shed of the Portree harbour trust which caught fire "
            "after hooded youths broke a window and hurled petrol bombs inside.\n")
    out, ok = headline_of(text, "")
    assert not ok or "shed broke" not in out, out


def test_a_verb_the_parser_hung_on_a_root_name_is_made_present():
    # the parser makes "Lamont" the root and "named" a participle clause on it: the verb is still the main one
    text = ("Provost Ruth Lamont, the town's most senior councillor, on Monday named Alex Moffat as her choice for "
            "harbour master, a decision that surprised the ferry company.\n")
    out, _ = headline_of(text, "")
    assert "Lamont names Alex Moffat" in out, out


def test_late_goes_with_its_time_and_lo_is_part_of_a_surname():
    article = parsed("Police said Moffat had left the harbour late on Tuesday night.\n")
    headliner = Headliner(article)
    out = headliner.headline(candidates(article)[0])[0]
    assert not out.endswith("late"), out
    text = ("Police said Gino Lo Bianco had left the harbour in a small boat.\nLo Bianco was found on a beach near "
            "Portree on Friday after a long search by the coastguard.\n")
    article = parsed(text)
    headliner = Headliner(article)
    bullets = [headliner.headline(c)[0] for c in candidates(article)]
    assert bullets[1].startswith("Lo Bianco is found"), bullets


def test_the_quote_marks_of_tokenized_wire_copy_protect_a_quotation():
    # ``…'' is how tokenized wire copy marks a quotation: its words are the speaker's, and no cut goes inside
    text = ("`` The new ferry will be on the water by the spring and the old one will go for scrap,'' said harbour "
            "master Alex Moffat at a meeting in Portree on Friday.\n")
    out, ok = headline_of(text, "")
    assert "old one will go for scrap" in out or not ok, out
    text = ("The ferry company says the new boat is `` as good as any on the west coast,'' and will sail from Oban "
            "from the middle of May.\n")
    out, _ = headline_of(text, "")
    assert "`` as good as any on the west coast''" in out, out


def test_a_named_day_goes_whole():
    # the model tags "Super" a place and "Tuesday" a date: the cut of the date alone left "on Super"
    text = "Moffat’s stunned gaze as he stood behind Donald Trump on Super Tuesday is drawing laughter in Portree.\n"
    out, _ = headline_of(text, "")
    assert "Super" not in out or "Super Tuesday" in out, out


def test_a_past_form_the_tagger_mistook_is_made_present():
    # "welled" tagged as a participle with no auxiliary, "leapt" as a present form: both are the past of the main verb
    out, _ = headline_of("Mr. Moffat's eyes welled with tears as he spoke of the old harbour and the men who built "
                         "it.\n", "")
    assert out.startswith("Mr. Moffat's eyes well with tears"), out
    out, _ = headline_of("When the scandal engulfed the council, Mr. Moffat leapt to the provost's defense.\n", "")
    assert "Moffat leaps to" in out, out
    # a passive without its "is" stays as it is
    out, _ = headline_of("Ferries stranded as storm closes the harbour at Portree for a third day.\n", "")
    assert out.startswith("Ferries stranded"), out


def test_the_opening_mark_of_the_next_quotation_does_not_end_a_bullet():
    # in copy that opens and closes quotations with '', the sentence splitter leaves the opening mark behind
    text = ("The harbour master told the council that the new ferry would arrive from the Clyde yard in May. ''It "
            "will change everything for the island,'' he said.\n")
    article = parsed(text)
    assert article.sentences[0].text.endswith("''")
    out = Headliner(article).headline(candidates(article)[0])[0]
    assert not out.endswith("''"), out


def test_a_fragment_whose_only_verbs_are_gerunds_is_not_a_candidate():
    text = ("The council has ordered the ferry company to carry every islander free of charge until the pier is "
            "mended.\nEvery one of them, including their children and the summer visitors.\n"
            "Harbour ferry operator hoping for calmer seas in the spring months.\n")
    article = parsed(text)
    assert [c.sentence.text[:12] for c in candidates(article)] == ["The council "]


def test_a_subject_the_parser_found_inside_a_dashed_aside_is_a_misparse():
    # the parser makes "Baird", the last name of the aside, the subject of "came off", and the real subject ("the
    # fleece, and the gloves") its apposition
    text = ("But when the primary was over - after Lamont came in third behind Moffat and Skye Provost John Baird - "
            "the fleece, and the gloves, came off.\n")
    out, ok = headline_of(text, "")
    assert not ok, out
    # a true apposition set off by dashes on both sides stays
    out, ok = headline_of("The three harbour workers - two women and a man - were rescued when their boat went down "
                          "off Portree.\n", "")
    assert ok and out.startswith("The three harbour workers - two women and a man - are rescued"), out


def test_a_title_before_a_name_taken_for_a_verb_makes_no_bullet():
    # "suspect" tagged as a verb joined to "was injured": cut, the bullet ends on a subject with no verb
    text = ("Ruth Lamont, 21, was injured in the crash and suspect Alex Moffat, 28, was shot in the leg and taken into "
            "custody.\n")
    out, ok = headline_of(text, "")
    assert not ok or not out.endswith("Alex Moffat"), out


def test_a_caption_that_opens_on_pictured_is_not_a_candidate():
    text = ("The council has ordered the ferry company to carry every islander free of charge until the pier is "
            "mended.\nPictured is Ruth Lamont, the skipper who was told she needed a new licence to sail.\n")
    article = parsed(text)
    assert [c.sentence.text[:12] for c in candidates(article)] == ["The council "]


def test_a_time_that_is_compared_stays():
    text = ("Island leaders are pushing to make the ferry deal legally binding years earlier than originally expected, "
            "officials said on Friday in Portree.\n")
    out, _ = headline_of(text, "")
    assert "than originally expected" not in out or "years earlier than" in out, out


def test_a_cut_never_takes_part_of_a_list():
    # "includes the campaign, 32 councils [and the harbour trust]" would read as the whole list
    text = ("The joint account, the Harbour Victory Fund, includes the island campaign, 32 local community councils "
            "and the harbour trust.\n")
    out, _ = headline_of(text, "")
    assert "councils and the harbour trust" in out or "32 local community councils" not in out, out


def test_a_verb_that_lost_its_direction_makes_no_bullet():
    text = ("The water and power cables, as well as the main roads and the ferry routes, always point south towards "
            "Oban and away from the rest of the island.\n")
    out, ok = headline_of(text, "")
    assert not ok or not out.endswith(("point", "points")), out


def test_helped_keeps_what_helped():
    text = "Shares in the ferry company ended slightly higher, helped by strong results from its parent company.\n"
    _, cand, headliner = cut_ready(text)
    keep = {t.i for t in cand.span if not t.is_space}
    agent = next(t for t in cand.span if t.dep_ == "agent")
    headliner._remove({t.i for t in agent.subtree}, cand.span, keep, commas=True)
    assert agent.i in keep  # "…, helped" says nothing without what helped


def test_a_subject_the_parser_hung_on_the_opening_phrase_is_a_misparse():
    # the parse the model gave "Bound together by 2,000 years of exchanges and sharing a border, the two nations, Xi
    # said, now have…": "nations" an apposition of "border", and "have" with no subject; built by hand
    words = ["Bound", "by", "years", "of", "trade", "and", "sharing", "a", "border", ",", "the", "two", "islands", ",",
             "Lamont", "said", ",", "now", "have", "a", "chance", "."]
    heads = [18, 0, 1, 2, 3, 0, 0, 8, 6, 8, 12, 12, 8, 15, 15, 18, 15, 18, 18, 20, 18, 18]
    deps = ["advcl", "agent", "pobj", "prep", "pobj", "cc", "conj", "det", "dobj", "punct", "det", "nummod", "appos",
            "punct", "nsubj", "parataxis", "punct", "advmod", "ROOT", "det", "dobj", "punct"]
    pos = ["VERB", "ADP", "NOUN", "ADP", "NOUN", "CCONJ", "VERB", "DET", "NOUN", "PUNCT", "DET", "NUM", "NOUN", "PUNCT",
           "PROPN", "VERB", "PUNCT", "ADV", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["VBN", "IN", "NNS", "IN", "NN", "CC", "VBG", "DT", "NN", ",", "DT", "CD", "NNS", ",", "NNP", "VBD", ",",
            "RB", "VBP", "DT", "NN", "."]
    doc = hand_parse(words, heads, deps, tags, pos)
    headliner = StandInHeadliner(doc=doc, relativizers=set(), verbs={0, 6, 15, 18}, clause_bullet=None)
    assert Headliner._misread(headliner, doc[:], doc[18], None, Protected(set(), []))


def test_centrality_weighs_the_articles_own_words_over_common_ones():
    # "people", "said", "time" and "year" recur more often than "reservoir" and "drought", but say
    # nothing about what the article reports
    text = (
        "The reservoir above Tarnby fell to a quarter of its capacity this week, the lowest level since records "
        "began.\n\nMany people in the town said this year had been a hard time for many people.\n\n"
        "Engineers blame the drought and a cracked spillway for the reservoir's losses.\n\n"
        "People said the time had come, and people said the year would be long.\n\n"
        "Crews will pump water from the river into the reservoir until the drought breaks.\n\n"
        "Some people said it was a good time, others said it was a bad year.\n\n"
        "Farmers near the reservoir have been told to stop irrigating while the drought lasts.\n"
    )
    assert rarity("drought") > rarity("year") > rarity("the")
    article = parsed(text)
    cands = candidates(article)
    central = {c.sentence.text.split()[0]: f["central"] for c, f in zip(cands, features(article, cands), strict=True)}
    topical, common = ("Engineers", "Crews", "Farmers"), ("Many", "People", "Some")
    assert min(central[w] for w in topical) > max(central[w] for w in common), central


HARBOUR = """The harbour board in Saltmere voted on Monday to close the old ferry pier for two years of repairs.

''The pier will not survive another winter without new piles,'' said Joan Keller, the board's chief engineer.

Keller said the repairs would cost 14 million pounds and that ferries would use the fishing quay in the meantime.

Fishermen at the quay said they had not been asked about sharing their berths with the ferries.

The board said it would meet the fishermen's association next week to agree a timetable for the berths.

Work on the pier is expected to begin in March, once the last of the winter storms has passed.
"""


def test_copy_that_opens_quotations_with_two_apostrophes():
    # ''…'' is a quotation; the 17'' of a screen size is not one
    assert [m.group(0) for m in QUOTE_PATTERN.finditer("''We cannot wait,'' she said of the 17'' screens.")] == [
        "''We cannot wait,''"]
    points = [kp.text for kp in newsbrief.analyze(HARBOUR, published="2025-05-05").key_points]
    pier = [p for p in points if "pier will not survive" in p]
    # the quotation keeps its marks and its speaker ("The pier will not survive … new piles '' ''" before)
    assert pier == ["''The pier will not survive another winter without new piles,'' says Joan Keller"], points


HOLM = """The trade minister of Saltmere, Erik Holm, described on Tuesday how talks with the fishing fleet broke down.

Holm said the fleet's owners had refused every offer the ministry made, including a fuel subsidy worth two million.

''He would turn to me and ask, 'Where is the money?''' Mr. Holm said, tapping the table with a pen.

The owners' association said the ministry had never put a written offer on the table.
"""


def test_a_bullet_left_with_who_spoke_but_not_what_is_refused():
    article = parsed(HOLM)
    headliner = Headliner(article)
    tapping = next(c for c in candidates(article) if "tapping" in c.sentence.text)
    text, _, _ = headliner.compress(tapping, commit=False)
    assert "Holm says" in text and "money" not in text  # the parser put the quotation in a sentence of its own
    assert not headliner.usable(tapping), text


def test_a_verb_left_in_the_past_keeps_its_clause_in_the_past():
    article = parsed(HOLM)
    first = candidates(article)[0]
    text, _, _ = Headliner(article).compress(first)
    # "Holm, described how talks … break down" mixed the tenses
    assert ("described" in text) == ("broke down" in text), text


def test_an_it_that_stands_for_something_the_box_does_not_show_is_refused():
    text = (
        "The new ferry between Saltmere and Vik made its first crossing on Monday with 300 passengers on board.\n\n"
        "It is later expected to carry up to 900 passengers a day in the summer season.\n\n"
        "It is unclear whether the harbour can take a second ferry before the pier is rebuilt.\n\n"
        "It's rare for a crossing of that length to open without a single delay, the operator said.\n\n"
        "It comes after two years of delays caused by a dispute over the harbour fees.\n"
    )
    article = parsed(text)
    headliner = Headliner(article)
    usable = [headliner.usable(c) for c in candidates(article)]
    # "It is later expected …" and "It comes after …" lean on the ferry; "It is unclear whether …" and
    # "It's rare for … to open …" stand for the clause they keep
    assert usable == [True, False, True, True, False], usable


def test_an_as_clause_read_as_a_phrase_makes_no_bullet():
    # the parser reads "as" as a preposition and "goes on trial" as a second main verb with no "and":
    # the cut of that verb left "…, Arne Lund" hanging
    article = parsed("The case is back in the news as the 20-year-old accused of starting the blaze, Arne Lund, "
                     "goes on trial.\n")
    cand = candidates(article)[0]
    headliner = Headliner(article)
    text, _, _ = headliner.compress(cand, commit=False)
    assert not headliner.usable(cand), text


def test_a_bullet_without_a_main_clause_is_a_misparse():

    # the parse the model gave "Following an outcry from victims' groups, the bill, known as the … Act was passed
    # …": "Following" the root, and "the bill" an apposition of "groups"; built by hand
    words = ["Following", "an", "outcry", "from", "local", "groups", ",", "the", "bypass", ",", "known", "as", "the",
             "Relief", "Road", "was", "approved", "."]
    heads = [0, 2, 0, 2, 5, 3, 5, 8, 5, 8, 8, 10, 14, 14, 16, 16, 8, 0]
    deps = ["ROOT", "det", "pobj", "prep", "amod", "pobj", "punct", "det", "appos", "punct", "acl", "prep", "det",
            "compound", "nsubjpass", "auxpass", "acl", "punct"]
    tags = ["VBG", "DT", "NN", "IN", "JJ", "NNS", ",", "DT", "NN", ",", "VBN", "IN", "DT", "NNP", "NNP", "VBD", "VBN",
            "."]
    doc = hand_parse(words, heads, deps, tags)
    assert no_main_clause(doc[0], set(range(9)), set())  # the cut kept "Following … groups, the bypass"
    assert not no_main_clause(doc[0], set(range(18)), set())  # "was approved" is still there to read
    # "The mayor addressed the concerns, stating the county – and not the town – is in charge": "is" joined to
    # "addressed" by the parser; the cut of "stating …" left it with no subject
    words = ["The", "mayor", "addressed", "the", "concerns", ",", "stating", "the", "county", "–", "and", "not", "the",
             "town", "–", "is", "in", "charge", "."]
    heads = [1, 2, 2, 4, 2, 2, 2, 8, 6, 8, 8, 13, 13, 8, 6, 2, 15, 16, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "punct", "advcl", "det", "dobj", "punct", "cc", "neg", "det", "conj",
            "punct", "conj", "prep", "pobj", "punct"]
    tags = ["DT", "NN", "VBD", "DT", "NNS", ",", "VBG", "DT", "NN", ":", "CC", "RB", "DT", "NN", ":", "VBZ", "IN", "NN",
            "."]
    doc = hand_parse(words, heads, deps, tags)
    assert no_main_clause(doc[2], {0, 1, 2, 3, 4, 5, 15, 16, 17, 18}, set())
    # "…, and is in charge": a second verb of the mayor's
    doc = hand_parse([*words[:9], "and", *words[15:]], [1, 2, 2, 4, 2, 2, 2, 8, 6, 2, 2, 10, 11, 2],
                      [*deps[:9], "cc", "conj", "prep", "pobj", "punct"], [*tags[:9], "CC", "VBZ", "IN", "NN", "."])
    assert not no_main_clause(doc[2], {0, 1, 2, 3, 4, 9, 10, 11, 12, 13}, set())


def test_clauses_spliced_by_however_make_no_bullet():
    # the parser made the first clause the content of the second; the cut of "however" spliced them with a comma
    text = ("Saltmere went into the final with a two-goal lead following their 3-1 win at home, however they were "
            "swept aside by the visitors.\n")
    article = parsed(text)
    cand = candidates(article)[0]
    headliner = Headliner(article)
    text, _, _ = headliner.compress(cand, commit=False)
    assert not headliner.usable(cand), text


def test_a_point_of_view_keeps_whose_it_is(nlp):

    doc = nlp("The video was filmed from the point of view of a ferry captain.")
    view = next(t for t in doc if t.text == "view")
    assert needs_its_of(view) == any(c.lower_ == "of" for c in view.children)
    assert any(c.lower_ == "of" for c in view.children)  # the parse this test is about


def test_a_caption_run_into_the_sentence_is_no_bullet_even_when_a_cut_takes_it():
    # "Serie A on Saturday" is a name, not a caption run on
    assert not RUN_ON.search("Roma beat Napoli in Serie A on Saturday.")
    assert RUN_ON.search("Ferry crews at the pier in Saltmere The harbour board voted to close it")
    text = ("The harbour board in Saltmere voted on Monday to close the old ferry pier for two years of repairs.\n\n"
            "Keller's boots before the storm (left) and after the storm (right) during Saltmere's 6-1 defeat of Vik "
            "The former harbour master (far right) also decided to close the fuel berth during the works\n\n"
            "Keller said the repairs would cost 14 million pounds and that ferries would use the fishing quay.\n")
    article = parsed(text)
    headliner = Headliner(article)
    caption = next(c for c in candidates(article) if c.sentence.text.startswith("Keller's boots"))
    # the bullet a cut of the glued caption left ("Guardiola's trousers before the rip and after the rip decide to
    # ditch his suit blazer" on a dev article): its sentence still says the parse ran two captions together
    headliner._made[caption.index] = (frozenset(), ("Keller's boots decide to close the fuel berth", [caption.sentence],
                                                    8), set())
    assert not headliner.usable(caption)


@pytest.mark.parametrize("sentence", [
    # "between" needs both sides: not "a stark contrast between a plan"
    "The report revealed a stark contrast between a plan for new flats backed by the town council and the hopes of "
    "the fishermen of the old harbour backed by the ferry union.",
    # "put" needs where: not "puts even such long-serving councillors"
    "Harbour master Erik Holm said having the new ferry at the top of the county plan puts even such long-serving "
    "councillors as Anna Berg of Saltmere and Ola Dahl of Vik in jeopardy.",
    # "both" needs its "and": not "The letters show both Holm's anger at the council"
    "The letters showed both Holm’s anger at the council during the long dispute over the harbour fees and some "
    "lighter moments with the crews.",
])
def test_a_cut_that_takes_the_half_a_word_needs_makes_no_bullet(sentence):
    article = parsed(sentence + "\n")
    cand = candidates(article)[0]
    headliner = Headliner(article)
    assert not headliner.acceptable(cand), headliner.compress(cand, commit=False)[0]


def test_a_sentence_speaking_in_the_first_person_is_refused_even_when_a_cut_would_take_the_i():
    # the "I" sits in a tail the cut takes: what is left would be the speaker's words without their marks
    text = ("The island's rowing club won the coastal relay at the regatta in the bay on Saturday afternoon.\n"
            "The club has a long and proud tradition in coastal rowing, and when I look at these young crews I "
            "know that tradition is safe for years to come, its captain said.\n")
    article = parsed(text)
    headliner = Headliner(article)
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("The club"))
    assert not headliner.usable(cand)
    assert cand.index not in headliner._made  # decided from the sentence alone: never compressed


def test_doing_more_keeps_what_for_and_a_predicate_noun_keeps_its_of():
    # "who has done more [to protect the fleet]", "the delays are a result [of a strike]": cut, they say nothing
    done = ("The harbour master is a quiet islander who has done more to protect the old fishing fleet than anyone "
            "else in recent years.\n")
    result = ("The ferry operator said on Monday that the long delays to the morning boats this week were a result of "
              "a strike by the crews of the two oldest ferries.\n")
    for text in (done, result):
        out, ok = headline_of(text, "The")
        assert not out.endswith(("done more", "a result")), out
        assert not ok or "to protect" in out or "of a strike" in out, out


def test_a_regular_past_keeps_the_e_of_its_verb():
    # the lemmatizer reads "fined" as "fin" + "ed"; "fin" would make "finned"
    out, _ = headline_of("The harbour board fined the ferry company for late sailings.\n", "The")
    assert out == "The harbour board fines the ferry company for late sailings", out


def test_spaced_hyphens_around_an_aside_the_cut_took_go_with_it():
    article = parsed("The ferry company - which runs the two oldest boats on the island route - was fined for late "
                     "sailings.\n")
    cand = candidates(article)[0]
    aside = {t.i for t in cand.span if t.text in {"which", "runs", "two", "oldest", "boats", "on", "island", "route"}
             or (t.text == "the" and t.i > 3)}
    keep = {t.i for t in cand.span if not t.is_space} - aside
    assert Headliner(article)._surface(cand.span, keep, {}) == "The ferry company was fined for late sailings"
    # two hyphens side by side are a dash the copy typed so: they stay
    article = parsed("The ferry company - - the island's oldest - was fined for late sailings.\n")
    cand = candidates(article)[0]
    keep = {t.i for t in cand.span if not t.is_space}
    assert " - - " in Headliner(article)._surface(cand.span, keep, {})


def test_a_caption_listing_who_is_pictured_is_not_prose():
    text = ("From left: Ana Lopes, Tom Hale, Mary Quinn, Joe Bell and Sam Ward won the coastal relay for the island's "
            "rowing club on Saturday.\n"
            "The island's rowing club won the coastal relay at the regatta in the bay on Saturday afternoon.\n")
    assert [c.sentence.text[:8] for c in candidates(parsed(text))] == ["The isla"]


def test_a_possessive_opener_is_the_person_named_before_and_cites_where():
    article = parsed("Harbour master Ana Lopes has spent thirty years guarding the island's small fishing fleet.\n"
                     "Her plan to rebuild the old stone pier was approved by the council on Monday after a debate.\n"
                     "Her deputy, Tom Hale, will oversee the work on the pier during the summer months.\n")
    headliner = Headliner(article)
    plan, deputy = (next(c for c in candidates(article) if c.sentence.text.startswith(s))
                    for s in ("Her plan", "Her dep"))
    text, sources, _ = headliner.compress(plan, commit=False)
    assert text.startswith("Lopes' plan to rebuild the old stone pier is approved"), text
    assert [s.text[:8] for s in sources] == ["Harbour ", "Her plan"]
    assert headliner.usable(plan)
    # a sentence that names someone else may say whose deputy: no guess, and no bullet opening on "Her"
    assert headliner.compress(deputy, commit=False)[0].startswith("Her deputy")
    assert not headliner.usable(deputy)


def test_a_generational_suffix_is_no_surname():
    article = parsed("Rowing coach Mick Hale Junior led the island crew to a record win at the coastal regatta.\n"
                     "His crew crossed the bay in under forty minutes, beating the old record set in the nineties.\n")
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("His crew"))
    text, _, _ = Headliner(article).compress(cand, commit=False)
    assert text.startswith("Hale's crew crosses the bay"), text


def test_the_authors_note_without_an_article_and_the_book_plug_after_it_are_not_prose():
    body = ("The island council approved the new stone pier on Monday after a debate that lasted six hours.\n"
            "Work on the pier will start in the spring and should take about eighteen months to complete.\n")
    foot = ("Ana Lopes is Senior Editor-at-Large at the Island Gazette.\n"
            "Her new book, Stone and Tide: A Harbour History, is available from Quay Press.\n")
    texts = [c.sentence.text for c in candidates(parsed(body + foot))]
    assert len(texts) == 2 and all(t.startswith(("The island", "Work")) for t in texts), texts


def test_the_sport_of_a_title_goes_with_it():
    out, _ = headline_of("Rowing coach Mick Hale led the island crew to a record win at the coastal regatta in the "
                         "bay.\n", "Rowing")
    assert out.startswith("Mick Hale leads the island crew"), out


def test_the_rest_of_a_line_split_after_and_is_no_candidate():
    text = ("The island's rowing club named its crew for the coastal relay at the regatta on Saturday.\n"
            "The crew:\n- Ana Lopes\n- Tom Hale\n- and\n"
            "Mary Quinn will all row for the island for the first time in the relay this summer.\n"
            "The club has won the relay four times in the last ten years, more than any other club on the coast.\n")
    assert not any(c.sentence.text.startswith("Mary Quinn") for c in candidates(parsed(text)))


def test_a_refusal_an_opportunity_or_a_need_keeps_what_it_is_for():
    for text in ("What is clear is that the harbour board feels the need to rebuild the old stone pier before the "
                 "storms of next winter arrive.\n",
                 "The new boat has a larger deck, a heated cabin for passengers and the ability to carry four lorries "
                 "across the bay at once.\n"):
        out, _ = headline_of(text, text[:5])
        assert not out.endswith(("the need", "the ability")), out  # too long whole: refused, not cut short


def test_a_copula_that_lost_what_it_says_is_a_truncated_bullet():
    article = parsed("The harbour board's plan is to rebuild the old stone pier before the winter storms arrive.\n")
    cand = candidates(article)[0]
    headliner = Headliner(article)
    headliner.compress(cand, commit=False)  # reads the sentence's words
    words = {t.i for t in cand.span if not t.is_space}
    told = {t.i for t in cand.span if t.i > next(t.i for t in cand.span if t.text == "is")}
    assert not headliner._lost_complement(words)
    assert headliner._lost_complement(words - told)  # "The harbour board's plan is"


def test_a_pictured_aside_goes_from_a_headline():
    out, _ = headline_of("Tom Hale, pictured in this 2019 photograph, steered the island's oldest ferry across the "
                         "bay in a winter storm last night.\n", "Tom")
    assert out.startswith("Tom Hale steers the island's oldest ferry across the bay"), out


def test_a_verb_joined_to_one_in_the_present_agrees_as_that_one_does():
    # British copy treats a team or a board as plural: "have … and [signed →] sign", not "signs"
    out, _ = headline_of("The harbour board have a new plan for the old pier and asked the council for money at its "
                         "meeting on Monday.\n", "The")
    assert out.startswith("The harbour board have a new plan and ask the council"), out


def test_a_pronoun_is_never_a_name_only_ever_seen_modifying_a_noun():
    # the recognizer takes "Old Bailey" (a court) for a person, and the quotes layer, which takes the last
    # person named, makes it who "She" is; the bullet must not say "Bailey drops the charges"
    text = ("The health secretary was forced into an awkward climbdown after a jury threw out yet another Old Bailey "
            "case on Tuesday. She dropped the charges against six nurses, finally admitting there was little "
            "public appetite for the prosecutions.\n")
    article = parsed(text)
    make_stage("quotes", Settings())(article)
    assert any(q.speaker is not None and q.speaker.name == "Old Bailey" for q in article.quotes)  # the premise
    cand = next(c for c in candidates(article) if c.sentence.text.startswith("She"))
    out, sources = Headliner(article).compress(cand, commit=False)[:2]
    assert "Bailey" not in out, out
    assert len(sources) == 1


def test_a_cut_never_leaves_a_verb_or_preposition_without_what_completes_it():
    # "As she drew [closer to the truck]": the comparative is where she drew, not an aside
    text = ("Reporter Ruth Amadi was standing by the road.\nAs she drew closer to the truck, Amadi decided to stop "
            "filming because she didn't know what to expect.\n")
    out, _ = headline_of(text, "As she")
    assert not re.search(r"\bdrew\b(?! closer)", out), out
    # "returning to rest in [between …]": a preposition with no object of its own keeps the one after it
    text = ("The young otter initially swims away before circling the pool twice and returning to rest in between the "
            "keeper's muddy boots.\n")
    out, _ = headline_of(text, "The young")
    assert not out.endswith(" in"), out


def test_the_predicate_a_verb_gives_its_object_is_never_cut_alone():
    # "which sent the Welshman [hurtling to the ground]": what the challenge made him do is what "sent" says
    text = ("Chelsea defender Tom Ellery had come in with a late challenge from behind on United winger Ned Rowe which "
            "sent the Welshman hurtling to the ground.\n")
    article = parsed(text)
    headliner = Headliner(article)
    cand = next(iter(candidates(article)))
    keep = {t.i for t in cand.span}
    hurtling = next(t for t in cand.span if t.text == "hurtling")
    assert headliner._completes(hurtling, keep)
    to = next(t for t in cand.span if t.text == "to")  # its own phrase may still go with it
    assert not headliner._completes(to, keep)


def test_a_claim_the_parser_split_in_two_keeps_both_halves_and_no_stray_dash():
    # the parser makes "was in fact her first" a second claim of "reported"; the bullet keeps it, and the
    # dash that closed the aside a cut took goes with the one that opened it
    text = ("Officials only caught on after she said her 2012 wedding to Omar Diallo, of Senegal,\u00a0- \u00a0the "
            "ninth time she had married - was in fact her first, the Evening Star reported.\n")
    out, _ = headline_of(text, "Officials")
    assert out.endswith("was in fact her first"), out
    assert " - " not in out and "Evening Star" not in out, out


def test_an_aside_between_dashes_cut_short_and_left_open_goes_whole():
    text = ("The league has ordered Harlow Town to play its next two home games behind closed doors - with one of "
            "those games suspended for three years - while fining the club £20,000.\n")
    article = parsed(text)
    headliner = Headliner(article)
    cand = next(iter(candidates(article)))
    span = cand.span
    by_text = {t.text: t for t in span}
    # "with one of those games [suspended …]": the participle is what the absolute phrase says
    assert absolute_participle(by_text["suspended"])
    headliner.compress(cand, commit=False)  # reads the sentence's words once, as every cut does
    keep = {t.i for t in span if t.i < by_text["suspended"].i}  # a cut left "… doors - with one of those games"
    headliner._drop_cut_asides(keep, quote_ranges(span))
    assert max(keep) == by_text["doors"].i
    # a participle that works as a preposition is no such predicate
    other = parsed("The ferry company was hit with a heavy fine following the collapse of a gangway at Dover.\n")
    assert not absolute_participle(next(t for t in other.doc if t.text == "following"))


def test_an_aside_between_dashes_a_cut_gutted_goes_whole():
    out, ok = headline_of("All eight men were pictured posing with former MP Tove Olsen – well known for her "
                          "anti-immigration and anti-ferry stance - at the Saltmere harbour rally.\n", "All")
    assert out == "All eight men are pictured posing with Tove Olsen at the Saltmere harbour rally" and ok, out


@pytest.mark.parametrize("text", [
    "During the match, which took place on Saturday, goalkeeper Tom Ellery was struck by a flare.\n",
    "The council meeting, which took place on Tuesday, voted to close the library on the high street.\n",
])
def test_a_relative_clause_that_only_gave_the_time_goes_with_it(text):
    out, _ = headline_of(text, text[:6])
    assert "took place" not in out and "Saturday" not in out and "Tuesday" not in out, out
    assert out.startswith(text[:10]), out


def test_a_title_dropped_before_a_name_takes_whose_it_was():
    # "[Kane's club manager] Ange Dorsey": never "Kane's Ange Dorsey"
    text = ("Kane's club manager Ange Dorsey says any potential move would have no bearing on the striker's England "
            "future.\n")
    out, _ = headline_of(text, "Kane")
    assert "Kane's Ange" not in out, out
    assert out.startswith("Ange Dorsey says") or out.startswith("Kane's club manager Ange Dorsey"), out


def test_a_second_verb_left_with_only_its_particle_goes_with_its_and():
    # "… and went on[ to score 61 league goals …]": "goes on" alone says nothing
    text = ("The Harbour Rovers captain joined the club's youth academy in 2004 and went on to score 61 league goals "
            "in 210 appearances for the first team.\n")
    out, _ = headline_of(text, "The Harbour")
    assert not re.search(r"\b(?:goes|went) on$", out), out
    assert "youth academy in 2004" in out, out


@pytest.mark.parametrize(("text", "kept", "changed"), [
    # what someone says happened stays in the past: "is never damaged", "arrest 14 people" would be new claims
    ("Harbour master Tom Ellery claimed his boat was never damaged in the storm.\n", "was never damaged", "claims"),
    ("Police said they arrested 14 people after the march through the town centre.\n", "arrested 14", "say"),
    # a state seen from now is present, as the sayer is
    ("Harbour master Tom Ellery said he was tired of the long dispute with the harbour board.\n", "is tired", "says"),
    # a claim before its source is the news itself, in the present
    ("Harbour master Tom Ellery died at his home in Dover on Sunday, his family said.\n", "dies", "Ellery dies"),
])
def test_a_reported_event_keeps_its_past_tense_and_a_reported_state_does_not(text, kept, changed):
    out, _ = headline_of(text, text[:6])
    assert kept in out and changed in out, out


@pytest.mark.parametrize("closing", ["'spoilt brat.'", '"a spoilt brat."'])
def test_a_cut_takes_a_sentence_final_quotation_whole_with_its_closing_marks(closing):
    # the parser hangs the closing stop and mark on the main verb; the clause holding the quotation still goes
    text = ("Football coach Daniel Okafor has won extra praise from his growing army of supporters after calling out "
            f"an online critic who accused his daughter of being {closing}\nThe coach wrote a long reply on Sunday.\n")
    out, ok = headline_of(text, "Football")
    assert out == "Daniel Okafor has won extra praise from his growing army of supporters", out
    assert ok


def test_a_promise_never_loses_what_was_promised():
    # the parser hangs "to end" on "meeting": cut as a trailing phrase, it would leave "promises at a meeting"
    text = ("Councillor Ravi Patel promised on Sunday at a packed town hall meeting in Bradford to end “the wasteful "
            "and unfair parking charges that punish local shoppers.”\nThe meeting ran late.\n")
    out, ok = headline_of(text, "Councillor")
    assert "to end" in out or not ok, out
    assert not out.endswith(("meeting", "Bradford")), out


def test_a_cut_that_fits_is_not_traded_for_a_longer_one_that_leaves_a_verb_short():
    # dropping the second verb phrase leaves 10 words; the longer cut that keeps "has urged his former club" fits
    # too, but says nothing of what he urged
    text = ("Tony Mensah has criticised Chelsea's recent dealings in the transfer market and has urged his former club "
            "to sign three top players in the summer.\nHe spoke on Monday.\n")
    out, ok = lede_headline_of(text)
    assert out == "Tony Mensah has criticised Chelsea's recent dealings in the transfer market"
    assert ok


def test_a_length_of_time_keeps_what_it_is_counted_from():
    text = ("Hundreds of candlelit vigils were held across the city on Saturday evening to mark a week since the "
            "police shooting of a 15-year-old boy in the northern suburbs.\nThe city was calm on Sunday.\n")
    out, _ = headline_of(text, "Hundreds")
    assert not out.endswith("a week"), out


def test_a_quotation_closed_after_a_space_in_tokenized_copy_is_closed():
    text = ("Twice champion Maria Costa said her struggle to beat Ana Ruiz in the final on Sunday had been a real "
            "'eye-opener ' as the season gets into full swing.\nShe flies home today.\n")
    out, ok = headline_of(text, "Twice")
    assert out.endswith("has been a real 'eye-opener '"), out
    assert ok


def test_a_participle_on_the_subject_taken_for_the_main_verb_makes_no_bullet():
    # the parser makes "described" the main verb and the real one ("has been missing") a second verb phrase
    text = ("Gerald Pike, 54, described as having a fanatical obsession with model railways, has been missing since "
            "6.15pm on Tuesday and was last seen leaving a clinic, near Hook, Hampshire.\nPolice are searching.\n")
    out, ok = headline_of(text, "Gerald")
    assert not ok, out


HARBOUR_BUDGET = """Harbour councillors have approved a £40 million budget to rebuild the old port, the council \
announced on Monday.

The council approved the £40 million budget to rebuild the port by 31 votes to 12, after opposition members walked out \
of a debate on dredging, repairs to the north pier and lighting along the quay.

Fishing crews have complained for years that silt in the channel leaves their boats stranded at low tide.

The opposition leader, Carol Lind, said the money would be better spent on housing and that the vote had been rushed.

Work on the channel is due to start in September and should take about eighteen months, the council said.

A public meeting on the plans will be held at the harbour museum next week.
"""


def test_two_sentences_that_compress_to_the_same_bullet_give_one():
    # the two sentences share less than the headline style's sentence threshold (the second says more), but
    # their bullets both say that the budget was approved
    points = [p.text for p in key_points(parsed(HARBOUR_BUDGET))]
    assert sum("£40 million budget" in p for p in points) == 1, points
    assert any("Fishing crews" in p for p in points), points


def test_a_restrictive_clause_left_with_only_its_verb_goes_with_the_time():
    text = ("Harbour councillors approved a £40 million budget for the old port on Monday, after a debate that ran "
            "late into the night and a protest outside the town hall.\nThe vote was close.\n")
    out, _ = lede_headline_of(text)  # a lede may have 20 words
    assert "that ran" not in out, out
    assert out.startswith("Harbour councillors approve a £40 million budget for the old port"), out


def test_a_copula_never_loses_where_or_what_something_is():
    text = ("A seaside cottage which has remained unchanged since the 1950s is up for sale complete with original "
            "features including stained-glass windows, a coal-fired range and old jars of boiled sweets.\n"
            "It has three bedrooms.\n")
    out, ok = lede_headline_of(text)
    assert " is up for sale" in out, out
    assert ok


def test_a_name_with_only_its_relative_clause_left_makes_no_bullet():
    # the parser takes "Ortiz" for the root and "called" for a modifier of "election": the cuts would leave the
    # name and what he once was, and nothing of what he did
    text = ("Daniel Ortiz, who worked as the governor's chief press officer during the 2018 election, called the "
            "senator's remarks and actions on Sunday \"childish.\"\nThe senator declined to comment.\n")
    out, ok = headline_of(text, "Daniel")
    assert not ok, out


def test_a_verb_that_needs_its_infinitive_keeps_it_whatever_form_the_infinitive_takes():
    # "seem [to be driving it all]": the infinitive's verb is a participle, and a cut of it leaves "seem" saying nothing
    text = ("Two worries seem to be driving it all: the budget is, for all intents and purposes, out of the council's "
            "reach yet the unions are showing no signs of wanting to settle before the winter.\n"
            "The talks resume on Monday.\n")
    out, ok = headline_of(text, "Two")
    assert not ok, out


def test_an_adjective_left_over_from_a_cut_relative_clause_makes_no_bullet():
    # the parser joins "nervous" to the main verb; it is the second half of the relative clause's predicate
    text = ("Yet the whole affair also sent a chill through those backing the mayor, who are growing increasingly "
            "irritated by the council's endless delays over the harbour project - and nervous that he is losing the "
            "town.\nThe vote is in May.\n")
    out, ok = headline_of(text, "Yet")
    assert not ok, out


def test_a_main_clause_misread_as_a_clausal_subject_is_not_cut_into():
    # the parser makes "rebuked" the subject of "will do": cut, the bullet runs the rebuke into "will do nothing"
    text = ('President Lind passionately rebuked critics who say she should condemn the strikers as "radical '
            'militants," saying calling the Harbour Union, also known as HU or the Dockers, by another name will do '
            "nothing to defeat it -- and could be counterproductive.\nThe vote is in May.\n")
    out, ok = lede_headline_of(text)  # a lede may have 20 words
    assert not ok, out


def test_a_that_clause_that_lost_its_verb_makes_no_bullet():
    text = ("Attorney General Carol Lind is reaffirming that the police inquiry into Mayor Dan Ortiz's use of a "
            "private phone while head of the harbour board is free of outside political influence.\n"
            "The vote is in May.\n")
    out, ok = headline_of(text, "Attorney")
    assert not ok, out


def test_names_in_a_list_are_not_cut_as_asides():
    # the parser hangs each name on the one before as an apposition, the last joined by "and"
    text = ("The final tally was Carol Lind 384, Dan Ortiz 300, Mark Hollins 151, and Levan Abashidze 37 after the "
            "recount.\nThe vote is in May.\n")
    out, _ = headline_of(text, "The final")
    assert "Dan Ortiz 300, Mark Hollins 151" in out, out


def test_a_subject_the_parser_hung_on_the_opening_phrase_is_never_cut_as_an_aside():
    # "the director Gary Ross" is read as an apposition of "Joshua Hutton"; its cut leaves no subject
    text = ("Unlike actors Jennifer Lawson, Joshua Hutton and Liam Hensley, the director Gary Ross is not signed for "
            "the sequel.\nThe vote is in May.\n")
    out, ok = headline_of(text, "Unlike")
    assert not ok, out


def test_names_hung_on_a_comma_that_a_cut_took_make_no_bullet():
    # the names are hung on the comma after "stars": the cut of "Unlike the stars," leaves them as if they had not
    # signed
    text = ("Unlike the stars, Jennifer Lawson, Joshua Hutton and Liam Hensley, Ross has not signed for the sequel.\n"
            "The vote is in May.\n")
    out, ok = headline_of(text, "Unlike")
    assert not ok, out


def test_a_conjunct_misread_as_a_modifier_is_not_cut_from_its_and():
    text = ("Mr. Hollins has already had some success, with former Ortiz loyalists - and some Communists - forming a "
            "new bloc opposing Latvia's struggling pro-Western government.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Mr.")
    assert "and -" not in out, out


def test_the_question_that_is_a_sentences_subject_keeps_its_wh_word():
    text = ("But how far the new ferry -- which cut the crossing to forty minutes last summer -- will take the "
            "island's tourism remains to be seen.\nThe vote is in May.\n")
    out, _ = headline_of(text, "But")
    assert out.startswith("How far the new ferry will take"), out


def test_a_question_that_lost_its_question_mark_makes_no_bullet():
    text = ("So why would Mayor Lind even go down the road of reopening the harbour inquiry, which cost the town two "
            "million pounds.\nThe vote is in May.\n")
    out, ok = headline_of(text, "So")
    assert not ok, out


def test_a_verb_that_needs_its_infinitive_lost_it_even_when_the_infinitive_is_mistagged():
    # the tagger reads "to temper expectations" as a preposition and a noun compound
    _, cand, headliner = cut_ready("Lind's campaign, which trails in every poll, has sought for months to temper "
                                   "expectations so that she could peak right before voting was set to begin.\n")
    words = {t.i for t in cand.span if not t.is_space}
    to = next(t.i for t in cand.span if t.text == "to")
    assert not headliner._lost_complement(words)
    assert headliner._lost_complement({i for i in words if i < to})  # "… has sought for months"


def test_a_use_or_a_handling_keeps_what_was_used_or_handled():
    text = ("Neither Mayor Lind nor her aides have been charged with any crime related to her use of a council credit "
            "card while on holiday in Spain last summer.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Neither")
    assert not out.endswith("her use"), out


def test_an_object_the_parser_read_as_an_apposition_stays_with_its_verb():
    # "an eight-year contract" is read as an apposition of "Dan Ortiz"; no comma sets it off: it is what was offered
    text = ("The Hove Harriers have offered free-agent first baseman Dan Ortiz an eight-year contract worth about 160 "
            "million dollars, according to a club source.\nThe vote is in May.\n")
    out, _ = headline_of(text, "The Hove")
    assert "Dan Ortiz an eight-year contract" in out, out


def test_the_state_a_verb_left_its_object_in_stays_with_it():
    text = ("Lind went on to explain how she believes cuts to council spending left her and other mayors’ hands tied "
            "when attempting to repair the harbour.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Lind")
    assert out.endswith("hands tied"), out


def test_an_accusation_keeps_what_it_accuses_of():
    text = ("The harbour board wasn't happy about the criticism - and hit Mayor Lind back by accusing her of pandering "
            "to the developers who own the old docks north of the town.\nThe vote is in May.\n")
    out, _ = headline_of(text, "The harbour")
    assert not out.endswith("accusing her"), out


def test_a_refusal_whose_request_was_cut_is_a_truncated_bullet():
    text = ("Ms Lind said Ortiz squeezed her left arm to indicate where the fracture was and while discussing the "
            "x-rays asked to see her shoulder, but she refused.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Ms Lind")
    assert not out.endswith("she refuses"), out


def test_a_preposition_the_sentence_ends_on_keeps_its_place():
    text = ("A spokesman for the clinic would not say what the former harbour master was being treated for.\n"
            "It is closed.\n")
    out, _ = headline_of(text, "A spokesman")
    assert out.endswith("being treated for"), out


def test_whom_a_claim_is_about_is_not_cut_from_what_it_claims():
    # the parser reads "Ortiz" as the object of "claims" and "his representatives were behind …" as a second clause
    text = ("The High Court has since overturned a gagging order against Ms Lind who claims Ortiz and his "
            "representatives were behind a plot to frame her.\nThe vote is in May.\n")
    out, ok = headline_of(text, "The High")
    assert not (ok and out.endswith("claims Ortiz")), out


def test_no_match_keeps_for_whom():
    text = ("Novelist Carol Lind said the mayor is a dull speaker who is no match for Dan Ortiz, his rival.\n"
            "The vote is in May.\n")
    out, _ = headline_of(text, "Novelist")
    assert not out.endswith("no match"), out


def test_which_man_is_meant_is_not_cut_from_a_man_who_is_equated_with_something():
    text = ("Hove Albion have already indicated that a man who has also been linked with Brighton and Leeds in the "
            "past, is not in their sights, but captain Dan Ortiz insists Lind would be a good fit.\n"
            "The vote is in May.\n")
    out, ok = headline_of(text, "Hove")
    assert not (ok and "a man is not" in out), out


def test_a_participle_the_parser_read_as_a_clause_keeps_its_form():
    # "manager fired this season" is read as a clause with "this season" its object: no tense to change
    text = ("Lind would become the fifth Premier League manager fired this season, along with Dan Ortiz (Hove), Mark "
            "Hollins (Leeds) and Carol Pike (Bristol).\nThe vote is in May.\n")
    out, _ = headline_of(text, "Lind")
    assert "manager fired this season" in out, out


def test_a_participle_on_the_noun_a_verb_of_showing_shows_keeps_its_form():
    text = ("The grainy footage shows the van used to carry the stolen paintings being driven out of the museum car "
            "park.\nThe vote is in May.\n")
    out, _ = headline_of(text, "The grainy")
    assert "the van used to carry" in out, out


def test_not_only_never_loses_its_but_also_nor_but_also_what_follows_it():
    text = ("And while the town remains bitterly divided over the pier, the board's letter, emailed to members on "
            "Thursday and obtained by the Gazette, points to supportive statements not only from Mayor Dan Ortiz after "
            "the storm, but also from people who oppose the new pier, like Carol Lind and Hollins.\n"
            "The vote is in May.\n")
    out, ok = headline_of(text, "And while")
    assert not (ok and out.endswith("but also")), out


def test_a_title_joined_to_another_by_and_goes_whole_or_not_at_all():
    text = ("Defiance radiates from the challenge former Alaska Gov. and Republican mayoral candidate Carol Lind sent "
            "the council after she learned of the sale of the pier.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Defiance")
    assert "Gov. and Carol Lind" not in out, out


def test_a_finite_verb_joined_to_the_subject_noun_makes_no_bullet():
    # the parser joins "came" to "deal" and finds the main verb in "says": the cuts leave "The deal - and says …"
    text = ("The deal and how it came to be provide telling insight into the workings of the Harbour Development "
            "Board, which is responsible for managing the $72 million in debt that the town has amassed - and says "
            "it cannot hope to repay.\nThe vote is in May.\n")
    out, ok = headline_of(text, "The deal")
    assert not ok, out


def test_how_much_a_thing_grows_stays_and_an_aside_goes_with_both_its_dashes():
    text = ("Overall, the board predicted that harbour towns - which include Hove, Rye, Deal and Dover - will grow 1.6 "
            "percent, down 0.2 percentage points from the board's last estimate.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Overall")
    assert "harbour towns will grow 1.6 percent" in out, out
    assert not out.endswith("down"), out


def test_a_share_of_those_asked_says_in_the_plural():
    text = ("In the harbour board's survey of residents, 31 percent said they would leave the town if the pier "
            "closed.\nAnother 12 percent said the pier did not matter to them at all.\nThe vote is in May.\n")
    assert "31 percent say they would leave" in headline_of(text, "In the")[0]
    assert headline_of(text, "Another")[0].startswith("Another 12 percent say the pier does not matter")


def test_a_cut_between_have_and_its_participle_leaves_no_comma_and_no_second_present():
    # the parser reads the first sentence's "had" as an auxiliary, the second's as the main verb with "sent"
    # unlabelled after it (which became "has sends")
    for text in ("The pier campaign had, earlier Tuesday, sent a fundraising letter that included a picture of the "
                 "mayor along with the old pier.\nThe vote is in May.\n",
                 "The board had, earlier this week, sent a fundraising email that included a picture of the mayor "
                 "along with Carol Lind, with a note that she had praised him.\nThe vote is in May.\n"):
        out, _ = headline_of(text, "The")
        assert " has sent a fundraising" in out, out


def test_a_picture_that_a_verb_takes_keeps_what_it_shows():
    text = ("The harbour board had, earlier on Tuesday, sent a letter to members that included a photograph of the "
            "old pier along with the mayor, with a note that the council had praised it in the past.\n"
            "The vote is in May.\n")
    out, _ = headline_of(text, "The harbour")
    assert not out.endswith(("photograph", "picture")), out


def test_an_amount_measured_against_something_keeps_what_it_is_measured_against():
    text = ("The Gazette said Monday that the town had taken in 11,491 Syrian refugees, 15 percent over the limit of "
            "10,000, which was reached on Aug. 29.\nThe vote is in May.\n")
    out, ok = headline_of(text, "The Gazette")
    assert not (ok and out.endswith("15 percent")), out


def test_a_title_goes_with_the_word_that_qualifies_it():
    text = ("On Sunday, while commenting on the divide over the pier, Governor Carol Lind said presumptive Republican "
            "presidential nominee Dan Ortiz is “trying to campaign as a healer.”\nThe vote is in May.\n")
    out, _ = headline_of(text, "On Sunday")
    assert "Lind says Dan Ortiz is “trying" in out, out


def test_what_the_parser_hung_on_a_verb_in_parentheses_goes_with_them():
    # "(and rapidly expanding)" is read as a verb joined to "bolstering", with "ferry market" its object
    text = ("In all likelihood, the board probably sees the pier as an excellent way of bolstering its presence in the "
            "incredibly lucrative (and rapidly expanding) ferry market.\nThe vote is in May.\n")
    out, _ = headline_of(text, "In all")
    assert not out.endswith("presence ferry market"), out


def test_a_participle_on_a_cut_noun_read_as_a_second_verb_makes_no_bullet():
    # the parser joins "turned" to "appear" (as a clause, or a verb with no "and"); cut and re-tensed, it read
    # "… hour, turns television star"
    for text in ("Mr. Ortiz, who is moving to Rye, will appear in the show's 9 a.m. hour, just missing a chance to "
                 "overlap with a fellow political scion turned television star.\nThe vote is in May.\n",
                 "Mr. Ortiz, who is moving to Rye, will join the show's 9 a.m. hour, just missing a chance to work "
                 "with a fellow harbour master turned radio star.\nThe vote is in May.\n"):
        out, ok = headline_of(text, "Mr.")
        assert not (ok and " turns " in out), out


def test_a_time_goes_with_its_determiner():
    text = ("The harbour board is certainly making the festival a boat show this year - it just unveiled a refresh of "
            "its ferry line, a new pier and a fresh look for the old lighthouse.\nThe vote is in May.\n")
    out, _ = headline_of(text, "The harbour")
    assert "boat show this" not in out, out


def test_what_a_verb_of_change_brought_a_thing_to_stays():
    text = ("The knockout in Carol Lind's sixth defense of the WBO belt - and third this year - improved the "
            "Dover-born fighter to 52-3 with 46 KOs.\nThe vote is in May.\n")
    out, ok = headline_of(text, "The knockout")
    assert not ok or "fighter to 52-3" in out, out


def test_how_often_is_no_time_to_cut():
    text = "The ferry is the first fast, electric harbour service to sail seven days a week.\nThe vote is in May.\n"
    out, _ = headline_of(text, "The ferry")
    assert out.endswith("to sail seven days a week"), out


def test_a_verb_of_taking_somewhere_keeps_where():
    text = ("A spokeswoman for the Kent and Canterbury Hospital in Canterbury said the three fishermen were taken to "
            "the hospital but could not provide more details.\nThe vote is in May.\n")
    out, _ = headline_of(text, "A spokeswoman")
    assert not out.endswith("were taken"), out


def test_where_a_verb_of_placing_puts_something_stays_when_hung_on_the_object():
    text = ("With a narrower path to the vote, Ortiz acknowledged that Lind, who did win Rye on Tuesday, would likely "
            "place even more focus on harbour repairs and a vision for the future of the old pier, and less on "
            "personal contrasts with the mayor.\nThe vote is in May.\n")
    out, _ = headline_of(text, "With")
    assert "more focus on harbour repairs" in out, out


def test_a_string_of_something_keeps_its_of():
    text = ("Dubbed the \"Harbour King\" for his odd habits, Ortiz had scored a lengthy string of victories over the "
            "board, but it ended with a July 1997 ruling against him.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Dubbed")
    assert "lengthy string of victories" in out, out


def test_a_verb_of_attributing_keeps_to_what():
    text = ("But the board cannot make a definitive statement and certainly cannot attribute that to the storm.\n"
            "The vote is in May.\n")
    out, ok = headline_of(text, "But")
    assert not (ok and out.endswith("attribute that")), out


def test_an_amount_of_nothing_is_cut_short():
    # the parser reads "pledged" as a verb, and the cut of its clause leaves "with enough"
    text = ("Carol Lind, a top adviser to Ortiz, said Monday that the Rye councillor will arrive at the convention "
            "with enough pledged delegates to file minority reports -- or dissents from the majority -- which could "
            "prolong the event by requiring debates on the issues most important to him.\nThe vote is in May.\n")
    out, ok = headline_of(text, "Carol")
    assert not (ok and out.endswith("with enough")), out


def test_a_clause_on_what_read_as_the_main_one_makes_no_bullet():
    text = ("While not all of the letters she sent to the harbour board have been released, what has been made "
            "available suggests that most of them came from the mayor's office.\nThe vote is in May.\n")
    out, ok = headline_of(text, "While")
    assert not ok, out


def test_a_verb_whose_object_came_after_an_aside_is_cut_short_without_it():
    text = ("Rye councillor Carol Lind managed to derail, at least temporarily, the plan that has dominated the "
            "harbour board's agenda so far, defeating Dan Ortiz in the opening vote Monday.\nThe vote is in May.\n")
    out, ok = headline_of(text, "Rye")
    assert not (ok and out.endswith("at least temporarily")), out


def test_a_name_cut_off_from_the_phrase_it_ended_does_not_stay():
    # "Senator Amy Dunn" ends the cut phrase; the parser hangs the name on "begun", so the cut left it behind
    text = ("After a big win in Rye last week, Carol Lind had already begun to treat Dan Ortiz as a greatly diminished "
            "rival, concentrating her fire on Mark Hollins and, to a lesser degree, Senator Amy Dunn of Kent.\n"
            "The vote is in May.\n")
    out, _ = headline_of(text, "After")
    assert not out.endswith("Amy Dunn"), out


def test_saying_someone_is_a_misparse():
    text = ("Police said two women and one man, between 30 and 40 years old, working for a Rye bank branch choked on "
            "smoke after protesters broke the windows of a shop on the High Street and tossed in petrol bombs.\n"
            "The vote is in May.\n")
    out, ok = headline_of(text, "Police")
    assert not ok, out


def test_a_cut_before_a_phrase_naming_again_what_came_before_leaves_its_comma():
    text = ("Both candidates have a number of appearances in Kent in the days before the June 7 primary, the final one "
            "of the season.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Both")
    assert "Kent the final" not in out, out


def test_throwing_something_into_a_state_keeps_the_state():
    text = ("Ortiz announced he will remain in the county council as an independent, throwing the harbour board into "
            "minority.\nThe vote is in May.\n")
    out, ok = headline_of(text, "Ortiz")
    assert not (ok and out.endswith("throwing the harbour board")), out


def test_anything_like_keeps_its_like():
    text = ("Lind played for Rye on loan five years ago, but with just five goals in 29 games she looked anything like "
            "Premier League material.\nThe vote is in May.\n")
    out, ok = headline_of(text, "Lind")
    assert not (ok and out.endswith("looked anything")), out


def test_known_keeps_its_as():
    text = ("Known as Tom, this humanoid is made using specialised software and can recognise and respond to facial "
            "expressions.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Known")
    assert not out.startswith("Known,"), out


def test_a_share_is_no_surname_when_the_recognizer_takes_it_into_a_name():
    # the recognizer reads "Mr. Trump - 60 percent" as a person, whose last word then passed for a surname
    text = ("Mrs. Clinton is seen as far more capable of dealing with racial tensions than Mr. Trump - 60 percent of "
            "voters said Mrs. Clinton would be better at handling them.\n"
            "Just 28 percent of voters said they had a positive view of Mrs. Clinton, compared with 33 percent last "
            "month.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Just")
    assert out.startswith("Just 28 percent of voters say "), out


def test_one_persons_two_titles_take_the_singular():
    text = ("Former senator and retired astronaut Tom Kessler responded on Monday to claims that he had inflated parts "
            "of his military record, from a medal he never received to a mission he never flew.\n"
            "The vote is in May.\n")
    out, _ = headline_of(text, "Former")
    assert "Tom Kessler responds " in out, out
    # (the parser may hang the name on the first title, and join the second to it)
    text = ("Real estate developer and reality television star Tom Kessler tweeted on Sunday a chart of wildly "
            "inaccurate crime figures.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Real")
    assert "Tom Kessler tweets " in out, out


def test_there_takes_the_number_of_what_there_is():
    text = ("A sheriff's dispatcher said around 9 a.m. that there had been no reports of damage or injuries.\n"
            "The vote is in May.\n")
    out, _ = headline_of(text, "A sheriff")
    assert "that there have been no reports" in out, out


def test_two_people_joined_by_and_keep_their_titles():
    text = ("The mayor and Governor Tom Kessler agreed on Monday to a plan that would close three of the city's oldest "
            "schools by the end of next year.\nThe vote is in May.\n")
    out, _ = headline_of(text, "The mayor")
    assert out.startswith("The mayor and Governor Tom Kessler agree "), out


def test_a_ranked_noun_keeps_the_infinitive_that_ranks_it():
    text = ("The Harran school in Marwa was the third UN school in the north of the country to come under fire within "
            "24 hours.\n"
            "Anna Berg became the first woman in the history of the club to take charge of the first team on "
            "Saturday.\n"
            "The vote is in May.\n")
    for start, verb in (("The Harran", "to come under fire"), ("Anna", "to take charge")):
        out, ok = headline_of(text, start)
        assert verb in out or not ok, out
    # a passive infinitive ranks as well; cut, "becomes the fifth Premier League head coach" said another thing
    text = ("Dana Holt became the fifth Premier League head coach to be fired this season, after the Bristol Rovers "
            "owners notified the former centre forward of his dismissal Saturday morning.\n")
    out, ok = headline_of(MAYOR + text, "Dana")
    assert "coach to be fired" in out and ok, out


def test_one_of_two_alternatives_is_not_cut():
    text = ("Officials said they did not expect the storm to reach Dover or Folkestone, the two towns hit hardest last "
            "winter, before Friday evening.\nThe vote is in May.\n")
    out, ok = headline_of(text, "Officials")
    assert "Dover or Folkestone" in out or not ok, out
    # nor is what was said cut for hanging on the time it was said
    text = ("A sheriff's dispatcher said around 9 a.m. that there had been no reports of damage or injuries.\n"
            "The vote is in May.\n")
    out, ok = headline_of(text, "A sheriff")
    assert "damage or injuries" in out or not ok, out


def test_basing_something_keeps_what_on():
    text = ("The researchers, led by a professor at the University of Leeds, based their findings on interviews with "
            "more than 3,000 nurses across the north of England.\nThe vote is in May.\n")
    out, ok = headline_of(text, "The researchers")
    assert not (ok and out.endswith("their findings")), out


def test_the_state_a_verb_keeps_its_object_in_stays():
    text = ("Scenes from the rally at the Harbour Hall in Dover on Tuesday will keep the writer Anna Berg, who teaches "
            "at the University of Kent, awake at night.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Scenes")
    assert "awake" in out, out


def test_what_joined_a_cut_clause_goes_with_it():
    text = ("Following Monday's leak of the audit, which found that she broke council rules by using a private phone "
            "during her time as mayor, Berg's office contended that it wasn't hiding anything by refusing to cooperate "
            "but rather chose to prioritize an ongoing police inquiry.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Following")
    assert not out.endswith(("but rather", "but")), out
    # and a participle that only said from when goes with the time
    text = ("The mayor herself took to the airwaves beginning Monday night during an interview with Radio Kent's "
            "morning show, in which she said the audit would not be an issue for the council or her office.\n"
            "The vote is in May.\n")
    out, _ = headline_of(text, "The mayor")
    assert "beginning during" not in out, out


def test_a_plural_that_opens_a_sentence_agrees_in_the_plural():
    # the tagger takes the capitalised plural for a name, and the dateline-like label for a second subject
    text = ("The strike went on for a third day in the capital.\n"
            "Pamphlets announced rallies in front of the town hall on Monday and in the market square on Thursday.\n"
            "The Latest: 3 Kent towns cast first votes in council election.\n"
            "News of the council's move was first reported by the Kent Herald on its website.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Pamphlets")
    assert out.startswith("Pamphlets announce "), out
    out, _ = headline_of(text, "News")
    assert out.startswith("News of the council's move is "), out  # a word in -s that is no plural
    out, _ = headline_of(text, "The Latest")
    assert "3 Kent towns cast " in out, out


def test_a_teaser_cut_off_mid_phrase_makes_no_bullet():
    text = ("The council said it would sell the old pier to a developer from Dover.\n"
            "The deal with Harbour Homes is a bold move by the council to improve within the …\nThe vote is in May.\n")
    out, ok = headline_of(text, "The deal")
    assert not ok, out


def test_an_adjective_that_lost_its_preposition_goes_with_it():
    text = ("Donations to the party have raced past the £1m mark, driven by a small group of wealthy businessmen "
            "intent on deciding who will run the council.\n"
            "The plan to sell the old pier was warmly welcomed by a small group of local businessmen intent on turning "
            "the harbour into a marina for yachts.\nThe vote is in May.\n")
    for start in ("Donations", "The plan"):
        out, _ = headline_of(text, start)
        assert not out.endswith("intent"), out


def test_a_place_named_after_a_person_keeps_its_name():
    text = ("The actress spent a month at Mary Ford Center last year.\n"
            "Early on Friday, around 1:30 a.m., the 26-year-old actress checked into Mary Ford Center in Palm Grove, "
            "Calif.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Early")
    assert "Mary Ford Center" in out, out


def test_a_noun_keeps_the_that_clause_saying_what_it_holds():
    text = ("Kent, Sussex and Surrey get more attention, but it's a good bet that a fourth county will play a pivotal "
            "role in the 2027 council race.\n"
            "Hale announced that she would end her seven-year stint at the council, prompting fresh speculation that "
            "she would run for mayor.\nThe vote is in May.\n")
    for start in ("Kent", "Hale"):
        out, ok = headline_of(text, start)
        assert not (ok and out.endswith(("a good bet", "fresh speculation"))), out


def test_a_range_keeps_its_end():
    text = ("With four council seats already decided, Mayor Anna Hale has managed to earn results ranging from second "
            "to fifth place.\nThe vote is in May.\n")
    out, _ = headline_of(text, "With")
    assert not out.endswith("from second"), out


def test_two_participles_one_read_as_the_main_verb_make_no_bullet():
    text = ("A woman hit and killed by a van on Tuesday night outside a supermarket in Rye might be alive if the "
            "driver had listened to people who begged him to stop.\nThe vote is in May.\n")
    out, ok = headline_of(text, "A woman")
    assert not ok, out


def test_the_tail_of_a_headline_cut_in_two_makes_no_bullet():
    text = ("Mayor Hale Mocks Her Rival Once Again With 1 Line That Had The Whole Hall In Stitches.\n\n"
            "The council met on Monday to discuss the budget for the coming year and the plan to sell the old pier.\n"
            "The vote is in May.\n")
    out, ok = headline_of(text, "Once")
    assert not ok, out


def test_a_compass_point_keeps_where_from():
    text = ("The U. S. Geological Survey reported that the quake was centered about 4 miles northeast of Dunmore, in a "
            "seismically active area near The Dunmore geothermal steamfields.\nThe vote is in May.\n")
    out, ok = headline_of(text, "The U. S.")
    assert not (ok and out.endswith("northeast")), out


def test_the_subject_of_a_cut_clause_goes_wherever_the_parser_hung_it():
    text = ("Hooded youths hurled petrol bombs at shops and banks in the centre of the capital, Valletta, and "
            "protesters clashed with riot police near the parliament building.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Hooded")
    assert "clash" not in out and not out.endswith("protesters"), out


def test_turning_something_keeps_into_what():
    text = ("Dayna said she wanted to turn any negativity that might be held over her illness into something positive "
            "and hopefully inspire others, or at the very least raise a smile.\nThe vote is in May.\n")
    out, ok = headline_of(text, "Dayna")
    assert not (ok and out.endswith("any negativity")), out


def test_a_cut_at_the_end_of_an_aside_leaves_the_comma_that_closes_it():
    out, _ = lede_headline_of("Saturday's visit of Dover Athletic, who were eyeing the beach after their play-off "
                              "hopes had all but evaporated, hardly promised to be a thriller.\nThe vote is in May.\n")
    assert "the beach hardly" not in out, out


def test_a_time_keeps_the_clause_that_says_which():
    out, _ = lede_headline_of(
        "Lee Hart admitted Rye face a challenge to win back their stay-away fans after an evening in which their "
        "relegation into the Southern League was marked by protests against the club's owner.\n"
        "It was a grim evening for Rye, and the evening ended in a 1-1 draw with Dover.\nThe vote is in May.\n")
    assert not out.endswith("after an evening"), out


def test_an_instruction_makes_no_bullet():
    for sentence in ("Never forget that these are the same councillors who voted to close the harbour school in 2019.",
                     "For a guide to the new rules, see last year's list of the most popular harbour moorings.",
                     "Second, disrupt and dismantle the smuggling network that moves drugs and cash through the port."):
        text = MAYOR + sentence + "\nThe vote is in May.\n"
        out, ok = headline_of(text, sentence.split()[0])
        assert not ok, out



def test_a_wire_dateline_with_an_agency_we_do_not_know_goes():
    out, _ = lede_headline_of("Valletta, Malta (Harbour Wire) - Joseph Borg cancelled all crossings to Gozo on Monday "
                              "as gale-force winds battered the islands.\nThe vote is in May.\n")
    assert out.startswith("Joseph Borg cancels"), out


def test_ushering_something_keeps_into_what():
    out, _ = lede_headline_of(
        "A conference hall outside Valletta shook with cheers, toasts and foot-stomping in December as delegates "
        "ushered a landmark fisheries treaty into existence.\nThe delegates signed the fisheries treaty after nine "
        "years.\nThe treaty vote is in May.\n")
    assert not out.endswith("fisheries treaty"), out


def test_what_there_is_keeps_the_clause_that_says_which():
    out, _ = lede_headline_of(
        "There are some limited geographic circumstances in which the NoMoorings argument might be true: namely, in "
        "the deepest red and deepest blue wards, where the small number of NoMoorings votes is unlikely to make much "
        "of a difference.\nThe vote is in May.\n")
    assert "circumstances in which" in out or "circumstances" not in out, out


def test_a_verb_joined_to_a_perfect_shares_its_has():
    out, _ = lede_headline_of("The harbour master has inspected the damaged pier and closed the north quay to all "
                              "traffic until further notice.\nThe vote is in May.\n")
    assert "and closed the north quay" in out, out


def test_a_score_is_kept_or_cut_whole():
    text = (MAYOR + "Top seed Joseph Borg eventually prevailed 4-6 7-6 "
            "(3) 6-3 against the dogged Maltese to take his career record over him to 8-0 but the champion was not "
            "impressed.\nThe vote is in May.\n")
    out, _ = headline_of(text, "Top seed")
    assert "4-6 7-6 6-3" in out or "4-6" not in out, out
    out, _ = lede_headline_of("No 1 Joseph Borg eventually prevailed 4-6 7-6 (3) 6-3 against the dogged Maltese to "
                              "take his career record over him to 8-0 but the champion was not impressed.\n"
                              "The vote is in May.\n")
    assert "4-6 7-6 6-3" in out or "4-6" not in out, out


def test_a_list_of_participles_is_not_cut_in_two():
    out, _ = lede_headline_of(
        "The militia on Wednesday released more than 200 Tubu, a minority group whose members were killed, captured "
        "and displaced when the militia overran their villages in northern Chad last summer, officials said.\n"
        "The vote is in May.\n")
    assert "Tubu, captured" not in out, out


def test_a_relative_clause_read_as_the_main_one_makes_no_bullet():
    out, ok = lede_headline_of(
        "Valletta, whose 4-0 thrashing of Hibernians in Paola last year marked the end of the champions' long reign, "
        "scored two early goals at the Ta' Qali stadium and held on against some determined Hibernians pressure in "
        "the second half for a 2-0 win.\nThe vote is in May.\n")
    assert not (ok and "whose" in out and "scor" not in out), out


def test_a_list_item_the_parser_took_for_an_apposition_stays():
    out, _ = lede_headline_of("The harbour plan is a position taken by Mayor Joseph Borg, fisherman Tony Camilleri and "
                              "even by the ferry company.\nThe vote is in May.\n")
    assert "Borg, even by" not in out, out


def test_even_if_keeps_its_even():
    out, _ = lede_headline_of("The eventual appeals court ruling could decide the case for the new moorings, even if "
                              "it goes to the Supreme Court.\nThe vote is in May.\n")
    assert ", if it goes" not in out, out


def test_a_headline_passive_keeps_its_participle():
    out, _ = lede_headline_of("Jury shown dramatic moment ferry slams into harbour wall as captain's trial opens in "
                              "Valletta\nThe vote is in May.\n")
    assert not out.startswith("Jury shows"), out


def test_a_link_to_a_video_is_no_key_point():
    text = ("The mayor set out her plan for the harbour on Monday, promising forty new moorings by next summer.\n\n"
            "[Video: FULL SPEECH: Mayor Borg Speech at Harbour Festival in Valletta (5/3/25) Watch on YouTube.]\n\n"
            "The plan needs the council's approval, and the vote is in May.\n")
    assert not any("YouTube" in c.sentence.text for c in candidates(parsed(text)))


def test_a_list_of_modifiers_is_no_apposition_and_a_hold_keeps_its_on():
    text = ("Joseph Borg stopped Tony Camilleri in the sixth round to keep a comfortable hold on his WBA, IBF and WBO "
            "heavyweight title belts on Saturday in Valletta, Malta.\nThe vote is in May.\n")
    out, _ = lede_headline_of(text)
    assert "WBA, heavyweight" not in out, out
    out, _ = headline_of(MAYOR + text, "Joseph Borg")
    assert not out.endswith("a comfortable hold"), out


def test_an_inverted_clause_keeps_its_been():
    out, _ = lede_headline_of(
        "VALLETTA - Mayoral campaigns are always studies in contrast, but rarely have the differences between the two "
        "major party nominees - and the kind of campaigns they plan to run - been as stark and as unusual as those "
        "between Joseph Borg and Maria Camilleri.\nThe vote is in May.\n")
    assert not out.endswith("nominees"), out


def test_a_phrase_that_answers_the_sentence_before_is_no_bullet():
    text = ("What does the mayor do on his days off?\nA keen interest in sailing, as it turns out.\n"
            "The mayor set out his plan for the harbour on Monday, with forty new moorings.\nThe vote is in May.\n")
    out, ok = headline_of(text, "A keen")
    assert not ok, out


def test_a_time_that_a_clause_says_which_goes_with_it_or_stays():
    out, _ = lede_headline_of("In 2024 alone, 58 harbour moorings closed and just 14 opened, the eighth consecutive "
                              "year that closures outpaced openings, according to the harbour board.\n"
                              "The vote is in May.\n")
    assert "open, that closures" not in out, out
    out, _ = headline_of(MAYOR + "The court's order came the same day "
                         "that Borg railed against the judge at a boisterous Valletta rally.\nThe vote is in May.\n",
                         "The court")
    assert "comes that" not in out, out


def test_a_birth_stays_in_the_past_and_pride_keeps_its_on():
    out, _ = headline_of(MAYOR + "The singer, whose full name was Joseph "
                         "Camilleri, was born in Paola, in southern Malta, on March 29, 1949.\nThe vote is in May.\n",
                         "The singer")
    assert "is born" not in out, out
    out, _ = headline_of(MAYOR + "The harbour board prides itself on its "
                         "well-run ferry service, pumping out timetables, leaflets and even a weekly English-language "
                         "newsletter.\nThe vote is in May.\n", "The harbour board")
    assert "prides itself," not in out, out


def test_a_name_the_parser_joined_to_a_noun_is_the_next_verbs_subject():
    out, _ = headline_of(MAYOR + "Over the past two weeks, prosecutors "
                         "charged the captain with manslaughter and Borg fired his harbour master, Tony F. Camilleri, "
                         "acknowledging that many fishermen had lost trust in the port.\nThe vote is in May.\n",
                         "Over the past")
    assert "Borg fire " not in out, out


def test_shedding_light_keeps_on_what():
    out, _ = headline_of(MAYOR + "The harbour board is still awaiting a "
                         "final engineering report expected to shed light on what caused the collapse of the old pier "
                         "at Marsaxlokk in March.\nThe vote is in May.\n", "The harbour board")
    assert not out.endswith("shed light"), out


def test_a_relative_clause_opened_by_a_copy_of_which_is_not_the_main_one():
    _, ok = headline_of(MAYOR + "The bound, 104-page report, a copy of which was obtained by the Times of Malta, "
                        "appears to be the most thorough public account of the harbour board's spending to date.\n"
                        "The vote is in May.\n", "The bound")
    assert not ok
    _, ok = headline_of(MAYOR + "While the harbour board has remained relatively mum on the topic, that hasn't stopped "
                        "local pundits from speculating.\nThe vote is in May.\n", "While")
    assert ok  # a "that" which is the subject opens no relative clause


def test_the_verb_of_an_as_clause_is_not_cut_from_its_subject():
    out, ok = lede_headline_of("A captive audience that included an emotional Tyler Vella watched intently as the "
                               "Smith Center video boards mixed in congratulatory remarks with the collection of "
                               "memorable plays.\nThe vote is in May.\n")
    assert not (ok and out.endswith("video boards")), out


def test_a_list_hung_on_its_first_name_takes_the_plural():
    out, _ = headline_of(MAYOR + "Ford, coach Roy Williams and director "
                         "of athletics Dick Vella presented Borg with the gameball during the brief stoppage in play.\n"
                         "The vote is in May.\n", "Ford")
    assert "Vella presents" not in out, out


def test_an_editors_note_is_no_key_point():
    text = ("The mayor set out her plan for the harbour on Monday, promising forty new moorings by next summer.\n"
            "Editor’s note: An article on Monday about the harbour plan misstated the number of moorings the board "
            "approved in 2019.\nThe plan needs the council's approval, and the vote is in May.\n")
    assert not any("note" in c.sentence.text for c in candidates(parsed(text)))


def test_the_title_case_tail_of_a_split_headline_is_no_bullet_however_its_small_words_are_cased():
    article = parsed("Valletta Times Hit Piece Exploits Harbour Worker Who Was in a Hospital for Mental Issues.\n\n"
                     "The Valletta Times ran a feature Saturday that extensively profiled a harbour worker who "
                     "recently spent time in a hospital for mental issues.\n\nThe piece used one of the man's quotes "
                     "as its headline.\n\nThe harbour board says the worker was treated fairly, and the vote on the "
                     "new moorings is in May.\n")
    assert not any(k.text.startswith("Who Was") for k in key_points(article))


def test_a_modal_perfect_keeps_its_clause_in_the_past():
    # "may have thought the worst was over": what was thought then is no present fact
    text = ("Council leader Mara Quinlan may have thought the worst was over in May, when she won the budget vote "
            "after a long fight. The opposition has since forced a second vote on the harbour plan.")
    bullet, ok = headline_of(text, "Council leader")
    assert ok
    assert "thought the worst was over" in bullet


def test_what_witnesses_say_was_happening_keeps_its_moment_in_one_tense():
    # "was crossing … when a van hit him": the scene and the event are one moment, reported by witnesses
    text = ("Witnesses say cyclist Tom Reyes was crossing Harbour Road near the old ferry terminal on Friday when a "
            "delivery van hit him. Police are looking for the driver of the van.")
    bullet, ok = lede_headline_of(text)
    assert ok
    assert bullet.endswith("is crossing Harbour Road near the old ferry terminal when a delivery van hits him")


def test_a_spaced_hyphen_of_tokenized_copy_joins_its_word():
    # "35 - year - old" is one word written apart: no cut leaves "The old guard"
    text = ("The 35 - year - old guard was killed on June 24, while investigating a raid in which Moreno shot a man "
            "in the back while doing yard work at a Harbour Gardens home four days earlier. Police have arrested "
            "Moreno.")
    bullet, ok = headline_of(text, "The 35")
    assert ok
    assert bullet.startswith("The 35 - year - old guard is killed")
    # a spaced dash between phrases is punctuation, and what follows it may go
    text = ("Striker Lewis Hamm has now set a club record run of 11 consecutive games on the scoresheet - twice "
            "scoring two in addition to the nine single goals. The club plays again on Saturday.")
    bullet, ok = headline_of(text, "Striker")
    assert "twice" not in bullet


def test_a_that_clause_of_a_cut_verb_of_persuading_is_no_bullet():
    # the parser hangs "that she understands …" on "continues"; it is what she would "persuade residents" of, and
    # without that verb the bullet says she faces questions that she understands their anger
    text = ("The harbour report was published on Friday. Mayor Lena Ortiz continues to face questions about the "
            "council's delay in publishing the report as she labors anew to persuade residents, particularly in the "
            "harbour districts, that she understands their anger and frustration. The council meets again on Monday.")
    bullet, ok = headline_of(text, "Mayor")
    assert not ok or "persuade" in bullet or "that she understands" not in bullet


def test_an_opening_place_whose_apposition_was_read_as_the_subject_is_a_misparse():
    # the model reads "states" as the passive subject and "nominee" as the subject of "remains", hung on "locked";
    # any cut of that parse opens "The two battleground states, the Democratic nominee remains locked"
    for sentence in ("In Ohio and Iowa, the two battleground states, the Democratic nominee remains locked in a close "
                     "race with the senator.",
                     "In Texas and Utah, the two battleground states where polls have tightened, the Democratic "
                     "nominee remains locked in a close race."):
        out, ok = headline_of(MAYOR + sentence + "\n", "In ")
        assert not ok, out


def test_a_one_word_person_with_a_first_name_in_the_text_is_one_person():
    # the recognizer can miss "Maurice Cheeks" and find a lone "Cheeks" once: the surname, tagged as a plural, still
    # takes a singular verb; "Ministers", found as a person once, has no first name before it and stays a group
    import re

    from newsbrief.document import Entity, Mention

    text = ("Sixers hire Dane Cheeks as coach\nDane Cheeks was officially introduced as the new coach on Tuesday.\n"
            "Cheeks was named after the old coach left. It can be revealed that Ministers rejected the plan.\n")
    article = parsed(text)
    article.entities = [Entity(id=word, name=word, label="PERSON", mentions=[
        Mention(m.start(), m.end(), word) for m in re.finditer(word, text)][-1:]) for word in ("Cheeks", "Ministers")]
    assert People(article).surnames == {"Cheeks"}


def test_a_verb_taken_for_a_plural_subject_with_its_own_subject_is_a_misparse():
    # the parse the model gave "Cheeks returns as Sixers' fixer Jim O'Brien was shown the door": "returns" a plural
    # noun, subject of "shown", with "Cheeks" its subject; re-tensed it read "… O'Brien are shown"; built by hand
    words = ["Meeks", "returns", "as", "Rovers", "'", "fixer", "Tom", "Hale", "was", "shown", "the", "door", "."]
    heads = [1, 9, 1, 5, 3, 2, 7, 5, 9, 9, 11, 9, 9]
    deps = ["nsubj", "nsubjpass", "prep", "poss", "case", "pobj", "compound", "appos", "auxpass", "ROOT", "det", "dobj",
            "punct"]
    pos = ["NOUN", "NOUN", "ADP", "PROPN", "PART", "NOUN", "PROPN", "PROPN", "AUX", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["NNS", "NNS", "IN", "NNPS", "POS", "NN", "NNP", "NNP", "VBD", "VBN", "DT", "NN", "."]
    doc = hand_parse(words, heads, deps, tags, pos)
    headliner = StandInHeadliner(doc=doc, relativizers=set(), verbs={1, 9}, clause_bullet=None)
    assert Headliner._misread(headliner, doc[:], doc[9], doc[1], Protected(set(), []))
    words[0], pos[0], tags[0], deps[0] = "The", "DET", "DT", "det"  # "The returns … were shown": a plural subject
    doc = hand_parse(words, heads, deps, tags, pos)
    headliner.doc = doc
    assert not Headliner._misread(headliner, doc[:], doc[9], doc[1], Protected(set(), []))


def test_a_cut_takes_the_commas_of_what_an_earlier_cut_took_with_it():
    # the time ("four years ago") goes first, then the rest of the aside: both commas go with it
    text = ("Naval analysts have said France plans to make the Goodwin Sands, a shoal Paris seized from Britain four "
            "years ago, into a naval base.\n")
    out, ok = headline_of(MAYOR + text, "Naval")
    assert "Goodwin Sands into a naval base" in out and ok, out


def test_what_a_thing_is_made_into_is_not_cut_from_under_its_apposition():
    # the parser hangs "into a fortress" on the clause inside the apposition; cut with it, "plans to make the
    # Selvagens Islands" says something else
    text = ("Naval analysts have said Portugal plans to make the Selvagens Islands, an archipelago Lisbon took from "
            "Spain four years ago, into a fortress.\n")
    out, ok = headline_of(MAYOR + text, "Naval")
    assert "into a fortress" in out or not ok, out


def test_serving_keeps_what_as():
    # "who played for the club for nine seasons and served[ as an assistant for four]": served as what, it said
    text = ("Rovers Hire Dante Rivers as Head Coach\n"
            "Dante Rivers was officially introduced as the ninth head coach of the Rovers on Tuesday.\n"
            "Rivers, who played for the club for nine seasons and served as an assistant for four, was named coach "
            "after the club dismissed its manager.\n"
            "The club said the appointment ends a long search.\n")
    bullets = [kp.text for kp in key_points(parsed(text), "headline", 3, 5)]
    assert len(bullets) == 3 and not any("served" in b and "served as" not in b for b in bullets), bullets


def test_checking_in_keeps_where():
    _, cand, headliner = cut_ready("The singer checked into a clinic in Leeds after the hearing on Friday.\n")
    words = {t.i for t in cand.span if not t.is_space}
    into = next(t for t in cand.span if t.text == "into")
    assert not headliner._lost_complement(words)
    assert headliner._lost_complement(words - {t.i for t in into.subtree})  # "The singer checked after the hearing"


def test_a_be_whose_complement_the_text_before_gave_is_no_bullet():
    text = ("Meeks said he would be, and the owner called him again yesterday and reached a deal after telling the old "
            "coach of his decision.\n")
    out, ok = headline_of(MAYOR + text, "Meeks")
    assert not ok, out
    # but the complement a question moved before it is there, and "for the time being" has no subject
    for text in ("“It was 'Who does she think she is?',” the aide said.\n",
                 "“For the time being there are 14,000 refugees,” the mayor said.\n"):
        _, cand, headliner = cut_ready(text)
        assert not any(headliner._elliptical_be(t) for t in cand.span if t.lemma_ == "be"), text


def test_a_lot_of_them_and_a_team_take_the_plural():
    text = ("A lot of them immigrated to the United States.\n"
            "But the Trail Blazers rebuffed him three times, because Meeks was still under contract to them.\n")
    assert headline_of(MAYOR + text, "A lot")[0].startswith("A lot of them immigrate to"), text
    assert headline_of(MAYOR + text, "But")[0].startswith("The Trail Blazers rebuff him"), text
    out, _ = headline_of(MAYOR + "The New York Times reported the story on Monday.\n", "The New")
    assert out.startswith("The New York Times reports"), out


def test_telling_someone_is_not_what_was_told():
    text = ("Hale's lawyer Ann Cole told Superior Court Judge Tom Bell of the county court that Hale had checked into "
            "a clinic in Leeds, but prosecutors have not signed off on the facility, reports AP.\n")
    out, ok = headline_of(MAYOR + text, "Hale")
    assert "that Hale has checked into a clinic" in out or not ok, out


def test_now_that_opens_a_clause_and_stays():
    for text, kept in (("Now that she is the nominee, Ann Hale has begun calling out her critics.\n", True),
                       ("Now, Ann Hale has begun calling out her critics in the party.\n", False)):
        _, cand, headliner = cut_ready(text)
        keep = {t.i for t in cand.span if not t.is_space}
        headliner._drop_leading_connective(cand.span, keep, Protected(set(), []))
        assert (cand.span.start in keep) == kept, text


def test_flirting_keeps_with_what():
    _, cand, headliner = cut_ready("The mayor has also flirted with the idea of standing for the council again.\n")
    words = {t.i for t in cand.span if not t.is_space}
    with_ = next(t for t in cand.span if t.text == "with")
    assert not headliner._lost_complement(words)
    assert headliner._lost_complement(words - {t.i for t in with_.subtree})


def test_a_subject_the_parser_hung_on_the_name_before_as_an_apposition_is_a_misparse():
    # "Tom Bell" an apposition of "Ann Hale", and "will try" with no subject: the apposition's cut left none
    _, cand, headliner = cut_ready("Now that it's game on with Ann Hale, Tom Bell will try another pivot.\n")
    root = cand.span.root
    assert root.text == "try" and headliner._misread(cand.span, root, None, Protected(set(), []))
    _, cand, headliner = cut_ready("Now that it's game on with Ann Hale, the mayor will try another pivot.\n")
    root = cand.span.root
    assert not headliner._misread(cand.span, root, main_subject(root), Protected(set(), []))


def test_an_attribution_between_two_halves_goes():
    text = ("Most traffic between Dover and Calais was being rerouted through Folkestone, the firm said, but regular "
            "crossings between the two ports have been disrupted since early Friday.\n")
    out, ok = lede_headline_of(text)
    assert ok and out.startswith("Most traffic between Dover and Calais is being rerouted") and "said" not in out, out


@pytest.mark.parametrize("text", [
    # the parser hangs the length on "from"
    "At the Varne Harbour Stadium on the island's north coast, Pieter Olsen returned from five months out and Jan "
    "Haas from three.\n",
    # and here on "out"
    "At St Olaf's Stadium, Pieter Olsen returned from five months out and Jan Haas from three.\n",
])
def test_a_length_of_time_that_a_word_measures_is_no_time_adverbial(text):
    out, _ = headline_of(text, "At")
    assert "returns from five months out" in out, out


def test_a_clause_that_left_its_verb_to_the_one_before_keeps_its_phrase():
    # "and Jan Haas" alone would read as returning from five months out too
    out, _ = headline_of("At St Olaf's Stadium, Pieter Olsen returned from five months out and Jan Haas from three.\n",
                         "At")
    assert out.endswith("and Jan Haas from three") or "Haas" not in out, out


def test_ran_into_keeps_its_into():
    # "ran into problems" is not "ran": the bullet keeps the phrase or is refused
    text = ("The harbour board recently ran into problems selling the much-anticipated new ferry tickets, pushing "
            "the online booking date back from April 24 to April 29.\n")
    out, _ = headline_of(text, "The")
    assert not out.startswith("The harbour board runs,"), out


@pytest.mark.parametrize("text", [
    "The harbour board has pushed the opening of the new ferry terminal back from April 24 to April 29.\n",
    "The harbour board, which runs the island ferries, has pushed the opening of the new ferry terminal at Varne "
    "back from April 24 to April 29.\n",
])
def test_a_range_keeps_its_end_wherever_the_parser_hung_the_two(text):
    out, _ = headline_of(text, "The")
    assert "back from April 24 to April 29" in out or "back" not in out, out


@pytest.mark.parametrize("text, starts, verb", [
    # a state that an "until" says is over
    ("Anna Haas lived with her partner and two children on the harbour until her arrest in February.\n", "Anna",
     "lived"),
    # "at one time" is "once"
    ("At one time Pieter Olsen was married to three women in three different ports, the court heard.\n", "At",
     "was married"),
])
def test_a_clause_that_says_it_is_over_keeps_its_past(text, starts, verb):
    out, _ = headline_of(text, starts)
    assert verb in out, out


def test_who_said_it_between_the_subject_and_its_verb_goes():
    out, _ = headline_of("The new terminal, Olsen said, would make visitors face the harbour board's long neglect of "
                         "the ferry pilots.\n", "The")
    assert out.startswith("The new terminal would make visitors face"), out
    # unless a pronoun after it may be the sayer
    out, _ = headline_of("Varne, Olsen said, made him question the harbour board's angry rhetoric about the ferry "
                         "pilots.\n", "Varne")
    assert "Olsen" in out, out


def test_an_adjective_keeps_the_preposition_it_needs_or_goes_whole():
    out, _ = headline_of("Accustomed to being the most-watched pilot, Olsen is biding her time out of the spotlight "
                         "and under less scrutiny.\n", "Accustomed")
    assert not out.startswith("Accustomed,"), out


def test_where_a_person_is_from_goes_as_an_apposition_does():
    out, _ = headline_of("Pieter Olsen, of Harbour Street, Varne, entered a not guilty plea at the island's "
                         "magistrates court on Monday.\n", "Pieter")
    assert out.startswith("Pieter Olsen enters a not guilty plea"), out


def test_a_participle_sharing_a_perfect_infinitive_keeps_its_form():
    # the parser joins "beheaded" to "claimed", but it shares the "to have" of "shot": no "and beheads"
    out, _ = headline_of(MAYOR + "The group claimed to have shot and beheaded more than 30 fishermen on the island.\n",
                         "The group")
    assert "claims to have shot and beheaded more than 30 fishermen" in out, out


def test_a_past_marker_in_what_the_verb_was_to_do_dates_the_clause():
    # "to captain" is read as a verb of its own; its "four years ago" still dates the promotion
    out, _ = headline_of(MAYOR + "Tove Olsen was promoted to captain four years ago.\n", "Tove")
    assert out.startswith("Tove Olsen was promoted to captain"), out


def test_without_a_publication_date_a_year_that_dates_the_clause_keeps_its_past():
    # the only year the article names: history when it says when, not when it names a thing
    out, _ = headline_of(MAYOR + "Tove Olsen won the island's ferry race in 2019 after a storm on the final leg.\n",
                         "Tove")
    assert out.startswith("Tove Olsen won the island's ferry race in 2019"), out
    out, _ = headline_of(MAYOR + "The harbour crew advanced to the final round of the 2019 ferry race on the island.\n",
                         "The harbour crew")
    assert out.startswith("The harbour crew advances to the final round"), out


def test_a_when_clause_dated_in_the_past_keeps_its_main_clause_in_the_past():
    text = (MAYOR + "When a storm wrecked the old pier in 1998, Tove Olsen ran the island ferry from her own boat.\n"
            "The new pier opened in 2004.\n")
    out, _ = headline_of(text, "When")
    assert "Tove Olsen ran the island ferry" in out, out


def test_a_verb_of_a_list_read_as_a_participle_clause_is_retensed_with_the_others():
    out, _ = headline_of(MAYOR + "The storm killed a child, injured dozens and destroyed buildings in the village on "
                         "Tuesday.\n", "The storm")
    assert "kills a child, injures dozens and destroys buildings" in out, out
    out, _ = headline_of(MAYOR + "The rebels killed a child, injured dozens and destroyed buildings in the village "
                         "on Tuesday.\n", "The rebels")
    assert "kill a child, injure dozens and destroy buildings" in out, out


def test_a_verb_joined_to_a_dated_one_keeps_the_past_too():
    out, _ = headline_of(MAYOR + "Tove Olsen became active in harbour politics and served on the port board from "
                         "1963 to 1968.\n", "Tove")
    assert out.startswith("Tove Olsen became active in harbour politics and served"), out


def test_a_second_past_verb_tagged_as_a_participle_is_retensed():
    out, _ = headline_of(MAYOR + "The crew scored all 11 points in the second half, grabbed 11 rebounds and blocked "
                         "six shots.\n", "The crew")
    assert "grabs 11 rebounds" in out, out


def test_a_phrasal_verb_left_without_what_it_acts_on_is_no_bullet():
    # the parser makes "rehearsed … checks" a clause of its own; a cut of it leaves "carries out" with no object
    out, ok = headline_of(MAYOR + "The coastguard stopped the remaining three boats and carried out well rehearsed and "
                          "professionally executed boarding checks.\n", "The coastguard")
    assert not ok, out
