"""Attributions from the parse: a reporting cue, its speaker (subject) and its content.

Indirect speech comes from the dependency tree: a cue verb from the lexicon ("said", "urged",
"categorically rejected"), its subject, and its clause or object as the content.  Quoted
spans (``marks``) are then tied to the cue next to them ("…," Wang said / Wang said: "…"),
or to the reported speech they sit in (Dar rejected India's "unilateral … actions"), or, for a
quote that fills its own paragraph, to the speaker of the quote before it.  Hand-written on
spaCy's parse: textacy's ``direct_quotations`` handles only direct quotes and stops on an odd
number of marks, and no attribution model runs offline here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import IDX, LEMMA, LOWER

from ..document import DASH_CHARS
from ..nlp import doc_text, token_indices
from .lexicon import CueEntry, Lexicon
from .marks import QuotedSpan, quoted_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSE_DEPS = {"ccomp", "xcomp"}
_OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
_INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp"}
_SENT_END = {".", "!", "?"}
# what a cue owns after its clause: ", he said on Sunday", "said in a statement", "told Reuters"
_CUE_MODIFIERS = {"prep", "npadvmod", "advmod", "dative", "dobj", "nsubj", "agent", "obl", "nsubjpass", "advcl", "conj",
                  "cc", "parataxis"}
_QUOTE_CHARS = set('"“”‘’«»„\'')
_SPACE_OR_PUNCT = set(" \t\n,;:-" + DASH_CHARS) | _QUOTE_CHARS
_OPENING = set("“‘«\"")
_CLOSING = set("”’»\"")
_PUNCT = " \t\n,;:.!?-\"“”‘’«»„'" + DASH_CHARS
# what can "read" or "say" a text by itself: "the statement read", "the letter says"
DOCUMENTS = {"statement", "letter", "message", "note", "text", "release", "communique", "communiqué", "sign",
             "report", "tweet", "post", "notice", "memo", "banner", "placard", "headline", "caption", "order"}
# a direct quote fills its cue's content when it covers at least this share of it
_DIRECT_SHARE = 0.8


@dataclass
class Attribution:
    """One attribution while it is being built (token indexes into the Doc, offsets into the text)."""

    content_start: int
    content_end: int
    kind: str  # direct | indirect | mixed
    cue: Token | None = None
    cue_end: int | None = None  # end offset of the cue text ("called for": past "for")
    entry: CueEntry | None = None
    subject: Token | None = None  # head of the speaker's phrase
    speaker_text: str | None = None  # "according to X": X's phrase when it is the speaker
    speaker_span: tuple[int, int] | None = None
    reported_by: str | None = None
    inherit_from: Attribution | None = None  # an uncued quote paragraph: same speaker as this one
    quotes: list[QuotedSpan] = field(default_factory=list)
    content_tokens: list[int] = field(default_factory=list)  # the parse's content, for direct vs mixed


def find_attributions(doc: Doc, lexicon: Lexicon) -> list[Attribution]:
    text = doc_text(doc)
    spans = quoted_spans(text)
    quote_of = _quote_index(doc, spans)
    by_cue: dict[int, Attribution] = {}
    according: list[Attribution] = []
    for tok in _cue_candidates(doc, lexicon):
        if tok.i in quote_of:
            continue  # speech inside a quotation is the quoted speaker's, not the article's
        if tok.lower_ == "according":
            att = _according_to(tok, text)
            if att is not None:
                according.append(att)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.nouns:
            att = _noun_cue(tok, lexicon.nouns[tok.lemma_.lower()], text)
            if att is not None:
                by_cue[tok.i] = att
            continue
        match = _cue_entry(tok, lexicon)
        if match is None:
            continue
        entry, prep = match
        att = _indirect(tok, entry, prep, text)
        if att is not None:
            by_cue[tok.i] = att
    _attach_according(according, by_cue, doc)
    out = _attach_quotes(doc, text, spans, quote_of, by_cue, lexicon)
    for att in out:
        if att.subject is not None and att.subject.i in quote_of:
            att.subject = _speaker_between(doc, att, quote_of)
        _settle_kind(att, doc, text)
    out.extend(a for a in according if a.speaker_text)
    out.sort(key=lambda a: a.content_start)
    return out


def _cue_candidates(doc: Doc, lexicon: Lexicon) -> Iterator[Token]:
    """The tokens that may be cues: "according", or a lemma the lexicon lists."""
    words = lexicon.cue_words
    according = numpy.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings["according"]) if len(doc) else []
    found = numpy.union1d(token_indices(doc, LEMMA, lambda lemma: lemma.lower() in words), according)
    for i in found.tolist():
        yield doc[i]


def _speaker_between(doc: Doc, att: Attribution, quote_of: dict[int, int]) -> Token | None:
    """The parser took a word inside a quotation for the speaker: take the name between the
    quote and its cue instead ("…,” Flynn, a top Trump surrogate, said … “Fox and Friends.”)."""
    if att.cue is None or not att.quotes:
        return None
    end = max(q.end for q in att.quotes if q.end <= att.cue.idx) if any(
        q.end <= att.cue.idx for q in att.quotes) else None
    if end is None:
        return None
    for tok in doc[: att.cue.i]:
        if tok.idx <= end or tok.i in quote_of:
            continue
        if tok.pos_ in {"PROPN", "PRON", "NOUN"}:
            while tok.i + 1 < att.cue.i and doc[tok.i + 1].pos_ == "PROPN" and tok.pos_ == "PROPN":
                tok = doc[tok.i + 1]
            return tok
    return None


def _quote_index(doc: Doc, spans: list[QuotedSpan]) -> dict[int, int]:
    """token index -> index of the quoted span it lies in."""
    out: dict[int, int] = {}
    if not spans or len(doc) == 0:
        return out
    starts = doc.to_array(IDX)  # each token's offset, in text order
    for k, span in enumerate(spans):
        first, last = numpy.searchsorted(starts, [span.start, span.end]).tolist()
        for i in range(first, last):
            out.setdefault(i, k)
    return out


def _cue_entry(tok: Token, lexicon: Lexicon) -> tuple[CueEntry, Token | None] | None:
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in {"aux", "auxpass"}:
        return None
    if tok.i > 0 and tok.doc[tok.i - 1].text == "-":
        return None  # "so-called", "self-described": an adjective, not speech
    lemma = tok.lemma_.lower()
    # "accused the mayor of hiding …": the preposition may hang on the object
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    for child in [*tok.children, *(g for o in objects for g in o.children)]:
        if child.dep_ in {"prep", "prt"} and child.i > tok.i:  # "On Wednesday, X called" is no "call on"
            entry = lexicon.phrasal.get((lemma, child.lower_))
            if entry is not None:
                return entry, child
    entry = lexicon.verbs.get(lemma)
    if entry is not None and entry.document_only:
        subject = _subject(tok)
        if subject is None or subject.lemma_.lower() not in DOCUMENTS:
            return None
    return (entry, None) if entry is not None else None


def _span_of(tokens: list[Token], text: str) -> tuple[int, int] | None:
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return _trim(text, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _SPACE_OR_PUNCT and text[start] not in _OPENING:
        start += 1
    while end > start and (text[end - 1] in _SPACE_OR_PUNCT or text[end - 1] in ".!?"):
        if text[end - 1] in _CLOSING and any(ch in _OPENING for ch in text[start : end - 1]):
            break  # the closing mark of a quoted fragment inside the content stays with it
        end -= 1
    while start < end and text[start] in _OPENING and not any(ch in _CLOSING for ch in text[start + 1 : end]):
        start += 1
    return (start, end) if end > start else None


def _words(tokens) -> int:
    return sum(1 for t in tokens if not t.is_punct and not t.is_space)


def _indirect(tok: Token, entry: CueEntry, prep: Token | None, text: str) -> Attribution | None:
    content: list[Token] = []
    if prep is not None:
        content.extend(t for t in prep.subtree if t.i != prep.i)
    for child in tok.children:
        if child.dep_ in _CLAUSE_DEPS or (entry.takes_object and child.dep_ in _OBJECT_DEPS):
            if child.dep_ in _OBJECT_DEPS and child.pos_ == "PRON" and child.n_lefts + child.n_rights == 0:
                continue  # "said it": the content is elsewhere (a quote) or nowhere
            content.extend(child.subtree)
    if not content and tok.dep_ == "parataxis" and tok.head.i != tok.i:
        # "Y, X said." or "Y, X said, Z." parsed with Y as the root: the root's clause around the cue
        head = tok.head
        own = {t.i for t in tok.subtree}
        content = [t for t in head.subtree if t.i not in own]
    elif content and max(t.i for t in content) < tok.i and not any(t.pos_ in {"VERB", "AUX"} for t in content):
        # "During his years in office, he said, Obama has …": the parser gave the cue only the
        # fronted phrase; the content is the sentence around the cue
        owned = {tok.i}
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS or child.dep_ in {"aux", "neg", "advmod", "punct"}:
                owned.update(t.i for t in child.subtree)
        content = [t for t in tok.sent if t.i not in owned and not t.is_space]
    if _words(content) < 2:
        if _words(content) == 0:
            # kept without content: a quote beside it may still name this cue ("Wang said: …")
            return Attribution(-1, -1, "indirect", cue=tok, entry=entry, subject=_subject(tok),
                               cue_end=_cue_end(tok, prep))
        return None
    content = _to_sentence_end(tok, content)
    span = _span_of(content, text)
    if span is None:
        return None
    return Attribution(span[0], span[1], "indirect", cue=tok, entry=entry, subject=_subject(tok),
                       cue_end=_cue_end(tok, prep), content_tokens=[t.i for t in content])


def _noun_cue(tok: Token, entry: CueEntry, text: str) -> Attribution | None:
    """"Trump's claim that …", "a New York Times report that …": the owner said the clause."""
    clause = next((c for c in tok.children if c.dep_ in {"acl", "ccomp", "relcl"}
                   and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if owner is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None:
        return None
    content = list(clause.subtree)
    span = _span_of(content, text)
    if span is None or _words(content) < 3:
        return None
    return Attribution(span[0], span[1], "indirect", cue=tok, entry=entry, subject=owner,
                       cue_end=tok.idx + len(tok.text), content_tokens=[t.i for t in content])


def _to_sentence_end(cue: Token, content: list[Token]) -> list[Token]:
    """A clause after its cue runs to the end of the sentence unless the cue owns what follows
    (", he said on Sunday"): the parser often leaves a clause's last words hanging elsewhere."""
    last = max(t.i for t in content)
    if last < cue.i:
        return content
    sent = cue.sent
    rest = []
    for t in cue.doc[last + 1 : sent.end]:
        if t.head.i == cue.i and t.dep_ in _CUE_MODIFIERS and (
                t.dep_ != "conj" or _after_a_break(t) or t.nbor(-1).dep_ == "cc"):
            return content  # (a "conj" of the cue with nothing joining it is a misparse of the clause's words)
        if t.is_space or (not t.is_punct and not cue.is_ancestor(t) and _after_a_break(t)):
            break  # what follows belongs to another clause (", the broadcaster reported")
        rest.append(t)
    return content + rest


def _after_a_break(tok: Token) -> bool:
    """Whether a word starts a new clause of the sentence: after a comma, a semicolon or a dash.
    Words that run on without one ("… attack in Indian Illegally Occupied Jammu and Kashmir") are the
    clause's own, however the parser attached them."""
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    return prev is None or prev.text in {",", ";", "-", ":", "(", ")", *DASH_CHARS}


def _cue_end(tok: Token, prep: Token | None) -> int:
    last = prep if prep is not None and prep.i == tok.i + 1 else tok
    return last.idx + len(last.text)


def _subject(tok: Token, depth: int = 0) -> Token | None:
    for child in tok.children:
        if child.dep_ in _SUBJECT_DEPS and not _expletive(child, tok):
            return child  # "who" in "Dar, who said …": the resolver follows it to "Dar"
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if depth >= 3 or tok.head.i == tok.i:
        return None
    if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
        return tok.head  # "a statement saying that …"
    if tok.dep_ in _INHERIT_DEPS:
        return _subject(tok.head, depth + 1)
    return None


def _expletive(subj: Token, verb: Token) -> bool:
    """"It is said that …", "there are reports": no one speaks; "It says" (a letter) does."""
    if subj.lower_ == "there":
        return True
    return subj.lower_ == "it" and (subj.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children))


def _according_to(tok: Token, text: str) -> Attribution | None:
    """"According to X, Y": X said Y, or X reported what someone in Y said."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return None
    head = tok.head if tok.head.i != tok.i else tok
    own = {t.i for t in tok.subtree}
    clause = [t for t in head.subtree if t.i not in own] if head.i != tok.i else []
    if not clause:
        # "according to X" closing a sentence attached to the wrong head: the rest of the sentence
        clause = [t for t in tok.sent if t.i not in own]
    span = _span_of(clause, text)
    if span is None or _words(clause) < 2:
        return None
    phrase = _span_of(list(obj.subtree), text)
    if phrase is None:
        return None
    att = Attribution(span[0], span[1], "indirect", cue=tok, cue_end=to.idx + len(to.text), subject=obj)
    att.speaker_text = _strip_article(text[phrase[0] : phrase[1]])
    att.speaker_span = phrase
    return att


def _strip_article(phrase: str) -> str:
    for det in ("a ", "an ", "the ", "A ", "An ", "The "):
        if phrase.startswith(det):
            return phrase[len(det) :]
    return phrase


def _attach_according(according: list[Attribution], by_cue: dict[int, Attribution], doc: Doc) -> None:
    """A cue with its own speaker inside "according to X, …" makes X the reporting source."""
    for acc in according:
        inner = [a for a in by_cue.values() if a.subject is not None and a.content_start >= 0
                 and acc.content_start <= a.cue.idx < acc.content_end]
        if inner:
            for a in inner:
                a.reported_by = acc.speaker_text
            acc.speaker_text = None  # not a quote of its own


def _tok_at(doc: Doc, text: str, offset: int) -> Token | None:
    """The token at ``offset``, or the first one after it when ``offset`` is a space."""
    while offset < len(text) and text[offset].isspace() and text[offset] != "\n":
        offset += 1
    if offset >= len(text):
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _attach_quotes(doc: Doc, text: str, spans: list[QuotedSpan], quote_of: dict[int, int],
                   by_cue: dict[int, Attribution], lexicon: Lexicon) -> list[Attribution]:
    with_content = sorted((a for a in by_cue.values() if a.content_start >= 0), key=lambda a: a.content_start)
    placed: list[tuple[QuotedSpan, Attribution]] = []
    for q in spans:
        if _is_title(text, q):
            continue
        att = _enclosing(text, q, with_content)
        if att is None:
            cue = _cue_after(doc, text, q, quote_of, lexicon) or _cue_before(doc, text, q, quote_of, lexicon)
            if cue is not None:
                att = by_cue.get(cue.i)
                if att is None:
                    match = _cue_entry(cue, lexicon)
                    att = Attribution(-1, -1, "direct", cue=cue, entry=match[0] if match else None,
                                      subject=_subject(cue), cue_end=cue.idx + len(cue.text))
                    by_cue[cue.i] = att
        if att is None:
            att = _continuation(text, q, placed)
        if att is None:
            continue
        _add_quote(att, q)
        placed.append((q, att))
    out = [a for a in by_cue.values() if a.content_start >= 0]
    out.extend(a for a in {id(a): a for _, a in placed if a.cue is None}.values())
    return out


def _within(text: str, q: QuotedSpan, start: int, end: int) -> bool:
    """The quote lies in [start, end), allowing for the marks and punctuation trimmed off its ends."""
    return (start <= q.start or not text[q.start : start].strip(_PUNCT)) and (
        q.end <= end or not text[end : q.end].strip(_PUNCT))


def _is_title(text: str, q: QuotedSpan) -> bool:
    """“War and Peace”, “The Apprentice”: every word capitalised, few words, no sentence."""
    words = text[q.start : q.end].rstrip(".,").split()
    if not words or len(words) > 8 or text[q.end - 1] in "!?":
        return False
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from"}
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in small for w in words) and words[0][0].isupper()


def _enclosing(text: str, q: QuotedSpan, atts: list[Attribution]) -> Attribution | None:
    best = None
    for a in atts:
        if a.content_start > q.end:
            break
        inside = _within(text, q, a.content_start, a.content_end) and a.content_end > q.start
        if inside and (best is None or a.content_end - a.content_start < best.content_end - best.content_start):
            best = a
    return best


def _add_quote(att: Attribution, q: QuotedSpan) -> None:
    att.quotes.append(q)
    if att.content_start < 0:
        att.content_start, att.content_end = q.start, q.end
    else:
        att.content_start = min(att.content_start, q.start)
        att.content_end = max(att.content_end, q.end)


def _settle_kind(att: Attribution, doc: Doc, text: str) -> None:
    """Direct when the quotes hold (nearly) all of the cue's own content, mixed when they are fragments."""
    if not att.quotes:
        att.kind = "indirect"
        return
    residual = total = 0
    speaker = {t.i for t in att.subject.subtree} if att.subject is not None else set()
    for i in att.content_tokens:
        if i in speaker:
            continue  # a parse that hangs the speaker inside the quoted clause
        tok = doc[i]
        n = sum(ch.isalnum() for ch in tok.text)
        total += n
        if not any(q.start <= tok.idx < q.end for q in att.quotes):
            residual += n
    if total == 0 or residual <= (1 - _DIRECT_SHARE) * total:
        att.kind = "direct"
        att.content_start = min(q.start for q in att.quotes)
        end = max(q.end for q in att.quotes)
        while end > att.content_start + 1 and text[end - 1] in " ,":
            end -= 1  # "…," he said: the comma belongs to the sentence, not to the words
        att.content_end = end
    else:
        att.kind = "mixed"


def _paragraph_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _cue_after(doc: Doc, text: str, q: QuotedSpan, quote_of: dict[int, int], lexicon: Lexicon) -> Token | None:
    """"…," Wang said / "…?" asked the minister: a cue within a few words after the closing mark."""
    if not q.closed:
        return None
    last = text[q.end - 1] if q.end > q.start else ""
    _, p_end = _paragraph_bounds(text, q.end)
    after = _tok_at(doc, text, q.end + 1) if q.end + 1 < p_end else None
    if after is None:
        return None
    if last == "." or (last in "!?" and after.is_title and after.lower_ not in {"he", "she", "they"}):
        return None  # the quote ended its sentence: what follows is a new one
    for tok in doc[after.i : min(len(doc), after.i + 12)]:
        if tok.idx >= p_end or tok.i in quote_of or tok.text in _SENT_END:
            return None
        if tok.text in _QUOTE_CHARS:
            return None
        if _cue_entry(tok, lexicon) is not None:
            return tok
        if tok.pos_ in {"VERB"} and tok.dep_ not in {"aux", "auxpass"}:
            return None
    return None


def _cue_before(doc: Doc, text: str, q: QuotedSpan, quote_of: dict[int, int], lexicon: Lexicon) -> Token | None:
    """Wang said: "…" / Wang told reporters, "…": the nearest cue before the opening mark."""
    mark = q.start - 1
    p_start, _ = _paragraph_bounds(text, mark)
    before = mark - 1
    while before >= p_start and text[before].isspace():
        before -= 1
    if before < p_start:
        # He said:¶"…": a paragraph that ends in a colon introduces the quote below it
        before = p_start - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        if before < 0 or text[before] != ":":
            return None
        p_start, _ = _paragraph_bounds(text, before)
    lead = text[before]
    first = _tok_at(doc, text, before)
    if first is None:
        return None
    for tok in reversed(doc[max(0, first.i - 12) : first.i + 1]):
        if tok.idx < p_start or tok.i in quote_of:
            return None
        if tok.text in _SENT_END and tok.i != first.i:
            return None
        if tok.text in _QUOTE_CHARS and tok.i != first.i:
            return None
        if _cue_entry(tok, lexicon) is not None:
            if lead in ":," + DASH_CHARS or tok.i == first.i or (lead.isalpha() and first.head.i == tok.i):
                return tok
            return None
    return None


def _continuation(text: str, q: QuotedSpan, placed: list[tuple[QuotedSpan, Attribution]]) -> Attribution | None:
    """A quote with no cue of its own goes on the quote before it: right after it in the same
    paragraph ("…," she said. "…"), or filling the next paragraph (same speaker, as news writes)."""
    if not placed:
        return None
    prev_q, prev = placed[-1]
    between = text[prev_q.end : q.start]
    p_start, p_end = _paragraph_bounds(text, q.start)
    opens_paragraph = not text[p_start : q.start - 1].strip()
    near = "\n" not in between or (opens_paragraph and between.count("\n") <= 2)
    if near and len(between) <= 160 and prev.cue is not None and prev.cue.idx < q.start:
        if len(between) <= 60 and ("\n" not in between or prev_q.end <= prev.cue.idx):
            return prev  # '"…," she said. "…"': one quotation around its cue
        # '"…," said X, who has long …. "…"': the same speaker, but the narration is not theirs
        return Attribution(q.start, q.end, "direct", inherit_from=prev.inherit_from or prev)
    if not opens_paragraph or text[q.end + 1 : p_end].strip():
        return None
    if len(text[q.start : q.end].split()) < 4:
        return None
    if between.count("\n") > 2 or len(between) > 400:
        return None
    origin = prev.inherit_from or prev
    return Attribution(q.start, q.end, "direct", inherit_from=origin)
