"""Which sentences of an article are worth a key point: prose filtering and a linear score.

Hand-written: no offline summarization model fits the 1.25x-of-parse budget, and the features
(position, length, content-word and entity centrality, title overlap) need only spaCy's parse and
wordfreq's table of how common each English word is (a TF-IDF centroid, as in MEAD, without a corpus
of our own to count document frequencies in).
The weights started from a ridge regression onto greedy-oracle labels of the CNN/DailyMail
development split and were then set by hand and small searches, checked on both dev files
(cnndm_dev, summeval_dev: bench/keypoints.py); they are deliberately coarse, so that they
carry over to other news.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA, LENGTH, LIKE_NUM, POS, PREFIX, TAG
from spacy.parts_of_speech import IDS as POS_IDS

from ..document import DASH_CHARS, Article, Sentence
from ..nlp import RUN_ON_STARTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_CONTENT_IDS = frozenset(POS_IDS[p] for p in CONTENT_POS)
_VERB_IDS = frozenset({POS_IDS["VERB"], POS_IDS["AUX"]})
ENTITY_WEIGHT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
# A line that is a dateline only, a byline, a credit, a caption ("Pictured is …") or a web furniture label.
_BYLINE = re.compile(r"^(?:by|photo|photograph|image|credit|source|published|updated|last updated|follow|pictured|"
                     r"from left|left to right|clockwise from(?: top| bottom)?(?: left| right)?)"  # a caption's order
                     r"\b[ :]", re.IGNORECASE)
_DATELINE_ONLY = re.compile(rf"^[A-Z][A-Z/ ,.'-]+(?:\([^)]*\))?\s*[:{DASH_CHARS}-]?\s*$")
# “…”, "…", ‘…’, '…', the mixed ‘…' of pasted copy (a closing single mark is not followed by a
# letter: Kilmarnock’s, it's), the ``…'' of tokenized wire copy and the ''…'' of copy that types two
# apostrophes for either mark (an opening one is not followed by a space). (The lookahead on the first
# character spares the six alternatives at every other one: four times faster, same matches.)
QUOTE_PATTERN = re.compile(
    r"(?=[`'“\"‘])(?:``(?:[^`']|'(?!'))*''|(?<![\w'])''(?=[^\s'])(?:[^']|'(?!'))*''|“[^”]*”|\"[^\"]*\"|(?<![\w])‘(?:[^’']|[’'](?=\w))*[’'](?!\w)|(?<![\w])'(?:[^']|'(?=\w))*'(?!\w))"
)
# A photo caption run into the next sentence ("…in the corner It was then…"): web furniture. After a
# determiner the next word is no preposition: "Serie A on Saturday" is a name.
_DETERMINER_STARTS = {"The", "A", "An", "His", "Her", "Their"}
RUN_ON = re.compile(rf"[a-z0-9,’'] (?:(?:{'|'.join(sorted(RUN_ON_STARTS - _DETERMINER_STARTS))}) [a-z]"
                    rf"|(?:{'|'.join(sorted(RUN_ON_STARTS & _DETERMINER_STARTS))}) "
                    r"(?!(?:on|in|at|of|and|or|to|for|with|by|from|as)\b)[a-z])")
# "AWR Hawkins is the Second Amendment columnist for Breitbart News": the author's note that ends a piece
# (or "Joel B. Pollak is Senior Editor-at-Large at Breitbart News")
_AUTHOR_NOTE = re.compile(r"^(?:[A-Z][\w.'’-]*\s){1,3}is (?:(?:a|an|the)\b)?[^.;]{0,80}?\b(?i:columnist|"
                          r"correspondent|reporter|editor|writer|contributor|commentator|journalist|blogger)s?\b"
                          # and the plug that follows it: "His new book, See No Evil, is available from Regnery"
                          r"|^(?:His|Her|Their) (?:new |latest |forthcoming )?book\b[^.;]{0,120}\bis "
                          r"(?:available|out)\b")
# a line that stops on a word that needs more: the next "sentence" is the rest of it
_OPEN_ENDED = re.compile(r"(?:^|[\s-])(?:and|or|but|nor|with|of|the|to|a|an)$", re.IGNORECASE)
_FURNITURE = re.compile(r"scroll down for video|click here|read more:|sign up for|follow us on|watch on youtube|"
                        r"^editor[’']s note:", re.IGNORECASE)
# I, we, you outside quotation marks: someone speaking (a quotation that lost its marks), not a report. (The
# lookahead on the first letter makes it three times faster.)
SPEAKING = re.compile(r"(?=[IMmWwuOoYyLl])(?:(?<!War )\bI(?:[’'](?:m|ve|d|ll))?\b(?=\s+[a-z])|\bI[’'](?:m|ve|d|ll)\b"
                       r"|\b(?:me|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b(?!\s?[A-Z])|\b[Ll]et[’']s\b(?!\s?[A-Z]))")
# Pronouns that make a bullet lean on a sentence the box does not show ("They have to fix that"): no bullet.
# ("It" is left out: "It's crunch time at the top of the league" stands alone.)
PRONOUN_OPENERS = {"he", "she", "they", "this", "that", "these", "those", "his", "her", "its", "their", "such"}
# Openers that make a sentence lean on the one before it ("But", "He", "This"): a poor bullet.
DANGLING_OPENERS = PRONOUN_OPENERS | {
    "it", "but", "and", "or", "so", "yet", "however", "also", "meanwhile", "then", "still", "there", "here", "which",
}

# Weights of the linear score over the features below; see the module docstring.
WEIGHTS = {
    "position": 4.4,  # 1 / (1 + index among prose sentences)
    "position_sq": 0.6,  # its square: a sharper lead bias
    "position_root": 5.6,  # its square root: a flatter one
    "first": 0.0,  # the lead sentence (the position terms already favour it)
    "first_plain": -1.0,  # a lead that names nobody and nothing: a feature-style opener
    "central": 3.0,  # mean over the content lemmas of article frequency times rarity in English, normalised
    "entity": 0.95,  # square root of the share of salient entities named
    "title": 0.4,  # share of the title's content words
    "dangling": -0.2,  # opens with a pronoun or connective
    "quoted": -0.65,  # mostly inside quotation marks
    "length": 0.0,  # words, up to LONG_WORDS, normalised
    "overlong": -0.1,  # per 10 words over LONG_WORDS
    "number": 0.3,  # names a number
    "names": 0.0,  # named-entity mentions, up to 5, normalised
    "speech": -0.05,  # its main verb is one of saying
    "question": -0.55,  # ends with a question mark
    "run_on": -1.0,  # a caption run into the sentence (set by hand: it is web furniture, not news)
}
# Zipf scale (log10 of uses per billion words): a word missing from wordfreq's small English list is
# rarer than the list's cut-off, Zipf 3; a word's rarity is how far it lies below the commonest words.
RARE_ZIPF = 2.5
COMMONEST_ZIPF = 8.0
NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
SAYING = {"say", "tell", "add", "claim", "insist", "explain", "reveal", "admit", "write", "state"}
LONG_WORDS = 40
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
    names: list[str] = field(default_factory=list)  # labels of the named-entity spans
    actor: str | None = None  # entity id of the main clause's subject ("he" is the actor before)

    @functools.cached_property
    def bag(self) -> Counter:
        """Content lemmas plus one token per named entity: what redundancy is measured on."""
        return self.lemmas + Counter(self.entities)

    @functools.cached_property
    def norm(self) -> float:
        return math.sqrt(sum(n * n for n in self.bag.values()))


@functools.cache
def _english_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict  # imported here: 0.15 s that only ranking needs

    return get_frequency_dict("en", wordlist="small")


@functools.lru_cache(maxsize=1 << 16)  # every article asks again for its common words
def rarity(word: str) -> float:
    """How uncommon a lower-cased word is in English: 0.3 for "the", 2 for "year", 4 for "drought", 5.5 at most."""
    frequency = _english_frequencies().get(word)
    zipf = math.log10(frequency * 1e9) if frequency else RARE_ZIPF
    return max(0.0, COMMONEST_ZIPF - zipf)


def sentence_span(article: Article, sentence: Sentence) -> Span | None:
    return article.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")


def is_prose(sentence: Sentence, span: Span | None, words: Words | None = None) -> bool:
    """A sentence a reader would call body text: not a subhead, dateline, byline or caption label."""
    text = sentence.text.strip()
    if span is None or not text:
        return False
    words = words or Words(span.doc)
    alpha = [i for i in range(span.start, span.end) if words.alpha[i]]
    if len(alpha) < MIN_WORDS:
        return False
    if _BYLINE.match(text) or _DATELINE_ONLY.match(text) or _FURNITURE.search(text):
        return False
    if _AUTHOR_NOTE.match(text) and words.end_of_text - sentence.start < 400:
        return False  # at the foot of the piece; "X is a reporter for The Post who was jailed" elsewhere is news
    if all(words.gerund[i] for i in range(span.start, span.end) if words.verb[i]):
        return False  # "Everyone of them, including their American citizen children.": a fragment, not a statement
    if text.endswith(":"):
        return False  # "Little noticed in Tuesday's results:": a lead-in to what follows, not a statement
    if re.search(r"</?[a-z]+(?:\s[^<>]*)?>", text):
        return False  # "…the first responders.</tweet>": markup a page left in its text
    if text.lstrip("([{")[:1].islower() or text.startswith("(pictured)"):
        return False  # the tail of a sentence split at a line break, an abbreviation or a caption mark
    # a title in title case on a line of its own, with or without a full stop ("What Mexico Could Do
    # When Up Against Trump."): prose has its verbs and longer function words in lower case
    long_words = [i for i in alpha if words.length[i] >= 4]
    if len(long_words) >= 4 and sum(words.capitalised[i] for i in long_words) >= 0.75 * len(long_words) \
            and _whole_line(span):
        return False
    # a subhead: a short line with no closing punctuation ("Escalating tensions over water")
    return not (len(alpha) <= 10 and not re.search(r"[.!?\"”’']\s*$", text))


def _whole_line(span: Span) -> bool:
    doc = span.doc
    before = span.start == 0 or "\n" in doc[span.start - 1].whitespace_ or "\n" in doc[span.start - 1].text
    last = span[-1]
    after = span.end >= len(doc) or "\n" in last.whitespace_ or "\n" in doc[span.end].text
    return before and after


class Words:
    """What the ranker reads of each word of a Doc, from its arrays in one pass: a spaCy Token made per word,
    per sentence and per feature cost more than the ranking itself."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        alpha, num, stop, pos, lemma, length, prefix, tag = (
            doc.to_array([IS_ALPHA, LIKE_NUM, IS_STOP, POS, LEMMA, LENGTH, PREFIX, TAG]).T.tolist() if len(doc) else
            ([],) * 8)
        self.alpha: list[int] = alpha
        self.number: list[int] = num
        self.length: list[int] = length
        self.verb = [p in _VERB_IDS for p in pos]
        gerund = strings.add("VBG")
        self.gerund = [t == gerund for t in tag]
        initials = {code: strings[code][:1].isupper() for code in set(prefix)}
        self.capitalised = [initials[code] for code in prefix]
        # the lower-cased lemma of a content word (what centrality and redundancy count), else None
        self.content: list[str | None] = [
            strings[lem].lower() if p in _CONTENT_IDS and not st and (a or n) else None
            for a, n, st, p, lem in zip(alpha, num, stop, pos, lemma, strict=True)
        ]
        self.end_of_text = doc[-1].idx + len(doc[-1].text) if len(doc) else 0

    def lemmas(self, span: Span) -> Counter:
        """The span's content lemmas, counted."""
        return Counter(w for w in self.content[span.start : span.end] if w is not None)

    def count(self, span: Span) -> int:
        """Words and numbers in the span."""
        return sum(1 for i in range(span.start, span.end) if self.alpha[i] or self.number[i])


