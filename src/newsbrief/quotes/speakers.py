"""Who a speaker's mention refers to: a named entity, a pronoun, a title or a description.

Hand-written on the entity layer: no coreference package works offline here (coreferee needs a
download), and news attribution needs only a few rules: "He said" is the last person spoken of,
"the minister" the last person with that title, "the statement" the statement named before,
"They" the last two people, and a capital that speaks ("Islamabad warned") its government.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import LOWER

from ..document import Article, Entity, Speaker
from ..entities import TITLE_HEADS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PERSONAL = {"he": "m", "him": "m", "she": "f", "her": "f"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}
_NOUN_GENDER = {
    **dict.fromkeys(["husband", "father", "son", "brother", "uncle", "nephew", "grandfather", "boyfriend", "actor",
                     "businessman", "congressman", "chairman", "spokesman", "king", "prince", "duke", "widower"],
                    "m"),
    **dict.fromkeys(["wife", "mother", "daughter", "sister", "aunt", "niece", "grandmother", "girlfriend", "actress",
                     "businesswoman", "congresswoman", "chairwoman", "spokeswoman", "queen", "princess", "duchess",
                     "widow"], "f"),
}
_PLURAL = {"they", "them", "we"}
_RELATIVE = {"who", "which", "that"}
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                     "miss": "f", "dame": "f"}
_NAME_DEPS = {"compound", "flat", "amod", "det", "poss", "case", "nmod", "nummod", "punct", "cc", "conj"}
_LOOKBACK = 2500  # characters: a pronoun's antecedent is at most a few paragraphs back


@dataclass
class _Mention:
    start: int
    end: int
    entity: Entity


class SpeakerResolver:
    def __init__(self, article: Article, doc: Doc, quoted: list[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.text = article.text
        # a name inside a quotation is someone spoken to or of, never what "he said" points back to
        mentions = [_Mention(m.start, m.end, e) for e in article.entities for m in e.mentions
                    if not any(qs <= m.start < qe for qs, qe in quoted)]
        mentions.sort(key=lambda m: m.start)
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.gender: dict[str, str] = {}
        for m in mentions:
            if m.entity.label == "PERSON":
                before = self.text[max(0, m.start - 6) : m.start].strip().lower().split()
                if before and before[-1] in _HONORIFIC_GENDER:
                    self.gender.setdefault(m.entity.id, _HONORIFIC_GENDER[before[-1]])
        for person, gender in self._genders_from_context(quoted).items():
            self.gender.setdefault(person, gender)

    def _genders_from_context(self, quoted: Iterable[tuple[int, int]]) -> dict[str, str]:
        """What the article itself says of each person's gender: a noun that names them ("her husband, Bill
        Clinton", "actress Diane Guerrero"), or the pronouns of sentences that speak of no one else ("Trump said
        he…"), by majority. A "she" then never points back to a man ("She has since said…" after a sentence
        naming Trump last)."""
        votes: dict[str, Counter] = {}
        doc = self.doc
        lowers = doc.to_array([LOWER]).ravel()
        vocab = doc.vocab.strings
        codes = {vocab[w]: g for w, g in _PRONOUN_GENDER.items()}
        quoted = list(quoted)
        for i in numpy.flatnonzero(numpy.isin(lowers, list(codes))).tolist():
            tok = doc[i]
            if any(qs <= tok.idx < qe for qs, qe in quoted):
                continue
            sent = self._sentences[bisect.bisect_right(self._sentence_starts, i) - 1]
            lo = bisect.bisect_left(self.starts, sent.start_char)
            hi = bisect.bisect_left(self.starts, sent.end_char)
            people = {m.entity.id for m in self.mentions[lo:hi] if m.entity.label == "PERSON"}
            if len(people) == 1:
                votes.setdefault(people.pop(), Counter())[codes[lowers[i]]] += 1
        for m in self.mentions:
            if m.entity.label != "PERSON" or self.text[m.end : m.end + 1] in {"'", "’"}:
                continue  # "Sanders’ son, Tywanza": the noun names whom the person has, not the person
            tok = next((t for t in doc.char_span(m.start, m.end, alignment_mode="expand") or []), None)
            if tok is None:
                continue
            head = tok.head if tok.dep_ in {"compound", "flat"} else tok
            for r in [*head.children, head.head] if head.dep_ == "appos" else head.children:
                gender = _NOUN_GENDER.get(r.lower_)
                if gender is not None and (r.dep_ in {"appos", "compound"} or r.i == head.head.i):
                    votes.setdefault(m.entity.id, Counter())[gender] += 3  # stronger than one pronoun
        out = {}
        for person, counter in votes.items():
            (top, n), *rest = counter.most_common()
            if not rest or n >= 2 * rest[0][1]:
                out[person] = top
        return out

    # -- mentions -------------------------------------------------------------------------------

    def mention_span(self, head: Token) -> tuple[int, int]:
        """The speaker's phrase: the head noun with what precedes it in its phrase ("Chinese
        Foreign Minister Wang Yi"), without a trailing apposition or relative clause."""
        if head.pos_ == "PRON":
            return head.idx, head.idx + len(head.text)
        left = head.left_edge
        for tok in self.doc[left.i : head.i]:
            # a dateline or an opening quote before the phrase is not part of it
            if (tok.is_punct and tok.text not in {"-", "'", "’", "."}) or tok.is_space:
                left = self.doc[tok.i + 1]
        right = head
        for child in head.rights:
            if child.dep_ in {"compound", "flat"} and child.i == right.i + 1:
                right = child
        if head.ent_iob_ != "O" and head.ent_type_:
            k = head.i
            while k + 1 < len(self.doc) and self.doc[k + 1].ent_iob_ == "I":
                k += 1
            if k > right.i:
                right = self.doc[k]
        # "state media CGTN": a name in capitals after the noun belongs to it
        nxt = self.doc[right.i + 1] if right.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.is_upper and nxt.is_alpha and len(nxt.text) > 1 and nxt.head.i != right.i + 1:
            right = nxt
        end = right.idx + len(right.text)
        if self.text[end - 2 : end] in {"'s", "’s"}:
            end -= 2
        return left.idx, end

    def _entity_at(self, start: int, end: int, head: int | None = None) -> Entity | None:
        """The entity mentioned at the phrase's head (or, with no head, anywhere in the phrase)."""
        i = bisect.bisect_right(self.starts, end) - 1
        best = None
        while i >= 0 and self.mentions[i].end > start - 200:
            m = self.mentions[i]
            if m.start < end and start < m.end:
                if head is not None:
                    if m.start <= head < m.end:
                        return m.entity
                elif best is None or (m.entity.label == "PERSON" and best.label != "PERSON"):
                    best = m.entity
            i -= 1
        return best

    def _last(self, before: int, labels: set[str], gender: str | None = None, skip: int = 0) -> Entity | None:
        i = bisect.bisect_left(self.starts, before) - 1
        seen: list[str] = []
        while i >= 0 and self.mentions[i].start > before - _LOOKBACK:
            ent = self.mentions[i].entity
            fits = ent.label in labels and (gender is None or self.gender.get(ent.id, gender) == gender)
            if fits and ent.id not in seen:
                seen.append(ent.id)
                if len(seen) > skip:
                    return ent
            i -= 1
        return None

    # -- resolution -----------------------------------------------------------------------------

    def resolve(self, head: Token | None, span: tuple[int, int] | None) -> Speaker | None:
        """The speaker whose phrase has ``head`` as its head word (and covers ``span`` when given)."""
        if head is None and span is None:
            return None
        if span is None:
            span = self.mention_span(head)
        start, end = span
        if head is not None and head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            # "Dar, who said …": the speaker is who "who" stands for; its mention stays "who"
            antecedent = head.head.head
            found = self.resolve(antecedent, None)
            if found is not None:
                found.start, found.end = start, end
            return found
        surface = self.text[start:end]
        low = surface.lower()
        if (head is not None and head.pos_ == "PRON") or low in _PERSONAL or low in _PLURAL or low == "it":
            return self._pronoun(low, start, end)
        entity = self._entity_at(start, end, head.idx if head is not None else None)
        named = None
        if entity is None and head is not None and head.pos_ == "NOUN":
            # "the widow Maria Costa", "an architect, Bob Lee,": the name beside the noun
            for child in head.children:
                if child.dep_ in {"appos", "compound", "flat", "nmod"} and child.pos_ == "PROPN":
                    entity = self._entity_at(child.idx, child.idx + len(child.text), child.idx)
                    names = [t for t in child.subtree if t.pos_ == "PROPN"]
                    named = self.text[names[0].idx : names[-1].idx + len(names[-1].text)]
                    if entity is not None:
                        return Speaker(name=entity.name, entity=entity.id, role=entity.role, start=start, end=end,
                                       affiliation=entity.affiliation)
                    break
        if entity is not None:
            return self._from_entity(entity, surface, start, end)
        if named is not None:
            return Speaker(name=named, entity=None, role=None, start=start, end=end)
        described = self._description(head, start, end, surface)
        if described is not None:
            return described
        return Speaker(name=_clean(surface), entity=None, role=None, start=start, end=end)

    def _from_entity(self, entity: Entity, surface: str, start: int, end: int) -> Speaker:
        if entity.label == "PERSON":
            return Speaker(name=entity.name, entity=entity.id, role=entity.role, start=start, end=end,
                           affiliation=entity.affiliation)
        if entity.country and entity.label == "GPE":
            # a state or its capital that speaks is its government ("Islamabad warned")
            return Speaker(name=_clean(surface), entity=entity.id, role="government", start=start, end=end,
                           affiliation=entity.name)
        return Speaker(name=_clean(surface), entity=entity.id, role=entity.role, start=start, end=end,
                       affiliation=entity.affiliation)

    def _pronoun(self, low: str, start: int, end: int) -> Speaker:
        surface = self.text[start:end]
        if low in _PERSONAL:
            gender = _PERSONAL[low]
            ent = self._last(start, {"PERSON"}, gender)
            ent = self._subject_before(start, gender, ent) or ent
            if ent is not None:
                self.gender.setdefault(ent.id, gender)
                return Speaker(name=ent.name, entity=ent.id, role=ent.role, start=start, end=end,
                               affiliation=ent.affiliation)
        elif low in {"they", "them"}:
            plural = self._plural_subject(start)
            if plural is not None:
                return Speaker(name=_clean(plural), entity=None, role=None, start=start, end=end)
            first = self._last(start, {"PERSON"})
            second = self._last(start, {"PERSON"}, skip=1) if first is not None else None
            if first is not None and second is not None:
                names = sorted([first, second], key=lambda e: self._first_start(e))
                return Speaker(name=" and ".join(e.name for e in names), entity=None, role=None,
                               start=start, end=end)
            group = self._last(start, {"ORG", "NORP", "GPE"})
            if group is not None:
                return Speaker(name=group.name, entity=group.id, role=None, start=start, end=end)
        elif low == "it":
            ent = self._last(start, {"ORG", "GPE"})
            if ent is not None:
                return self._from_entity(ent, ent.name, start, end)
        return Speaker(name=surface, entity=None, role=None, start=start, end=end)

    def _sentence_and_previous(self, start: int) -> tuple[Span, Span] | None:
        """The sentence of the first token at or after ``start``, and the sentence before it (None in the first)."""
        here = bisect.bisect_left(self._token_starts, start)
        if here == len(self._token_starts):
            return None
        k = bisect.bisect_right(self._sentence_starts, here) - 1
        return (self._sentences[k], self._sentences[k - 1]) if k > 0 else None

    @functools.cached_property
    def _token_starts(self) -> list[int]:
        return self.doc.to_array("IDX").tolist()

    @functools.cached_property
    def _sentences(self) -> list[Span]:
        return list(self.doc.sents)  # Token.sent walks the parse afresh each time

    @functools.cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self._sentences]

    def _subject_before(self, start: int, gender: str, latest: Entity | None) -> Entity | None:
        """"Westmacott praised Obama's presidency. 'It looks good,' he told the Guardian": "he" continues the
        sentence before's subject, a person, rather than a name its object or a possessive mentioned later.
        Only when the pronoun's own sentence names no one before it (outside quotation marks)."""
        sentences = self._sentence_and_previous(start) if latest is not None else None
        if sentences is None:
            return None
        sent, prev = sentences
        i = bisect.bisect_left(self.starts, start) - 1
        if i >= 0 and self.mentions[i].start >= sent.start_char:
            return None  # someone named in this very sentence is nearer than any subject before
        subj = next((c for c in prev.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            return None
        found = self._entity_at(subj.left_edge.idx, subj.idx + len(subj.text), subj.idx)
        if found is None or found is latest or found.label != "PERSON" or self.gender.get(found.id, gender) != gender:
            return None
        return found

    def _plural_subject(self, before: int) -> str | None:
        """"Fishermen blocked the port. They said …": a plural subject in the sentence before."""
        sentences = self._sentence_and_previous(before)
        if sentences is None:
            return None
        prev = sentences[1]
        for tok in reversed(list(prev)):
            if tok.dep_ == "nsubj" and tok.tag_ in {"NNS", "NNPS"} and tok.ent_type_ not in {"PERSON", "NORP"}:
                return self.text[tok.left_edge.idx : tok.idx + len(tok.text)]
        return None

    def _first_start(self, entity: Entity) -> int:
        return entity.mentions[0].start if entity.mentions else 0

    def _description(self, head: Token | None, start: int, end: int, surface: str) -> Speaker | None:
        """"the minister" -> the last person with that title; "the statement" -> the statement named before."""
        if head is None or head.pos_ != "NOUN":
            return None
        word = head.lemma_.lower()
        if word in TITLE_HEADS:
            i = bisect.bisect_left(self.starts, start) - 1
            fallback = None
            while i >= 0 and self.mentions[i].start > start - _LOOKBACK:
                ent = self.mentions[i].entity
                if ent.label == "PERSON" and ent.role:
                    if word in ent.role.lower():
                        return Speaker(name=ent.name, entity=ent.id, role=ent.role, start=start, end=end,
                                       affiliation=ent.affiliation)
                    fallback = fallback or ent
                i -= 1
            if fallback is not None and head.n_lefts <= 1:
                return Speaker(name=fallback.name, entity=fallback.id, role=fallback.role, start=start, end=end,
                               affiliation=fallback.affiliation)
            return None
        # "the statement": the fuller phrase with the same head noun earlier on
        if not any(c.lower_ in {"the", "this", "that"} for c in head.lefts):
            return None
        for tok in reversed(self.doc[: head.i]):
            if tok.idx < start - _LOOKBACK:
                break
            if tok.lemma_.lower() == word and tok.pos_ == "NOUN":
                left = tok.left_edge
                phrase_start = left.idx
                phrase = self.text[phrase_start : tok.idx + len(tok.text)]
                if len(phrase.split()) <= 1:
                    continue
                entity = self._entity_at(phrase_start, tok.idx)
                return Speaker(name=_clean(phrase), entity=entity.id if entity else None, role=None,
                               start=start, end=end, affiliation=entity.name if entity else None)
        return None


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:")
    for det in ("a ", "an ", "the ", "A ", "An ", "The "):
        if phrase.startswith(det):
            return phrase[len(det) :]
    return phrase
