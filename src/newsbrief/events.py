"""Events: who did what to whom, when and where, one per clause, in the PLOVER/CAMEO scheme.

Each clause whose verb (or verb + particle/object, "opened fire") is in the event lexicon
(``data/event_lexicon.json``) becomes an Event: actor and target from the dependency parse,
resolved to entities, ISO3 country and sector; negation, modality, location, counts and a date
taken from the times layer (the clause's own expression, else one inherited from the governing
clause, sentence or paragraph, else the publication date).  Hand-written: the event coders that
exist (PETRARCH, its successors) need CoreNLP or large models that are not available offline;
this needs only spaCy's parse and a lexicon kept as data.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import ADJ, VERB

from . import countries
from .document import DASH_CHARS, Action, Article, Entity, Event, Participant, TimeExpression
from .nlp import listed_verb_governor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

COOPERATIVE = {"agree", "consult", "support", "cooperate", "aid", "concede", "retreat", "investigate"}
CONFLICTUAL = {"sanction", "coerce", "assault", "fight", "mobilize", "protest", "reject", "accuse"}
# Verbs of phase and intent that carry no event of their own but may govern one ("began a strike").
ASPECTUAL = {"continue", "begin", "start", "resume", "remain", "issue", "express", "decide", "plan", "try",
             "attempt", "put", "conclude", "want", "confirm", "announce", "report"}
# Verbs whose outcome or whose activity, named by a noun after this preposition, is the event: "resulted in
# the arrest", "engaged the patrol in a firefight", "took part in the talks" (lemma "take" with "part").
RESULTATIVE = {"result": "in", "lead": "to", "end": "in", "engage": "in", "participate": "in"}
# "Ross County beat them 2-1": a game's result, not violence ("killed 20-30 people" stays an attack)
RESULT_VERBS = {"beat", "defeat", "thrash", "rout", "crush", "edge", "hammer", "trounce", "overcome", "down", "humble",
                "stun", "upset", "outclass", "demolish", "batter"}
# "the coach was fired", "fired two screeners": "fire" with a person as its patient is a dismissal, not shooting
# ("fired anti-aircraft batteries", "a missile believed to be fired by rebels" are shooting)
STAFF = {"staff", "employee", "worker", "officer", "screener", "coach", "manager", "minister", "director", "chief",
         "official", "teacher", "executive", "secretary", "aide", "editor", "player", "agent", "guard", "ceo",
         "boss", "adviser", "advisor", "spokesman", "spokeswoman", "general", "commander", "head", "president",
         "chairman", "nurse", "doctor", "reporter", "presenter", "member"}
SCORE = re.compile(r"(?<![\d.,/-])\d{1,3}[-–]\d{1,3}(?![\d.,/-]|\s*(?:years?|months?|days?|weeks?)\b)")
# Modal auxiliaries -> modality of the clause.
MODALS = {
    "will": "future", "shall": "future", "'ll": "future", "wo": "future",
    "would": "hypothetical", "could": "hypothetical", "might": "hypothetical", "may": "hypothetical",
    "must": "obligation", "should": "obligation", "ought": "obligation",
}
# Dependents that start a clause of their own: their tokens are not the governing clause's.
CLAUSE_DEPS = {"conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "pcomp"}
TARGET_PREPS = {"on", "against", "to", "with", "at", "into", "upon", "toward", "towards", "from", "over", "between",
                "among"}
# who speaks for a state: such a person dealing with another state's government is not of that state
STATE_TITLE = re.compile(r"(?i)\b(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|foreign minister"
                         r"|secretary of state)\b")
# sectors whose people act where they live: an unplaced "police" in a story filed from Kabul are Afghan police
# (not troops, who are often abroad)
HOME_SECTORS = {"police", "judiciary", "government", "legislature", "opposition", "civilians", "labour",
                "education", "media", "business"}
AIMED_PREPS = {"against", "on", "to", "with", "toward", "towards"}
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_NOUNS = {"area", "district", "province", "city", "town", "village", "region", "state", "county", "valley",
               "camp", "border", "neighbourhood", "neighborhood", "suburb", "port", "terminal", "base"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them", "its", "their", "who", "which", "that"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "dozen": 12, "hundred": 100, "a": 1, "an": 1,
}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_EXPLICIT = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}|" + _MONTH + r"\s*\d|\d\s*" + _MONTH, re.IGNORECASE)
_DATE_VALUE = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d{2}(?:-\d{2})?|W\d{2}))?")  # XXXX: a year no one gives


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    phrases: dict[str, str | None]  # None: a speech act or a publication, no event
    adjectives: dict[str, str]
    nouns: dict[str, str]
    reporting: frozenset[str]
    control: frozenset[str]
    counts: dict[str, str]
    sectors: dict[str, str]
    international: frozenset[str]
    civilian_targets: frozenset[str]
    irregular_actors: frozenset[str]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("newsbrief").joinpath("data/event_lexicon.json").read_text(encoding="utf-8")
    )
    return Lexicon(
        verbs=raw["verbs"],
        phrases=raw["phrases"],
        adjectives=raw["adjectives"],
        nouns=raw["nouns"],
        reporting=frozenset(raw["reporting"]),
        control=frozenset(raw["control"]),
        counts=raw["counts"],
        sectors=raw["sectors"],
        international=frozenset(raw["international"]),
        civilian_targets=frozenset(raw["civilian_targets"]),
        irregular_actors=frozenset(raw["irregular_actors"]),
    )


@functools.lru_cache(maxsize=1)
def _actor_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every name in ``data/actor_countries.json`` (longest first, so "Hamas's armed wing"
    beats "Hamas"; acronyms in capitals only), and the state of each name by its lower-case form."""
    raw: dict[str, Any] = json.loads(
        resources.files("newsbrief").joinpath("data/actor_countries.json").read_text(encoding="utf-8")
    )
    names = {name: iso3 for kind, table in raw.items() if not kind.startswith("_") for name, iso3 in table.items()}
    alternatives = [f"(?-i:{re.escape(n)})" if n.isupper() else re.escape(n)
                    for n in sorted(names, key=len, reverse=True)]
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)
    return pattern, {name.lower(): iso3 for name, iso3 in names.items()}


def _actor_names_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    pattern, states = _actor_names()
    return [(m.start(), m.end(), states[m.group(0).lower()])
            for m in pattern.finditer(text, start, len(text) if end is None else end)]


def actor_country(text: str) -> str | None:
    """The state an institution or movement named in ``text`` stands for ("the Kremlin", "Hamas"), per
    ``data/actor_countries.json``; None when it names none.  The longest name wins."""
    found = _actor_names_in(text)
    return max(found, key=lambda f: f[1] - f[0])[2] if found else None