def closes_earlier_quotation(text: str) -> bool:
    """The sentence ends a quotation opened in an earlier one: "…no one left to lie to.”"."""
    stripped = text.rstrip()
    return stripped[-1:] in {"'", "’", "”", '"'} and not re.search(r"(?:^|\s)[“\"‘'`]", stripped)


def _quoted_share(text: str) -> float:
    if closes_earlier_quotation(text):
        return 1.0
    inside = sum(len(m.group(0)) for m in QUOTE_PATTERN.finditer(text))
    return inside / max(1, len(text))


def candidates(article: Article) -> list[Candidate]:
    """The article's prose sentences, outside the publisher's box, with their features scored."""
    box = [(p.start, p.end) for p in article.publisher_key_points]
    doc_ents = list(article.doc.ents)  # Span.ents re-reads the whole Doc's entities: once is enough
    ent_starts = [e.start for e in doc_ents]  # in text order
    words = Words(article.doc)
    out: list[Candidate] = []
    for i, sent in enumerate(article.sentences):
        if any(sent.start < end and start < sent.end for start, end in box):
            continue
        if i and _OPEN_ENDED.search(article.sentences[i - 1].text.rstrip()):
            continue  # "- Jennifer Lawrence - and | Josh Hutcherson will all be returning": the rest of a line
        span = sentence_span(article, sent)
        if not is_prose(sent, span, words):
            continue
        out.append(Candidate(index=i, sentence=sent, span=span, lemmas=words.lemmas(span), words=words.count(span),
                             names=[e.label_ for e in doc_ents[bisect.bisect_left(ent_starts, span.start):
                                                                bisect.bisect_left(ent_starts, span.end)]]))
    _mark_entities(article, out)
    _mark_actors(article, out)
    _score(article, out, words)
    return out


