"""The quotes stage: who said what, with which cue, as reported by whom.

``find_quotes(article)`` turns the parse into the ``quotes`` layer: direct quotations (paired
marks tied to their cue), indirect speech (a reporting verb from ``data/cues.tsv`` with its
clause), and mixed speech (reported speech holding a quoted fragment).  Each speaker is the
mention in the text with the entity it refers to; ``reported_by`` names the outlet or document
that carried the words ("… CGTN reported", "according to a … statement", "told Reuters").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..document import Article, Cue, Quote, Speaker, TextSpan
from . import lexicon as _lexicon
from .attribution import Attribution, find_attributions
from .speakers import SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Outlets and the words that make a phrase one ("state media", "news agency"): a speaker that is
# one of these passes the words of others on, so it becomes the ``reported_by`` of nearby quotes.
MEDIA_NAMES = {
    "reuters", "ap", "afp", "bloomberg", "xinhua", "cgtn", "bbc", "cnn", "nbc", "abc", "cbs", "fox", "npr",
    "tass", "ria", "interfax", "dpa", "efe", "ansa", "kyodo", "yonhap", "anadolu", "app", "pti", "ani",
    "irna", "wafa", "sana", "kcna", "nos", "rte", "itv", "sky", "politico", "axios",
}
MEDIA_NOUNS = {
    "media", "agency", "newspaper", "paper", "daily", "broadcaster", "television", "tv", "radio", "channel",
    "outlet", "magazine", "website", "journal", "tabloid", "wire", "network", "statement", "report",
    "communique", "communiqué", "readout", "release", "transcript", "bulletin",
}


def find_quotes(article: Article) -> list[Quote]:
    doc = article.doc
    if doc is None:
        return []
    atts = find_attributions(doc, _lexicon.load())
    quoted = [(q.start, q.end) for a in atts for q in a.quotes]
    resolver = SpeakerResolver(article, doc, quoted)
    speakers: dict[int, Speaker | None] = {}
    quotes: list[Quote] = []
    kept: list[Attribution] = []
    for att in atts:
        speaker = _speaker(att, resolver, speakers)
        speakers[id(att)] = speaker
        words = len(article.text[att.content_start : att.content_end].split())
        if speaker is None and (att.kind == "indirect" or words < 4):
            continue  # speech with no one to say it ("It is expected that …", a quoted phrase) is not a quote
        told = _told_outlet(att, doc)
        quotes.append(
            Quote(
                speaker=speaker,
                cue=_cue(att, article.text),
                content=TextSpan(article.text[att.content_start : att.content_end], att.content_start,
                                 att.content_end),
                kind=att.kind,
                reported_by=att.reported_by or told,
            )
        )
        kept.append(att)
    _spread_reporters(quotes, kept, doc)
    return quotes


def _speaker(att: Attribution, resolver: SpeakerResolver, done: dict[int, Speaker | None]) -> Speaker | None:
    if att.inherit_from is not None:
        return done.get(id(att.inherit_from))
    if att.speaker_text is not None:
        return resolver.resolve(att.subject, att.speaker_span)
    if att.subject is None:
        return None
    return resolver.resolve(att.subject, None)


def _cue(att: Attribution, text: str) -> Cue | None:
    if att.cue is None:
        return None
    start = att.cue.idx
    # keep the adverb that colours the cue: "categorically rejected", "also warned"
    for child in att.cue.lefts:
        if child.dep_ == "advmod" and child.i == att.cue.i - 1 and child.lower_.endswith("ly"):
            start = child.idx
    end = att.cue_end or att.cue.idx + len(att.cue.text)
    ctype = att.entry.type if att.entry is not None else ("report" if att.cue.lower_ == "according" else "say")
    return Cue(text[start:end], start, end, ctype)


def _is_outlet(tok: Token) -> bool:
    words = {t.lower_ for t in tok.subtree}
    return bool(words & MEDIA_NAMES) or tok.lower_ in MEDIA_NOUNS or tok.lemma_.lower() in MEDIA_NOUNS


def _told_outlet(att: Attribution, doc: Doc) -> str | None:
    """"…, he told Reuters": the outlet he told is the one that reports it."""
    if att.cue is None or att.cue.lemma_.lower() != "tell":
        return None
    for child in att.cue.children:
        if child.dep_ in {"dobj", "dative", "obj"} and child.pos_ == "PROPN" and _is_outlet(child):
            return doc[child.left_edge.i : child.i + 1].text
    return None


def _spread_reporters(quotes: list[Quote], atts: list[Attribution], doc: Doc) -> None:
    """An outlet's report ("…, state media CGTN reported") covers the other quotes of its own
    sentence and of the sentence before it: the lead it follows."""
    for q, att in zip(quotes, atts, strict=True):
        if att.cue is None or att.subject is None or q.speaker is None:
            continue
        if not (att.entry is not None and att.entry.type == "report") or not _is_outlet(att.subject):
            continue
        sent = att.cue.sent
        prev_start = doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        for other in quotes:
            if other is q or other.reported_by:
                continue
            if prev_start <= other.content.start < sent.end_char:
                other.reported_by = q.speaker.name


class QuoteStage:
    name = "quotes"

    def __call__(self, article: Article) -> None:
        article.quotes = find_quotes(article)


def make_stage(settings: Any) -> QuoteStage:
    return QuoteStage()
