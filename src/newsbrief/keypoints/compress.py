"""Headline style: an editors' bullet made from its source sentence by deletions and
past-to-present tense changes only (word order is the source's).

Deletions follow spaCy's dependency parse: the dateline, a trailing attribution ("…, CGTN
reported"), time adverbials ("on Sunday"), titles before a known person's name, appositions,
parentheses, then, only while the bullet is too long, side clauses and trailing phrases, in
two orders (the editors' usual one, and the smallest phrases from the tail); the bullet that
keeps most of the article's frequent words wins.  Words inside quotation marks are never
touched.  A pronoun subject ("He said…") is replaced by the speaker's surname only when the
quotes layer gives the speaker, or the previous sentence's subject is a person named in full;
the sentence naming that person is then cited as a second source, so the bullet never names
anyone its sources do not.
Hand-written: no offline sentence-compression model or library exists for spaCy.  The words the
cuts read (``lexicon``), what the parse says a phrase needs (``syntax``), quotation marks
(``quotation``) and past-to-present agreement (``tense``) are modules of their own.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.attrs import DEP, ENT_TYPE, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import ADJ as ADJ_POS
from spacy.parts_of_speech import AUX as AUX_POS
from spacy.parts_of_speech import VERB as VERB_POS
from spacy.strings import get_string_id

from ..document import DASH_CHARS, Article, Sentence
from ..nlp import listed_verb_governor
from ..times import read_dateline
from .lexicon import (
    AS_VERBS,
    BACKGROUND_MARKS,
    BACKGROUND_VERBS,
    CAUSING,
    CHANGING,
    COMPASS,
    DASHES,
    DEICTIC,
    DIRECTIONS,
    ELLIPTICAL,
    EMERGED_VERBS,
    FINDING_SOURCES,
    FINDING_VERBS,
    FINITE_TAGS,
    FIRST_SECOND_PERSON,
    LASTING,
    LEADING_CONNECTIVES,
    LINKING,
    MEASURED,
    NAMED_DAYS,
    NAMED_PLACES,
    NEEDS_INFINITIVE,
    NEEDS_PREPOSITION,
    NEEDS_PREPOSITION_ADJ,
    OBJECT_NEEDS_PREPOSITION,
    PAST_MARKERS,
    PEOPLE,
    PLACING,
    RELATIVE_TO,
    RELATIVIZERS,
    SAY_VERBS,
    SHOWING,
    SPEAKING_VERBS,
    SUBORDINATING_PREPS,
    TELLS_TO,
    TIME_PREPS,
    TIME_WORDS,
    TRANSITIVE_PHRASALS,
    UNITS,
    WHEN_WORDS,
    YEAR,
)
from .names import People
from .quotation import Protected, balanced_quotes, close_quotation, ends_quotation, quote_ranges, tidy_quotes
from .rank import (
    DANGLING_OPENERS,
    PRONOUN_OPENERS,
    QUOTE_PATTERN,
    RUN_ON,
    main_subject,
    speaks,
    text_words,
)
from .syntax import (
    absolute_participle,
    clause_after_as,
    clause_core,
    comparison_end,
    counted_participle,
    cut_clausal_subject,
    extraposed,
    in_list_of_names,
    interrupting_event,
    is_dash,
    last_of_list,
    list_end,
    listed_participle,
    needed_clause,
    needs_its_of,
    no_main_clause,
    object_state,
    predicate_phrase,
    ranked_infinitive,
    relative_phrase,
    shown_action,
    verb_particle,
    what_it_is_done_for,
)
from .tense import (
    REPORTING,
    is_future,
    is_plural,
    own_clause,
    past_event,
    present_form,
    says_when,
    shares_perfect_infinitive,
    split_perfect,
    subject_of,
    third_person,
    verb_lemma,
)

if TYPE_CHECKING:
    import numpy
    from spacy.tokens import Span, Token

    from .rank import Candidate

# "ISLAMABAD/BEIJING:", "LONDON (Reuters) -", "(CNN)" at the head of a sentence
_DATELINE_HEAD = re.compile(
    rf"^\s*(?:\(CNN\)\s*)?(?:[A-Z][A-Z/ ,.'-]{{2,}}(?:\([^)]*\))?\s*[:{DASH_CHARS}-]+\s*)?(?:\(CNN\)\s*)?")
# "Rome, Italy (CNN) -- " / "Washington (CNN)": a title-case place before the agency; an agency we do not
# know by name needs the dash ("Mannheim, Germany (Sports Network) - ")
_WIRE_HEAD = re.compile(
    rf"^\s*[A-Z][\w.'-]*(?:,? [A-Z][\w.'-]*){{0,3}}\s*(?:\((?:CNN|AP|AFP|Reuters|UPI)\)\s*(?:--|[{DASH_CHARS}-])?|"
    rf"\([A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){{0,2}}\)\s*(?:--|[{DASH_CHARS}-]))\s*")
_CAPTION_LABEL = re.compile(r"^\s*[A-Z][\w'’-]*(?: [\w'’-]+){0,2}:\s+(?=[A-Z])")
MAX_WORDS = 16
# The lede (the first three prose sentences) states the story's core facts densely: a lede bullet may
# run to 20 words rather than lose its fact to a later, thinner sentence.  On the dev splits this
# kept 1.5-1.8 ROUGE-1 at 15 words a bullet on average; most bullets still stop at 16.
LEDE_SENTENCES = 3
LEDE_MAX_WORDS = 20
# Optional cuts stop here.  The editors' "typically 8-14" holds for most bullets anyway; cutting
# every bullet to 14 lost more content (ROUGE on the dev split) than it bought in brevity.
TARGET_WORDS = 16
GUTTED_ASIDE = 3  # words a cut left of an aside between dashes, at most, for the rest to go too
MIN_WORDS = 8
TITLE_CASE_LOWER = {"a", "an", "the", "and", "but", "or", "nor", "for", "in", "on", "at", "to", "of", "by", "with",
                    "as", "from"}  # the words a Title Case headline leaves in lower case
SCORE_MARKS = {"-", "–", "(", ")"}  # what a game's score is written with besides its numbers: "7-6 (3)"
FUNCTION_WORD_VALUE = 0.3  # a stop word's worth when choosing between cuts

ARRAY_COLUMNS = [TAG, POS, DEP, LOWER, IS_PUNCT, IS_SPACE]  # what Headliner._arrays reads of each word
# the string ids the per-sentence pass compares words with (the same in every Doc)
_PAIRING = frozenset(get_string_id(w) for w in ("both", "between"))
_COUNTED_FROM = frozenset(get_string_id(w) for w in SUBORDINATING_PREPS)
_RELATIVE_TO = frozenset(get_string_id(w) for w in RELATIVE_TO)
_TO = get_string_id("to")
_NEEDS_PREPOSITION_ADJ = frozenset(get_string_id(w) for w in NEEDS_PREPOSITION_ADJ)
_ADVCL = get_string_id("advcl")
# what can lead into a main clause before its comma: a claim, a clause, a phrase ("Days after the vote, …")
_LEADING = {"ccomp", "parataxis", "advcl", "prep", "npadvmod"}
# how a clause or an aside hangs on a word: no hyphen joins the two into one
_CLAUSE_LINKS = {"acl", "relcl", "advcl", "appos", "conj", "ccomp", "xcomp", "parataxis", "punct", "cc"}
# Phrases the last-resort trimming may cut whole (never an object or a noun's own words).
TRIMMABLE = {"prep", "advcl", "relcl", "acl", "conj", "advmod", "npadvmod", "appos", "agent", "xcomp", "pcomp"}


class Headliner:
    """Compresses the chosen sentences of one article, remembering who has been named already."""

    def __init__(self, article: Article, lede: Iterable[int] = ()) -> None:
        self.article = article
        self.lede = set(lede)  # sentence indices of the lede
        self.doc = article.doc
        self.people = People(article)
        self.persons = self.people.persons
        self.named: set[str] = set()  # person ids already named in an earlier bullet
        self.core: set[int] = set()
        self.limit = MAX_WORDS
        self.doc_ents = list(self.doc.ents)  # Span.ents re-reads the whole Doc's entities on every call
        self.ents: list = []
        self.punct: set[int] = set()
        self.partitive: dict[int, int] = {}
        self.paired: dict[int, int] = {}  # the second half of a "both … and …" pair -> its first
        self.pair_openers: list[int] = []  # "both", "between" and the like: words that open a pair
        self.participles: list[int] = []  # words tagged as past forms (a verb of a list can hide among them)
        self.tails: list[int] = []  # phrases and clauses a trailing cut may take
        self.noun_clauses: list[int] = []  # relative and participle clauses
        self.relativizers: set[int] = set()
        self.verbs: set[int] = set()
        self.held: set[int] = set()  # words a cut must not take without the word they hang on
        self.ranks: set[int] = set()  # infinitives that rank a noun: "the first woman [to lead the club]"
        self.interrupting: int | None = None  # the "when" clause of "was doing X when Y happened"
        self.clause_bullet: int | None = None  # the verb of a clause made the bullet ("It comes after …")
        self._scene_only: set[int] = set()  # sentences whose "when" clause would not fit with the scene
        # per sentence, read from the arrays: prepositions, conjunctions, verbs of side clauses, trimmable words
        self.preps: list[int] = []
        self.conjunctions: list[int] = []
        self.side_verbs: list[int] = []
        self.trimmable: list[int] = []
        self.appositions: list[int] = []
        self.marked: list[int] = []  # "according", "(", ")" and dashes
        self._subtrees: dict[int, tuple[int, ...]] = {}
        self.worth: list[float] | None = None  # token index -> its worth to a bullet, made on first need
        # sentences whose bullet lost its subject to a misparse, or speaks in the first person
        self.unusable: set[int] = set()
        self.openers: dict[int, int | None] = {}  # sentence index -> the token its bullet opens on
        # sentence index -> (names known when made, result, people named): a bullet depends on
        # the article and on who earlier bullets named, nothing else
        self._made: dict[int, tuple[frozenset[str], tuple[str, list[Sentence], int], set[str]]] = {}
        self._dated: dict[int, bool] = {}  # clause head -> whether it says it is over (asked for heads and conjuncts)

    # -- public -------------------------------------------------------------------------------
    def headline(self, cand: Candidate) -> tuple[str, list[Sentence]]:
        text, sources, _ = self.compress(cand)
        return close_quotation(text), sources

    def acceptable(self, cand: Candidate) -> bool:
        """A sentence that compresses to a headline of the right length, not a bare quotation."""
        return self.usable(cand) and self._well_made(cand)

    def usable(self, cand: Candidate) -> bool:
        """Whether the sentence may stand in a box at all, if only to fill it up to its minimum: not someone
        speaking, a question, a caption, a bare quotation, a clause that lost its subject or one whose subject is
        a pronoun no earlier bullet resolves ("They have to fix that")."""
        sentence = cand.sentence.text
        # what the sentence alone decides goes first: a refused sentence is never compressed. One that speaks in
        # the first person makes no bullet even when a cut takes the "I": what is left is a quotation without
        # its marks ("Jamaica has a long tradition in relays[, ' he added]")
        if RUN_ON.search(sentence) or speaks(sentence) or ends_quotation(sentence):
            return False
        if sentence.rstrip(" \t\n'\"’”").endswith("?"):
            return False  # "What does Rand Paul have in common with…?": a key point states, it does not ask
        body, at = self.article.text, cand.sentence.start
        while at > 0 and body[at - 1] in " \t":
            at -= 1
        # (Title Case leaves its short function words in lower case: "Who Was in a Hospital for Mental Issues"; names
        # are capitalised anyway: "Jeb Bush fires at Trump, Ted Cruz, John Kasich and Marco Rubio")
        words = [t for t in cand.span if t.is_alpha and t.text not in TITLE_CASE_LOWER and not t.ent_type_]
        if at > 0 and body[at - 1] not in "\n:" and len(words) > 2 and sum(
                t.is_title for t in words) >= 0.8 * len(words):
            # "[…Biggest Attack] Yet With 1 Line That Had Debate Crowd In Stitches": a headline's tail (after a label's
            # colon, "HUFFPOLLSTER: Indiana’s GOP Primary Will Be …", the headline whole)
            return False
        root = cand.span.root
        opens = root.i == cand.span.start or self.doc[root.i - 1].text in {",", ":"} or (
            self.doc[root.i - 1].tag_ == "RB" and root.i - 1 == cand.span.start)
        if root.tag_ == "VB" and opens and root.is_lower and not any(
                c.dep_ in {"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "expl"} for c in root.children):
            return False  # "Two, disrupt and dismantle the infrastructure …", "Never forget …": an instruction
        if sentence.rstrip().endswith(("…", "...")):
            last = next((t for t in reversed(cand.span) if not t.is_punct and not t.is_space), None)
            if last is not None and last.tag_ in {"DT", "IN", "CC", "TO", "PRP$"}:
                return False  # "… is a strong move to improve within the …": a teaser cut off mid-phrase
        text, _, _ = self.compress(cand, commit=False)
        pronoun = re.split(r"[^\w]", text.split(" ", 1)[0])[0].lower()  # "They’re", "They," open with "They"
        at = self.openers.get(cand.index)
        opener = self.doc[at] if at is not None else None  # the bullet's first word, as the parse has it
        # a pronoun or a possessive; "These images show…" is fine: the determiner has its noun
        if pronoun in PRONOUN_OPENERS and (opener is None or opener.pos_ == "PRON" or opener.dep_ == "poss"):
            return False
        outside = QUOTE_PATTERN.sub("", close_quotation(text))  # "“Today he's accepting…": a bare quotation too
        if len(text_words(outside)) < 3 or RUN_ON.search(text) or speaks(text):
            return False  # "I'm genuinely pleased for him": a quotation that lost its marks, not a headline
        if opener is not None and opener.tag_ == "WRB" and opener.i + 1 < len(self.doc) and (
                self.doc[opener.i + 1].pos_ == "AUX"):
            return False  # "[So] why would Trump even go down the road…": a question that lost its mark
        # "Will Artino scored 14 points": a name the tagger took for a modal
        named = opener is not None and opener.i + 1 < len(self.doc) and self.doc[opener.i + 1].pos_ == "PROPN"
        if opener is not None and opener.pos_ in {"VERB", "AUX"} and (
                opener.tag_ in {"VB", "VBZ", "VBD", "VBP"} or (opener.tag_ == "MD" and not named)):
            # "Says actress Patsy Kensit, …", "[When you get a job,] get a new childcare place…": no subject
            return False
        # "…our military,” Flynn said": the end of a quotation opened in an earlier sentence
        closing, opening = text.find("”"), text.find("“")
        mid_quotation = (closing >= 0 and not 0 <= opening < closing) or close_quotation(text).count('"') % 2 or (
            ends_quotation(text))
        return not mid_quotation and cand.index not in self.unusable

    def _well_made(self, cand: Candidate) -> bool:
        text, _, words = self.compress(cand, commit=False)
        first = text.split(" ", 1)[0].lower()
        return MIN_WORDS <= words <= self.word_limit(cand) and first not in DANGLING_OPENERS and balanced_quotes(text)

    def word_limit(self, cand: Candidate) -> int:
        return LEDE_MAX_WORDS if cand.index in self.lede else MAX_WORDS

    def compress(self, cand: Candidate, commit: bool = True) -> tuple[str, list[Sentence], int]:
        """The bullet, its source sentences and its word count; ``commit`` records names used."""
        made = self._made.get(cand.index)
        # only whether this sentence's own people were named before can change its bullet
        if made is None or made[0] & made[2] != self.named & made[2]:
            result, used = self._compress(cand)
            made = (frozenset(self.named), result, used)
            self._made[cand.index] = made
        if commit:
            self.named.update(made[2])
        return made[1]

    def _compress(self, cand: Candidate) -> tuple[tuple[str, list[Sentence], int], set[str]]:
        span = cand.span
        self.limit = self.word_limit(cand)  # the last-resort cuts stop here
        protected = quote_ranges(span)
        rows = self._arrays[span.start : span.end].tolist()
        keep = {i for i, row in enumerate(rows, start=span.start) if not row[5]}  # not a space
        last = max(keep, default=None)
        if last is not None and self.doc[last].text == "''" and "``" not in span.text and span.text.count("''") % 2:
            # "… after his 1985 debut. ''": the opening mark of the next sentence's quotation, in copy that opens
            # and closes with '' (the sentence splitter leaves it here)
            keep.discard(last)
        sources = [cand.sentence]
        root = span.root
        self.core = {root.i}
        self.ents = [e for e in self.doc_ents if span.start <= e.start < span.end]
        # what the cuts ask of each word, read in one pass per sentence: a cut is tried many times, and a
        # spaCy Token made for each word of each cut would cost more than the cuts
        self.punct, self.relativizers, self.verbs, self.held, self.partitive = set(), set(), set(), set(), {}
        self.ranks = set()
        self.paired, self.pair_openers = {}, []
        self.participles, self.tails, self.noun_clauses = [], [], []
        self.preps, self.conjunctions, self.side_verbs, self.trimmable = [], [], [], []
        self.appositions, self.marked = [], []
        self._subtrees = {}
        (relativizers, clauses, prep, of, comparing, xcomp, cc, appos, subjects, marks, side,
         trimmable, preconj, participle_tags, tails, noun_clauses, agent) = self._codes
        that, complementizer, not_, only, but, also, conj, comma = self._marker_codes
        # "that" opening a clause, "not only", "but also", adjectives joined to something, commas: what the checks of a
        # finished cut look for
        self.thats, self.not_only, self.but_also, self.adjective_conjuncts, self.commas = [], [], [], [], []
        self.needy_adjectives: list[int] = []  # "Accustomed [to …]": clauses of an adjective that needs its preposition
        previous = None
        for i, (tag, pos, dep, low, punct, space) in enumerate(rows, start=span.start):
            if tag in participle_tags:
                self.participles.append(i)
            if dep in tails:
                self.tails.append(i)
            if dep in noun_clauses:
                self.noun_clauses.append(i)
            elif dep == agent and self.doc[i].head.lemma_.lower() in CAUSING:
                self.held.add(i)  # "was caused [by his diabetes]": the cause is what the verb says
            if dep == prep:
                self.preps.append(i)
            elif dep == cc:
                self.conjunctions.append(i)
            if dep in trimmable:
                self.trimmable.append(i)
            if dep == appos:
                self.appositions.append(i)
                first = self.doc[i].left_edge
                if first.dep_ == "det" and first.lower_ in {"the", "a", "an"} and (
                        self.doc[i].head.i == first.i - 1 and self.doc[first.i - 1].pos_ in {"NOUN", "PROPN"}):
                    # "a group that has long claimed as its turf [the low-income Cypress Park area]": an "apposition"
                    # with no comma before it is the verb's object, moved after a phrase
                    self.held.add(i)
            if low in marks:
                self.marked.append(i)
            if dep == preconj or low in _PAIRING:
                # "both … and …", "between … and …": the second half -> the first (not a third item: ", as well
                # as …")
                self.pair_openers.append(i)
                first = self._first_of_pair(self.doc[i])
                second = next((c for c in first.rights if c.dep_ == "conj"), None) if first is not None else None
                if second is not None:
                    self.paired[second.i] = first.i
            if dep == prep and low == _TO:
                # "ranging from second [to fifth place]": a range keeps its end
                start = self.doc[i].head if self.doc[i].head.lower_ == "from" else next(
                    (c for c in self.doc[i].head.children if c.lower_ == "from" and c.dep_ == "prep" and c.i < i), None)
                if start is None and i > span.start:
                    # or a "from" phrase that ends where it begins, wherever the parser hung the two: "pushed the
                    # opening back [from April 24] to April 29"
                    start = next((a for a in itertools.chain([self.doc[i - 1]], self.doc[i - 1].ancestors)
                                  if a.lower_ == "from" and a.dep_ == "prep" and a.right_edge.i == i - 1), None)
                if start is not None:
                    self.paired[i] = start.i
            if pos == VERB_POS and dep in side:
                self.side_verbs.append(i)
            if low in comparing:
                end = comparison_end(self.doc[i])
                if end is not None:
                    self.held.add(end.i)
            if low == that and tag == complementizer:
                self.thats.append(i)
            elif low == only and previous == not_:
                self.not_only.append(i)
            elif low == also and previous == but:
                self.but_also.append(i - 1)
            elif low == comma:
                self.commas.append(i)
            if dep == conj and pos == ADJ_POS:
                self.adjective_conjuncts.append(i)
            elif dep == _ADVCL and low in _NEEDS_PREPOSITION_ADJ:
                self.needy_adjectives.append(i)
            elif dep == conj and self.doc[i].head.pos == VERB_POS and self.doc[i].head.dep_ == "ROOT" and (
                    self.doc[i].pos_ in {"NOUN", "PROPN"}):
                # "Diame returned from five months out and [Chester from three]": a clause that left its verb to the
                # main one keeps its phrase when that is all it says, and says it as the verb's own did ("and
                # Sanders the Democratic one[ -- among women]" says more; "shifting the SVP, and the discourse[,
                # further to the right]" is the parser's guess)
                said = [c for c in self.doc[i].rights if not c.is_punct]
                verb_says = {c.lower_ for c in self.doc[i].head.children if c.dep_ == "prep" and c.i < i}
                if said and all(c.dep_ == "prep" and c.lower_ in verb_says for c in said):
                    self.held.update(c.i for c in said)
            previous = low
            if punct or space:
                self.punct.add(i)
            elif tag in relativizers:
                self.relativizers.add(i)
            elif pos in (VERB_POS, AUX_POS):
                self.verbs.add(i)
            if dep in clauses:
                t = self.doc[i]
                ranked = ranked_infinitive(t)  # "the third school [to come under fire]": third in what, it says
                if ranked:
                    self.ranks.add(i)
                    if not any(c.dep_ in {"dobj", "attr", "xcomp"} for c in t.children):
                        # "to come [under fire]": a verb with no object keeps its first phrase
                        self.held.update(c.i for c in list(t.rights)[:1] if c.dep_ == "prep")
                if ranked or list_end(t) or counted_participle(t) or needed_clause(t) or shown_action(t) or (
                        what_it_is_done_for(t)) or (
                        dep == xcomp and t.head.pos_ == "ADJ") or (  # "were quick [to cast the attacks as …]"
                        # "have spent the last week [trying to tell the country …]": what the time was spent on
                        t.tag_ == "VBG" and t.head.lemma_.lower() == "spend") or (
                        # "after [two quakes, measuring 7.6 and 7.4,] struck": a verb that stays keeps its subject
                        dep in subjects and t.head.pos_ in {"VERB", "AUX"}) or clause_after_as(t):
                    self.held.add(i)
            elif dep == prep and low in _COUNTED_FROM and i > span.start and (
                    self.doc[i - 1].lemma_.lower() in UNITS and self.doc[i - 1].dep_ in {"dobj", "attr", "pobj"}):
                # "to mark a week [since the shooting]": a length of time that is what a verb takes says since when
                # (wherever the parser hangs it); "Hours after the shooting," is a time phrase that goes whole
                self.held.add(i)
            elif dep == prep and low in _RELATIVE_TO and self.doc[i].head.ent_type_ in {"PERCENT", "MONEY", "QUANTITY"}:
                self.held.add(i)  # "15 percent [over the limit]": an amount measured against something says what
            elif dep == prep and low == _TO and self.doc[i].head.lemma_.lower() in CHANGING and any(
                    t.like_num for t in self.doc[i].subtree):
                self.held.add(i)  # "improved the fighter [to 52-3]": to what is the news
            elif dep == prep and low == of and needs_its_of(self.doc[i].head):
                self.partitive[i] = self.doc[i].head.i  # "of" -> the word that needs it ("two [of the cases]")

        self._drop_dateline(span, keep)
        self._drop_leading_connective(span, keep, protected)
        root = self._drop_trailing_attribution(span, root, keep, protected)
        before = root
        root = self._drop_it_emerged(span, self._background_clause(span, root, keep, protected), keep, protected)
        self.clause_bullet = root.i if root.i != before.i else None
        self.core = clause_core(root)
        # (unless the two will not fit in one bullet: then the scene alone, as before)
        self.interrupting = interrupting_event(root) if cand.index not in self._scene_only else None
        if self.interrupting is not None:
            self.held.add(self.interrupting)
            self.core.add(self.doc[self.interrupting].left_edge.i)  # its "when", wherever the parser hung it
        self._drop_according_to(span, keep, protected)
        self._drop_time_adverbials(span, keep, protected)
        self._drop_parentheses(span, keep, protected)
        self._drop_appositions(span, keep, protected)
        self._drop_home_towns(span, keep, protected)
        self._drop_pictured(span, keep, protected)
        replacements: dict[int, str] = {}
        used_people = self._shorten_names(span, keep, protected, replacements)
        speaker = self.people.resolve_pronoun(cand, root, keep, protected, replacements)
        resolved = [speaker] if speaker is not None else self.people.resolve_they(
            cand, root, keep, protected, replacements)
        for person, sentence in resolved:
            used_people.add(person.id)
            if sentence is not cand.sentence and sentence not in sources:
                sources.insert(0, sentence)
        subj = main_subject(root)
        if self._opens_on_pronoun(subj, keep, protected, replacements):
            # no cut takes the subject: the bullet would lean on a sentence the box does not show, so it is
            # refused now, before the cuts ("They have to fix that")
            self.unusable.add(cand.index)
            text = self._surface(span, keep, replacements)
            return (text, sources, len(text_words(text))), used_people
        # each order of the cuts gives a bullet; the one that fits and keeps most of what the article is
        # about (its frequent words) wins
        best: tuple[tuple[bool, bool, float], set[int]] | None = None
        tried: list[set[int]] = []
        first, orders = self.cut_orders() if self._words(keep) > TARGET_WORDS else ([], [[]])
        start = set(keep)
        self._cut(first, span, root, start, protected)
        for order in orders:
            trial = set(start)
            self._cut(order, span, root, trial, protected)
            if trial in tried:
                continue  # two orders often cut the same: what follows depends on nothing else
            tried.append(set(trial))
            self._drop_bare_clauses(span, trial, protected)
            size = len(trial)
            truncated = self._drop_dangling_tail(trial, protected)
            if not truncated and len(trial) < size:
                # what the tail's cut left governing nothing: "…, choosing instead [to focus]"
                self._drop_bare_clauses(span, trial, protected)
                truncated = self._drop_dangling_tail(trial, protected)
            truncated = truncated or self._lost_complement(trial)
            rank = (not truncated, self._words(trial) <= self.limit, self._value(trial))
            if best is None or rank > best[0]:
                best = (rank, trial)
        assert best is not None
        keep.clear()
        keep.update(best[1])
        if not best[0][0]:
            self.unusable.add(cand.index)
        if self._only_who_spoke(root, keep, protected):
            self.unusable.add(cand.index)
        if self._misread(span, root, subj, protected) or self._orphaned_verb(span, root, keep) or (
                cut_clausal_subject(root, keep)) or self._hung_on_cut_comma(keep):
            self.unusable.add(cand.index)
        if not self._has_subject(span, root, keep, replacements) or (
                subj is not None and subj.lower_ in FIRST_SECOND_PERSON and subj.i not in protected.inside):
            # a headline never speaks in the first person: "I am fit" is a quotation whose marks were lost
            self.unusable.add(cand.index)
        self._drop_lone_comma_before_verb(root, subj, keep)
        self._present_tense(span, root, keep, protected, replacements)
        participle = self._participle_read_as_verb(root, subj, keep, replacements)
        if participle is not None:
            del replacements[participle.i]  # it describes the noun, as written: "Two passengers found dead … appear"
        if self._misread_by_tense(root, subj, keep, replacements):
            self.unusable.add(cand.index)
        if no_main_clause(root, keep, protected.inside):
            self.unusable.add(cand.index)
        opener = min((i for i in keep if i not in self.punct), default=None)
        if opener is not None and opener not in protected.inside and self.doc[opener].lower_ == "it" and (
                self.doc[opener].dep_ in {"nsubj", "nsubjpass"}) and not extraposed(self.doc[opener], keep):
            # "It is later revealed to be pneumonia", "It comes after …": what "it" is, the box does not say
            self.unusable.add(cand.index)
        # a quotation's first word is the speaker's ("“Be very conservative,” Trump says"), not the bullet's verb
        self.openers[cand.index] = opener if opener not in protected.inside else None
        text = self._surface(span, keep, replacements)
        if self.interrupting is not None and (len(text_words(text)) > self.limit or (
                self.doc[self.interrupting].left_edge.i not in keep)):
            self._scene_only.add(cand.index)
            self.unusable.discard(cand.index)
            return self._compress(cand)
        return (text, sorted(sources, key=lambda s: s.start), len(text_words(text))), used_people

    def _opens_on_pronoun(self, subj: Token | None, keep: set[int], protected: Protected,
                          replacements: dict[int, str]) -> bool:
        """The sentence opens on its subject, a pronoun no resolution named, or on that subject's "his" or "their"."""
        first = min((i for i in keep if i not in self.punct), default=None)
        if subj is None or first is None or first in replacements or first in protected.inside:
            return False
        tok = self.doc[first]
        return tok.lower_ in PRONOUN_OPENERS and ((tok.i == subj.i and tok.pos_ == "PRON") or (
            tok.dep_ == "poss" and tok.head.i == subj.i and subj.left_edge.i == tok.i))

    @staticmethod
    def _first_of_pair(tok: Token) -> Token | None:
        """The first half of the pair ``tok`` opens: "both [the mayor] and …", "between [Varne] and …"."""
        if tok.dep_ == "preconj" or (tok.lower_ == "both" and tok.dep_ == "det"):
            return tok.head
        if tok.lower_ == "between" and tok.dep_ == "prep":
            return next((c for c in tok.children if c.dep_ == "pobj"), None)
        return None

    def _only_who_spoke(self, root: Token, keep: set[int], protected: Protected) -> bool:
        """"Mr. Biden says, clutching the lectern with two hands": the cuts left who said it, not what."""
        if root.lemma_.lower() not in SPEAKING_VERBS or any(i in protected.inside for i in keep):
            return False
        if any(c.dep_ in {"nsubjpass", "auxpass"} or (c.i in keep and c.dep_ in {
                "ccomp", "dobj", "xcomp", "parataxis", "attr", "oprd", "intj"} and not self._told_whom(c))
               for c in root.children):
            return False
        # "said later in the day [that he was back home]": what was said, hung on "day" by the parser
        return not any(self.doc[i].dep_ == "relcl" and i > root.i and i in keep for i in self.verbs)

    @staticmethod
    def _told_whom(obj: Token) -> bool:
        """"told Judge Tom Bell[ that …]": the object of "tell" is who heard it, not what was said."""
        return obj.dep_ == "dobj" and obj.head.lemma_.lower() == "tell" and (
            obj.ent_type_ in {"PERSON", "ORG", "NORP"} or obj.pos_ == "PRON" or obj.lemma_.lower() in PEOPLE)

    def _misread(self, span: Span, root: Token, subj: Token | None, protected: Protected) -> bool:
        """The parse of the sentence is wrong in a way no cut can mend, or what it says is only who said it."""
        if root.pos_ == "ADP":
            return True  # "In being compared with Button…, or Rosberg…, the feeling has been…": no main verb was found
        if root.lemma_.lower() == "say" and any(c.dep_ == "dobj" and (c.lemma_.lower() in PEOPLE or (
                c.ent_type_ == "PERSON")) for c in root.children):
            # "Police said two women and one man, between 30 and 40 years old, working for a bank[ choked on smoke]":
            # one says something, not someone; the parser lost the verb of what was said
            return True
        if root.tag_ == "VBD" and not any(c.dep_ in {"dobj", "attr", "ccomp", "xcomp"} for c in root.children) and any(
                c.dep_ == "conj" and c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children) and not any(
                    g.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for g in c.children) for c in root.children):
            # "A woman hit and killed by a motorist … might be alive": two participles, one taken for the main verb
            return True
        if self._relative_read_as_main(span, root):
            return True
        if subj is not None and subj.lower_ == "what" and subj.head == root:
            # "what has been made available  suggests that …": a clause the parser took for the main one (a question
            # is refused before)
            return True
        opener = next((t for t in span if not t.is_punct and not t.is_space), None)
        if subj is not None and opener is not None and opener.pos_ == "ADP" and opener.i < subj.i and any(
                a.dep_ == "appos" and a.i > subj.i and a.right_edge.i + 1 < len(self.doc)
                and self.doc[a.right_edge.i + 1].head == root
                and self.doc[a.right_edge.i + 1].pos_ in {"VERB", "AUX"} for a in subj.rights):
            # "Near Fort Carson, the fire department responded": an "apposition" running straight into the
            # verb is the real subject, misparsed after an opening place; no cut of this parse can be trusted
            # ("his son Mick begins", "Nicole Randock (centre) was criticised" are true appositions)
            return True
        if subj is None and not any(c.dep_ in {"expl", "csubj"} for c in root.children):
            verb_start = min([root.i, *(c.i for c in root.lefts if c.dep_ in {"aux", "auxpass", "neg"})])
            if verb_start > span.start and self.doc[verb_start - 1].dep_ == "appos" and (
                    self.doc[verb_start - 1].ent_type_ == "PERSON"):
                # "Now that it's game on with Hillary Clinton, Donald Trump will try": the subject the parser hung
                # on the name before it as an apposition, which the cuts take ("In Jabaliya, a boys' school was
                # attacked" is read right, whatever the parse)
                return True
        if subj is not None and opener is not None and opener.pos_ == "ADP" and opener.i < subj.i and any(
                a.dep_ in {"aux", "auxpass"} and any(g.dep_ == "nsubj" and g.i > subj.i for g in a.children)
                for a in root.children):
            # "In Nevada and Florida, the two battleground states …, the Democratic nominee remains locked": the
            # opening place's apposition taken for a subject, the real one hung on the auxiliary
            return True
        if subj is not None and subj.tag_ == "NNS" and not any(c.dep_ in {"det", "poss"} for c in subj.children) and (
                any(c.dep_ == "nsubj" and c.i < subj.i for c in subj.children)):
            # "Cheeks returns as Sixers' fixer Jim O'Brien was shown the door": a verb in -s taken for a bare plural
            # subject of the next clause ("returns ... was shown"), its own subject hung on it ("The Manchester City
            # shot stopper … revealed", with "City" hung on "stopper", reads well)
            return True
        if root.lemma_.lower() in {"picture", "photograph"} and root.i > span.start and (
                self.doc[root.i - 1].text == ","
                or not any(c.dep_ in {"dobj", "aux", "auxpass"} for c in root.children)):
            # "Hart, pictured saving a shot, is desperate", "Michael Schumacher pictured during testing at Jerez": a
            # caption's "pictured" is no verb
            return True
        if subj is not None and any(c.dep_ == "acl" and c.tag_ == "VBD" and subj.i < c.i < root.i and any(
                g.dep_ == "dobj" or (g.dep_ == "advcl" and any(n.dep_ == "nsubj" for n in g.children))
                for g in c.children) for c in subj.children):
            # "The man, who did not want to be identified, called 911 when he realized the vehicle … matched the
            # description": the parser made the real verb a modifier of the subject, and a verb of a side clause
            # the main one; its cuts would say that the man matched the description
            return True
        if root.lemma_.lower() in AS_VERBS and root.i > span.start and self.doc[root.i - 1].text == "," and (
                root.i + 1 < span.end and self.doc[root.i + 1].lower_ == "as") and not any(
                c.dep_ in {"dobj", "aux", "auxpass"} for c in root.children):
            # "Stephen Munden, 54, described as having a 'fanatical obsession', has been missing": a participle on the
            # subject taken for the main verb, whose real verb the cuts would drop ("Munden describes as having …")
            return True
        if root.lemma_.lower() in SAY_VERBS and not protected.quotes and not any(
                c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis", "attr", "oprd", "dative", "nsubjpass", "auxpass"}
                for c in root.children) and not any(t.dep_ in {"ccomp", "advcl", "mark"} for t in span):
            # "Miller, a retired worker from a nuclear plant, said pleasantly into the phone": who said it, not what
            return True
        if any(c.dep_ == "prep" and c.lower_ in SUBORDINATING_PREPS for c in root.lefts) and any(
                c.dep_ in {"conj", "advcl", "parataxis"} and c.pos_ in {"VERB", "AUX"}
                and self.doc[c.left_edge.i - 1].text == ","
                and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                and not any(g.dep_ == "mark" for g in c.children) for c in root.rights):
            # "After the PAME protesters left the square, the first lines started arriving": "After" was read as a
            # preposition of "the PAME", its clause as the main one and the real main clause as joined to it with no
            # "and"; the cut of "After the PAME" would make two things happen side by side
            return True
        if any(c.dep_ == "ccomp" and c.i < root.i and any(
                a.lower_ in {"however", "but", "yet", "though"} and c.right_edge.i < a.i < root.i
                for a in root.children) for c in root.children):
            # "Porto went into the match with a lead, however they were swept aside": two clauses the parser made
            # one the other's content; the cut of "however" would splice them with a comma
            return True
        for prep in (c for c in root.rights if c.dep_ == "prep" and c.lower_ in SUBORDINATING_PREPS):
            if any(c.dep_ == "conj" and c.i > prep.right_edge.i and c.tag_ in {"VBZ", "VBD", "VBP"}
                   and self.doc[c.left_edge.i - 1].text == "," and not any(
                       g.dep_ in {"nsubj", "nsubjpass", "mark"} for g in c.children) and not any(
                       d.dep_ == "cc" and prep.i < d.i < c.i for d in root.children) for c in root.rights):
                # "the case is back in the spotlight as the 16-year-old accused, Jermayne Timmons, goes to trial":
                # "as" read as a preposition, its clause's verb joined to the main one with no "and"
                return True
        if subj is not None and any(self._aside_ends_on_subject(a, root) for a in subj.rights):
            # "… - after Cruz came in third behind Trump and John Kasich - the fleece, and the gloves, came off": the
            # parser made the last name of the aside the subject and the real one its apposition (one set off by
            # dashes on both sides is a true apposition: "The three bank workers - two women and a man - died")
            return True
        if subj is None and root.tag_ in {"VBD", "VBZ", "VBP"} and any(
                c.dep_ in {"advcl", "prep"} and self._last_word(c).dep_ == "appos"
                and self._last_word(c).pos_ in {"NOUN", "PROPN"} for c in root.lefts):
            # "Bound together by 2,000 years of exchanges and sharing a border, the two nations, Xi said, now have…":
            # the parser hung the subject on the opening phrase as an apposition, and the verb has none
            return True
        if subj is not None and any(self._runs_into_subject(c, subj) for c in root.lefts):
            # "In the latest batch of emails released by the State Department, the candidate for the nation's next
            # commander-in-chief appeared…": the opening phrase runs past its comma into the subject, which the
            # parser found further on; its cut would leave "Next commander-in-chief appears…"
            return True
        if root.i != self.clause_bullet and any(c.dep_ == "mark" for c in root.lefts):
            # (not a clause made the bullet, whose mark was cut: "It comes after …", "It has emerged that …")
            # "That DeGeneres was chosen as host should please critics": a clause that is the subject of the real
            # verb, misread as the main one; a cut of its "That" makes a claim the sentence does not make
            return True
        if subj is not None and any(c.dep_ == "conj" and c.tag_ in {"VBD", "VBZ", "VBP"} for c in subj.children):
            # "The deal and how it came to be provide telling insight … - and says it cannot hope to repay": a finite
            # verb joined to the subject noun; the parse found neither the subject's end nor the main verb
            return True
        for verb in (self.doc[i] for i in sorted(self.verbs)):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING:
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"):
                after = obj.right_edge.i + 1
                if after < span.end and self.doc[after].dep_ == "cc" and any(
                        n.dep_ in {"nsubj", "nsubjpass"} and n.left_edge.i == after + 1 and n.head.dep_ == "conj"
                        for n in span):
                    # "Ms Watson who claims Rojo and his representatives were behind a plot": the claim's subject read
                    # as the verb's object, its verb joined to the main one; a cut leaves "who claims Rojo"
                    return True
        # "So did the son-in-law of …": an ellipsis that says what the sentence before said, of someone else
        return subj is not None and subj.i > root.i and any(c.lower_ in {"so", "neither", "nor"} for c in root.lefts)

    def _hung_on_cut_comma(self, keep: set[int]) -> bool:
        """"[Unlike the stars,] Jennifer Lawson, Joshua Hutton and Liam Hensley, Ross has not signed": names the parser
        hung on a comma that a cut took, left as if they had not signed."""
        return any(c.i in keep and not c.is_punct for k in self.commas if k not in keep for c in self.doc[k].children)

    def _orphaned_verb(self, span: Span, root: Token, keep: set[int]) -> bool:
        """A cut took the noun a verb of the main one leaned on: "…, describing how their jobs making furnaces [will
        be sent to Mexico]" (or "fear party's split [will hurt] …") hangs a verb that opens on its auxiliary, with no
        subject and no "and", on the main one, straight after a noun that is its subject in truth. Uncut it reads
        right; cut, it is an island: "… tells employees, will be sent to Mexico"."""
        for c in root.rights:
            first = c.left_edge
            if c.dep_ in {"conj", "ccomp"} and c.pos_ in {"VERB", "AUX"} and first.i > span.start and (
                    first.dep_ in {"aux", "auxpass"} and first.head.i == c.i and first.i in keep) and (
                    self.doc[first.i - 1].pos_ in {"NOUN", "PROPN"} and first.i - 1 not in keep) and not any(
                    g.dep_ in {"nsubj", "nsubjpass", "cc"} for g in c.children):
                return True
        return False

    def _aside_ends_on_subject(self, appos: Token, root: Token) -> bool:
        """An "apposition" opened by a dash that closes an aside, running straight into the verb."""
        if appos.dep_ != "appos" or appos.left_edge.i == 0:
            return False
        dash = self.doc[appos.left_edge.i - 1]
        last = appos.right_edge.i
        closed = is_dash(self.doc[last]) or (last + 1 < len(self.doc) and is_dash(self.doc[last + 1]))
        # the subject must sit inside an aside a dash opened before it ("over - after Cruz …"); not "The magnitude
        # - 6.1 quake struck", "Philadelphia (AFP) – US President Barack Obama will"
        opened = any(is_dash(t) for t in self.doc[appos.sent.start : appos.head.i])
        dateline = read_dateline(self.article.text)
        if not is_dash(dash) or closed or not opened or (dateline is not None and dash.idx < dateline.end):
            return False
        verb = {root.i, *(c.i for c in root.children if c.dep_ in {"aux", "auxpass", "neg"})}
        return self._next_word(last) in verb

    def _last_word(self, tok: Token) -> Token:
        """The last word of a token's subtree that is not punctuation."""
        i = tok.right_edge.i
        while i > tok.i and self.doc[i].is_punct:
            i -= 1
        return self.doc[i]

    def _next_word(self, i: int) -> int:
        """The index of the first word after token ``i`` that is not punctuation."""
        i += 1
        while i < len(self.doc) and self.doc[i].is_punct:
            i += 1
        return i

    def _runs_into_subject(self, opener: Token, subj: Token) -> bool:
        """An opening phrase whose subtree runs on past a comma into a noun phrase with no comma after it."""
        end = opener.right_edge.i
        if opener.dep_ not in {"prep", "advcl"} or end + 1 >= subj.i or self.doc[end].is_punct or (
                self.doc[end + 1].is_punct):
            return False
        commas = [i for i in range(opener.left_edge.i, end) if self.doc[i].text == ","]
        return bool(commas) and self.doc[commas[-1] + 1].pos_ == "DET"

    def _participle_taken_for_verb(self, root: Token, subj: Token | None, keep: set[int],
                                   replacements: dict[int, str]) -> Token | None:
        """A participle the parser took for a verb and re-tensing changed, the clause's real verb hung on it."""
        finite = {"VBD", "VBZ", "VBP"}
        if subj is not None and subj.i == root.i - 2 and root.i in replacements and root.tag_ in {"VBD", "VBN"} and (
                self.doc[root.i - 1].text == ",") and any(
                c.dep_ in {"conj", "ccomp"} and c.i > root.i and (c.tag_ in finite or any(
                    a.dep_ in {"aux", "auxpass"} and a.tag_ in finite for a in c.children)) and not any(
                    g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for c in root.children):
            # "The regulation, issued weeks before Bush left office, made it easier", "LaRue, found guilty of …, has
            # died": the participle after the comma, taken for the verb; re-tensed, "The regulation, issues, makes"
            return root
        # "Two passengers found dead … appear to have died": "found" taken for the verb of a clause that has none of
        # its own; re-tensed, "Two passengers find dead"
        return next((t.head for t in (self.doc[i] for i in keep & self.verbs)
                     if t.head.i in replacements and t.dep_ == "ccomp" and t.tag_ in finite and not any(
                         c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in t.children)), None)

    def _participle_read_as_verb(self, root: Token, subj: Token | None, keep: set[int],
                                 replacements: dict[int, str]) -> Token | None:
        """That participle, when it follows its noun and kept words of its own to describe it: it can stay as
        written ("Two passengers found dead … appear"), and the sentence is no misparse."""
        participle = self._participle_taken_for_verb(root, subj, keep, replacements)
        if participle is None or participle.lemma_.lower() in SAY_VERBS or any(
                c.dep_ in {"dobj", "dative"} for c in participle.children) or not any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.i < participle.i for c in participle.children):
            return None  # a verb with an object, or of saying, is a verb: "Lynch reported the team … offered"
        kept = any(c.i in keep and not c.is_punct and c.dep_ not in {"conj", "ccomp"} for c in participle.rights)
        return participle if kept else None

    def _misread_by_tense(self, root: Token, subj: Token | None, keep: set[int],
                          replacements: dict[int, str]) -> bool:
        """Re-tensing the verbs showed a misparse: a participle taken for the verb, a verb taken for a clause's."""
        finite = {"VBD", "VBZ", "VBP"}
        if self._participle_taken_for_verb(root, subj, keep, replacements) is not None:
            return True
        if any(t.dep_ in {"conj", "ccomp"} and t.i > t.head.i + 1 and t.tag_ in {"VBD", "VBN"} and (
                t.i in replacements) and self.doc[t.left_edge.i - 1].pos_ in {"NOUN", "PROPN"} and not any(
                c.dep_ in {"nsubj", "nsubjpass", "cc"} for c in t.children) and (t.head.tag_ in {"VBZ", "VBP"} or any(
                    c.dep_ in {"aux", "auxpass"} for c in t.head.children))
               for t in (self.doc[i] for i in keep & self.verbs)):
            # "will appear in the show's 9 a.m. hour, just missing a chance to overlap with a fellow scion turned
            # television star": a participle on the noun before it, read as a verb joined to the main one with no
            # "and"; re-tensed, "… hour, turns television star" ("One report posted online by Kubatko suggested
            # that": the participle is the one the parser made the main verb)
            return True
        if any(t.dep_ == "conj" and t.head.i in keep and t.i > t.head.i + 1 and (
                t.i in replacements or t.head.i in replacements or (not keep.issuperset(range(t.head.i + 1, t.i))
                                                                    and not any(c.dep_ == "nsubj" for c in t.children)))
                and not any(i in keep and (self.doc[i].is_punct or self.doc[i].dep_ == "cc")
                            for i in range(t.head.i + 1, t.i))
                for t in (self.doc[i] for i in keep & self.verbs)):
            # "… was dispatched to the province[ after two quakes, measuring 7.6,] struck west of Manokwari", "is a
            # practice[ that marries sex with mindfulness and, according to its founders,] encourages…": a cut left
            # a second verb with nothing joining it to the first
            return True
        if any(t.dep_ == "conj" and t.tag_ == "VB" and t.head.tag_ in {"VBD", "VBN"} and not any(
                c.dep_ in {"aux", "auxpass", "neg"} for c in t.children) and any(
                c.dep_ == "dobj" and c.pos_ == "PROPN" and c.left_edge.i == t.i + 1 and c.left_edge.pos_ == "PROPN"
                for c in t.children)
               for t in (self.doc[i] for i in keep & self.verbs)):
            # "Enoch Gaver was killed in the fight and suspect David Gaver [was shot …]", "… and goalkeeper Morgan De
            # Sanctis [was …]": the title before a name, taken for a base-form verb joined to a past one
            return True
        for t in (self.doc[i] for i in keep & self.verbs):
            if t.dep_ == "advcl" and t.tag_ in finite and t.i - 1 not in keep and not self.doc[t.i - 1].is_punct \
                    and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"} for c in t.children):
                # "…died at a branch [of the bank which caught fire after hooded youths] broke a window": the parser
                # hung the clause's subject on an "after" before it, and the cut of that phrase left its verb with
                # none ("suspended after an ugly rant [she unleashed …] surfaced online" still has its "after")
                opening = max((i for i in keep if i < t.i and self.doc[i].dep_ == "prep"), default=None)
                if opening is None or self.doc[opening].lower_ not in SUBORDINATING_PREPS:
                    return True
        # "The Crime Statistics Bureau cited in Trump’s tweet does not exist": "cited" describes the bureau, and
        # "does not exist" is the verb the parser joined to it with no "and"; re-tensed, "the Bureau cites"; so
        # "Video of Zurana Horton shot and killed in a gang shooting was revealed", "Samples taken from the wall
        # appear to have…", even when a cut took the verb ("Video of Horton shoots and killed", "Samples take")
        verbs = [self.doc[i] for i in self.verbs if root.left_edge.i <= i <= root.right_edge.i
                 and self.doc[i].head.i in replacements]
        return any(t.dep_ == "conj" and t.i > t.head.i and (t.tag_ in {"VBZ", "VBP"} or any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP"} for c in t.children)) and not any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in t.children) and not (
            self.doc[t.left_edge.i - 1].is_punct or self.doc[t.left_edge.i - 1].dep_ == "cc") for t in verbs)

    def _drop_lone_comma_before_verb(self, root: Token, subj: Token | None, keep: set[int]) -> None:
        """"LuAnn Johnson[, 49,] of Burnsville, is walking": a cut took the comma that opened a pair, and the one
        that closed it is left between the subject and its verb."""
        group = [root.i] + [c.i for c in root.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < root.i]
        # "The campaign had[, earlier Tuesday,] sent": what a cut left of a pair between an auxiliary and its verb
        aux = max((i for i in group if i != root.i and i in keep), default=None)
        verb = root.i
        if aux is None and root.i in keep:
            aux, verb = root.i, next((c.i for c in root.rights if split_perfect(c) and c.i in keep), root.i)
        between = range(aux + 1, verb) if aux is not None else range(0)
        if any(i not in keep for i in between) and all(self.doc[i].text == "," for i in between if i in keep):
            keep.difference_update(between)
        if subj is None or subj.i > root.i or subj.i not in keep:
            return
        start = min(i for i in group if i in keep) if any(i in keep for i in group) else root.i
        first = min(keep)
        commas = [i for i in range(first, start) if self.doc[i].text == ","]
        kept = [i for i in commas if i in keep]
        # only when a cut took a comma here: "Copeland, 31, and his wife, Saltare, 28, are" is as written
        if len(kept) % 2 and len(kept) < len(commas) and kept[-1] == max(i for i in keep if i < start):
            keep.discard(kept[-1])

    def cut_orders(self) -> tuple[list, list[list]]:
        """The cut every order starts with (what comes before the subject: made once), and the orders in which
        the others are tried: the editors' usual one (relative clauses, side clauses, later conjuncts,
        trailing phrases), and the smallest phrases anywhere, the tail first. (Two more orders, the joined
        clauses or the relative clauses first, changed no dev score: not worth their time.)"""
        return [self._drop_leading_modifiers], [[self._drop_relative_clauses, self._drop_side_clauses,
                                                 self._drop_conjuncts, self._drop_trailing_preps, self._trim_tail],
                                                [self._trim_tail]]

    def _cut(self, order: list, span: Span, root: Token, keep: set[int], protected: Protected) -> None:
        for remover in order:
            if self._words(keep) <= TARGET_WORDS:
                break
            before = set(keep)
            remover(span, root, keep, protected)
            if self._words(keep) < TARGET_WORDS and remover != self._trim_tail:
                # the rule cut far more than needed: the smallest phrase that fits may keep more content
                alternative = set(before)
                self._trim_tail(span, root, alternative, protected)
                # unless that leaves a verb without what it says and the rule's cut did not: "has urged his former
                # side[ to purchase …]" against "[and has urged his former side to purchase …]"
                if self._words(keep) < self._words(alternative) <= self.limit and (
                        self._sound(alternative, protected) or not self._sound(keep, protected)):
                    keep.clear()
                    keep.update(alternative)

    def _sound(self, keep: set[int], protected: Protected) -> bool:
        """What is kept ends on no verb that lost its complement."""
        return not self._drop_dangling_tail(set(keep), protected) and not self._lost_complement(keep)

    def _drop_bare_clauses(self, span: Span, keep: set[int], protected: Protected) -> None:
        """What a cut left governing nothing goes: a preposition or conjunction whose object or conjunct was
        cut, then a participle or relative clause on a noun that lost everything after its verb ("The footage,
        released, shows…", "the show, which premiered, …"), or a side clause, that lost the clause it governed."""
        # right to left: "along" goes after the "with" it governed
        for i in sorted(self.preps + self.conjunctions, reverse=True):
            if i not in keep or i in protected.inside:
                continue
            tok = self.doc[i]
            # "The star, known for [appearing in …], is": a preposition whose object was cut goes with it
            if tok.dep_ == "prep" and not verb_particle(tok):
                objects = [c for c in tok.children if c.dep_ in {"pobj", "pcomp", "prep"}]
                if objects and not any(t in keep for c in objects for t in self._subtree(c)):
                    keep.discard(tok.i)
            # "about a slave and [his descendants]": a conjunction whose conjunct was cut
            elif tok.dep_ == "cc" and tok.head.i in keep:
                conjuncts = [c for c in tok.head.children if c.dep_ == "conj" and c.i > tok.i]
                if not conjuncts or any(t in keep for c in conjuncts for t in self._subtree(c)):
                    continue
                # but "between Olsen and [union leader] Pieter Haas": the parser may hang the second name elsewhere
                after = min((i for i in keep if i > tok.i), default=None)
                if not (tok.head.pos_ == "PROPN" and after is not None and self.doc[after].pos_ == "PROPN"):
                    keep.discard(tok.i)
        for i in self.side_verbs:
            if i not in keep or i in self.core:
                continue
            tok = self.doc[i]
            modifier = tok.dep_ in {"acl", "relcl"}
            after = [c for c in tok.rights if not c.is_punct]
            # "pneumonia, which forced her [to leave early]", "…, forcing candidates [to scramble]", "after it
            # masters [landing at sea]": the clause lost what it was about
            lost_clause = any(c.dep_ in {"xcomp", "ccomp"} and c.i not in keep for c in after)
            lost_all = not any(t in keep for c in after for t in self._subtree(c))
            # "took to the airwaves[ beginning Wednesday night]": a participle that only said from when
            since = tok.tag_ == "VBG" and tok.lemma_.lower() in {"begin", "start"}
            if after and (lost_clause or ((modifier or since) and lost_all)):
                self._remove(set(self._subtree(tok)), span, keep, protected=protected, commas=True, island_ok=True)

    def _value(self, keep: Iterable[int]) -> float:
        """How much of what the article is about a bullet keeps: 1 + log(frequency in the article) for a
        content word, a little for a function word."""
        if self.worth is None:
            # over the whole Doc at once, in arrays: a Token per word would cost more than the cuts
            lemma, alpha, stop = self.doc.to_array([LEMMA, IS_ALPHA, IS_STOP]).T
            content = (alpha == 1) & (stop == 0)
            counts = Counter(lemma[content].tolist())
            self.worth = [1.0 + math.log(counts[w]) if c else FUNCTION_WORD_VALUE
                          for w, c in zip(lemma.tolist(), content.tolist(), strict=True)]
        worth = self.worth
        return sum(worth[i] for i in keep if i not in self.punct)

    # -- deletions that always apply ------------------------------------------------------------
    def _drop_dateline(self, span: Span, keep: set[int]) -> None:
        """"ISLAMABAD/BEIJING:", "LONDON (Reuters) -", "(CNN)" at the head of the sentence."""
        text = span.text
        m = _DATELINE_HEAD.match(text)
        wire = _WIRE_HEAD.match(text)
        if wire and (not m or wire.end() > m.end()):
            m = wire
        # "PHILADELPHIA, July 29 (UPI) —": the times layer's reading of a dated wire dateline
        dateline = read_dateline(self.article.text)
        if dateline is not None and dateline.place and span.start_char <= dateline.start < span.end_char and not (
                self.article.text[span.start_char : dateline.start].strip()) and (
                not m or dateline.end - span.start_char > m.end()):
            keep.difference_update(self._tokens_before(span, dateline.end))
            return
        if not m or m.end() == 0:
            # "Sleepy kid: Brock Guzman was last seen…", "Guilty: Glenn Mason…": a picture caption's label
            m = _CAPTION_LABEL.match(text)
            if not m or any(self.doc[i].lemma_.lower() in SAY_VERBS
                            for i in self._tokens_before(span, span.start_char + m.end())):
                return
        keep.difference_update(self._tokens_before(span, span.start_char + m.end()))

    def _tokens_before(self, span: Span, end: int) -> range:
        """The sentence's words that start before character ``end``."""
        return range(span.start, bisect.bisect_left(self._starts, end, span.start, span.end))

    @functools.cached_property
    def _starts(self) -> list[int]:
        return self.doc.to_array("IDX").tolist()

    def _drop_leading_connective(self, span: Span, keep: set[int], protected: Protected) -> None:
        """"But", "However,", "Meanwhile," at the head: they lean on the sentence before, a bullet does not."""
        first = next((t for t in span if t.i in keep and t.i not in self.punct), None)
        nxt = self.doc[first.i + 1] if first is not None and first.i + 1 < len(self.doc) else None
        # "Rather than X", "Now that he is the nominee, …": the word opens a clause, it does not link one
        opens_clause = nxt is not None and (nxt.lower_ == "than" or (nxt.lower_ == "that" and nxt.dep_ == "mark"))
        if (first is not None and first.lower_ in LEADING_CONNECTIVES and first.i not in protected.inside
                and first.dep_ in {"cc", "advmod", "mark"} and first.head.i != first.i and not opens_clause):
            self._remove({first.i}, span, keep, protected=protected, commas=True, island_ok=True)

    def _drop_trailing_attribution(self, span: Span, root: Token, keep: set[int], protected: Protected) -> Token:
        """"<claim>, CGTN reported" / "<claim>, the statement read": the claim becomes the bullet."""
        subject = main_subject(root)
        finding = root.lemma_.lower() in FINDING_VERBS and subject is not None and (
            subject.lemma_.lower() in FINDING_SOURCES)
        if root.lemma_.lower() not in SAY_VERBS and not finding:
            self._drop_closing_attribution(span, keep, protected)
            self._drop_inner_attribution(span, root, keep, protected)
            return root
        claims = [c for c in root.children if c.dep_ in {"ccomp", "parataxis"} and c.i < root.i]
        if not claims:
            return root
        claim = claims[0]
        # a quoted claim keeps its attribution: the quote needs its speaker
        if any(t.i in protected.inside for t in claim.subtree):
            return root
        # "…her marriage to Keita[ - the tenth time she tied the knot -] was actually her first, the Post reported":
        # the parser may split one claim in two; what it says is all of them
        claim_ids = {t.i for c in claims for t in c.subtree}
        for tok in span:
            if tok.i not in claim_ids and tok.i > claim.i and tok.i not in protected.inside:
                keep.discard(tok.i)
        return claim

    def _background_clause(self, span: Span, root: Token, keep: set[int], protected: Protected) -> Token:
        """"It comes after Nicola Sturgeon refused to rule out a second vote": "it" leans on the sentence before,
        and what the sentence tells is the clause after "after", which becomes the bullet."""
        subject = main_subject(root)
        if root.lemma_.lower() not in BACKGROUND_VERBS or subject is None or subject.lower_ not in {"it", "this"}:
            return root
        clause = next((c for c in root.rights if c.dep_ == "advcl" and main_subject(c) is not None and any(
            m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in c.children)), None)
        if clause is None:
            return root
        # nothing else in the main clause but how long after ("just one day after")
        rest = [c for c in root.children if c.i not in {clause.i, subject.i} and not c.is_punct
                and c.dep_ not in {"advmod", "npadvmod"}]
        if rest or any(t.i in protected.inside for t in (subject, root)):
            return root
        return self._clause_as_bullet(span, clause, next(m for m in clause.children if m.dep_ == "mark"), keep)

    def _drop_it_emerged(self, span: Span, root: Token, keep: set[int], protected: Protected) -> Token:
        """"It has emerged that …", "It's now been revealed that …": the news is the clause, which becomes the
        bullet. (Not "It is thought that …", "It is alleged that …": a hedge says how sure the claim is.)"""
        if root.lemma_.lower() not in EMERGED_VERBS or root.i in protected.inside:
            return root
        if not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.lower_ == "it" for c in root.lefts):
            return root
        clause = next((c for c in root.rights if c.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)), None)
        if clause is None or main_subject(clause) is None:
            return root
        return self._clause_as_bullet(span, clause, clause.left_edge, keep)

    @staticmethod
    def _clause_as_bullet(span: Span, clause: Token, mark: Token, keep: set[int]) -> Token:
        """Keep only the clause, without its "after" or "that" (and the sentence's closing stop): its verb is the
        bullet's main one now."""
        keep.intersection_update({t.i for t in clause.subtree} - {mark.i}
                                 | {t.i for t in span if t.is_punct and t.i > clause.right_edge.i})
        return clause

    def _drop_closing_attribution(self, span: Span, keep: set[int], protected: Protected) -> None:
        """"…near his branch in Biggin Hill, the Old Bailey heard.": a closing "<name> said" the parser
        hung inside the claim (as a relative clause) is still the attribution."""
        toks = [t for t in span if not t.is_space]
        while toks and toks[-1].is_punct and toks[-1].text not in {",", "'", "’", '"', "”"}:
            toks.pop()
        if len(toks) < 4 or toks[-1].lemma_.lower() not in SAY_VERBS or toks[-1].tag_ not in {"VBD", "VBZ"}:
            return
        n = len(toks) - 2
        while n >= 0 and (toks[n].pos_ in {"PROPN", "NOUN"} or toks[n].lower_ == "the") and len(toks) - n <= 6:
            n -= 1
        if n < 1 or toks[n].text != "," or n == len(toks) - 2 or toks[n + 1].pos_ not in {"PROPN", "NOUN", "DET"}:
            return
        if any(t.i in protected.inside for t in toks[n:]):
            return
        keep.difference_update(t.i for t in toks[n:])

    def _drop_inner_attribution(self, span: Span, root: Token, keep: set[int], protected: Protected) -> None:
        """"was being rerouted through Folkestone[, the firm said], but crossings have been disrupted": who said the
        first half, between the halves, goes as a closing one does (a cut of the second half would leave it last); so
        does one between the subject and its verb."""
        subj = main_subject(root)
        for said in root.children:
            if said.dep_ != "parataxis" or said.lemma_.lower() not in SAY_VERBS:
                continue
            words = [t.i for t in said.subtree if not t.is_punct]  # (the parser may hang the commas on it)
            lo, hi = min(words), max(words)
            if said.i < root.i:
                # "The museum[, Mr. Obama said,] would make visitors face …": between the subject and its verb; not
                # when a pronoun after it may be the sayer ("Greensboro, Sexton said, made him question …")
                if subj is not None and hi - lo <= 5 and subj.right_edge.i == lo - 2 and hi + 1 < root.i and (
                        self.doc[lo - 1].text == "," and self.doc[hi + 1].text == ",") and not any(
                        t.i in protected.inside for t in self.doc[lo - 1: hi + 2]) and not any(
                        t.tag_ in {"PRP", "PRP$"} and t.lower_ not in FIRST_SECOND_PERSON | {"my", "our", "your"}
                        for t in self.doc[hi + 1: span.end]):
                    keep.difference_update(range(lo - 1, hi + 2))
                continue
            if hi - lo > 5 or lo - 1 < span.start or hi + 2 >= span.end or self.doc[lo - 1].text != "," or (
                    self.doc[hi + 1].text != "," or self.doc[hi + 2].dep_ != "cc"):
                continue
            if not any(t.i in protected.inside for t in self.doc[lo - 1: hi + 2]):
                keep.difference_update(range(lo, hi + 2))

    def _drop_according_to(self, span: Span, keep: set[int], protected: Protected) -> None:
        for tok in (self.doc[i] for i in self.marked):
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                sub = list(tok.subtree)
                if any(t.i in protected.inside for t in sub):
                    continue
                ids = {t.i for t in sub}
                to = self.doc[tok.i + 1]
                if not any(c.dep_ in {"pobj", "pcomp"} for c in to.children):
                    # "According to police Mr Docherty hired …": the parser made the source part of the subject
                    j = max(ids) + 1
                    while j < span.end and self.doc[j].dep_ == "compound" and self.doc[j].is_lower:
                        ids.add(j)
                        j += 1
                nxt = max(ids) + 1
                if nxt < span.end and self.doc[nxt].text == ",":
                    ids.add(nxt)
                prev = min(ids) - 1
                if prev >= span.start and self.doc[prev].text == ",":
                    ids.add(prev)
                keep.difference_update(ids)

    def _drop_time_adverbials(self, span: Span, keep: set[int], protected: Protected) -> None:
        # "on Friday evening" is two entities, a DATE and a TIME: one time all the same
        timed = {t.i for e in self.ents if e.label_ in {"DATE", "TIME"} for t in e}
        for ent in self.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            words = {t.lower_ for t in ent}
            if not words & TIME_WORDS or any("-" in t.text for t in ent) or any(t.i in protected.inside for t in ent):
                continue
            ids = {t.i for t in ent}
            if any(c.i not in ids and c.left_edge.lower_ == "than" for t in ent for c in t.children):
                continue  # "binding [years earlier] than originally expected": the time is what is compared
            # "said [Sunday night]": a DATE the parser made part of the TIME goes with it
            ids |= {c.i for t in ent for c in t.lefts if c.dep_ == "compound" and c.i in timed}
            if any(c.dep_ == "npadvmod" and c.lemma_.lower() in UNITS for c in ent.root.rights):
                continue  # "to air [seven days] a week": how often, not when
            if any(c.dep_ in {"relcl", "acl"} and c.i not in ids for c in ent.root.rights) and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in ent.root.children):
                continue  # "in 1990, [the year] he competed in Eurovision": the time goes with its clause or stays
            # "third [this year]": a determiner the recognizer left out of the time goes with it
            ids |= {c.i for t in ent for c in t.lefts if c.dep_ == "det" and c.lower_ in DEICTIC}
            start = min(ids)
            prev = self.doc[start - 1] if start > span.start else None  # the word before the time
            head = ent.root.head
            if head.dep_ == "prep" and head.lower_ in TIME_PREPS and ent.root.dep_ == "pobj":
                sub = {t.i for t in head.subtree}
                if sub - timed - {head.i}:
                    continue  # the phrase says more than the time ("in the week after the attack")
                ids |= sub
                before = self.doc[head.i - 1]
                if (before.i == head.head.i and (before.lower_ in {"late", "early"} or (
                        before.lower_ == "back" and head.lower_ == "in"))) or (
                        before.lower_ in {"late", "early"} and before.dep_ == "advmod" and not list(before.children)):
                    # "The clashes [late on Saturday] came", "hanged himself [late on Tuesday night]", "[back in
                    # 1977]": the time goes whole
                    ids.add(before.i)
            elif ent.root.dep_ == "npadvmod" and head.lower_ in MEASURED:
                continue  # "27 year old", "two weeks late", "from [five months] out": what it measures, not when
            elif ent.root.dep_ not in {"npadvmod", "tmod", "advmod"} or (
                    head.lemma_.lower() in LASTING and not words & DEICTIC and ent.root.lemma_.lower() in UNITS) or (
                    head.lemma_.lower() == "spend" and ent.root.i > head.i):
                # "repairs will take [five days]": a length of time is what the verb says; "spent [Thursday morning] in
                # St. Paul": what was spent
                continue
            else:
                # "for almost a year before his arrest": a bare preposition left before the time goes with it
                if prev is not None and prev.tag_ == "IN" and prev.dep_ == "prep" and not list(prev.children):
                    ids.add(prev.i)
            after = max(ids) + 1
            if after < span.end and self.doc[after].lower_ in MEASURED and not self.doc[after].is_title:
                continue  # "returned from [five months] out": the parser hung the length on the preposition
            if after + 1 < span.end and self.doc[after].dep_ == "cc" and after in keep and (
                    self.doc[after + 1].pos_ == "ADP"):
                continue  # "on the very day [and in the very place]": the first of a pair, not a time alone
            if after < span.end and self.doc[after].lower_ == "when" and self.doc[min(ids)].lower_ in {
                    "until", "till", "since", "before", "after", "by"}:
                # "anonymous until May 30, 2005 when his family revealed…": the "when" is that time; without
                # it, it would say when Felt insisted
                continue
            if prev is not None and prev.lower_ in NAMED_DAYS and prev.ent_type_ not in {"DATE", "TIME"}:
                # "on Super Tuesday" tagged as a place and a day: the day's name goes whole, with its preposition
                ids.add(prev.i)
                if prev.dep_ == "pobj" and prev.head.i == prev.i - 1 and prev.head.lower_ in TIME_PREPS:
                    ids.add(prev.head.i)
            verb = head if head.pos_ in {"VERB", "AUX"} else head.head
            if is_future(verb) and (words & WHEN_WORDS or any(t.like_num for t in ent)):
                continue  # "will be made [on Friday morning]", "will bid [on June 7]": when it is to happen is news
            before_cut = len(keep)
            self._remove(ids, span, keep, island_ok=True)
            if len(keep) < before_cut and verb.dep_ == "relcl" and verb.i in keep:
                # "During the game, which took place[ on March 27], Akinfeev was struck": a relative clause the
                # time was all of says nothing without it
                clause = {t.i for t in verb.subtree}
                if self._words(keep & clause) <= 3 and self.doc[min(clause) - 1].text == ",":
                    self._remove(clause, span, keep, protected=protected, commas=True, island_ok=True)
                elif any(c.i in keep and c.i in self.relativizers for c in verb.children) and all(
                        c.i not in keep or c.i in self.relativizers or c.dep_ in {"aux", "auxpass", "cc", "conj"}
                        for c in verb.children):
                    # so does "a debate [that ran] late into the night and a protest": one left with only its verb
                    # (what the parser joined to it is the noun's: "a debate and a protest")
                    self._remove({verb.i} | {c.i for c in verb.children if c.i in self.relativizers
                                             or c.dep_ in {"aux", "auxpass"}}, span, keep, island_ok=True)
        recently = self.doc.vocab.strings["recently"]
        lowers = self._arrays[span.start : span.end, ARRAY_COLUMNS.index(LOWER)].tolist()
        for tok in (self.doc[i] for i, low in enumerate(lowers, start=span.start) if low == recently):
            if tok.dep_ == "advmod" and not list(tok.children) and (
                    tok.head.pos_ in {"VERB", "AUX"} and tok.head.dep_ not in {"amod", "acl"}):
                self._remove({tok.i}, span, keep, island_ok=True)  # "Trump [recently] said": a time, vaguer

    def _drop_parentheses(self, span: Span, keep: set[int], protected: Protected) -> None:
        depth_start: int | None = None
        for tok in (self.doc[i] for i in self.marked):
            if tok.text == "(" and tok.i not in protected.inside:
                depth_start = tok.i
            elif tok.text == ")" and depth_start is not None:
                inside = range(depth_start, tok.i + 1)
                keep.difference_update(inside)
                # "its presence in the lucrative (and rapidly expanding) [server market]": what the parser hung on a
                # verb in the parentheses goes with it
                keep.difference_update(t.i for i in inside if self.doc[i].pos_ == "VERB" for c in self.doc[i].children
                                       if c.i not in inside and not c.is_punct for t in c.subtree)
                depth_start = None
        if depth_start is not None and self._words(keep - set(range(depth_start, span.end))) >= MIN_WORDS:
            # "to acquire EYP Mission Critical Facilities (eypmcf": a parenthesis the sentence split left open
            keep.difference_update(range(depth_start, span.end))

    def _drop_appositions(self, span: Span, keep: set[int], protected: Protected) -> None:
        for tok in (self.doc[i] for i in self.appositions):
            if tok.head.ent_type_ == "PERSON" and tok.i > tok.head.i:
                if in_list_of_names(tok):
                    continue
                ids = {t.i for t in tok.subtree}
                if ids & protected.inside:
                    continue
                opening = tok.left_edge.i - 1
                outer = tok.head.left_edge.i - 1  # the comma that opened the apposition this one hangs on
                closing = tok.right_edge.i + 1
                if tok.head.dep_ == "appos" and opening >= span.start and self.doc[opening].text == "," and (
                        outer >= span.start and self.doc[outer].text == ",") and closing + 1 < span.end and (
                        self.doc[closing].text == "," and self.doc[closing + 1].dep_ != "cc"):
                    # "The third victim, Bryant Dalton[, 39], spent": the comma after closes the outer apposition
                    self._remove(ids, span, keep, island_ok=True)
                    if not ids & keep:
                        keep.discard(opening)
                    continue
                self._remove(ids, span, keep, commas=True, island_ok=True)

    def _drop_home_towns(self, span: Span, keep: set[int], protected: Protected) -> None:
        """"Mr Pitman[, of High Street, Wellington,] enters a plea": where a person is from, set off by commas, goes as
        an apposition does."""
        for i in self.preps:
            tok = self.doc[i]
            if tok.lower_ not in {"of", "from"} or tok.head.ent_type_ != "PERSON" or (
                    tok.head.dep_ not in {"nsubj", "nsubjpass"}):
                continue
            ids = {t.i for t in tok.subtree}
            lo, hi = min(ids), max(ids)
            if lo - 1 != tok.head.i + 1 or self.doc[lo - 1].text != "," or hi + 1 >= span.end or (
                    self.doc[hi + 1].text != ",") or ids & protected.inside:
                continue
            self._remove(ids, span, keep, commas=True, island_ok=True)

    def _drop_pictured(self, span: Span, keep: set[int], protected: Protected) -> None:
        """"Terry Martin[, pictured in this 2012 mugshot,] shot his girlfriend": the caption, not the news."""
        for i in self.side_verbs:
            tok = self.doc[i]
            if tok.lower_ == "pictured" and tok.dep_ == "acl" and tok.i - 1 >= span.start and (
                    self.doc[tok.i - 1].text == ",") and tok.right_edge.i + 1 < span.end and (
                    self.doc[tok.right_edge.i + 1].text == ","):
                self._remove({t.i for t in tok.subtree}, span, keep, protected=protected, commas=True,
                             island_ok=True)

    def _shorten_names(self, span: Span, keep: set[int], protected: Protected,
                       replacements: dict[int, str]) -> set[str]:
        """Titles go; a person already named (in the article before, or in a bullet) is their surname."""
        used: set[str] = set()
        for ent in self.ents:
            if ent.label_ != "PERSON" or any(t.i in protected.inside for t in ent):
                continue
            if ent[-1].lower_ in NAMED_PLACES:
                continue  # "checked into [Betty Ford] Center": a place named after a person, the recognizer's person
            person = self.people.person_at(ent.start_char, ent.end_char)
            if person is None:
                continue
            used.add(person.id)
            title = self.people.title_before(ent.start, span, protected)
            if not self._splits_word(title, keep):
                keep.difference_update(title)
            surname = self.people.surname(person)
            known = person.id in self.named or any(m.start < ent.start_char and not self.people.split_name(m)
                                                   for m in person.mentions)
            # "Bill Clinton had worked with Hillary Clinton": a surname two people share names neither
            shared = any(p is not person and len(p.name.split()) > 1 and p.name.split()[-1] == surname
                         for p in self.persons)
            if known and len(ent) > 1 and not shared:
                name = [t for t in ent if t.tag_ != "POS"]
                size = len(surname.split())
                tail = name[-size:]
                # the surname ends the name: "Hillary Clinton’s" is never "Hillary ’s"
                if len(name) > size and " ".join(t.lower_ for t in tail) == surname.lower():
                    # the parser may take the possessive into the name: "Ted Cruz’s associates" -> "Cruz’s associates"
                    keep.difference_update(t.i for t in name[:-size])
                    if tail[0].text != surname.split()[0]:
                        replacements[tail[0].i] = surname.split()[0]  # "van Gaal" opens as the article writes it
        return used

    # -- deletions while too long -------------------------------------------------------------------
    def _drop_leading_modifiers(self, span: Span, root: Token, keep: set[int], protected: Protected) -> None:
        """"Noting the friendship…, Wang said" / "In response, Pakistan…": what comes before the subject."""
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
        for child in list(root.lefts):
            after = self.doc[child.right_edge.i + 1] if child.right_edge.i + 1 < len(self.doc) else None
            if after is not None and after.pos_ == "AUX" and subj is not None and after.i < subj.i:
                continue  # "Little does he know", "Never has it": the inversion needs its adverb
            if child.dep_ == "advmod" and any(t.tag_ == "WRB" for t in child.subtree):
                continue  # "[How far] the tactic will take the senator remains to be seen": the question is the subject
            if child.dep_ in {"advcl", "prep", "advmod", "npadvmod", "cc", "mark", "intj"} and (
                subj is None or child.i < subj.i
            ):
                self._remove({t.i for t in child.subtree}, span, keep, protected=protected, commas=True)

    def _drop_relative_clauses(self, span: Span, root: Token, keep: set[int], protected: Protected) -> None:
        for tok in (self.doc[i] for i in self.noun_clauses):
            if tok.i > tok.head.i and self._words(keep) > TARGET_WORDS:
                before = self.doc[tok.left_edge.i - 1] if tok.left_edge.i > span.start else None
                if tok.dep_ == "relcl" and (before is None or before.text != ","):
                    continue
                if absolute_participle(tok):
                    continue  # "with one of those matches [suspended for two years]": the participle is what it says
                self._remove({t.i for t in tok.subtree}, span, keep, protected=protected, commas=True)

    def _drop_side_clauses(self, span: Span, root: Token, keep: set[int], protected: Protected) -> None:
        """", stressing that …", ", saying …", "as …", "after …" following the main clause."""
        for child in sorted(root.rights, key=lambda t: -t.i):
            if self._words(keep) <= TARGET_WORDS:
                return
            if child.dep_ in {"advcl", "npadvmod"} or (child.dep_ == "prep" and child.i > root.i + 3):
                self._remove(self._phrase(child, root, span), span, keep, protected=protected, commas=True)

    def _relative_read_as_main(self, span: Span, root: Token) -> bool:
        """"Holland, whose 5-1 drubbing of Spain marked the end of …, scored", "The document, a copy of which was
        obtained by POLITICO, appears": the verb of a relative clause set off by a comma, taken for the main one (no
        verb stands between the relative word and the root but the root's own auxiliaries)."""
        for i in sorted(self.relativizers):
            if not span.start < i < root.i:
                continue
            word = self.doc[i]
            if word.lower_ == "that" and word.head == root:
                continue  # "…, that hasn't stopped pundits": the subject, not a relative word
            edge = relative_phrase(word).left_edge.i
            if edge > span.start and self.doc[edge - 1].text == "," and not any(
                    j in self.verbs and not (self.doc[j].head == root and self.doc[j].dep_ in {"aux", "auxpass"})
                    for j in range(i + 1, root.i)):
                return True
        return False

    def _lists_on(self, ids: set[int], keep: set[int]) -> bool:
        """Whether the cut ends on a participle that the kept participle after its comma continues: "a group whose
        members were [killed], captured and displaced", where the parser hung "captured" on the noun before."""
        first, last = min(ids, default=0), max(ids, default=-1)
        if first < 2 or last + 2 >= len(self.doc):
            return False
        word = self.doc[last] if last not in self.punct else self.doc[last - 1]
        comma = last + 1 if self.doc[last + 1].text == "," else last if self.doc[last].text == "," else None
        if word.tag_ in {"VBN", "VBD"} and comma is not None and comma + 1 in keep and listed_participle(
                self.doc[comma + 1]) and self.doc[comma + 1].head.i < first:
            return True
        # or it takes the list's rest and leaves its first participle: "were killed[, captured and displaced]"
        start = first + 1 if self.doc[first].text == "," else first
        return listed_participle(self.doc[start]) and self.doc[start - 1].text == "," and (
            self.doc[start - 2].tag_ in {"VBN", "VBD"}) and start - 2 in keep and start - 2 not in ids

    def _phrase(self, tok: Token, root: Token, span: Span) -> set[int]:
        """What a cut of the word's phrase takes: its subtree, or for one set of a game's score the whole score
        ("prevailed 4-6 7-6 (3) 6-3" is one result, and "prevails 4-6", a set lost, says the opposite)."""
        if not tok.like_num or not any(t.text in SCORE_MARKS for t in tok.subtree):
            return set(self._subtree(tok))
        lo, hi = tok.left_edge.i, tok.right_edge.i
        while lo - 1 > root.i and (self.doc[lo - 1].like_num or self.doc[lo - 1].text in SCORE_MARKS):
            lo -= 1
        while hi + 1 < span.end and (self.doc[hi + 1].like_num or self.doc[hi + 1].text in SCORE_MARKS):
            hi += 1
        return set(range(lo, hi + 1))

    def _drop_conjuncts(self, span: Span, root: Token, keep: set[int], protected: Protected) -> None:
        """"…, and China has consistently supported …": the later of two joined clauses or verb phrases."""
        heads = [root] + [c for c in root.children if c.dep_ in {"ccomp", "xcomp", "dobj"}]
        for head in heads:
            for conj in sorted((c for c in head.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}),
                               key=lambda t: -t.i):
                if self._words(keep) <= TARGET_WORDS:
                    return
                ids = {t.i for t in conj.subtree}
                for c in head.children:
                    if c.dep_ == "cc" and c.i < conj.i and c.i > max(t.i for t in head.subtree if t.i < conj.i
                                                                     and t.i not in ids) - 2:
                        ids.add(c.i)
                self._remove(ids, span, keep, protected=protected, commas=True)

    def _drop_trailing_preps(self, span: Span, root: Token, keep: set[int], protected: Protected) -> None:
        """Prepositional phrases and participles at the end, last first, never the verb's only object."""
        for _ in range(6):
            if self._words(keep) <= TARGET_WORDS:
                return
            kept = sorted(i for i in keep if i not in self.punct)
            if not kept:
                return
            best = None
            for tok in (self.doc[i] for i in self.tails if i in keep):
                if (tok.dep_ == "conj" and tok.head.dep_ == "ROOT") or last_of_list(tok):
                    continue
                if (tok.dep_ == "prep" and tok.head.lemma_ == "be") or verb_particle(tok) or self._completes(tok, keep):
                    continue  # "is not in their sights" (even after an attribute): the predicate; "backed out"
                sub = self._subtree(tok)
                if max(sub) >= kept[-1] and min(sub) > root.i and (best is None or min(sub) > min(best)):
                    best = sub
            if best is None:
                return
            before = len(keep)
            self._remove(set(best), span, keep, protected=protected, commas=True)
            if len(keep) == before:
                return

    def _lost_complement(self, keep: set[int]) -> bool:
        """A verb lost what it says: the "as" of one that says what something is seen as ("The New York Times quoted
        one of Carson's advisers [as saying …]", "is regarded [as a hero] by many"), or the infinitive of one that
        says nothing without it ("Stumpf appeared [to blame low-level workers]")."""
        for i in keep & self.verbs:
            lemma = self.doc[i].lemma_.lower()
            if lemma == "be" and self.doc[i].dep_ not in {"aux", "auxpass"} and any(
                    c.dep_ == "prep" for c in self.doc[i].children) and not any(
                    c.i in keep and c.dep_ not in {"nsubj", "nsubjpass", "punct", "cc", "conj", "neg", "mark"}
                    for c in self.doc[i].children):
                return True  # "since the 1950s is[ up for sale]": a copula that lost where or what something is
            if lemma == "be" and any(c.dep_ in {"attr", "acomp", "xcomp"} for c in self.doc[i].children) and not any(
                    c.dep_ in {"attr", "acomp", "xcomp", "prep", "oprd", "ccomp"} and c.i in keep
                    for c in self.doc[i].children):
                # "Noting that Obama's policy has been [to allow ISIS …], Trump …": a copula that lost what it says
                return True
            if lemma == "be" and self._elliptical_be(self.doc[i]):
                return True
            if lemma in AS_VERBS and any(c.lower_ == "as" and c.i not in keep for c in self.doc[i].children):
                return True
            if lemma in NEEDS_INFINITIVE | TELLS_TO and self._lost_infinitive(self.doc[i], keep):
                return True
            if lemma in ELLIPTICAL and self.doc[i].tag_ in FINITE_TAGS and any(
                    c.dep_ == "nsubj" for c in self.doc[i].children) and not any(c.dep_ in {
                    "xcomp", "ccomp", "dobj", "prep", "attr", "acomp", "oprd", "dative", "advcl"}
                    for c in self.doc[i].children) and any(
                    t.pos_ == "VERB" and t.i not in keep for t in self.doc[i].sent if t.i < i):
                # "squeezed her breast[ … and asked to see her nipple], but she refused": what was refused went
                return True
            needed = NEEDS_PREPOSITION.get(lemma)
            # (or on the object, "has told a court[ of the severe impact]", or on a clause on the object or its
            # apposition, where the parser may hang it: "turn any negativity that might be held over her[ into
            # something positive]", "make the Selvagens Islands[, an archipelago Lisbon took from Spain …, into a
            # fortress]")
            if needed is not None and any(c.dep_ == "prep" and c.lower_ == needed and c.i not in keep for c in [
                    *self.doc[i].children, *(p for o in self.doc[i].children if o.dep_ == "dobj" for p in o.subtree
                                             if p.dep_ == "prep" and (p.head.dep_ in {"relcl", "acl"} or (
                                                 p.head.i == o.i)))]):
                return True  # "hits Snowden back by accusing him[ of pandering to Clinton]"
            if any(c.dep_ == "dobj" and any(p.dep_ == "prep" and p.lower_ == OBJECT_NEEDS_PREPOSITION.get(
                    c.lemma_.lower()) and p.i not in keep for p in [*c.children, *self.doc[i].children])
                   for c in self.doc[i].children):
                return True  # "to keep a comfortable hold[ on his title belts]", however the parser hung the "on"
            if self._phrasal_left_bare(self.doc[i], keep):
                return True
            # "puts even such senior Republicans [in jeopardy]": where something is put is what the verb says, even
            # when the parser hangs it on the object ("place more focus [on policy]")
            placed = [c for c in self.doc[i].children if c.dep_ == "prep"] + [
                p for c in self.doc[i].children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"]
            if lemma in PLACING and any(c.i not in keep for c in placed) and not any(c.i in keep for c in placed) and (
                    not any(c.dep_ in {"prt", "advmod"} and c.i in keep and c.i > i for c in self.doc[i].children)):
                return True
        for i in self.needy_adjectives:
            if i in keep and any(c.lower_ in NEEDS_PREPOSITION_ADJ[self.doc[i].lower_] and c.i not in keep
                                 for c in self.doc[i].children):
                return True  # "Accustomed[ to being the most-watched candidate], Clinton is biding her time"
        return self._lost_second_half(keep) or self._stray_predicate(keep) or self._verbless_that(keep) or (
            self._stray_name(keep)) or self._that_of_cut_verb(keep)

    def _phrasal_left_bare(self, verb: Token, keep: set[int]) -> bool:
        """"The Sukanya … carries out[ well practiced … action]": the parser made what was carried out a clause of
        its own, and its cut left a phrasal verb that needs an object with none ("whom it began rolling out" has its
        relative pronoun)."""
        particle = next((c for c in verb.children if c.dep_ == "prt" and c.i > verb.i), None)
        if particle is None or particle.i not in keep or (verb.lemma_.lower(), particle.lower_) not in (
                TRANSITIVE_PHRASALS):
            return False
        if any(c.i in keep for c in verb.children if c.dep_ == "dobj" or c.i < verb.i) or any(
                c.tag_ in {"WP", "WDT"} and c.i in keep for a in (verb, verb.head) for c in a.children):
            return False
        return any(c.i not in keep and not c.is_punct for c in verb.children if c.i > particle.i)

    def _elliptical_be(self, verb: Token) -> bool:
        """"Cheeks says he would be, and King calls him": what he would be, the text before said; not "who she
        thinks she is", "where they are", "there are 14,000 refugees", "never meant to be", "for the time being"."""
        if verb.dep_ in {"aux", "auxpass", "xcomp"} or not all(c.dep_ in {
                "nsubj", "nsubjpass", "aux", "neg", "punct", "cc", "conj", "mark", "expl"} for c in verb.children):
            return False
        if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i > verb.i for c in verb.children) or not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return False  # (nor "for the time being")
        return not any(t.tag_ in {"WP", "WDT", "WRB"} for t in self.doc[verb.sent.start: verb.i])

    def _that_of_cut_verb(self, keep: set[int]) -> bool:
        """"continues to face questions[ … as he labors to persuade voters, …] that he understands their fear": the
        parser hung the "that" clause on an earlier verb; it was the cut one's, which tells someone something."""
        for i in self.thats:
            clause = self.doc[i].head
            head = clause.head
            # (as a claim or, as the parser may have it, an adverbial clause: not "so that", "now that")
            if i not in keep or self.doc[i].dep_ != "mark" or clause.dep_ not in {"ccomp", "advcl"} or (
                    head.i not in keep or head.i > i or self.doc[i - 1].lower_ in {"so", "such", "now", "given"}):
                continue
            if any(j not in keep and self.doc[j].lemma_.lower() in TELLS_TO and any(
                    c.dep_ == "dobj" for c in self.doc[j].children) for j in self.verbs if head.i < j < i):
                return True
        return False

    def _stray_name(self, keep: set[int]) -> bool:
        """"… as a greatly diminished threat[, concentrating her fire on Trump and, to a lesser degree, Senator] Ted
        Cruz": the name ended a phrase the parser did not see, and hung it on the verb; cut off from it, it says
        nothing."""
        for i in self.trimmable:
            if i not in keep or self.doc[i].ent_type_ != "PERSON":
                continue
            name = self.doc[i]
            before = name.left_edge.i - 1
            if name.dep_ == "npadvmod" and name.head.i < before and (
                    before not in keep and self.doc[before].is_punct) and any(
                    j not in keep for j in range(name.head.i + 1, before)):
                return True
        return False

    def _lost_infinitive(self, verb: Token, keep: set[int]) -> bool:
        """The verb's infinitive was cut: its xcomp, or the next infinitive after it, before any other verb, which
        the parser may hang elsewhere ("promised on Sunday at a meeting [to end …]" has "to end" on "meeting")."""
        # (an infinitive's verb may be a participle: "seem [to be fueling it all]", "appeared [to have been shot]")
        infinitives = [c for c in verb.children if c.dep_ == "xcomp" and (
            c.tag_ == "VB" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
        if infinitives:
            return any(c.i not in keep for c in infinitives)
        tells = verb.lemma_.lower() in TELLS_TO
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ not in {"DATE", "TIME"}]
        if any(c.dep_ in {"ccomp", "acomp", "attr", "oprd", "prt"} for c in verb.children) or (objects and not tells):
            return False  # "offers some pointed advice [to …]", "seems weaker", "told jurors [that …]": it has its own
        inside = {t.i for c in objects for t in c.subtree}
        for tok in verb.doc[verb.i + 1 : verb.sent.end]:
            after = verb.doc[tok.i + 1] if tok.i + 1 < len(verb.doc) else None
            if tok.lower_ == "to" and tok.i not in keep | inside and after is not None and after.tag_ in {
                    "VB", "NN"} and after.is_lower and not objects and not (
                    tok.dep_ == "aux" and tok.head.dep_ in {"acl", "relcl"}):  # (the noun's: "a responsibility [to …]")
                return True  # "has sought for months [to temper expectations]", "temper" tagged a noun
            if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound", "aux", "auxpass"}:
                # the first verb after it ("a packed hall" is no clause), not one inside the object ("forcing a
                # debate about how [to wield power]")
                infinitive = tok.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)
                # (one on a noun is the noun's: "a moral responsibility [to confront …]")
                return infinitive and tok.dep_ not in {"acl", "relcl"} and tok.i not in keep | inside
        return False

    def _lost_second_half(self, keep: set[int]) -> bool:
        """"a contrast between a status quo vision [and the lofty aspirations …]", "showed both Clinton's frustrations
        [and some lighter moments]": a pair that needs its "and" lost it."""
        for i in self.pair_openers:
            if i not in keep:
                continue
            tok = self.doc[i]
            if tok.lower_ == "between" and tok.dep_ == "prep":
                ands = [t.i for t in tok.subtree if t.lower_ == "and"]
            elif tok.lower_ == "both" and tok.dep_ in {"det", "preconj"} and tok.head.tag_ not in {"NNS", "NNPS"}:
                ands = [t.i for t in tok.sent if t.i > i and t.lower_ == "and"]
            else:
                continue
            if ands and not any(a in keep for a in ands):
                return True
        return self._lost_but_also(keep)

    def _lost_but_also(self, keep: set[int]) -> bool:
        """"statements not only from Trump[ …, but also from people who oppose …]": "not only" lost its "but also", or
        "but also" its "not only" or what follows it."""
        if not self.but_also:
            return False
        last = max((i for i in keep if i not in self.punct), default=-1)
        if any(i in keep and last <= i + 1 for i in self.but_also):
            return True  # "… not only from Trump, but also[ from people who …]"
        return bool(self.not_only) and any(i in keep for i in self.not_only) != any(i in keep for i in self.but_also)

    def _verbless_that(self, keep: set[int]) -> bool:
        """"Obama repeats his contention that identifying the terror group[ as Islamic will only serve as …]", "Lynch is
        reaffirming that the FBI's probe into Clinton's use[ of a private email server … is free of …]": a "that" whose
        clause lost its verb (a subjunctive has its subject: "demanded that he resign", "that he be executed")."""
        for i in self.thats:
            that = self.doc[i]
            if i not in keep or that.dep_ not in {"mark", "nsubj", "nsubjpass", "prep"}:
                continue  # "that approach", "except that provided by …"
            if all(j in keep or self.doc[j].is_punct for j in range(i + 1, that.sent.end)):
                continue  # nothing after it was cut: the sentence reads as it was written (or misparsed)
            after = [self.doc[j] for j in keep & self.verbs if j > i]
            if that.head.pos_ not in {"VERB", "AUX"}:
                # the parser hung it on a noun ("shows that several students[ <- that] dressed up"): any verb will do
                if not after:
                    return True
            elif not any(v.tag_ in FINITE_TAGS or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i != i
                                                      for c in v.children) for v in after):
                return True
        return False

    def _stray_predicate(self, keep: set[int]) -> bool:
        """"those backing the mayor[, who are growing irritated by the delays] - and nervous that …": an adjective the
        parser joined to a noun or a verb is the second half of a cut relative clause's predicate."""
        for i in self.adjective_conjuncts:
            tok = self.doc[i]
            if i in keep and tok.head.pos_ in {"NOUN", "PROPN", "PRON", "VERB"} and any(
                    t.dep_ == "relcl" and t.i < i and t.i not in keep and any(
                        c.dep_ in {"acomp", "attr"} for c in t.children) for t in tok.sent):
                return True
        return False

    def _drop_cut_asides(self, keep: set[int], protected: Protected) -> None:
        """"… behind closed doors - with one of those matches[ suspended for two years - while fining …]": an aside
        between dashes that a cut left both open and cut short goes whole; so does one a cut left closed but gutted,
        with fewer words than it lost ("posing with Hanson[ – well known for her anti-immigration stance -] at")."""
        kept = sorted(keep)
        if not kept:
            return
        # (a spaced "-" counts when the parser read it as punctuation, not as the hyphen of "all - time")
        dashes = [i for i in self.marked if self.doc[i].text in DASHES or (
            self.doc[i].text == "-" and self.doc[i].tag_ in {",", ":"} and is_dash(self.doc[i], spaces=True))]
        for opening, closing in itertools.pairwise(dashes):
            if opening not in keep or closing not in keep or any(
                    i in protected.inside for i in range(opening, closing + 1)):
                continue
            words = [i for i in range(opening + 1, closing) if not self.doc[i].is_punct and not self.doc[i].is_space]
            left = [i for i in words if i in keep]
            # (not before a relative clause: "slates of delegates[ — three from each district —] that will …" is
            # one noun phrase, whose cuts the checks weigh whole)
            if left and len(left) <= GUTTED_ASIDE and 2 * len(left) < len(words) and closing + 1 in keep and (
                    closing + 1 not in self.relativizers) and self._words(keep) - len(left) >= MIN_WORDS:
                keep.difference_update(range(opening, closing + 1))
        for opening, closing in itertools.pairwise(dashes):
            if opening in keep and closing not in keep and kept[-1] < closing and opening not in protected.inside \
                    and any(i not in keep and not self.doc[i].is_space for i in range(opening + 1, closing)):
                aside = {i for i in keep if i >= opening}
                if self._words(keep - aside) >= MIN_WORDS:
                    keep.difference_update(aside)
                return

    def _verb_before_cut_aside(self, keep: set[int]) -> bool:
        """"Cruz managed to derail, at least temporarily[, the phenomenon that …]": the bullet ends on an aside
        after a verb whose object came after it, and went."""
        comma = max((i for i in self.commas if i in keep), default=None)
        if comma is None or comma - 1 not in keep:
            return False
        aside = [self.doc[i] for i in sorted(i for i in keep if i > comma) if not self.doc[i].is_space]
        if not aside or aside[-1].i + 1 >= len(self.doc):
            return False
        verb, after = self.doc[comma - 1], self.doc[aside[-1].i + 1]
        return verb.pos_ == "VERB" and all(t.dep_ == "advmod" for t in aside) and (
            after.text == "," and after.i not in keep) and not any(
            c.dep_ in {"dobj", "ccomp", "xcomp", "prep", "attr", "oprd", "prt"} and c.i in keep for c in verb.children)

    def _drop_dangling_tail(self, keep: set[int], protected: Protected) -> bool:
        """A cut can leave "… and" or "… at" at the end: such words go too.  True when what is left ends
        on a verb that lost its complement, which no further cut mends."""
        wh = max((i for i in keep & self.relativizers if i not in protected.inside), default=None)
        if wh is not None and not any(i > wh for i in keep & self.verbs):
            # "… 50 First Dates, in which Drew Barrymore's character [suffers …]": a relative clause cut before
            # its verb goes from its first word
            start = wh - 1 if wh - 1 in keep and self.doc[wh - 1].dep_ == "prep" else wh
            start = start - 1 if start - 1 in keep and self.doc[start - 1].text == "," else start
            clause = {i for i in keep if i >= start}
            if self._words(keep - clause) < MIN_WORDS:
                return True
            keep.difference_update(clause)
        self._drop_cut_asides(keep, protected)
        if self._verb_before_cut_aside(keep):
            return True
        while keep:
            last = max(keep)
            tok = self.doc[last]
            if tok.i in protected.inside:
                return False
            # (a preposition the sentence itself ends on has its object before it: "what the star was being treated
            # [for]")
            stranded = tok.dep_ == "prep" and not any(c.i > tok.i for c in tok.children) and (
                tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text in {".", "?", "!"}) and any(
                c.tag_ in {"WP", "WDT"} and c.i in keep for c in tok.children)
            if (tok.is_punct or tok.pos_ in {"CCONJ", "ADP", "DET", "SCONJ"} or tok.tag_ in {"TO", "WDT", "WP"}) \
                    and not (tok.dep_ == "prt" or verb_particle(tok) or tok.text == "%" or stranded):
                keep.discard(last)
                continue
            verb = tok.head
            if tok.dep_ == "prt" and verb.dep_ == "conj" and verb.pos_ in {"VERB", "AUX"} and verb.i in keep and any(
                    c.i not in keep and c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VB" for c in verb.children):
                clause = {t.i for t in verb.subtree if t.i in keep}
                if len(clause) <= 2:
                    # "joined Boca's academy in 1996 and went on[ to score 26 goals]": a second verb left with
                    # nothing to say goes, with its "and"
                    clause |= {c.i for c in verb.head.children if c.dep_ == "cc" and verb.head.i < c.i < verb.i}
                    if self._cut_whole(clause, keep):
                        continue
            if tok.lower_ == "order" and last - 1 in keep and self.doc[last - 1].lower_ == "in" and (
                    last + 1 < len(self.doc) and self.doc[last + 1].tag_ == "TO" and last + 1 not in keep):
                keep.difference_update({last - 1, last})  # "… for federal help in order [to help residents]"
                continue
            lost_tail = any(c.i > tok.i and c.i not in keep and not c.is_punct for c in tok.children)
            if tok.pos_ == "VERB" and any(c.i > tok.i and c.i not in keep and c.lower_ in DIRECTIONS
                                          for c in tok.children):
                return True  # "… the railway lines always point [north]": the verb says nothing without it
            if needs_its_of(tok) and any(c.lower_ == "of" and c.i not in keep for c in tok.children):
                return True  # "… wonder if he has lost some [of that old magic]": a part of nothing
            if tok.lower_ == "anything" and last + 1 < len(self.doc) and self.doc[last + 1].lower_ in {"but", "like"} \
                    and last + 1 not in keep:
                return True  # "he looked anything[ like Champions League material]": the "like" is what it says
            if tok.lower_ in {"enough", "several", "many", "few"} and tok.dep_ in {"pobj", "dobj"} and (
                    last + 1 < len(self.doc) and last + 1 not in keep and not self.doc[last + 1].is_punct):
                return True  # "will arrive with enough[ pledged delegates to …]": an amount of nothing
            needed = NEEDS_PREPOSITION_ADJ.get(tok.lower_, ())
            # (however the parser hung it: "Democrats close[ to the campaign]", "donors intent[ on deciding …]")
            lost_needed = tok.dep_ in {"advmod", "acl", "advcl", "oprd"} and any(
                c.lower_ in needed and c.i not in keep for c in tok.children)
            if ((tok.pos_ == "ADJ" and tok.dep_ in {"amod", "conj"}) or lost_needed) and (
                    lost_tail) and not any(c.dep_ == "npadvmod" and c.i in keep for c in tok.lefts) and (
                    not object_state(tok)):
                # "… the release, other": it lost what it governed ("two year old" is whole, whatever the parser hung
                # on "old")
                keep.discard(last)
                continue
            if tok.lower_ in {"down", "up"} and tok.pos_ == "ADV" and any(
                    c.dep_ == "npadvmod" and c.i > tok.i and c.i not in keep and any(t.like_num for t in c.subtree)
                    for c in tok.children):
                keep.discard(last)  # "will grow 1.6 percent, down[ 0.2 points from the last estimate]": by how much
                continue
            if tok.pos_ == "ADV" and (tok.head.i not in keep or tok.head.dep_ == "cc"):
                # "… – the track barely [visible]": it lost what it modified; "… to cooperate but rather[ chose …]":
                # what it joined
                keep.discard(last)
                continue
            if tok.dep_ == "appos" and lost_tail and self.doc[tok.left_edge.i].pos_ == "DET" and (
                    tok.head.pos_ in {"VERB", "AUX"} or any(self.doc[i].pos_ in {"VERB", "AUX"}
                                                             for i in keep if tok.head.i < i < tok.i)):
                # "… at a steady pace – the track [barely visible under the snow]": an absolute phrase the parser
                # hung on the verb or the subject, cut short, goes whole
                phrase = {t.i for t in tok.subtree if t.i in keep}
                before = min(phrase) - 1
                if before in keep and self.doc[before].is_punct:
                    phrase.add(before)
                if self._cut_whole(phrase, keep):
                    continue
            det = next((c for c in tok.lefts if c.dep_ == "det" and tok.i - c.i <= 2), None)
            if det is None and (tok.lower_ in {"something", "someone", "somebody"} or tok.tag_ == "NNS"):
                det = tok  # "… a lead in delegates — representatives [who will choose the nominee]"
            if lost_tail and tok.pos_ in {"NOUN", "ADJ", "PRON"} and det is not None and det.i > 0 and (
                    self.doc[det.i - 1].text in DASHES | {",", "-"}) and tok.dep_ not in {"pobj", "conj"}:
                # "… $13 billion - a price [that translates to $24 a share]", "… would be fun — something [Scarborough
                # could understand]", "… relies on her fund-raising[ to provide a fifth of its income], an arrangement
                # [the Sanders campaign has criticized]": a phrase set off to say more, which no longer does, goes
                # with its mark (or without it, when a cut before took it)
                phrase = set(range(det.i - 1, tok.i + 1)) & keep
                if self._cut_whole(phrase, keep):
                    continue
            nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            # ("as traffic slowed to a crawl and [Barnett] slowly approached": or on the noun before, when a verb
            # follows)
            verb_next = nxt is not None and (nxt.tag_ in FINITE_TAGS or (
                nxt.pos_ == "ADV" and nxt.i + 1 < len(self.doc) and self.doc[nxt.i + 1].tag_ in FINITE_TAGS))
            if tok.dep_ == "conj" and tok.pos_ in {"NOUN", "PROPN"} and (
                    tok.head.pos_ in {"VERB", "AUX"} or verb_next) and (
                    nxt is not None and not nxt.is_punct and nxt.i not in keep and tok not in nxt.ancestors):
                # "… before the convention, but well-organized rival [Ted Cruz has been …]": the subject of a
                # cut clause, which the parser joined to the verb, goes with its "but"
                phrase = {t.i for t in tok.subtree if t.i in keep}
                phrase |= {t.i for t in tok.head.children if t.dep_ in {"cc", "punct"} and
                           t.i in keep and min(phrase) - 3 <= t.i < min(phrase)}
                if self._cut_whole(phrase, keep):
                    continue
            subject = next((t for t in [tok, *tok.ancestors] if t.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None and subject.head.i not in keep and subject.head.i > tok.i:
                # "Few politicians would admit this, but Sen. Chris Murphy [(…) says he was unfocused]": a subject
                # whose verb went goes too, with the "but" or comma before it
                phrase = keep.intersection(self._subtree(subject))
                start = min(phrase)
                while start - 1 in keep and (self.doc[start - 1].is_punct or self.doc[start - 1].dep_ == "cc"):
                    start -= 1
                    phrase.add(start)
                if self._cut_whole(phrase, keep):
                    continue
                return True
            clause = self._truncated_clause(tok, keep, lost_tail)
            if clause is not None:
                clause -= self._place_of_direction(clause, keep)
            # "… expelled from the tournament when he was", "… from Africa hoping": a side clause that lost what
            # completes it goes whole
            if clause and self._cut_whole(clause, keep):
                continue
            # "… accepted the player wants", "… has urged his former side": a verb that lost what it
            # wants or urges says nothing; no cut of this sentence makes a headline
            if tok.pos_ not in {"VERB", "AUX"}:
                if tok.pos_ == "ADJ" and any(c.dep_ in {"xcomp", "ccomp"} and c.i not in keep for c in tok.rights):
                    return True  # "… Cruz would not be able [to get along with Congress]"
                if tok.lower_ in {"worth", "due"} and lost_tail:
                    return True  # "… just over $100 -- not worth [the 12,500 miles]"
                # "… it should come as no surprise [that …]": nor does a clause whose verb lost the clause it
                # announces after the bullet's last word
                verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
                return verb is not None and verb.i in keep and any(
                    c.dep_ in {"xcomp", "ccomp"} and c.i > tok.i and c.i not in keep for c in verb.children)
            lost = [c for c in tok.children if c.i > tok.i and c.i not in keep]
            # "… has swept [into the UK]", "… is walking [to the gate]": an active verb with no object that
            # lost the phrase right after it, which said where, is cut short too ("was raided" is whole); "… a
            # paddle is [the auctioneer]": a copula that lost what it says
            # "… for Saints feel [like the cavalry have arrived]": a linking verb says nothing on its own either
            copula = (tok.lemma_ == "be" and tok.dep_ not in {"aux", "auxpass"}) or tok.lemma_.lower() in LINKING
            if tok.lemma_.lower() == "come" and tok.dep_ == "ROOT" and any(c.dep_ == "advcl" for c in lost) and (
                    not any(c.dep_ in {"prep", "advmod", "prt", "npadvmod"} and c.i > tok.i and c.i in keep
                            for c in tok.children)):
                return True  # "The controversy over the general’s ties comes [as Trump's rhetoric …]": it says when
            if tok.lemma_.lower() in AS_VERBS and any(c.lower_ == "as" for c in lost):
                return True  # "… Erdogan’s new policy has been interpreted [as fighting both ISIS and the Kurds]"
            # "… the actress was asked [if she had ever been …]": a question it asks is what the verb says
            asked = tok.lemma_.lower() in {"ask", "wonder", "question", "inquire", "query"} and any(
                c.dep_ == "advcl" and any(m.lower_ in {"if", "whether"} for m in c.children) for c in lost)
            return any(c.dep_ in {"xcomp", "ccomp", "attr", "acomp"} for c in lost) or asked or (
                copula and bool(lost)) or (
                tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.i == tok.i + 1 for c in lost)
                and not any(c.dep_ in {"dobj", "attr", "acomp", "oprd", "dative", "auxpass"} for c in tok.children))
        return False

    def _cut_whole(self, phrase: set[int], keep: set[int]) -> bool:
        """Take a phrase the tail left dangling, if the bullet keeps enough words without it."""
        if self._words(keep - phrase) < MIN_WORDS:
            return False
        keep.difference_update(phrase)
        return True

    def _truncated_clause(self, tok: Token, keep: set[int], lost_tail: bool) -> set[int] | None:
        """The kept words of the side clause ending in ``tok``, when a cut took the clause's last part."""
        if tok.pos_ not in {"VERB", "AUX"} or tok.i in self.core:
            return None
        head = tok
        if tok.dep_ in {"aux", "auxpass"}:
            head = tok.head  # "when he was [found]": the clause's verb was cut
            lost_tail = lost_tail or head.i not in keep
        if not lost_tail or head.i in self.core or head.dep_ not in {"advcl", "acl", "relcl", "conj", "pcomp", "xcomp"}:
            return None
        if head.i in self.held:
            return None  # "than those [who are driven]": the clause cannot go whole
        return {t.i for t in head.subtree if t.i in keep}

    def _trim_tail(self, span: Span, root: Token, keep: set[int], protected: Protected) -> None:
        """Last resort: whole phrases, those at the end or those that only modify a noun, the
        smallest that makes the bullet short enough, else the largest, until it fits."""
        for _ in range(12):
            words = self._words(keep)
            if words <= self.limit:
                return
            kept = sorted(i for i in keep if i not in self.punct)
            options: list[list[int]] = []
            for i in self.trimmable:
                if i not in keep or i in self.core:
                    continue
                tok = self.doc[i]
                # (nor the first "as" of "as well as")
                if verb_particle(tok) or predicate_phrase(tok) or last_of_list(tok) or (
                        tok.tag_ in {"WRB", "WDT", "WP", "WP$"}) or tok.head.dep_ == "cc":
                    continue  # (a relative word never goes without its clause: "Florida, [where] Rubio is…")
                if tok.dep_ == "appos" and tok.head.dep_ in {"nmod", "compound", "amod"} and tok.head.head.i > tok.i:
                    continue  # "his WBA, [IBF and WBO] heavyweight title belts": a list of modifiers, not an aside
                if tok.dep_ == "appos" and tok.like_num and in_list_of_names(tok):
                    continue  # "Carol Lind 384, Dan Ortiz [300], Mark Hollins 151 and …": what one of a list scored
                if tok.dep_ == "pcomp" and tok.head.i in keep:
                    continue  # "In [being compared with Button]": the preposition would be left with no object
                if tok.lower_ == "even" and i + 1 in keep and self.doc[i + 1].lower_ == "if":
                    continue  # "could decide the case, [even] if it goes to the Supreme Court" says the opposite
                if self._completes(tok, keep):
                    continue
                sub = [t for t in sorted(self._phrase(tok, root, span)) if t in keep]
                if not sub or len(sub) >= len(kept) - MIN_WORDS + 1 or set(sub) & protected.inside:
                    continue
                if any(self.doc[t].head.i not in sub for t in self.ranks.intersection(sub)):
                    continue  # "the third school [to come under fire]": no option, or it would hide a smaller one
                before = [k for k in kept if k < min(sub)]
                if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"npadvmod", "appos"} and before and (
                        self.doc[before[-1]].dep_ == "cc"):
                    continue  # "with former loyalists - and [some Communists] - forming …": the conjunct, misparsed
                if max(sub) + 1 in protected.inside and any(self.doc[i].pos_ == "VERB" for i in sub):
                    continue  # "who claims the actress 'stole…'": the quote would lose its verb
                at_end = max(sub) >= kept[-1]
                noun_modifier = (tok.head.pos_ in {"NOUN", "PROPN", "PRON"} and tok.dep_ in {"prep", "acl", "relcl"}
                                 and self._closes_phrase(max(sub), keep))
                # "the hairstyle she models [in the newest season of Veep] was inspired by": what closes a clause on a
                # noun goes as that noun's modifiers do
                closes_clause = tok.dep_ == "prep" and tok.head.dep_ in {"relcl", "acl"} and tok.i > tok.head.i and (
                    max(sub) == max(i for i in self._subtree(tok.head) if i in keep)) and self._closes_phrase(
                    max(sub), keep) and any(c.i in keep and c.dep_ in {"dobj", "attr", "oprd", "xcomp", "ccomp", "prt",
                                                                       "dative", "agent"} for c in tok.head.children)
                if at_end or noun_modifier or closes_clause or self._at_boundary(set(sub), keep, span):
                    options.append(sub)
            if not options:
                return
            enough = [o for o in options if words - self._words(o) <= self.limit]
            best = min(enough, key=lambda o: (len(o), -o[0])) if enough else max(options, key=len)
            before = len(keep)
            self._remove(set(best), span, keep, protected=protected, commas=True, floor=False, island_ok=True)
            if len(keep) == before:
                return

    def _completes(self, tok: Token, keep: set[int]) -> bool:
        """A phrase whose word before would be left saying nothing without it: "as he drew [closer to the bus]",
        "which sent the Colombian [hurtling to the ground]", "returning to rest in [between his fingers]", "with one
        of those matches [suspended for two years]"."""
        if tok.dep_ == "advmod" and tok.tag_ == "RBR" and tok.head.pos_ in {"VERB", "AUX"} and tok.i > tok.head.i:
            return True
        if absolute_participle(tok):
            return True
        if tok.dep_ in {"npadvmod", "dobj"} and tok.head.lemma_.lower() in CHANGING and any(
                t.like_num for t in tok.subtree):
            return True  # "will grow [1.6 percent]": by how much is the news
        if tok.dep_ == "prep" and tok.lower_ in {"for", "to"} and tok.head.lemma_.lower() in {
                "match", "stranger", "substitute"} and any(c.lower_ == "no" for c in tok.head.children):
            return True  # "an 'uneventful dresser' who is no match [for Princess Diana]"
        if tok.dep_ == "prep" and tok.lower_ == "with" and tok.head.lemma_.lower() == "join" and any(
                c.dep_ == "dobj" and c.lower_ == "forces" for c in tok.head.children):
            return True  # "has joined forces [with dry shampoo brand Batiste]": with whom is what it says
        at = tok.left_edge.i - 1
        if at < 0 or at not in keep:
            return False
        before = self.doc[at]
        if tok.tag_ == "VBG" and tok.dep_ in {"advcl", "xcomp", "oprd", "ccomp"} and before.head.i == tok.head.i \
                and before.head.i < at and any(c.dep_ == "dobj" and c.right_edge.i == at for c in tok.head.children):
            return True  # the object's predicate: what the verb made it do
        # a preposition left with no object of its own (not the particle of "weighed in [at 24lbs]")
        return before.dep_ == "prep" and not any(True for _ in before.children) and before.head.i == tok.head.i

    # -- helpers ------------------------------------------------------------------------------------------
    def _remove(self, ids: set[int], span: Span, keep: set[int], protected: Protected | None = None,
                commas: bool = False, floor: bool = True, island_ok: bool = False) -> None:
        if ids & self.core:
            return
        if floor and self._words(keep - ids) < MIN_WORDS:
            return
        if not island_ok and ids and not self._at_boundary(ids, keep, span):
            return
        for ent in self.ents:
            inside = sum(1 for t in ent if t.i in ids)
            if 0 < inside < len(ent) and ent.label_ not in {"DATE", "TIME"}:
                return  # never cut a name in two ("the Port of Rotterdam")
        dated = [t for e in self.ents if e.label_ in {"DATE", "TIME"} for t in e if t.i not in ids]
        if any(c.i in ids and c.dep_ in {"conj", "cc"} for t in dated for c in t.children):
            return  # a cut may take what leads into a date, not one of two days it names: "on May 2 [and 3]"
        if self._splits_word(ids, keep):
            return
        wh = ids & self.relativizers
        if wh and max(keep - ids, default=-1) > max(ids) and not any(i > min(wh) for i in ids & self.verbs):
            return  # "Dates, [in which] Drew Barrymore's character suffers": a clause keeps its relative pronoun
        if any(self.doc[i].head.i in keep and self.doc[i].head.i not in ids for i in ids & self.held):
            # "mice, cockroaches [and bed bugs]": a list keeps its last item; "with only seven minutes
            # [remaining]": a count keeps what it counts; "than those [who are driven]": "those" says who
            return
        if any(self.paired[i] in keep and self.paired[i] not in ids for i in ids & self.paired.keys()):
            return  # "both within their countries [and outside their borders]": a pair keeps its second half
        if self._lists_on(ids, keep):
            return
        if any(self.partitive[i] in keep and self.partitive[i] not in ids for i in ids & self.partitive.keys()):
            return  # "One [of the groups he will launch]": the cut would leave a part of nothing
        ids = ids - self._place_of_direction(ids, keep)
        if protected is not None and ids & protected.inside:
            # a quote goes only as a whole
            for a, b in protected.quotes:
                part = set(range(a, b + 1))
                if part & ids and not part <= ids:
                    rest = part - ids
                    # "after calling out a hater who accused her of being a 'gold digger[.']": the parser hangs the
                    # sentence's closing stop and mark on the main verb; they close the cut's quote and go with it
                    if min(rest) > max(ids) and all(i in self.punct for i in range(max(ids) + 1, span.end)):
                        ids = ids | rest
                    else:
                        return
        if ids and self._closing_dash(ids, span) and not self._leads_into_main(max(ids) + 1, min(ids), keep):
            # "Many speakers at the service[ — including Muslims, Christians and Jews] — said": a cut that took the
            # opening dash takes the closing one, unless it parts a leading clause from the main one
            ids = ids | {max(ids) + 1}
        if ids and self._opening_dash(ids, keep):
            # "harbour towns -[ which include Hove, Rye and Dover -] will grow": a cut that took the closing dash takes
            # the opening one
            ids = ids | {min(ids) - 1}
        if commas and ids:
            lo, hi = min(ids), max(ids)
            # the commas that set off what an earlier cut took and this one ends ("the Scarborough Shoal[, an atoll
            # Beijing grabbed from the Philippines][ four years ago], into a fortress") are this cut's
            while hi + 1 < span.end and hi + 1 not in keep and not self.doc[hi + 1].is_punct:
                hi += 1
            while lo - 1 >= span.start and lo - 1 not in keep and not self.doc[lo - 1].is_punct:
                lo -= 1
            after = hi + 1 < span.end and self.doc[hi + 1].text in {",", ";"}
            before = lo - 1 >= span.start and self.doc[lo - 1].text in {",", ";"}
            # "closed the crossing with Pakistan, downgraded relations": the comma parts the list, not the phrase
            listed = after and not before and hi + 2 < span.end and self.doc[hi + 2].dep_ in {"conj", "cc"}
            # "appearances in California[ in the days before the primary], the final one of the season": or parts a
            # phrase that names again what came before
            listed = listed or (after and hi + 2 in keep and lo - 1 in keep and self.doc[hi + 2].lower_ in {
                "the", "a", "an"} and self.doc[lo - 1].pos_ in {"NOUN", "PROPN"} and any(
                t.left_edge.i == hi + 2 and t.dep_ in {"appos", "npadvmod"} and t.pos_ in {"NOUN", "NUM"}
                for t in self.doc[hi + 2: min(span.end, hi + 8)]))
            # "Days after Hardwicke was ousted, [despite having directed the film,] Weitz is close": one of the two
            # commas still parts a leading clause from the main one
            # "Mirshekari, [a local official,] who said": or sets off a clause on what comes before ("after Chan, [its
            # manager,] boasted" is a verb the parser hung on the main one: both commas go)
            leading = before and after and (bool(self._leads_into_main(hi + 1, lo - 1, keep))
                                            or self._clause_on_noun_after(hi + 1, lo, keep))
            if after and not listed and not leading and not (not before and (
                    self._sets_off_clause(hi + 1, lo, keep) or self._closes_aside(lo, hi, keep))):
                ids = ids | {hi + 1}
            # "will help recruit, [train and fund] campaigns": a list's comma goes with the later items
            later_items = not after and any(self.doc[i].dep_ == "conj" and self.doc[i].head.i < lo for i in ids)
            if before and (after or later_items or hi + 1 >= span.end or self.doc[hi + 1].is_punct
                           or self._verb_of_subject_before(hi + 1, lo - 1, keep)):
                ids = ids | {lo - 1}
        keep.difference_update(ids)

    def _closing_dash(self, ids: set[int], span: Span) -> bool:
        """The cut holds one dash of a pair, and the other closes it right after the cut."""
        after = max(ids) + 1
        return after < span.end and after in self.punct and self.doc[after].text in DASHES and sum(
            self.doc[i].text in DASHES for i in ids & self.punct) % 2 == 1

    def _opening_dash(self, ids: set[int], keep: set[int]) -> bool:
        """The cut ends on the closing dash of a pair whose opening dash stands right before it (spaced hyphens of
        tokenized copy count)."""
        before = min(ids) - 1
        return is_dash(self.doc[max(ids)]) and before in keep and is_dash(self.doc[before]) and sum(
            is_dash(self.doc[i]) for i in ids & self.punct) == 1

    def _verb_of_subject_before(self, at: int, comma: int, keep: set[int]) -> bool:
        """The word at ``at`` is the verb (or its auxiliary) of a subject before the comma: "Gary Byrne[, a former
        agent] has written" has no closing comma, and the opening one would part the subject from its verb (unless
        it closes an aside in the subject: "Gigante's archrival, John Gotti, acknowledged")."""
        word = self.doc[at]
        verb = word.head if word.dep_ in {"aux", "auxpass", "neg"} else word
        return verb.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.i < comma and not any(
                self.doc[i].text == "," and i in keep for i in range(c.left_edge.i, comma)) for c in verb.children)

    def _closes_aside(self, lo: int, hi: int, keep: set[int]) -> bool:
        """The comma after a cut closes an aside that opened with a kept comma before it: "the EB-5 program, which
        allows investors to gain citizenship by putting money [into development projects], are being debated"."""
        node = self.doc[lo]
        while node.head.i != node.i:
            node = node.head
            opening = node.left_edge.i - 1
            # (a clause that is the cut itself is no aside around it: "who were eyeing the beach [after their hopes had
            # evaporated]," closes the clause above)
            if node.dep_ in {"relcl", "appos", "acl", "advcl"} and node.right_edge.i == hi and node.left_edge.i < lo:
                return opening in keep and self.doc[opening].text == ","
            if node.right_edge.i > hi:
                return False
        return False

    def _sets_off_clause(self, comma: int, lo: int, keep: set[int]) -> bool:
        """The comma opens a side clause hung on something kept before the cut ("pushed costs [to a record],
        forcing shippers to…"), or the sayer after a claim: it stays, whatever is cut before it."""
        leads = self._leads_into_main(comma, lo, keep)
        if leads is not False:
            return bool(leads)
        clause = self._clause_after(comma, lo, keep)
        return clause is not None and clause.dep_ in {"advcl", "relcl", "acl", "appos", "conj"}

    def _clause_after(self, comma: int, lo: int, keep: set[int]) -> Token | None:
        """The clause the comma opens, when it hangs on something kept before the cut."""
        nxt = self.doc[comma + 1]
        return next((t for t in [nxt, *nxt.ancestors] if t.left_edge.i == comma + 1 and t.head.i < lo
                     and t.head.i in keep), None)

    def _clause_on_noun_after(self, comma: int, lo: int, keep: set[int]) -> bool:
        """The comma opens a clause on a noun kept before the cut ("Mirshekari, [a local official,] who said"); not a
        finite verb the parser hung on a name it made the root ("Murphy, [the head of the group,] tweeted")."""
        clause = self._clause_after(comma, lo, keep)
        if clause is None or clause.head.dep_ == "ROOT":
            return False
        if clause.dep_ == "acl":
            # "Yazidis, [some 200 of them,] captured in 2014"; not "De Blasio, [speaking on radio,] called Trump a
            # blowhard", a verb with an object
            return clause.tag_ not in {"VBD", "VBZ", "VBP"} and not any(
                c.dep_ in {"dobj", "oprd", "dative"} for c in clause.children)
        # "The two pollsters, [Emerson and Savvy,] both showed": a floating "both" is no apposition
        return clause.dep_ == "relcl" or (clause.dep_ == "appos" and clause.lower_ not in {"both", "all", "each"})

    def _leads_into_main(self, comma: int, lo: int, keep: set[int]) -> bool | None:
        """Whether the comma parts a kept claim, clause or phrase before the cut from the main clause after it
        ("a 'mistake' in the check [for Roof], Comey has said", "As Trump has unleashed the fury [of many], a
        protest movement has materialized", "In a poll [released Monday], 50 percent chose…"); None when nothing
        kept before the cut needs a comma (a mark already parts the two: "the mystery -- [who did it], if
        anyone --")."""
        kept_before = max((i for i in keep if i < lo), default=None)
        if comma + 1 >= len(self.doc) or kept_before is None or (
                self.doc[kept_before].is_punct and not self.doc[kept_before].is_quote):
            return None
        nxt = self.doc[comma + 1]
        verb = next((t for t in [nxt, *nxt.ancestors] if t.pos_ in {"VERB", "AUX"}), nxt)
        # the kept word before the comma ends the leading part ("“A child died,” Ema Suryani, [a nurse,] told AFP":
        # the comma after the speaker's name opened the cut aside, it does not close the quotation)
        return verb.i > comma and verb.i in keep and any(
            c.dep_ in _LEADING and c.i < lo and c.i in keep and c.left_edge.i <= kept_before <= c.right_edge.i
            for c in verb.children)

    def _place_of_direction(self, ids: set[int], keep: set[int]) -> set[int]:
        """"in north west China - eight months after …": a cut that starts at a place named right after a kept
        compass word (the parser hung the place on what follows) leaves the place with its direction."""
        lo = min(ids, default=0)
        if not ids or lo - 1 not in keep or self.doc[lo - 1].lower_ not in COMPASS:
            return set()
        ent = next((e for e in self.ents if e.start == lo and e.label_ in {"GPE", "LOC"}), None)
        return set(range(ent.start, ent.end)) if ent is not None else set()

    def _splits_word(self, ids: set[int], keep: set[int]) -> bool:
        """A cut must not split what is written as one word ("then-11-year-old", "re-gather", "Dar's")."""
        spaced = self._spaced  # only the cut's edges need a closer look
        for i in ids:
            if i - 1 in keep and i - 1 not in ids and (not spaced[i - 1] or self._spaced_hyphen(i - 1)):
                left = self.doc[i - 1]
                if left.is_alpha or left.like_num or left.text == "-" or self.doc[i].text in {"-", "'s", "’s"}:
                    return True
            if i + 1 in keep and i + 1 not in ids and (not spaced[i] or self._spaced_hyphen(i + 1)):
                right = self.doc[i + 1]
                if right.is_alpha or right.like_num or right.text in {"-", "'s", "’s"}:
                    return True
                if self.doc[i].like_num and right.text in {":", "."} and i + 2 < len(self.doc) and (
                        self.doc[i + 2].text[:1].isdigit()):
                    return True  # "8: 30pm", "4. 6" in tokenized copy: one time, one figure
        return False

    def _spaced_hyphen(self, i: int) -> bool:
        """A hyphen spaced out in copy tokenized at the source, which joins one word all the same ("59 - year - old",
        "injury - plagued"): the words either side of it belong together. (A spaced dash between phrases is
        punctuation: "11 consecutive grands prix in the points - twice finishing second".)"""
        hyphen = self.doc[i]
        if hyphen.tag_ != "HYPH" or i == 0 or i + 1 >= len(self.doc):
            return False
        left, right = self.doc[i - 1], self.doc[i + 1]
        linked = left.head == right or right.head == left or left.head == right.head
        return linked and not {left.dep_, right.dep_} & _CLAUSE_LINKS

    @functools.cached_property
    def _spaced(self) -> list[int]:
        """Per word, whether a space follows it."""
        return self.doc.to_array("SPACY").tolist()

    def _closes_phrase(self, last: int, keep: set[int]) -> bool:
        """What follows a cut noun modifier must begin something new (a verb, a preposition, a comma),
        or the cut joins two noun phrases ("a raise a crew member…")."""
        after = [i for i in keep if i > last]
        if not after:
            return True
        nxt = self.doc[min(after)]
        return nxt.is_punct or nxt.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PART"}

    def _at_boundary(self, ids: set[int], keep: set[int], span: Span) -> bool:
        """A cut inside the sentence must be set off by punctuation; else it leaves a broken island."""
        lo, hi = min(ids), max(ids)
        punct = self.punct
        if not any(i > hi and i not in punct for i in keep) or not any(i < lo and i not in punct for i in keep):
            return True  # at an end of what is left (words above ``hi`` or below ``lo`` are never in ``ids``)
        marks = (DASHES - {"--"}) | {",", ";", "-", "(", ")", ":"}
        return (lo - 1 >= span.start and self.doc[lo - 1].text in marks) or (
            hi + 1 < span.end and self.doc[hi + 1].text in marks)

    def _has_subject(self, span: Span, root: Token, keep: set[int], replacements: dict[int, str]) -> bool:
        """Whether the bullet still has the main clause's subject (a misparse can label it a modifier
        and let a cut take it: "Is quick to note…")."""
        subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"}]
        if subjects:
            # "(CNN) SpaceX launched": the dateline the parser took for the subject went, its "apposition" stays;
            # "Porto, Portugal (CNN) -- Dock workers ended": or it took the dateline for a second subject
            return any(subj.i in keep or subj.i in replacements or any(
                a.dep_ == "appos" and a.i in keep for a in subj.rights) for subj in subjects)
        if any(c.dep_ == "ccomp" and c.i < root.i and c.i in keep and not any(
                t.is_punct for t in self.doc[c.right_edge.i + 1 : root.i]) for c in root.children):
            # "A pilot who feared a crate he found was a bomb had in fact found a bell": the subject went to the
            # clause run straight into the verb, and a cut of it leaves "A pilot is a bomb has found"; no cut can
            # be trusted ("Saints place Thomas on reserve; sign Bell" is two headlines' worth, and fine)
            return False
        lefts = [c for c in root.lefts if c.i in keep and c.dep_ not in {"aux", "auxpass", "neg", "punct", "advmod"}]
        if lefts and all(c.dep_ in {"advcl", "prep"} for c in lefts) and (
                root.tag_ in {"VBD", "VBZ", "VBP"} or self._cut_noun_before(root, keep)) and (
                root.lemma_ != "be"):  # "At the rally are Choudary and Adebowale": an inversion
            # "Joking that he could do the same [with his mum, nine-year-old Frankie, …], took to the garden": the
            # parser hung the subject inside the opening clause, and a cut took it
            return False
        before = [self.doc[i] for i in sorted(keep) if i < root.i and i not in self.punct]
        if before and root.tag_ in {"VBD", "VBZ", "VBP"} and root.lemma_ != "be" and all(
                t.pos_ in {"ADV", "CCONJ"} for t in before):  # ("Here's how it works" is an inversion)
            # "[Since its launch, the organization has grown] tremendously and recently extended its influence": the
            # subject went with a clause the parser hung on the verb; adverbs are all that is left before it
            return False
        first = next((self.doc[i] for i in sorted(keep) if i not in self.punct), None)
        # no subject in the parse: fine for "Police say…" misparses, not when a finite verb or its auxiliary opens
        # the bullet ("Are pivoting to her record": a cut took a subject the parser made a preposition's object)
        return not (first is not None and (first.i == root.i or (first.head.i == root.i and first.dep_ in {
            "aux", "auxpass"})) and first.tag_ in {"VBD", "VBZ", "VBP", "MD"})

    def _cut_noun_before(self, root: Token, keep: set[int]) -> bool:
        """What was cut straight before the verb and its auxiliaries was a noun the parser made an apposition: "Unlike
        actors X, Y and Z, [the director Gary Ross] is not signed" (Ross hung on Z), "In addition to Mr. Regalado[, two
        members of Congress, A and B,] have said" ("In 1962 Viguerie[, then 29 years old,] was named", "the drone[,
        powered by the bee brain,] can be seen" keep their subject)."""
        at = min([root.i] + [c.i for c in root.lefts if c.dep_ in {"aux", "auxpass", "neg"}]) - 1
        while at >= 0 and self.doc[at].is_punct:
            at -= 1
        tok = self.doc[at] if at >= 0 else None
        while tok is not None and tok.i not in keep and tok.head.i != tok.i:
            if tok.dep_ == "appos" and tok.pos_ in {"NOUN", "PROPN"}:
                return True
            tok = tok.head
        return False

    def _words(self, keep: Iterable[int]) -> int:
        ids = keep if isinstance(keep, set | frozenset) else set(keep)
        return len(ids) - len(self.punct.intersection(ids))

    # -- tense ----------------------------------------------------------------------------------------------
    def _present_tense(self, span: Span, root: Token, keep: set[int], protected: Protected,
                       replacements: dict[int, str]) -> None:
        """Past verbs of the main clauses (and of what a sayer said) become present, agreeing with the subject."""
        clause_heads = [root]
        misread_verbs: set[int] = set()
        same_moment: set[int] = set()
        for tok in (self.doc[i] for i in sorted(keep & self.verbs)):
            if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SHOWING and tok.tag_ == "VBD" and (
                    tok.lower_.endswith("ed")) and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in tok.children):
                # "the video shows the sword [used] to kill the men": after a verb of showing, a participle on the noun
                # shown (as past, "shows police arrested him" reads true too)
                continue
            if tok.dep_ == "ccomp" and tok.head.lemma_.lower() not in REPORTING and any(
                    c.dep_ == "dobj" and c.ent_type_ in {"DATE", "TIME"} for c in tok.children):
                continue  # "would become the fifth NBA coach [fired] this season": a participle read as a clause's verb
            if shares_perfect_infinitive(tok):
                continue
            if tok.dep_ in {"conj", "ccomp"} and tok.head in clause_heads:
                clause_heads.append(tok)
            elif tok.i == self.interrupting:
                clause_heads.append(tok)  # "is holding him when he [slipped → slips]": one moment, one tense
            elif tok.dep_ == "advcl" and tok.head in clause_heads and tok.head.i not in same_moment and (
                    self._at_the_time(tok)) and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) and (
                    not self._names_its_year(tok)) and (
                    tok.lemma_.lower() in REPORTING or not any(c.dep_ == "ccomp" for c in tok.children)):
                # "Sessions [caused → causes] a stir when he [went → goes] on the record", "die as police [fought →
                # fight] pitched battles": what the main clause tells happens at the time the other clause names, so
                # both take the present (unless the main one keeps its past, or either names its year: "when Obama
                # took office in 2008"; "when the businessman turned politician called for …" is a misparse that
                # would turn both)
                clause_heads.append(tok)
                same_moment.add(tok.i)
            elif tok.head == root and root.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"relcl", "acl"} and (
                    tok.i > root.i and tok.tag_ in {"VBD", "VBN"}) and any(
                    c.dep_ in {"dobj", "oprd"} for c in tok.children) and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} or c.tag_ in {"WDT", "WP", "WRB"}
                    for c in tok.children):
                # "Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called Trump's remarks
                # 'racist'": the parser made the name the root and the verb a clause on it (tagged as a participle);
                # the verb is the main one
                clause_heads.append(tok)
                misread_verbs.add(tok.i)
            elif tok.dep_ == "advcl" and tok.head in clause_heads and tok.tag_ in {"VBN", "VBD"} and (
                    self.doc[tok.i - 1].text == ",") and any(c.dep_ == "dobj" for c in tok.children) and any(
                    c.dep_ == "conj" and c.tag_ == "VBD" for c in tok.children) and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in tok.children):
                # "killed a child, injured dozens and destroyed buildings": a verb of the list the parser took for a
                # participle clause (its own "and destroyed" shows the list)
                clause_heads.append(tok)
                misread_verbs.add(tok.i)
            elif tok.dep_ == "dep" and tok.tag_ == "VBD" and tok.i > tok.head.i and tok.head in clause_heads and (
                    self.doc[tok.left_edge.i - 1].lower_ in {",", "then", "and"}) and not any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) and not split_perfect(tok):
                # "waited for Hansbrough to make history, then cruised to victory": a second verb of the subject
                # the parser left unlabelled
                clause_heads.append(tok)
        first = next((t.i for t in span if not t.is_punct and not t.is_space), span.start)
        plurals: dict[int, bool] = {}
        past: set[int] = set()  # clause heads that keep their past tense
        for head in clause_heads:
            if head.i in protected.inside:
                continue
            if head.i in same_moment and not any(v.i in replacements for v in (head.head, *head.head.children) if (
                    v.i == head.head.i or v.dep_ in {"aux", "auxpass"})):
                continue  # the main clause kept its tense ("was a deputy in 1972 when he began")
            if head.text[:1].isupper() and head.i != first:
                continue  # "Indian Illegally Occupied Jammu and Kashmir": a name the parser took for a verb
            subject = subject_of(head)
            if subject is not None and subject.i not in keep and subject.i not in replacements:
                # "FARGO, N.D. — Ted Cruz’s candidates won": the dateline the parser took for a subject went; the
                # subject is another one, or what it took for the dateline's apposition
                subject = next((c for c in [*head.children, *subject.rights] if c.i in keep and (
                    c.dep_ in {"nsubj", "nsubjpass"} or (c.dep_ == "appos" and c.head == subject))), subject)
            if subject is not None and subject.lower_ in FIRST_SECOND_PERSON:
                continue  # someone speaking: their words keep their tense
            if self._in_the_past(head) or (head.dep_ in {"conj", "ccomp"} and head.head.i in past) or any(
                    c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.tag_ not in {"VBZ", "VBP"} and c.i in keep
                    and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) and self._in_the_past(c)
                    for c in head.children) or (
                    head.lower_ == "born"):  # "was born in Izmir": a birth is history, never "is born"
                # "joined the academy in 1996 and went on …": history, not news, and so is the verb a dated one is
                # joined to ("became active and served on the committee from 1963 to 1968"); "[In 1997,] Benjamin
                # said she applied…": what was said then keeps the sayer's tense
                past.add(head.i)
                continue
            if head.dep_ == "ccomp" and head.head.i in keep and head.head.i < head.i and (
                    head.head.lemma_.lower() in REPORTING) and past_event(head):
                # "claims his baby [was → is] never abused", "alleges she [stole → steals] the money": what someone
                # says happened stays in the past; only a state is seen from now ("said he was tired": "is tired").
                # (A claim before its source is the news itself: "Gigante dies in prison, officials say".)
                past.add(head.i)
                continue
            if head.dep_ == "conj" and (head.tag_ == "VBN" or head.i == head.head.i + 2 or (
                    head.lower_.endswith("ed") and self.doc[head.left_edge.i - 2].text != ",")) and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in head.children) and any(
                    a.lemma_.lower() == "have" for a in head.head.children if a.dep_ == "aux"):
                # "has targeted and killed", "has emulated Montoya and scored": a participle joined to the first, or
                # a regular verb that reads as one, shares its "has" ("has raised $3m and had $800,000 left", "has
                # used many guitars, and named each Lucille" are two clauses)
                continue
            plural = plurals[head.i] = is_plural(subject, replacements, self.people.surnames)
            listed = head
            while listed.dep_ == "conj" and listed.i not in misread_verbs:
                listed = listed.head
            if listed.dep_ == "advcl" and listed.i in misread_verbs and listed.head.i in plurals:
                plural = plurals[head.i] = plurals[listed.head.i]  # a verb of the main one's list: its subject's
            if head.i in same_moment and not plural and subject is not None and subject.tag_ in {"NNS", "NNPS"}:
                continue  # "when Greeks [threw]": a plural the recognizer took for a person; no guess at its number
            before = self.doc[head.i - 1] if head.dep_ == "conj" else None
            if before is not None and before.dep_ == "conj" and before.pos_ == "PROPN" and (
                    before.head.pos_ in {"NOUN", "PROPN"} and before.i > head.head.i):
                # "prosecutors charged the officer with murder and Emanuel [fired → fires]": the name the parser
                # joined to the noun before is this verb's subject
                plural = plurals[head.i] = before.tag_ == "NNPS"
            elif head.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
                # "Orlando have a huge fanbase and [made → make] enquiries": a verb joined to one in the present
                # agrees as that one does
                first = head.head
                shown = first if first.tag_ in {"VBP", "VBZ"} else next(
                    (c for c in first.children if c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBP", "VBZ"}), None)
                if shown is not None:
                    plural = plurals[head.i] = shown.tag_ == "VBP"
            auxiliaries = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
            if any(a.tag_ == "MD" for a in auxiliaries) and any(a.lower_ == "have" for a in auxiliaries):
                # "may have thought the worst [was] over": a modal's perfect is a past its clauses keep
                past.add(head.i)
            # "has in fact found": after "have" the verb is a participle, whatever tag the parser gave it
            verbs = ([] if any(a.lemma_.lower() == "have" for a in auxiliaries) else [head]) + auxiliaries
            for verb in verbs:
                if verb.i not in keep or verb.i in protected.inside:
                    continue
                form = present_form(verb, plural)
                if verb.i in misread_verbs and verb.lemma_.isalpha() and verb.lemma_.lower() != verb.lower_:
                    form = verb_lemma(verb) if plural else third_person(verb_lemma(verb))
                if form is not None:
                    replacements[verb.i] = form
            if not auxiliaries and head.i in keep and head.i not in replacements and any(
                    c.dep_ == "nsubj" for c in head.children) and (head.tag_ == "VBD" or (head.tag_ == "VBN" and any(
                        c.dep_ == "ccomp" and any(g.tag_ in {"WRB", "WP"} or g.lower_ in {"that", "whether", "if"}
                                                  for g in c.children if g.i < c.i) for c in head.children)
                        and not any(c.dep_ == "agent" for c in head.children))):
                # "Holm described how talks broke down": a verb left in its past form keeps what it reports there
                # too ("One report posted online by … suggests", "250 others injured" are passives: no past)
                past.add(head.i)
        # "expelled diplomats, cancelled visas …": a verb of the list the parser took for an adjective on a noun
        for tok in (self.doc[i] for i in self.participles):
            governor = listed_verb_governor(tok)
            if governor is None or tok.i not in keep or tok.i in protected.inside or governor.i not in replacements:
                continue
            lemma = verb_lemma(tok)
            if lemma.isalpha() and lemma != tok.lower_:
                replacements[tok.i] = lemma if plurals.get(governor.i) else third_person(lemma)

    def _at_the_time(self, clause: Token) -> bool:
        """The clause says when ("when he went"), or what went on meanwhile ("as police fought", "while others
        threw"); "as if it were", "as he was in January" and "as [, with shops] closed" (a misparse) say neither."""
        opener = self.doc[clause.left_edge.i]
        if opener.lower_ == "when":
            return True
        return opener.lower_ in {"as", "while"} and opener.dep_ == "mark" and opener.head.i == clause.i and not any(
            c.dep_ == "mark" and c.i != opener.i for c in clause.children) and not any(
            t.ent_type_ == "DATE" for t in own_clause(clause)) and "," not in {
            t.text for t in self.doc[opener.i : clause.i]}

    def _names_its_year(self, clause: Token) -> bool:
        """The clause names a year, or its main clause does in a phrase of its own ("appeared on the show in 2010";
        not "the 2008 campaign")."""
        own = {t.i for t in own_clause(clause)}
        main = clause.head
        return any(t.ent_type_ == "DATE" and YEAR.fullmatch(t.text) and (t.i in own or (
            t.head.dep_ == "prep" and t.head.head.i == main.i))
            for t in self.doc[main.left_edge.i : main.right_edge.i + 1])

    def _subtree(self, tok: Token) -> tuple[int, ...]:
        """The indices of a word's subtree, read once per sentence: the cuts ask for them again and again."""
        found = self._subtrees.get(tok.i)
        if found is None:
            found = self._subtrees[tok.i] = tuple(t.i for t in tok.subtree)
        return found

    @functools.cached_property
    def _arrays(self) -> numpy.ndarray:
        """Tag, part of speech, dependency, lower form, punctuation and space of every word, read at once."""
        return self.doc.to_array(ARRAY_COLUMNS)

    @functools.cached_property
    def _codes(self) -> tuple:
        """The string ids the per-sentence pass compares tags, dependencies and words with, made once."""
        strings = self.doc.vocab.strings
        clauses = {strings[d] for d in ("cc", "acl", "relcl", "xcomp", "advcl", "nsubj", "nsubjpass")}
        return ({strings[t] for t in RELATIVIZERS}, clauses, strings["prep"], strings["of"],
                {strings["as"], strings["than"]}, strings["xcomp"], strings["cc"], strings["appos"],
                {strings["nsubj"], strings["nsubjpass"]}, {strings[w] for w in ("according", "(", ")", "-", *DASHES)},
                {strings[d] for d in ("acl", "relcl", "advcl")}, {strings[d] for d in TRIMMABLE}, strings["preconj"],
                {strings["VBN"], strings["VBD"]},
                {strings[d] for d in ("prep", "acl", "advcl", "conj", "npadvmod", "agent")},
                {strings["relcl"], strings["acl"]}, strings["agent"])

    @functools.cached_property
    def _marker_codes(self) -> tuple[int, ...]:
        strings = self.doc.vocab.strings
        return tuple(strings[w] for w in ("that", "IN", "not", "only", "but", "also", "conj", ","))

    @functools.cached_property
    def _latest_year(self) -> int | None:
        """With no publication date, the latest year the article names stands for its own."""
        years = [int(e.text) for e in self.doc_ents if e.label_ == "DATE" and YEAR.fullmatch(e.text)]
        return max(years, default=None)

    @functools.cached_property
    def _year(self) -> int | None:
        """The year of publication; with no date, the latest year the article names stands for it."""
        return self.article.published.year if self.article.published else self._latest_year

    @functools.cached_property
    def _past_cues(self) -> list[int]:
        """The words that can say a clause is over ("once", "ago", "until", "at one time", a year before publication),
        in order."""
        year = self._year
        strings = self.doc.vocab.strings
        date = strings["DATE"]
        return [i for i, (low, ent) in enumerate(self.doc.to_array([LOWER, ENT_TYPE]).tolist())
                if strings[low] in PAST_MARKERS or strings[low] in {"until", "time"} or (
                    ent == date and year is not None and YEAR.fullmatch(strings[low]) and int(strings[low]) <= year)]

    def _in_the_past(self, head: Token) -> bool:
        """The clause itself says it is over: "once", "formerly", "years ago", "until …", or a year before publication,
        whether or not a cut shows it ("[Eight years ago,] he supported Obama" stays in the past)."""
        known = self._dated.get(head.i)
        if known is None:
            known = self._dated[head.i] = self._says_it_is_over(head)
        return known

    def _says_it_is_over(self, head: Token) -> bool:
        cues = self._past_cues
        at = bisect.bisect_left(cues, head.left_edge.i)
        if at == len(cues) or cues[at] > head.right_edge.i:
            return False  # no word of the clause could say so
        year = self._year
        # not what describes the subject ("Burns, formerly of Brighton, is sentenced") or something named in an
        # apposition ("Ho Chi Minh City, formerly Saigon", "a wild turnaround from eight years ago")
        aside = {t.i for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
        clause = own_clause(head)
        for x in head.children:
            if x.dep_ == "xcomp":
                clause += own_clause(x)  # what it was to do: "was promoted to captain four years ago"
            elif x.dep_ == "advcl" and self.doc[x.left_edge.i].lower_ == "when":
                # when it happened: "When Hurricane George destroyed the clinic in 1998, she made house calls" (not a
                # year that names a thing: "was walking … when she was struck by a gray 2013 Toyota")
                clause += [t for t in own_clause(x) if not YEAR.fullmatch(t.text) or says_when(t)]
        marks = DASHES | {"-", ","}  # "… primary — a wild turnaround from eight years ago"
        aside.update(t.i for a in clause if a.dep_ == "appos" or (
            a.dep_ == "npadvmod" and a.pos_ == "NOUN" and a.head.i == head.i and a.left_edge.i > 0
            and self.doc[a.left_edge.i - 1].text in marks) for t in a.subtree)
        for tok in clause:
            if tok.i in aside:
                continue
            if tok.lower_ in PAST_MARKERS and (tok.lower_ == "ago" or tok.head.pos_ not in {"NOUN", "PROPN"}):
                return True  # but "Ho Chi Minh City, formerly Saigon" describes the city
            if tok.lower_ == "until" and tok.head.i == head.i and tok.i > head.i:
                return True  # "lived in the Bronx until her arrest": a state that is over
            if tok.lower_ == "time" and tok.i >= 2 and self.doc[tok.i - 1].lower_ == "one" and (
                    self.doc[tok.i - 2].lower_ == "at"):
                return True  # "At one time she was married to eight men": once
            if year is not None and tok.ent_type_ == "DATE" and YEAR.fullmatch(tok.text) and (int(tok.text) < year or (
                    int(tok.text) == year and not self.article.published and says_when(tok))):
                # with no date, the latest year named is history too when it says when ("in 2008", "in February of
                # 1986"): news of its own year seldom names it ("Clinton won the New Hampshire primary in 2008" is no
                # "wins"); not when it names a thing ("for the 2018 tournament", "the contests of 2016")
                return True
        return False

    # -- surface --------------------------------------------------------------------------------------------
    def _surface(self, span: Span, keep: set[int], replacements: dict[int, str]) -> str:
        parts: list[str] = []
        previous: Token | None = None
        for tok in (self.doc[i] for i in sorted(keep) if span.start <= i < span.end):
            if tok.text in {"'", "’"} and tok.i - 1 not in keep and tok.i + 1 not in keep:
                continue  # "Moreau, who’s short of the Pilots’ [threshold], boards": a mark both cuts left alone
            hyphens = previous is not None and tok.text == previous.text == "-" and tok.i > previous.i + 1
            if previous is not None and is_dash(tok) and tok.i > previous.i + 1 and parts and sum(
                    is_dash(self.doc[i], spaces=True) for i in range(previous.i + 1, tok.i)) == 1:
                # "her 2010 marriage[ to Keita, of Mali, - the tenth time she wed] - was her first": the cut took
                # the dash that opened the aside; the one that closed it has nothing to close
                previous = tok
                continue
            previous = tok
            if hyphens and parts:
                # "closed doors - [with one of those matches …] - while": spaced hyphens set off an aside a cut took
                # (two that were side by side stand for one dash: "the victims - - the women")
                parts[-1] = " "
                continue
            text = replacements.get(tok.i, tok.text)
            if tok.text[:1] in {"'", "’"} and text[:1].isalpha() and parts and not parts[-1][-1:].isspace():
                text = " " + text  # "He'd said" re-tensed: "He has said", not "Hehas said"
            if text and tok.text[:1].isupper() and text[:1].islower():
                text = text[0].upper() + text[1:]
            parts.append(text + (tok.whitespace_ if tok.i + 1 in keep else " "))
        text = "".join(parts)
        text = re.sub(r"\s+", " ", text).strip()
        text = re.sub(r"\s+([,;:.!?%)\]’”])", lambda m: m.group(1) if m.group(1) not in "’”" else " " + m.group(1),
                      text)
        text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
        # "devastation --, Kacong is quoted", "About a Boy,'', wins": a comma after a mark that already parts
        text = re.sub(rf"(--|[{DASH_CHARS}]|[,;:](?:''|[’”\"]))\s*,", r"\1", text)
        text = re.sub(rf"^[\s,;:{DASH_CHARS}-]+|[\s,;:{DASH_CHARS}-]+$", "", text)
        text = re.sub(r"\(\s*\)", "", text)  # what a cut emptied: "()", "– –", "debate– –shows"
        text = re.sub(rf"\s*(?:--|[{DASH_CHARS}])\s*(?:--|[{DASH_CHARS}])\s*", " ", text).strip()
        text = re.sub(r"\s+", " ", text)
        last = self.doc[max(keep)] if keep else None
        if last is None or last.is_punct or not re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{1,4}\.", last.text):
            text = re.sub(r"[.]$", "", text)  # but "in Sunnyvale, Calif.", "at 4 p.m.": an abbreviation keeps its point
        text = tidy_quotes(text)
        # "…is “not the most handsome man in the field,”": the comma ran the sentence on past the quotation
        text = re.sub(r"[,;:]([”\"]|’’|'')$", r"\1", text)
        text = re.sub(r"^[\"'‘’“”]\s+", "", text)  # a closing mark of the previous sentence's quotation
        if text and text[0].islower():
            text = text[0].upper() + text[1:]
        return text