def main_subject(verb: Token) -> Token | None:
    """The subject of a clause's verb, active or passive."""
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _mark_actors(article: Article, cands: list[Candidate]) -> None:
    """Who each sentence is about: the entity its main-clause subject names, or for "he"/"she" the
    person the sentence before was about (a guess good enough to spread bullets across actors)."""
    mentions = [(m.start, m.end, ent.id) for ent in article.entities if ent.label in NAMED for m in ent.mentions]
    previous: str | None = None
    for c in cands:
        subj = main_subject(c.span.root)
        actor = None
        if subj is not None:
            if subj.lower_ in {"he", "she"}:
                actor = previous
            else:
                # the name the subject's head is part of ("Wang Yi" in "Chinese Foreign Minister Wang Yi"),
                # else the first name inside the subject phrase
                lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
                inside = sorted(m for m in mentions if lo <= m[0] < hi)
                actor = next((m[2] for m in inside if m[0] <= subj.idx < m[1]), inside[0][2] if inside else None)
        c.actor = actor
        previous = actor


def _mark_entities(article: Article, cands: list[Candidate]) -> None:
    for ent in article.entities:
        if ent.label not in ENTITY_WEIGHT_LABELS:
            continue
        for m in ent.mentions:
            for c in cands:
                if c.sentence.start <= m.start < c.sentence.end:
                    c.entities.add(ent.id)
                    break


