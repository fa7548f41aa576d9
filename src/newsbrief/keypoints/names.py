"""Who a bullet names: a person by the surname the article uses once they are known, the title before a
name, and the person a "he", "she" or "they" subject stands for.

Hand-written: no coreference model runs offline here; the quotes layer's speakers and the subject of
the sentence before resolve most pronoun subjects of news copy, and a bullet names no one its
sources do not.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..document import Article, Entity, Mention, Sentence
from ..entities import TITLE_HEADS
from .lexicon import (
    GENERATIONS,
    GROUPS,
    NAME_PARTICLES,
    OTHER_GENDER,
    POSSESSIVES,
    REPUTED,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
)
from .rank import main_subject, text_words
from .tense import spelled_out

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .quotation import Protected
    from .rank import Candidate


class People:
    """The article's people, as the bullets of one article name them."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.doc = article.doc
        self.persons = [e for e in article.entities if e.label == "PERSON" and e.mentions]

    # -- names ------------------------------------------------------------------------------------
    def person_at(self, start: int, end: int) -> Entity | None:
        for ent in self.persons:
            for m in ent.mentions:
                if m.start < end and start < m.end:
                    return ent
        return None

    def surname(self, ent: Entity) -> str:
        """The name the article uses alone ("Wang", "Dar"), else the last word of the full name."""
        words = ent.name.split()
        if len(words) > 1 and words[-1].lower().rstrip(".") in GENERATIONS:
            if len(words) == 2:
                return ent.name  # "Schumacher Junior", as the article tells him from his father
            words = words[:-1]  # "Martin Luther King Jr." is "King"
        start = len(words) - 1
        while start > 0 and words[start - 1].lower() in NAME_PARTICLES:
            start -= 1
        if start < len(words) - 1:
            # "Louis van Gaal" is "Van Gaal", as the article writes it, never "Gaal"; "van der Wiel" never "Der Wiel"
            short = " ".join(words[start:])
            forms = [m.text for m in ent.mentions if m.text.lower() == short.lower()]
            return max(dict.fromkeys(forms), key=forms.count) if forms else short
        # not "WASHINGTON", a dateline the entity layer joined to Kerry Washington
        singles = [m.text for m in ent.mentions
                   if len(m.text.split()) == 1 and not (m.text.isupper() and len(m.text) > 3)]
        last = words[-1]
        if last in singles:
            return last  # "Pacquiao", though the article calls him "Manny" as often
        if singles:
            # most used; a tie goes to the earliest (a set's order changes with the hash seed)
            return max(dict.fromkeys(singles), key=singles.count)
        return last

    def split_name(self, mention: Mention) -> bool:
        """A lone surname that ends a longer name the recognizer split: "Mike 'Sugar Bear' Thompson" is not the
        Billy Thompson named later, whose "Thompson" would then read as known."""
        if len(mention.text.split()) > 1:
            return False
        before = self.article.text[max(0, mention.start - 40):mention.start].rstrip()
        return bool(re.search(r"\b[A-Z][\w.-]*['’\"”]$", before))  # after a quoted nickname

    def title_before(self, start: int, span: Span, protected: Protected) -> set[int]:
        """"Pakistan's Deputy Prime Minister and Foreign Minister" before "Ishaq Dar": titles, their
        modifiers and the state that owns them, read leftwards from the name."""
        ids: list[int] = []
        j = start - 1
        while j >= span.start and j not in protected.inside:
            tok = self.doc[j]
            low = tok.lower_
            title_word = low in TITLE_HEADS or low in TITLE_WORDS
            joined = low == "and" and ids and j - 1 >= span.start and self.doc[j - 1].lower_ in TITLE_HEADS
            # "presidential candidate": an adjective on a title goes with it; "injured captain Totti" is the
            # man's state, and stays
            described = tok.pos_ == "ADJ" and (tok.is_title or (ids and tok.dep_ == "amod" and (
                not low.endswith("ed") or low in REPUTED)))
            # "Rowing coach", "boxing promoter": the sport a title is in goes with it
            described = described or (tok.tag_ == "VBG" and tok.dep_ == "amod" and bool(ids) and tok.head.i in ids)
            if title_word or joined or tok.ent_type_ == "NORP" or described:
                ids.append(j)
            elif low in {"'s", "’s"} and ids and j - 1 >= span.start and self.doc[j - 1].ent_type_ in {"GPE", "ORG"}:
                ids.extend([j, j - 1])
                j -= 1
            elif tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "compound" and ids and tok.ent_type_ != "PERSON":
                ids.append(j)  # "union leader", "state media"
            else:
                break
            j -= 1
        # only a title ending in a head word ("Foreign Minister", "union leader") is a title
        if not ids or self.doc[max(ids)].lower_ not in TITLE_HEADS:
            return set()
        before = self.doc[j - 1] if j > span.start else None
        if before is not None and self.doc[j].lower_ in {"and", "&"} and before.ent_type_ != "PERSON" and (
                before.lower_ in TITLE_HEADS or (before.text.endswith(".") and before.is_title)):
            # "former Alaska Gov. and [Republican vice presidential candidate] Sarah Palin": the half of a joined
            # title the walk could not read would be left on its "and" ("Ken Salazar and [Commerce Secretary] Gary
            # Locke" joins two people)
            return set()
        if j >= span.start and j not in protected.inside and (
                self.doc[j].dep_ in {"compound", "nmod"} or self.doc[j].ent_type_ in {"ORG", "GPE"}) and (
                not self.doc[j].is_punct):
            # "L. A. Superior Court Judge James Dabney": the title is the end of a longer name; "Monmouth University
            # political scientist Patrick Murray", "Philadelphia 76ers President Billy King": or says whose it is
            return set()
        # keep a determiner's noun phrase whole: "the union leader Haas" loses "the" too
        lo = min(ids)
        if lo - 1 >= span.start and self.doc[lo - 1].lower_ in {"the", "a", "an"}:
            if any(self.doc[i].lower_ in {"and", "&"} and self.doc[i].head.i in ids and any(
                    c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in self.doc[i].head.children) for i in ids):
                return set()  # "The mayor and Governor Tom Kessler": the parser reads two people, not one's two titles
            ids.append(lo - 1)
        elif lo - 1 >= span.start and lo - 1 not in protected.inside and self.doc[lo - 1].tag_ in {"POS", "PRP$"}:
            # "[Tevez's international manager] Tata Martino", "[his lawyer] John Hale": whose the title was goes with
            # it, or the name would be "Tevez's Tata Martino"
            owner = self.doc[lo - 1]
            first = owner.head.left_edge.i if owner.tag_ == "POS" else owner.i
            if first < span.start or any(i in protected.inside for i in range(first, lo)):
                return set()
            ids.extend(range(first, lo))
        return set(ids)

    def resolve_pronoun(self, cand: Candidate, root: Token, keep: set[int], protected: Protected,
                         replacements: dict[int, str]) -> tuple[Entity, Sentence] | None:
        """"He said …": the speaker from the quotes layer, else the person named last before (never inside a
        quotation, which stays verbatim). "His attorney said …": the person named last before, whose the attorney is."""
        subj = main_subject(root)
        if subj is None:
            return None
        owner = next((c for c in subj.children
                      if c.dep_ == "poss" and c.lower_ in POSSESSIVES and c.i == subj.left_edge.i), None)
        pronoun = owner or subj
        if pronoun.lower_ not in SUBJECT_PRONOUNS | POSSESSIVES.keys() or pronoun.i not in keep or (
                pronoun.i in protected.inside):
            return None
        other = OTHER_GENDER[POSSESSIVES.get(pronoun.lower_, pronoun.lower_)]
        if any(t.lower_ in other for t in cand.span):
            return None  # "She said he moved his hand": two people, and nothing tells which is which
        if owner is not None and self._person_between(cand.sentence.start, cand.sentence.end):
            # "[Mr. Obama called Naghmeh Abedini.] Her husband, Saeed Abedini, was free": whose husband, the sentence
            # before does not say when the recognizer missed her
            return None
        # the quotes layer's speaker is the subject's ("His attorney said" is the attorney speaking)
        found = (None if owner else self._speaker_from_quotes(cand, subj)) or self._last_named(pronoun.idx)
        if found is None:
            return None
        person, mention_start = found
        sentence = next((s for s in self.article.sentences if s.start <= mention_start < s.end), None)
        if sentence is None:
            return None
        surname = self.surname(person)
        if surname not in sentence.text:
            return None
        if any(m.start < cand.sentence.end and cand.sentence.start <= m.start for m in person.mentions):
            return None  # "He said she knew Manohar": "he" is not the person the sentence names
        if owner is not None:
            replacements[owner.i] = surname + ("'" if surname.endswith("s") else "'s")
            return person, sentence
        contraction = self.doc[subj.i + 1] if subj.i + 1 < len(self.doc) and not subj.whitespace_ else None
        if contraction is not None and contraction.i in keep:
            # "he's accepting" is "Stevens is accepting", not "Stevens's accepting"
            full = spelled_out(contraction)
            if full is None:
                return None
            replacements[contraction.i] = full
            surname += " "
        replacements[subj.i] = surname
        return person, sentence

    def resolve_they(self, cand: Candidate, root: Token, keep: set[int], protected: Protected,
                      replacements: dict[int, str]) -> list[tuple[Entity, Sentence]]:
        """"They agreed…" after a call between two people: "Wang and Dar agree…".

        Only when the article has named exactly two people, in full, before this sentence, and the
        sentence before is about one of them; any other "they" (police, the residents) stays unresolved
        and the sentence is not used."""
        subj = main_subject(root)
        if subj is None or subj.lower_ != "they" or subj.i not in keep or subj.i in protected.inside:
            return []
        start = cand.sentence.start
        people = [p for p in self.persons if p.mentions[0].start < start and len(p.name.split()) > 1]
        if len(people) != 2 or self._person_between(start, cand.sentence.end):
            return []
        sents = self.article.sentences
        here = cand.index
        prev_subj = self._previous_subject(here)
        if prev_subj is None or self.person_at(prev_subj.idx, prev_subj.idx + len(prev_subj.text)) not in people:
            return []
        # cite the sentence that names both if there is one, else where each was last named
        both = next((s for s in sents[:here] if all(any(s.start <= m.start < s.end for m in p.mentions)
                                                    for p in people)), None)
        people.sort(key=lambda p: p.mentions[0].start)
        found = []
        for p in people:
            at = both or next(s for s in reversed(sents[:here]) if any(s.start <= m.start < s.end for m in p.mentions))
            if self.surname(p) not in at.text:
                return []
            found.append((p, at))
        replacements[subj.i] = " and ".join(self.surname(p) for p, _ in found)
        return found

    def _speaker_from_quotes(self, cand: Candidate, subj: Token) -> tuple[Entity, int] | None:
        for quote in self.article.quotes:
            if quote.speaker is None or quote.speaker.entity is None:
                continue
            speaker_at = quote.speaker.start
            if cand.sentence.start <= speaker_at < cand.sentence.end and not subj.idx <= speaker_at < subj.idx + 3:
                continue  # the layer names someone else in this sentence, not the pronoun
            if not (cand.sentence.start <= quote.content.start < cand.sentence.end):
                continue
            if len(text_words(self.article.text[quote.content.start:quote.content.end])) < 4:
                continue  # 'Doggie', 'thief': a name or a scare quote, not someone speaking
            person = self.article.entity(quote.speaker.entity)
            if person is None or person.label != "PERSON" or len(person.name.split()) < 2:
                continue  # a one-word "speaker" is as often a mis-tagged name inside the quote
            before = [m for m in person.mentions if m.start < cand.sentence.start]
            if before and not all(self._attributive(m.end) for m in before):
                return person, before[-1].start
        return None

    def _attributive(self, end: int) -> bool:
        """"…threw out another Old Bailey case. She abandoned…": a "person" only ever named as what modifies a
        noun is no one a pronoun means (here a court the recognizer took for a person), though the quotes
        layer, which takes the last person named, may say so."""
        last = self.doc.char_span(end - 1, end, alignment_mode="expand")
        token = last[-1] if last is not None and len(last) else None
        return token is not None and token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i > token.i

    def _last_named(self, position: int) -> tuple[Entity, int] | None:
        """The main-clause subject of the previous sentence, when it is a person named in full.

        Anything looser guesses, and a wrong speaker is worse than a sentence not chosen."""
        sents = self.article.sentences
        here = next((k for k, s in enumerate(sents) if s.start <= position < s.end), None)
        if not here:
            return None
        if self._person_between(sents[here].start, position):
            return None  # "When Karo met Kunis, she…": two candidates
        subj = self._previous_subject(here)
        if subj is None or subj.ent_type_ != "PERSON":
            return None
        person = self.person_at(subj.idx, subj.idx + len(subj.text))
        if person is None or len(person.name.split()) < 2:
            return None  # a one-word "person" is as often a mis-tagged team or party
        if any(p is not person and self._person_between(sents[here - 1].start, sents[here - 1].end, [p])
               for p in self.persons):
            return None  # two people in the sentence before: "she" could be either
        return person, subj.idx

    def _previous_subject(self, here: int) -> Token | None:
        """The main-clause subject of the sentence before sentence ``here`` (None for the first)."""
        if here < 1:
            return None
        before = self.article.sentences[here - 1]
        prev = self.doc.char_span(before.start, before.end, alignment_mode="expand")
        return main_subject(prev.root) if prev is not None else None

    def _person_between(self, start: int, end: int, persons: list[Entity] | None = None) -> bool:
        return any(start <= m.start < end for p in (self.persons if persons is None else persons) for m in p.mentions)

    @functools.cached_property
    def surnames(self) -> set[str]:
        """The surnames of the article's people: a lone "Sanders" the tagger took for a plural is one of them
        (not "Surrey Police" or "Hill Democrats", groups the entity recognizer took for people, nor the "percent" of a
        "Clinton 47 percent" it took for one); a person the recognizer found by one word only is one too ("Cheeks was
        introduced")."""
        last_words = [p.name.split()[-1] for p in self.persons if len(p.name.split()) > 1]
        # a one-word name counts where the text gives it a first name the recognizer missed ("Maurice Cheeks was
        # introduced"; "Ministers", that it took for a person once, never has one)
        alone = {p.name for p in self.persons if len(p.name.split()) == 1}
        last_words += [t.text for t in self.doc if t.text in alone and t.i > 0 and not t.is_sent_start
                       and self.doc[t.i - 1].tag_ == "NNP" and self.doc[t.i - 1].text.istitle()]
        return {w for w in last_words if w.lower() not in GROUPS and w[:1].isupper()}
