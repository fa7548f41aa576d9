"""The KEY POINTS stage: rank prose sentences, pick 3-5 that do not repeat, and (headline style)
compress each into an editors' bullet made only from its source sentences."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..document import Article, KeyPoint, Span
from .compress import LEDE_SENTENCES, Headliner
from .rank import CONTENT_POS, Candidate, candidates, speaks
from .selection import HEADLINE_REDUNDANT, SAME_BULLET, cosine, point_count, select

if TYPE_CHECKING:
    from ..pipeline import Settings


WORD = re.compile(r"[\w’'-]*\w[\w’'-]*")


class KeyPointStage:
    name = "key_points"

    def __init__(self, settings: Settings) -> None:
        self.style = settings.style
        self.max_points = max(1, settings.max_points)
        self.min_points = max(1, min(settings.min_points, self.max_points))

    def __call__(self, article: Article) -> None:
        article.key_points = key_points(article, self.style, self.min_points, self.max_points)


def key_points(article: Article, style: str = "headline", min_points: int = 3, max_points: int = 5) -> list[KeyPoint]:
    """Key points of a parsed article (``article.doc``, sentences and entities set)."""
    cands = candidates(article)
    count = point_count(cands, min_points, max_points, headline=style != "sentence")
    if style == "sentence":
        return [KeyPoint(text=c.sentence.text, sources=[Span(c.sentence.start, c.sentence.end)], style="sentence")
                for c in select(cands, count, accept=lambda c: not speaks(c.sentence.text))]
    headliner = Headliner(article, lede=[c.index for c in cands[:LEDE_SENTENCES]])
    said: dict[int, Counter] = {}

    def same_bullet(a: Candidate, b: Candidate) -> bool:
        for c in (a, b):
            if c.index not in said:
                said[c.index] = said_in(c, headliner.compress(c, commit=False)[0])
        return cosine(said[a.index], said[b.index]) >= SAME_BULLET

    # a refused sentence makes a poor bullet: it only fills in up to the box's minimum
    chosen = select(cands, count, accept=headliner.acceptable, fill_to=min_points, usable=headliner.usable,
                    redundant=HEADLINE_REDUNDANT, same=same_bullet)
    points, fitting = [], []
    for c in chosen:
        text, sources = headliner.headline(c)
        points.append(KeyPoint(text=text, sources=[Span(s.start, s.end) for s in sources], style="headline"))
        # a sentence that would not compress (a long quotation) is no headline: fewer bullets are better,
        # unless there would be none
        if len(WORD.findall(text)) <= headliner.word_limit(c):
            fitting.append(points[-1])
    return fitting or points[:1]


def said_in(cand: Candidate, bullet: str) -> Counter:
    """The content lemmas of the sentence's words that the bullet kept."""
    words = {w.lower() for w in WORD.findall(bullet)}
    return Counter(t.lemma_.lower() for t in cand.span if t.lower_ in words and t.pos_ in CONTENT_POS
                   and not t.is_stop and (t.is_alpha or t.like_num))


def make_stage(settings: Settings) -> KeyPointStage:
    return KeyPointStage(settings)