def features(article: Article, cands: list[Candidate], words: Words | None = None) -> list[dict[str, float]]:
    """The ranker's features of each candidate, named as in WEIGHTS."""
    words = words or Words(article.doc)
    freq: Counter = Counter()
    for c in cands:
        freq.update(set(c.lemmas))
    # centrality: the words the article repeats, weighted by how rare they are in English ("missile" over "say")
    weight = {w: n * rarity(w) for w, n in freq.items()}
    central = [sum(weight[w] for w in c.lemmas) / len(c.lemmas) if c.lemmas else 0.0 for c in cands]
    top = max(central, default=0.0) or 1.0
    ent_count = Counter(e for c in cands for e in c.entities)
    salient = {e for e, n in ent_count.items() if n >= 2} or set(ent_count)
    title = _title_words(article)
    out = []
    for rank, c in enumerate(cands):
        first_word = c.span[0].lower_ if len(c.span) else ""
        position = 1 / (1 + rank)
        out.append({
            "position": position,
            "position_sq": position * position,
            "position_root": math.sqrt(position),
            "first": float(rank == 0),
            "first_plain": float(rank == 0 and not any(label in NAMED for label in c.names)),
            "central": central[rank] / top,
            "entity": math.sqrt(len(c.entities & salient) / len(salient)) if salient else 0.0,
            "title": len(title & _surface_words(c.span)) / len(title) if title else 0.0,
            "dangling": float(first_word in DANGLING_OPENERS),
            "quoted": float(_quoted_share(c.sentence.text) > 0.6),
            "length": min(c.words, LONG_WORDS) / LONG_WORDS,
            "overlong": max(0, c.words - LONG_WORDS) / 10,
            "number": float(any(words.number[c.span.start : c.span.end])),
            "names": min(5, len(c.names)) / 5,
            "speech": float(c.span.root.lemma_.lower() in SAYING),
            "run_on": float(bool(RUN_ON.search(c.sentence.text))),
            "question": float(c.sentence.text.rstrip("'\"’” ").endswith("?")),
        })
    return out


def _score(article: Article, cands: list[Candidate], words: Words) -> None:
    for c, feats in zip(cands, features(article, cands, words), strict=True):
        c.score = sum(WEIGHTS[name] * value for name, value in feats.items())


def _surface_words(span: Span) -> set[str]:
    return {t.lower_ for t in span if t.is_alpha} | {t.lemma_.lower() for t in span if t.is_alpha}


def _title_words(article: Article) -> set[str]:
    """The title's content words; the title is not parsed (it is not in the Doc), so stop words go by list."""
    if not article.title:
        return set()
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in re.findall(r"[a-z]+", article.title.lower()) if w not in STOP_WORDS and len(w) > 2}


def text_words(text: str) -> list[str]:
    """The words and numbers of a text ("co-workers", "isn't" and "9/11" count once each)."""
    return [w for w in re.findall(r"[\w’'-]+", text) if any(ch.isalnum() for ch in w)]


def speaks(text: str) -> bool:
    """The text speaks in the first or second person outside its quotation marks."""
    return bool(SPEAKING.search(QUOTE_PATTERN.sub("", text)))
