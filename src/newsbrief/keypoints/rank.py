"""Which sentences of an article are worth a key point: prose filtering and a linear score.

Hand-written: no offline summarization model fits the 1.25x-of-parse budget, and the features
(position, length, content-word and entity centrality, title overlap) need only spaCy's parse.
The few weights were fitted by grid search on the CNN/DailyMail development split
(bench/keypoints.py) and are deliberately coarse, so they carry over to other news.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import Article, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
ENTITY_WEIGHT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
# A line that is a dateline only, a byline, a credit or a web furniture label.
_BYLINE = re.compile(r"^(?:by|photo|photograph|image|credit|source|published|updated|last updated|follow)\b[ :]",
                     re.IGNORECASE)
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z/ ,.'-]+(?:\([^)]*\))?\s*[:—–-]?\s*$")
# “…”, "…", ‘…’ and '…' (a closing single mark is not followed by a letter: Kilmarnock’s, it's)
QUOTE_PATTERN = re.compile(
    r"“[^”]*”|\"[^\"]*\"|(?<![\w])‘(?:[^’]|’(?=\w))*’(?!\w)|(?<![\w])'(?:[^']|'(?=\w))*'(?!\w)"
)
# Openers that make a sentence lean on the one before it ("But", "He", "This"): a poor bullet.
DANGLING_OPENERS = {
    "but", "and", "or", "so", "yet", "however", "also", "meanwhile", "then", "still", "he", "she", "it",
    "they", "this", "that", "these", "those", "his", "her", "its", "their", "there", "here", "such",
}

# Weights of the linear score; see the module docstring for how they were chosen.
W_POSITION = 2.4  # times 1 / (1 + sentence index among prose sentences)
W_FIRST = 0.6  # the lead sentence
W_CENTRAL = 1.0  # mean article frequency of the sentence's content lemmas (normalised)
W_ENTITY = 0.5  # share of the article's salient entities the sentence names
W_TITLE = 1.0  # share of the title's content lemmas the sentence has
W_DANGLING = 0.3  # penalty: opens with a pronoun or connective
W_QUOTE = 0.5  # penalty: mostly inside quotation marks
W_LENGTH = 0.0  # longer sentences carry more facts, up to LONG_WORDS
W_LONG = 0.0  # penalty per 10 words over LONG_WORDS
LONG_WORDS = 40
POSITION_DECAY = 1.0  # exponent of the position prior
MIN_WORDS = 6


@dataclass
class Candidate:
    """A prose sentence with what the selector and the compressor need."""

    index: int  # index into article.sentences
    sentence: Sentence
    span: Span  # the spaCy tokens of the sentence
    lemmas: Counter = field(default_factory=Counter)
    entities: set[str] = field(default_factory=set)
    words: int = 0
    score: float = 0.0


def sentence_span(article: Article, sentence: Sentence) -> Span | None:
    return article.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")


def is_prose(sentence: Sentence, span: Span | None) -> bool:
    """A sentence a reader would call body text: not a subhead, dateline, byline or caption label."""
    text = sentence.text.strip()
    if span is None or not text:
        return False
    words = [t for t in span if t.is_alpha]
    if len(words) < MIN_WORDS:
        return False
    if _BYLINE.match(text) or _DATELINE_ONLY.match(text):
        return False
    if not any(t.pos_ in {"VERB", "AUX"} for t in span):
        return False
    # a subhead: a short line with no closing punctuation ("Escalating tensions over water")
    return not (len(words) <= 10 and not re.search(r"[.!?\"”’']\s*$", text))


def content_lemmas(span: Span) -> Counter:
    return Counter(
        t.lemma_.lower() for t in span if t.pos_ in CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num)
    )


def _quoted_share(text: str) -> float:
    inside = sum(len(m.group(0)) for m in QUOTE_PATTERN.finditer(text))
    return inside / max(1, len(text))


def candidates(article: Article) -> list[Candidate]:
    """The article's prose sentences, outside the publisher's box, with their features scored."""
    box = [(p.start, p.end) for p in article.publisher_key_points]
    out: list[Candidate] = []
    for i, sent in enumerate(article.sentences):
        if any(sent.start < end and start < sent.end for start, end in box):
            continue
        span = sentence_span(article, sent)
        if not is_prose(sent, span):
            continue
        out.append(Candidate(index=i, sentence=sent, span=span, lemmas=content_lemmas(span),
                             words=sum(1 for t in span if t.is_alpha or t.like_num)))
    _mark_entities(article, out)
    _score(article, out)
    return out


def _mark_entities(article: Article, cands: list[Candidate]) -> None:
    for ent in article.entities:
        if ent.label not in ENTITY_WEIGHT_LABELS:
            continue
        for m in ent.mentions:
            for c in cands:
                if c.sentence.start <= m.start < c.sentence.end:
                    c.entities.add(ent.id)
                    break


def _score(article: Article, cands: list[Candidate]) -> None:
    if not cands:
        return
    freq: Counter = Counter()
    for c in cands:
        freq.update(set(c.lemmas))
    top = max(freq.values())
    ent_count = Counter(e for c in cands for e in c.entities)
    salient = {e for e, n in ent_count.items() if n >= 2} or set(ent_count)
    title = _title_words(article)
    for rank, c in enumerate(cands):
        lemmas = list(c.lemmas)
        central = (sum(freq[w] for w in lemmas) / len(lemmas) / top) if lemmas else 0.0
        entity = len(c.entities & salient) / max(1, len(salient)) if salient else 0.0
        title_overlap = len(title & _surface_words(c.span)) / len(title) if title else 0.0
        first = c.span[0].lower_ if len(c.span) else ""
        dangling = first in DANGLING_OPENERS
        over = max(0, c.words - LONG_WORDS) / 10
        c.score = (
            W_POSITION / (1 + rank) ** POSITION_DECAY
            + W_LENGTH * min(c.words, LONG_WORDS) / LONG_WORDS
            + (W_FIRST if rank == 0 else 0.0)
            + W_CENTRAL * central
            + W_ENTITY * math.sqrt(entity)
            + W_TITLE * title_overlap
            - W_DANGLING * dangling
            - W_QUOTE * (_quoted_share(c.sentence.text) > 0.6)
            - W_LONG * over
        )


def _surface_words(span: Span) -> set[str]:
    return {t.lower_ for t in span if t.is_alpha} | {t.lemma_.lower() for t in span if t.is_alpha}


def _title_words(article: Article) -> set[str]:
    """The title's content words; the title is not parsed (it is not in the Doc), so stop words go by list."""
    if not article.title:
        return set()
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in re.findall(r"[a-z]+", article.title.lower()) if w not in STOP_WORDS and len(w) > 2}