@functools.lru_cache(maxsize=1)
def _phrase_heads() -> frozenset[str]:
    """The verbs the lexicon's phrases open with ("open" of "open fire")."""
    return frozenset(key.split()[0] for key in lexicon().phrases)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where a wire dateline ("KABUL, Afghanistan (Nov. 20, 2011) –") sits, as the times module reads it."""
    from . import times  # the times stage owns dateline reading; imported late so rendering never needs it

    read = getattr(times, "read_dateline", None)
    dateline = read(text) if read is not None else None
    return (dateline.start, dateline.end) if dateline is not None else None


def extract_events(article: Article) -> list[Event]:
    """The events layer of a parsed article (``article.doc`` set)."""
    doc = article.doc
    if doc is None:
        return []
    ctx = _Context(article, lexicon())
    events: list[tuple[Token, Event]] = []
    # only verbs and adjectives carry events: found in the Doc's arrays, in text order, without making a Token of
    # every word
    pos = doc.to_array(POS)
    for i in numpy.flatnonzero((pos == VERB) | (pos == ADJ)).tolist():
        token = doc[i]
        event = ctx.event_for(token)
        if event is not None:
            events.append((token, event))
    ctx.add_tolls({tok.i: event for tok, event in events})
    ctx.resolve_pronouns(events)
    ctx.date_from_sentence_end(events)
    return [e for _, e in sorted(events, key=lambda te: (te[1].action.start, te[1].start))]


class _Context:
    def __init__(self, article: Article, lex: Lexicon) -> None:
        self.article = article
        self.lex = lex
        self.doc: Doc = article.doc
        self.text = article.text
        self.mentions: list[tuple[int, int, Entity]] = sorted(
            ((m.start, m.end, e) for e in article.entities for m in e.mentions), key=lambda x: x[0]
        )
        self.mention_starts = [m[0] for m in self.mentions]
        self.longest_mention = max((m[1] - m[0] for m in self.mentions), default=0)
        dl = dateline_span(article.text)
        self.dateline_end = dl[1] if dl else 0
        self.dateline_country = _dateline_country(article.text[dl[0] : dl[1]]) if dl else None
        # the dateline's own date is the publication date, not a time of any clause; "since Oct. 1" and "by
        # June" bound a span, they do not date what happened
        self.times = [t for t in article.times if _date_value(t.value) and not (dl and dl[0] <= t.start < dl[1])
                      and not _BOUNDING.search(article.text, max(0, t.start - 7), t.start)]
        # no publication date: what the release gives of it ("Feb. 07" with no year, a release number's month)
        if article.published is not None:
            self.published: str | None = article.published.isoformat()
        else:
            from .times import partial_anchor

            self.published = partial_anchor(article.text)
        self.tolls: dict[int, Token] = {}  # "..., killing 26": participles whose numbers belong to an event
        self.named_cache: dict[int, list[tuple[int, str]]] = {}  # sentence start -> states it names
        self.country_cache: dict[int, str | None] = {}  # token index -> the state its phrase names

    # -- which tokens carry an event -------------------------------------------------------
    def event_for(self, token: Token) -> Event | None:
        lex = self.lex
        if token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lower_ in lex.adjectives:
            head = token.head
            category = lex.adjectives[token.lower_]
            return self._build(head, token, category, [token])
        if token.pos_ != "VERB" or _in_name(token):
            return None
        if token.dep_ == "amod" and listed_verb_governor(token) is None:  # "shared objectives" is no event
            return None
        if token.dep_ == "acl" and token.head.dep_ in {"nsubj", "nsubjpass"}:
            return None  # "A force, supported by coalition troops, detained ...": who the actor is, not an event
        lemma = token.lemma_.lower()
        if not (lemma in lex.verbs or lemma in _phrase_heads() or lemma in lex.counts or lemma in RESULTATIVE
                or token.dep_ == "ccomp" or any(c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns
                                                for c in token.rights)):
            return None  # most verbs name no event the lexicon knows: said before the costlier tests below
        if lemma == "fire" and not any(c.lower_ in {"on", "upon", "at"} for c in token.children) and any(
                c.dep_ in {"dobj", "nsubjpass"} and (c.ent_type_ == "PERSON" or c.lower_ in {"him", "her", "them"}
                                                     or c.lemma_.lower() in STAFF) for c in token.children):
            return None  # "two screeners have been fired": a dismissal, not shooting ("an officer was fired on" is)
        right = token.right_edge
        if lemma in RESULT_VERBS and SCORE.search(self.text, token.idx, right.idx + len(right.text)):
            return None  # "beat them 2-1", "thrashed Rovers 5-0": sport
        category, extra = self._phrase(token)
        if category is None and extra:
            return None  # "released a statement": the lexicon's phrase for a speech act, no event
        if category is None and lemma in lex.reporting and lemma not in ASPECTUAL:
            return None
        if self._folded(token):
            return None
        if category is None and lemma not in lex.reporting:
            category = lex.verbs.get(lemma)
        subject = self._subject(token, {"nsubj", "nsubjpass"})
        if category is None and token.dep_ == "ccomp" and self._modality(token) == "obligation" \
                and token.head.lemma_.lower() in lex.reporting and subject is not None \
                and (subject.pos_ == "PROPN" or subject.ent_type_ or self._country_in(subject)):
            category = "request"  # "declared that China must drop its barriers": whatever the verb
        if category is None:
            # "speeded up the withdrawal", "staged a hunger strike": the event is the object noun
            noun = next((c for c in token.rights if c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns), None)
            if noun is None and lemma in RESULTATIVE:
                # "the operation resulted in the detention of ...": the event is the outcome
                noun = next((gc for c in token.rights if c.dep_ == "prep" and c.lower_ == RESULTATIVE[lemma]
                             for gc in c.children if gc.dep_ == "pobj" and gc.lemma_.lower() in lex.nouns), None)
            if noun is None or token.dep_ in {"pcomp", "acl", "relcl"} or (
                    token.dep_ == "xcomp" and (token.head.pos_ == "ADJ" or token.head.tag_ == "VBN")):
                return None  # "responsible for coordinating attacks", "known to conduct raids": a description
            category, extra = lex.nouns[noun.lemma_.lower()], [noun]
        return self._build(token, token, category, extra)

    def _phrase(self, verb: Token) -> tuple[str | None, list[Token]]:
        """"opened fire", "called for", "held talks", "turned himself in": verb + particle/object."""
        lemma = verb.lemma_.lower()
        phrases = self.lex.phrases
        for child in verb.children:
            if child.dep_ == "prt":
                key = f"{lemma} {child.lower_}"
                if key in phrases:
                    return phrases[key], [child]
        for deps in ({"dobj", "attr"}, {"prep"}):
            for child in verb.rights:  # "On Wednesday, the union called a strike" is no "call on"
                if child.dep_ in deps:
                    modifiers = [c.lemma_.lower() for c in child.children if c.dep_ in {"compound", "amod"}]
                    # "launched an air strike" is no "launch strike" (a walkout): the compound noun first
                    words = [f"{m} {child.lemma_.lower()}" for m in modifiers]
                    words += [child.lemma_.lower(), child.lower_, *modifiers]
                    for word in words:
                        if f"{lemma} {word}" in phrases:
                            return phrases[f"{lemma} {word}"], [child]
        return None, []

    def _folded(self, verb: Token) -> bool:
        """A verb whose meaning belongs to another event: "threatened to shell", "..., killing 26"."""
        head = verb.head
        if verb.dep_ in {"xcomp", "ccomp"} and head.lemma_.lower() in self.lex.control and head != verb:
            return True
        if verb.dep_ == "ccomp" and head.lemma_.lower() in {"warn", "threaten"}:
            return True
        if verb.lemma_.lower() in self.lex.counts and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"}:
            self.tolls[verb.i] = verb
            return True
        return verb.dep_ == "conj" and head != verb and self._folded(head)

    def add_tolls(self, by_token: dict[int, Event]) -> None:
        """Give ", killing at least 26 people and injuring 17" to the event it is the toll of."""
        for verb in self.tolls.values():
            counts: dict[str, int] = {}
            self._add_count(verb, False, counts)
            owner: Event | None = None
            node = verb
            for _ in range(8):
                if node.head == node:
                    break
                node = node.head
                if node.i in by_token:
                    owner = by_token[node.i]
                    break
            if owner is None:  # a parse broken by a long name: the last event before it in the sentence
                before = [i for i in by_token if verb.sent.start <= i < verb.i]
                owner = by_token[max(before)] if before else None
            if owner is not None:
                for key, n in counts.items():
                    owner.counts[key] = owner.counts.get(key, 0) + n

    # -- one event ----------------------------------------------------------------------------
    def _build(self, verb: Token, action_tok: Token, category: str, extra: list[Token]) -> Event:
        text = self.text
        actor_tok, target_tok, passive = self._arguments(verb, extra)
        if self._modality(verb) == "obligation" and verb.dep_ == "ccomp":
            # "Russia said that Sudan must return the helicopter": Russia demands it of Sudan
            reporter = self._subject(verb.head, {"nsubj"})
            if reporter is not None and reporter.lower_ not in PRONOUNS:
                actor_tok, target_tok = reporter, actor_tok or target_tok
        actor = self._participant(actor_tok) if actor_tok is not None else None
        target = self._participant(target_tok) if target_tok is not None else None
        self._fill_countries(verb, actor, target)
        negated = any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in action_tok.children)
        if negated and any(t.lower_ == "enough" and t.dep_ == "advmod" for t in verb.subtree):
            negated = False  # "I can't praise the players highly enough": the most praise there is
        # "no complaints", "no agreement": a noun event its determiner denies
        negated = negated or any(t.pos_ == "NOUN" and any(c.lower_ == "no" and c.dep_ == "det" for c in t.children)
                                 for t in [action_tok, *extra])
        # "failed to reach an agreement": the action did not happen
        negated = negated or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail")
        modality = self._modality(verb)
        category = self._adjust(category, verb, modality, actor, target, negated)
        action_tokens = [action_tok, *[t for t in extra if 0 < t.i - action_tok.i <= 8]]
        a_start = min(t.idx for t in action_tokens)
        a_end = max(t.idx + len(t.text) for t in action_tokens)
        own = self._own_tokens(verb)
        start = min(t.idx for t in own)
        end = max(t.idx + len(t.text) for t in own)
        date, basis = self._date(verb, own, extra)
        counts = self._counts(verb, passive)
        location = self._location(own)
        where = next((c for c in (self._place_country(p) for p in self._places(own)) if c), None)
        for who in (actor, target):
            # "ethnic Albanians ... in southeastern Serbia": an ethnic group is coded by where it lives
            if who is not None and where and re.search(r"\bethnic\b", who.name, re.IGNORECASE):
                who.country = where
        return Event(
            actor=actor,
            action=Action(text=text[a_start:a_end], lemma=" ".join(
                [action_tok.lemma_.lower(), *[t.lemma_.lower() for t in extra if t != action_tok]]),
                category=category, start=a_start, end=a_end),
            target=target,
            date=date,
            date_basis=basis,
            start=start,
            end=end,
            negated=negated,
            modality=modality,
            location=location,
            counts=counts,
            quote=self._quote_index(a_start),
        )

    def _arguments(self, verb: Token, extra: list[Token]) -> tuple[Token | None, Token | None, bool]:
        subj = self._subject(verb, {"nsubj", "csubj"})
        subjpass = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((gc for c in verb.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"),
                     None)
        if subjpass is not None and agent is None and verb.lower_ in self.lex.adjectives:
            subj, subjpass = subjpass, None  # "Israel is opposed to ...", "Vietnam is committed to ...": a stance
        passive = subjpass is not None
        actor = subj or agent
        if actor is None and not passive:
            actor = self._inherited_subject(verb)
        if actor is not None and actor.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
            actor = verb.head  # "Sharon, who has vowed ...": the noun the clause describes
        candidates = [subjpass] if passive else []
        candidates += self._target_candidates(verb, extra, actor)
        if not candidates:
            # "donated and personally delivered goods to a school": the verbs share the later one's object
            # (not "the union called a strike, and shipping lines diverted vessels": a clause with its own subject)
            for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)):
                candidates += self._target_candidates(conj, [], actor)
        if verb.dep_ == "amod":  # "..., cancelled visas": the parser made it a modifier
            candidates.append(verb.head)
        target = self._best(candidates, verb, actor)
        return actor, target, passive

    def _subject(self, verb: Token, deps: set[str]) -> Token | None:
        """The clause's subject; a dateline the parser took for one ("KABUL, Afghanistan -") is not."""
        subjects = [c for c in verb.children if c.dep_ in deps]
        real = [c for c in subjects if c.idx >= self.dateline_end]
        return (real or subjects or [None])[-1]

    def _target_candidates(self, verb: Token, extra: list[Token], actor: Token | None, depth: int = 0) -> list[Token]:
        """Who the action is done to, most direct first: object, recipient, "on/against/to X", then the
        subject or object of a governed clause ("demanded that Israel ease", "threatened to shell towns")."""
        out: list[Token] = []
        places: list[Token] = []  # "lifted a curfew in Montenegro": where it happens, when nothing else names a state
        objects = [c for c in verb.children if c.dep_ in {"dative", "dobj"} and c not in extra]
        # "provide support to Israel": the parser makes "to" the dative; the recipient is its object
        objects = [next((g for g in c.children if g.dep_ == "pobj"), c) if c.pos_ == "ADP" else c for c in objects]
        out += objects
        objects += [conj for o in objects for conj in o.conjuncts]
        for holder in [verb, *objects, *extra]:
            for child in holder.children:
                if child.dep_ != "prep":
                    continue
                pobjs = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}]
                # "aid for Romania", "calls by Belarus's rulers": on a noun, these name who is concerned
                # ("issued arrest warrants for two smugglers": the parser may hang the noun's "for" on the verb)
                if child.lower_ in TARGET_PREPS or (holder != verb and child.lower_ in {"for", "of", "by"}) \
                        or (extra and child.lower_ == "for"):
                    out += pobjs
                elif child.lower_ in LOCATION_PREPS:
                    places += pobjs
            if holder in extra and holder.dep_ == "prep":
                out += [c for c in holder.children if c.dep_ == "pobj"]
        purposes: list[Token] = []  # "... to protest against Sweden's decision"
        if depth < 3:
            # "is ready to contribute troops to ...": the clause hangs from the adjective
            governed = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}]
            governed += [gc for c in verb.children if c.dep_ == "acomp" for gc in c.children
                         if gc.dep_ == "xcomp" and gc.pos_ in {"VERB", "AUX"}]
            for child in governed:
                inner = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if inner is not None and inner.lower_ not in PRONOUNS and inner != actor:
                    # "warned that any attempt by India to divert the river would be an act of war": the warning
                    # is aimed at whoever would make the attempt
                    if inner.pos_ == "NOUN":
                        out += [g for c in inner.children if c.dep_ == "prep" and c.lower_ == "by"
                                for g in c.children if g.dep_ == "pobj"]
                    out.append(inner)
                out += self._target_candidates(child, [], actor, depth + 1)
            for child in verb.children:
                if child.dep_ == "advcl" and child.pos_ == "VERB" and any(c.lower_ == "to" for c in child.children):
                    purposes += self._target_candidates(child, [], actor, depth + 1)
        # "threatened to stop the talks if the United States goes ahead", "... unless Baghdad accepted":
        # a threat or a demand is aimed at whoever the condition names
        conditions = [c for c in verb.subtree if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)]
        conditional = [s for c in conditions for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}
                       and s.lower_ not in PRONOUNS] if depth == 0 else []
        if verb.lemma_.lower() in {"warn", "threaten"}:
            # "warned that workers would walk out if the port authority failed to hire …": the threat is aimed at
            # whoever the condition names, not at those who would carry it out
            ordered = conditional + out + places + purposes
        else:
            ordered = out + places + purposes + conditional
        return [t for t in ordered if t is not None and t != actor]

    def _best(self, candidates: list[Token], verb: Token | None = None, actor: Token | None = None) -> Token | None:
        """The first candidate that names a state or an organisation; else a state the clause aims at
        further down ("mobilized reservists for a war against Iraq"); else the first one."""
        for tok in candidates:
            if self._country_in(tok) is not None:
                return tok
        if verb is not None:
            skip = {t.i for t in actor.subtree} if actor is not None else set()
            # nor into a coordinated action: "suspended the treaty, closed the crossing with Pakistan"
            skip |= {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for t in c.subtree}
            # not into "the demonstration staged by students to protest ... troops to Iraq": a clause on a noun
            for sub in _subtree_without(verb, {"relcl", "ccomp", "acl", "nsubj", "nsubjpass"}):
                if sub.i not in skip and sub.dep_ == "pobj" and sub.head.lower_ in AIMED_PREPS \
                        and self._country_in(sub) is not None:
                    return sub
            if not candidates or self._country_in(candidates[0]) is None:
                # "rejected a call for peacekeepers to be deployed in East Timor": with no one named, the
                # state where the clause puts its action
                for sub in _subtree_without(verb, {"relcl", "ccomp", "acl", "nsubj", "nsubjpass"}):
                    if sub.i not in skip and sub.dep_ == "pobj" and sub.head.lower_ in LOCATION_PREPS | {"from"} \
                            and _names_state(" ".join(t.text for t in sub.subtree if t.pos_ == "PROPN")):
                        return sub
        return candidates[0] if candidates else None

    def _fill_countries(self, verb: Token, actor: Participant | None, target: Participant | None) -> None:
        """What a reader infers from the sentence when a participant names no state: a person or group
        ("President Dos Santos", "rebels") belongs to the state the sentence names; an action on a thing or
        group that names no state ("lifted a night curfew") falls on the actor's own state."""
        named = self._sentence_countries(verb.sent, verb)
        if actor is not None and actor.country is None and actor.sector != "international":
            others = [c for c in named if target is None or c != target.country]
            # "President Bush threatened action against Russia": the state an action is aimed at is not the
            # actor's; a group of its people is ("Museveni banned Ugandan opposition candidates")
            # nor is the state of a government an actor's government deals with ("Putin offered to negotiate
            # with the president of Armenia")
            foreign = target is not None and (_names_state(target.name) or (
                STATE_TITLE.search(actor.name) is not None and target.sector == "government"))
            if not others and not foreign:
                others = named
            if others:
                actor.country = others[0]
            elif actor.sector in HOME_SECTORS and self.dateline_country:
                # "KABUL, Afghanistan — Police arrested ...": the police of the place the story is filed from
                actor.country = self.dateline_country
        if target is not None and target.country is None and target.sector != "international" and actor \
                and actor.country and not [c for c in self._clause_countries(verb) if c != actor.country] \
                and not (target.entity and (ent := self.article.entity(target.entity)) and ent.label in PLACE_LABELS):
            target.country = actor.country

    def _named_in(self, sent: Span) -> list[tuple[int, str]]:
        """(position, ISO3) of every state the sentence names."""
        if sent.start_char not in self.named_cache:
            self.named_cache[sent.start_char] = self._find_named(sent)
        return self.named_cache[sent.start_char]

    def _find_named(self, sent: Span) -> list[tuple[int, str]]:
        named: list[tuple[int, str]] = []
        lo = bisect.bisect_left(self.mention_starts, sent.start_char)
        hi = bisect.bisect_left(self.mention_starts, sent.end_char)
        for m_start, m_end, ent in self.mentions[lo:hi]:
            if not _patron_span(self.text, m_start, m_end):
                country = self._mention_country(ent)
                if country:
                    named.append((m_start, country))
        # names the entity layer missed or mislabelled: "Ugandan" tagged as a person, "Algiers" as a place
        taken = {pos for pos, _ in named}
        for tok in sent:
            if not (tok.is_title or (tok.is_upper and len(tok) > 2)) or tok.idx in taken \
                    or _foreign_modifier(self.text, tok):
                continue
            if any(self._mention_country(m[2]) for m in self._mentions_at(tok.idx)):
                continue
            hit = countries.lookup(tok.text)
            if hit is not None and tok.ent_type_ == "PERSON" and (hit.demonym or "").lower() != tok.lower_:
                hit = None  # "Jordan" the person is no state; "Ugandan" is a demonym whatever the tag
            if hit is None and tok.pos_ == "PROPN" and tok.ent_type_ in {"GPE", "LOC", ""}:
                hit = countries.capital_of(tok.text)
            if hit is not None:
                named.append((tok.idx, hit.iso3))
        # institutions and movements the entity layer gives no state ("the Taliban", "the Kremlin")
        named += [(start, iso3) for start, _, iso3 in _actor_names_in(self.text, sent.start_char, sent.end_char)]
        return sorted(named)

    def _clause_countries(self, verb: Token) -> list[str]:
        """States named in the event's own clause, not in a reporting clause around it ("..., a member of the
        Chadian team said"), nor in a clause on a noun."""
        top = verb
        while top.dep_ in {"conj", "xcomp", "advcl"} and top.head != top:
            top = top.head
        # nor in a clause on a noun ("the march organised by students to protest imports from Turkey")
        starts = {t.idx for t in _subtree_without(top, {"relcl", "acl"})}
        return [c for pos, c in self._named_in(verb.sent) if pos in starts]

    def _sentence_countries(self, sent: Span, verb: Token | None = None) -> list[str]:
        """States the sentence names, those in the event's own clause first: in "... declared a state of
        siege in Haiti, a spokeswoman for the U.S. embassy said", Haiti before the reporter's embassy."""
        named = sorted(self._named_in(sent))
        if verb is not None:
            clause = {t.idx for t in verb.subtree}
            named.sort(key=lambda pc: pc[0] not in clause)  # stable: text order within each group
        found: list[str] = []
        for _, country in named:
            if country not in found:
                found.append(country)
        return found

    @staticmethod
    def _mention_country(ent: Entity) -> str | None:
        if ent.country:
            return ent.country
        hit = countries.lookup(ent.affiliation) if ent.affiliation else None
        return hit.iso3 if hit else None

    def _country_in(self, tok: Token) -> str | None:
        """The state a noun phrase names or belongs to: "Senior Hungarian and Romanian officials" -> HUN;
        the head's own name first ("Palestinians of the Israeli-occupied West Bank" are Palestinian)."""
        # asked twice of half the phrases (when choosing the target, then when describing it)
        if tok.i not in self.country_cache:
            self.country_cache[tok.i] = self._find_country(tok)
        return self.country_cache[tok.i]

    def _find_country(self, tok: Token) -> str | None:
        tokens = _phrase_tokens(tok)
        phrase = _noun_phrase(tok)
        whole = countries.lookup(self.text[phrase[0].idx : phrase[-1].idx + len(phrase[-1].text)])
        if whole is not None:  # "the Democratic People's Republic of Korea"
            return whole.iso3
        ordered = [tok, *[t for t in tokens if t != tok]]
        # "Bosnian Serbs" live in Bosnia: a people named with where they live belong to that state
        lives_in = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i and c.is_title]
        if lives_in and countries.lookup(tok.text) is not None and countries.lookup(lives_in[0].text) is not None:
            ordered = [lives_in[0], *[t for t in ordered if t != lives_in[0]]]
        for t in ordered:
            if _foreign_modifier(self.text, t):
                continue
            for m_start, m_end, ent in self._mentions_at(t.idx):
                if _patron_span(self.text, m_start, m_end):
                    continue
                country = self._mention_country(ent)
                if country is not None:
                    return country
            if t.ent_type_ in {"GPE", "NORP"} or t.is_title:
                # a capital the model did not tag ("a curfew in Algiers") still names its state, and so does
                # one that begins an organisation's name ("Baghdad University")
                untagged_place = t.pos_ == "PROPN" and (t.ent_type_ in {"", "LOC", "FAC"} or (
                    t.ent_type_ == "ORG" and t.ent_iob_ == "B"))
                found = countries.lookup(t.text) or (
                    countries.capital_of(t.text) if t.ent_type_ == "GPE" or untagged_place else None)
                if found is not None:
                    return found.iso3
        return actor_country(self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)])

    def _mentions_at(self, pos: int) -> list[tuple[int, int, Entity]]:
        # only mentions that start within the longest mention's length before pos can cover it
        lo = bisect.bisect_left(self.mention_starts, pos - self.longest_mention)
        hi = bisect.bisect_right(self.mention_starts, pos)
        return [m for m in self.mentions[lo:hi] if pos < m[1]]

    def _inherited_subject(self, verb: Token) -> Token | None:
        """The subject of the clause this one hangs from: conjoined verbs, participles, amod misparses."""
        node = verb
        # "a rally to protest", "resorted to throwing stones": an active participle or infinitive
        # hanging from a noun or preposition is done by the governing clause's subject
        active = verb.tag_ in {"VBG", "VB"}
        # "Palestinian youths resorted to ...": the small model sometimes makes the subject the root
        # and the finite verb its modifier; then the root noun is the subject
        nominal_root = verb.sent.root.pos_ in {"NOUN", "PROPN"}
        for _ in range(6):
            deps = {"conj", "xcomp", "advcl", "amod", "dobj", "pobj", "prep"}
            deps |= {"acl", "pcomp"} if active or nominal_root else set()
            if node.dep_ not in deps or node.head == node:
                return None
            node = node.head
            if nominal_root and node == verb.sent.root:
                return node
            if node.pos_ in {"VERB", "AUX"}:
                subj = self._subject(node, {"nsubj", "nsubjpass"})
                if subj is not None:
                    return subj
                agent = next((gc for c in node.children if c.dep_ == "agent" for gc in c.children
                              if gc.dep_ == "pobj"), None)
                if agent is not None:
                    return agent
        return None

    def _participant(self, tok: Token) -> Participant:
        lex = self.lex
        span = _noun_phrase(tok)
        name = self.text[span[0].idx : span[-1].idx + len(span[-1].text)]
        name = re.sub(r"^(?:the|a|an|both|The|A|An|Both)\s+", "", name)
        entity = self._entity_for(tok, span)
        country: str | None = None
        sector: str | None = None
        # where people are, when they are not named by a demonym of their own: "opposition parties in Nepal",
        # "the government of Sindh province"; but "a Cambodian refugee camp in Thailand" stays Cambodian
        places = [gc for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "throughout"}
                  for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ == "GPE"]
        own = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i
               and countries.lookup(c.text) is not None and not _foreign_modifier(self.text, c)]
        if not own:
            country = next(filter(None, map(self._country_in, places)), None)
        patron = entity is not None and any(_patron_span(self.text, m[0], m[1]) for t in span
                                             for m in self._mentions_at(t.idx) if m[2] is entity)
        if entity is not None:
            country = country or (None if patron else self._mention_country(entity))
            if entity.role:  # "union leader", "army chief": the first telling word of a title
                sector = next((lex.sectors[w] for w in entity.role.lower().split() if w in lex.sectors), None)
        if country is None:
            country = self._country_in(tok)
        if country is None:
            # "a temporary camp for Congolese refugees": a place or fund for a people is theirs
            country = next(filter(None, (self._country_in(gc) for c in tok.children if c.dep_ == "prep"
                                         and c.lower_ == "for" for gc in c.children if gc.dep_ == "pobj")), None)
        words = [t.lemma_.lower() for t in span]
        if sector is None:
            sector = lex.sectors.get(tok.lemma_.lower()) or lex.sectors.get(tok.lower_)
            if sector is None:
                sector = _sector_of(words, lex)
        low = name.lower()
        if sector is None and (low in lex.international or (entity and entity.name.lower() in lex.international)):
            sector = "international"
        if sector is None and entity is not None and entity.label == "GPE" and entity.country == country \
                and country and tok.ent_type_ == "GPE":
            sector = "government"  # "India suspended the treaty": a state acts through its government
        return Participant(name=name, entity=entity.id if entity else None, country=country, sector=sector)

    def _entity_for(self, tok: Token, span: list[Token]) -> Entity | None:
        start = span[0].idx
        end = span[-1].idx + len(span[-1].text)
        head_start = tok.idx
        best: Entity | None = None
        for m_start, m_end, ent in self.mentions:
            if m_start > end:
                break
            if m_end <= start:
                continue
            if m_start <= head_start < m_end:
                return ent
            if best is None or (ent.country and not best.country) or (ent.label == "PERSON" and not best.country):
                best = ent
        return best

    def _modality(self, verb: Token) -> str | None:
        for child in verb.children:
            if child.dep_ in {"aux", "auxpass"}:
                mod = MODALS.get(child.lower_)
                if mod:
                    return mod
            if child.lower_ == "going" and child.dep_ == "aux":
                return "future"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"plan", "intend", "want", "hope"}:
            return "intended"
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children):
            return "conditional"  # "... if the port authority failed to hire": not something that happened
        return None

    def _adjust(self, category: str, verb: Token, modality: str | None, actor: Participant | None,
                target: Participant | None, negated: bool) -> str:
        """A promise is agreement, a warning of harm a threat (not the harm), a refusal to help a rejection;
        force on civilians is assault."""
        if negated and category in COOPERATIVE:
            return "reject"
        if modality in {"future", "hypothetical", "intended"} and category != "threaten":
            if category in CONFLICTUAL:
                return "threaten"
            if category in COOPERATIVE:
                return "agree"
        if modality == "obligation" and verb.dep_ == "ccomp":
            return "request"
        if category == "fight":
            irregular = actor is not None and _head_lemma(actor.name) in self.lex.irregular_actors
            civilian = target is not None and _head_lemma(target.name) in self.lex.civilian_targets
            if irregular or civilian:
                return "assault"
        lemma = verb.lemma_.lower()
        if actor is not None and actor.sector == "military":
            # armed forces killing, or taking ground, is fighting in PLOVER's terms (torture stays assault)
            if category == "assault" and lemma in {"kill", "attack", "bomb", "wound", "injure", "ambush", "target"}:
                return "fight"
            if category == "coerce" and lemma in {"capture", "seize", "take"} and target is not None \
                    and _head_lemma(target.name) in PLACE_NOUNS | {"stronghold", "position", "hill", "outpost"}:
                return "fight"
        if actor is not None and actor.sector == "police" and category == "fight":
            return "coerce"  # police firing on a crowd is repression, not war
        return category

    def _own_tokens(self, verb: Token) -> list[Token]:
        """The clause's tokens without the clauses hanging from it."""
        out: list[Token] = []
        stack = [verb]
        while stack:
            node = stack.pop()
            out.append(node)
            for child in node.children:
                if child.dep_ in CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"} and not _in_name(child):
                    continue
                stack.append(child)
        return sorted(out, key=lambda t: t.i)

    def _date(self, verb: Token, own: list[Token], extra: list[Token]) -> tuple[str | None, str]:
        # "targeted a leader responsible for an attack Jan. 7": an adjective's complement describes the
        # participant, and its time is not the clause's
        described = {t.i for a in own if a.dep_ == "amod" and a.pos_ == "ADJ" and a.n_rights for t in a.subtree
                     if t != a}
        own_chars = {(t.idx, t.idx + len(t.text)) for t in own if t.i not in described}
        # "confirmed yesterday the arrest of X on Oct. 19": a noun event's own time comes first
        nouns = [t for t in extra if t.pos_ == "NOUN" and t.lemma_.lower() in self.lex.nouns]
        own_time = self._time_in({(t.idx, t.idx + len(t.text)) for n in nouns for t in n.subtree}) if nouns else None
        if own_time is None and nouns and verb.lemma_.lower() in self.lex.reporting:
            # "confirmed today the capture of X during an operation June 14": the later time is the capture's
            # (the capture's clause may be a participle of its own: "confirmed the death ... following an
            # airstrike ... Sunday")
            own_time = self._time_in(own_chars | {(t.idx, t.idx + len(t.text))
                                                  for t in _subtree_without(verb, {"relcl", "ccomp"})}, last=True)
        own_time = own_time or self._time_in(own_chars)
        if own_time is not None:
            return _date_value(own_time.value), ("explicit" if _EXPLICIT.search(own_time.text) else "relative")
        # "targeted X and detained Y during an operation yesterday", "killed two while pursuing a
        # commander last night": a time in a coordinated or adverbial clause dates the whole action;
        # a relative clause or reported content has its own time
        # ("a facilitator linked to a murder in March": a participle on a noun has its own time, too)
        shared = self._time_in({(t.idx, t.idx + len(t.text))
                                for t in _subtree_without(verb, {"relcl", "ccomp", "acl"}) if t.i not in described})
        if shared is not None:
            return _date_value(shared.value), "inherited"
        # the governing clauses ("..., killing 26" has the date of "opened fire on Tuesday")
        node = verb
        for _ in range(6):
            if node.head == node or node.dep_ not in CLAUSE_DEPS | {"amod", "dobj", "pobj", "prep"}:
                break
            node = node.head
            if node.pos_ in {"VERB", "AUX"}:
                chars = {(t.idx, t.idx + len(t.text)) for t in self._own_tokens(node)}
                found = self._time_in(chars)
                if found is not None:
                    return _date_value(found.value), "inherited"
        sent = verb.sent
        # a sentence-opening "In response, on Thursday, ..." dates what follows; a later one
        # ("... by the summer") belongs to a clause of its own
        # (never from the header above a dateline: release numbers, a list of reference numbers)
        body = max(sent.start_char, self.dateline_end)
        in_sent = [t for t in self.times if body <= t.start < verb.idx]
        if in_sent:
            return _date_value(in_sent[-1].value), "inherited"
        # the paragraph: the nearest time expression earlier in it
        para_start = self.text.rfind("\n", 0, sent.start_char) + 1
        earlier = [t for t in self.times if max(para_start, self.dateline_end) <= t.start < sent.start_char]
        if earlier:
            return _date_value(earlier[-1].value), "inherited"
        if sent.start > 0 and any(c.lower_ == "also" and c.dep_ == "advmod" for c in verb.children):
            # "Pakistan on Thursday expelled … / Islamabad also warned …": "also" goes on with the
            # occasion of the sentence before, even across a paragraph break
            before = verb.doc[sent.start - 1].sent
            told = [t for t in self.times if max(before.start_char, self.dateline_end) <= t.start < before.end_char]
            if told:
                return _date_value(told[-1].value), "inherited"
        return self.published, "publication"

    def date_from_sentence_end(self, events: list[tuple[Token, Event]]) -> None:
        """"... killed several insurgents while searching for a leader in X district, Y province, yesterday":
        a time closing the written sentence dates its clause when the parse hung it elsewhere (a long
        place name often breaks the parse) and no finite clause of another event stands between them."""
        finite = [tok for tok, _ in events if _is_finite(tok)]
        for tok, event in events:
            if event.date_basis != "publication":
                continue
            end = _sentence_end(self.text, event.action.end)
            # "during Saturday's election": a possessive time dates its noun, not the clause
            later = [t for t in self.times if event.action.end <= t.start < end
                     and not self.text.startswith(("'s", "’s"), t.end)]
            if not later:
                continue
            # "...a facilitator linked to a murder in March in Kandahar province yesterday": the time that
            # closes the sentence, not one inside a phrase on the way
            when = next((t for t in later if not self.text[t.end:end].strip(" \t.,;:!?\"'”’)")), later[0])
            # "detained two insurgents and found a cache ... Tuesday": a coordinated verb shares the time
            if any(event.action.end <= other.idx < when.start for other in finite
                   if other != tok and other not in tok.conjuncts):
                continue
            event.date, event.date_basis = _date_value(when.value), "inherited"

    def _time_in(self, chars: set[tuple[int, int]], last: bool = False) -> TimeExpression | None:
        found = [t for t in self.times if any(s <= t.start < e or t.start <= s < t.end for s, e in chars)]
        if not found:
            return None
        return found[-1] if last else found[0]

    def _location(self, own: list[Token]) -> str | None:
        return next(iter(self._places(own)), None)

    def _places(self, own: list[Token]) -> list[str]:
        """Named places the clause happens in, in text order."""
        out = []
        for tok in own:
            if tok.dep_ == "prep" and tok.lower_ in LOCATION_PREPS:
                for pobj in (c for c in tok.children if c.dep_ == "pobj"):
                    place = self._place(pobj)
                    if place:
                        out.append(place)
        return out

    def _place_country(self, place: str | None) -> str | None:
        if not place:
            return None
        words = re.sub(r"^(?:northern|southern|eastern|western|central|north|south|east|west)(?:eastern|western)?\s+",
                       "", place, flags=re.IGNORECASE)
        found = countries.lookup(words) or countries.capital_of(words)
        return found.iso3 if found else None

    def _place(self, pobj: Token) -> str | None:
        span = _noun_phrase(pobj)
        for t in span:
            if t.ent_type_ in PLACE_LABELS:
                ent = next((e for e in self.doc.ents if e.start <= t.i < e.end), None)
                if ent is not None:
                    name = ent.text
                    return re.sub(r"^(?:the|The)\s+", "", name)
        # "the Pahalgam area", "Marjeh district": a named place the model did not tag
        if pobj.lemma_.lower() in PLACE_NOUNS:
            names = [c for c in pobj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:
                return self.text[names[0].left_edge.idx : pobj.idx + len(pobj.text)]
        return None

    def _counts(self, verb: Token, passive: bool) -> dict[str, int]:
        counts: dict[str, int] = {}
        self._add_count(verb, passive, counts)
        return counts

    def _add_count(self, verb: Token, passive: bool, counts: dict[str, int]) -> None:
        name = self.lex.counts.get(verb.lemma_.lower())
        if name is None:
            return
        deps = {"nsubjpass"} if passive else {"dobj"}
        for child in verb.children:
            if child.dep_ in deps:
                n = _number_of(child)
                if n is not None:
                    counts[name] = counts.get(name, 0) + n

    def _quote_index(self, pos: int) -> int | None:
        for i, q in enumerate(self.article.quotes):
            if q.content.start <= pos < q.content.end:
                return i
        return None

    def resolve_pronouns(self, events: list[tuple[Token, Event]]) -> None:
        """"it", "they", "he": the subject of the reporting clause, else the last actor named."""
        last: Participant | None = None
        for tok, event in events:
            actor = event.actor
            if actor is not None and actor.name.lower() in PRONOUNS:
                reporter = self._reporter(tok)
                replacement = reporter or last
                if replacement is not None:
                    event.actor = Participant(name=actor.name, entity=replacement.entity,
                                              country=replacement.country, sector=replacement.sector)
                    if event.actor.country is None:  # "President Gbagbo announced that he will ..."
                        self._fill_countries(tok, event.actor, event.target)
            if event.actor is not None and event.actor.name.lower() not in PRONOUNS:
                last = event.actor

    def _reporter(self, tok: Token) -> Participant | None:
        node = tok
        for _ in range(4):
            if node.head == node:
                return None
            if node.dep_ in {"ccomp", "xcomp"} and node.head.lemma_.lower() in self.lex.reporting | self.lex.control:
                # "King Hassan was quoted as saying he would ...": a participle's speaker is its clause's subject
                subj = self._subject(node.head, {"nsubj"}) or self._inherited_subject(node.head)
                if subj is not None and subj.lower_ not in PRONOUNS:
                    return self._participant(subj)
            node = node.head
        return None


_BOUNDING = re.compile(r"(?i)\b(?:since|until|till|by)\s+$")
_SENTENCE_END = re.compile(r"[.!?](?=[\s\u2028]+[A-Z\"“‘]|[\s\u2028]*$)|\n")


_FOREIGN_AFFIX = re.compile(r"-(?:backed|occupied|based|sponsored|funded|allied|held|controlled|supported)\b")


def _foreign_modifier(text: str, tok: Token) -> bool:
    """"pro-Iranian", "Syrian-backed", "Israeli-occupied": a state named as another's patron or occupier."""
    return _patron_span(text, tok.idx, tok.idx + len(tok.text))


def _patron_span(text: str, start: int, end: int) -> bool:
    words = text[max(0, start - 5) : end].lower()
    if re.search(r"\b(?:pro|anti)-", words):
        return True
    return _FOREIGN_AFFIX.search(text[start:end]) is not None or _FOREIGN_AFFIX.match(text, end) is not None


def _dateline_country(dateline: str) -> str | None:
    """The state a dateline is filed from: "KABUL, Afghanistan (Jan. 8) -" -> AFG."""
    words = re.split(rf"[,(/:{DASH_CHARS}-]", dateline)
    for word in (w.strip() for w in words):
        found = countries.lookup(word) or countries.capital_of(word)
        if found is not None:
            return found.iso3
    return None


def _names_state(name: str) -> bool:
    """"Russia", "the United States", "Baghdad": the phrase is a state or its capital, not its people."""
    name = re.sub(r"^(?:to|on|against|with|at|from|into|toward|towards)\s+", "", name.strip(), flags=re.IGNORECASE)
    found = countries.lookup(name) or countries.capital_of(name)
    if found is None:
        return False
    word = name.strip().lower()
    demonym = (found.demonym or "").lower()
    return not demonym or word not in {demonym, demonym + "s"}


def _sentence_end(text: str, pos: int) -> int:
    """Where the written sentence around ``pos`` ends (the parser's sentences break at long names)."""
    m = _SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


def _is_finite(tok: Token) -> bool:
    """A verb heading a clause of its own: "killed", "was detained"; not "searching", "supported by"."""
    if tok.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"} for c in tok.children)


def _noun_phrase(tok: Token) -> list[Token]:
    """The noun phrase a head stands for, without relative clauses, appositions or conjuncts."""
    keep: list[Token] = [tok]
    stack = [c for c in tok.children if c.dep_ not in {"relcl", "acl", "appos", "conj", "cc", "punct", "prep"}
             and not (c.dep_ == "amod" and listed_verb_governor(c) is not None)]
    # "supporters of former President X", "the Government of Y": keep a short "of" phrase
    stack += [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1]
    while stack:
        node = stack.pop()
        keep.append(node)
        stack.extend(c for c in node.children if c.dep_ not in {"relcl", "acl", "appos", "punct", "cc", "conj"})
    keep.sort(key=lambda t: t.i)
    # contiguous around the head
    lo = hi = keep.index(tok)
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    return keep[lo : hi + 1]


def _in_name(token: Token) -> bool:
    """"Occupied" in "Indian Illegally Occupied Jammu and Kashmir" is part of a name, not a verb."""
    if token.ent_type_ in {"GPE", "LOC", "ORG", "FAC", "PERSON", "NORP", "WORK_OF_ART", "LAW", "EVENT"}:
        return True
    return token.is_title and not token.is_sent_start and token.i + 1 < len(token.doc) \
        and token.nbor(1).pos_ == "PROPN" and token.nbor(-1).pos_ in {"PROPN", "ADV", "ADJ"}


def _subtree_without(tok: Token, deps: set[str]) -> list[Token]:
    out: list[Token] = []
    stack = [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ not in deps)
    return out


def _phrase_tokens(tok: Token) -> list[Token]:
    """A noun phrase with its conjuncts, appositions and "of" phrases; not its relative clauses."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        node = stack.pop()
        out.append(node)
        for child in node.children:
            if child.dep_ in {"relcl", "advcl"} or (child.dep_ == "prep" and child.lower_ not in {
                    "of", "in", "throughout", "from"}):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _sector_of(words: list[str], lex: Lexicon) -> str | None:
    for w in reversed(words):
        if w in lex.sectors:
            return lex.sectors[w]
    return None


def _head_lemma(name: str) -> str:
    words = re.findall(r"[A-Za-z]+", name.lower())
    if not words:
        return ""
    w = words[-1]
    if w.endswith("men"):
        return w[:-3] + "man"
    if w == "people":
        return w
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def _number_of(tok: Token) -> int | None:
    candidates = [c for c in tok.subtree if c.dep_ in {"nummod", "quantmod"} or c.like_num]
    if tok.like_num:
        candidates.insert(0, tok)
    for c in candidates:
        value = c.text.replace(",", "")
        if value.isdigit():
            return int(value)
        if c.lower_ in NUMBER_WORDS and c.lower_ not in {"a", "an"}:
            return NUMBER_WORDS[c.lower_]
    return None


def _date_value(value: str | None) -> str | None:
    """A time value as an event date, at its own granularity (day, month, week, year)."""
    if not value:
        return None
    m = _DATE_VALUE.match(value)
    return m.group(0) if m else None


def main_event(article: Article) -> Event | None:
    """What a wire story is about: the first dated event after the dateline, read as a reader reads a
    lead. A participle describing a participant ("a force supported by coalition troops captured ...")
    gives way to the clause it hangs in; an event the text does not date gives way to one in the same
    sentence that it does ("conducted an operation which resulted in X being detained ..., July 5")."""
    dl = dateline_span(article.text)
    after = dl[1] if dl else 0
    events = [e for e in article.events if e.action.start >= after and e.date]
    if not events:
        return None
    first = events[0]
    end = _sentence_end(article.text, first.action.end)
    same = [e for e in events if e.action.start < end]
    if article.doc is not None and not _heads_clause(article.doc, first):
        first = next((e for e in same if _heads_clause(article.doc, e)), first)
    if first.date_basis == "publication":
        # not "preparing to conduct attacks during Saturday's election": an intention is no outcome
        first = next((e for e in same if e.date_basis != "publication" and not e.modality
                      and (article.doc is None or _action_token(article.doc, e).tag_ != "VB")), first)
    return first


def _action_token(doc: Doc, event: Event) -> Token:
    span = doc.char_span(event.action.start, event.action.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[0]


def _heads_clause(doc: Doc, event: Event) -> bool:
    tok = _action_token(doc, event)
    return not (tok.dep_ in {"acl", "amod"} and tok.tag_ == "VBN")


def action_words(negated: bool, text: str) -> str:
    """An action as a timeline shows it: "not" before a denied one, unless its own words already deny it
    ("'ve no complaints")."""
    if negated and not re.search(r"\b(?:no|not|never)\b|n[’']t\b", text):
        return "not " + text
    return text


def timeline_lines(article: Article, markdown: bool) -> list[str]:
    """"What happened when": events by date, one line each, with its source sentence's offsets."""
    if not article.events:
        return []
    out = ["## What happened when" if markdown else "WHAT HAPPENED WHEN"]
    entities = {ent.id: ent for ent in article.entities}

    def shown(who: Participant) -> str:
        # a line of the timeline is read without its sentence: "he" is the person it stands for ("they" may be
        # two people, of whom the layer links one)
        ent = entities.get(who.entity or "")
        pronoun = who.name.lower()
        singular = pronoun in {"he", "she", "him", "her"}
        if ent is not None and pronoun in PRONOUNS and (singular or ent.label != "PERSON"):
            return ent.name
        return who.name

    # "the negotiating table": an action with nobody doing it, nobody it is done to and no toll is no line a
    # reader can place (the layer keeps it: the parse may have lost who did it)
    placed = [e for e in article.events if e.actor is not None or e.target is not None or e.counts]
    dated = sorted(placed, key=lambda e: (e.date is None, e.date or "", e.action.start))
    for event in dated:
        sentence = next((s for s in article.sentences if s.start <= event.action.start < s.end), None)
        span = (sentence.start, sentence.end) if sentence else (event.start, event.end)
        date = event.date or "undated"
        if event.date_basis == "publication" and event.date:
            date += " (published)"  # the text gives no date: on or before publication
        action = action_words(event.negated, event.action.text)
        if event.actor is None and event.target is not None:  # "two workers were injured"
            words = f"{shown(event.target)}: {action}"
        else:
            words = " ".join(x for x in (shown(event.actor) if event.actor else None, action) if x)
            if event.target is not None:
                words += f" → {shown(event.target)}"
        facts = [event.action.category]
        if event.modality:
            facts.append(event.modality)
        facts += [f"{k} {n}" for k, n in event.counts.items()]
        if event.location:
            facts.append(event.location)
        if markdown:
            out.append(f"- **{date}** {words} · {' · '.join(facts)} <sub>[{span[0]}–{span[1]}]</sub>")
        else:
            out.append(f"- {date}  {words} ({'; '.join(facts)}) [{span[0]}-{span[1]}]")
    return out


class EventStage:
    name = "events"

    def __call__(self, article: Article) -> None:
        article.events = extract_events(article)


def make_stage(settings: Any) -> EventStage:
    return EventStage()


__all__ = ["EventStage", "action_words", "actor_country", "dateline_span", "extract_events", "lexicon", "main_event",
           "make_stage", "timeline_lines"]
