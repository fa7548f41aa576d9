"""Choosing the bullets: best score first, never one that repeats a bullet already chosen
(cosine over content lemmas and entities), at most two about the same actor before a penalty.

Hand-written: a dozen lines over the ranker's features; a library would add a vector model
this does not need. (A graded MMR penalty on similarity below the threshold, lambda 0.9, cost
0.2 R-1 in headline style on the dev files and changed nothing in sentence style: the hard
threshold alone does the job.)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from .rank import Candidate

REDUNDANT = 0.4  # similarity at which two sentences say the same thing
# Headline style compares the sentences more loosely and the bullets themselves as well: two sentences that share
# much can make bullets about different things ("Locke will be confirmed as manager" / "Kilmarnock unbeaten in
# Locke's first six games": sentences 0.55, bullets 0.0), two that share less can make the same bullet (sentences
# 0.40, bullets 0.85). Chosen on the dev files with the lint set's near-duplicate boxes counted: R-1 +0.25 cnndm,
# +0.65 summeval, and 21 of 1,613 lint boxes with two bullets that share most words, against 46 before.
HEADLINE_REDUNDANT = 0.5
SAME_BULLET = 0.4  # cosine over the content lemmas each bullet kept
LONG_ARTICLE = 700  # words; past this, every PER_POINT more words earn one more bullet
PER_POINT = 350
ACTOR_PENALTY = 0.5  # per bullet past two about the same actor: a box is not one person's statements
SHORT_ARTICLE = 250  # words; headline style gives such an article only the minimum


def similarity(a: Candidate, b: Candidate) -> float:
    """Cosine over content lemmas, with each shared named entity counting as one more shared word."""
    return cosine(a.bag, b.bag, a.norm, b.norm)


def cosine(a: Counter, b: Counter, norm_a: float | None = None, norm_b: float | None = None) -> float:
    """Cosine of two bags of words (their norms, when known, spare computing them)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b, norm_a, norm_b = b, a, norm_b, norm_a
    dot = sum(n * b[w] for w, n in a.items() if w in b)
    if not dot:
        return 0.0
    norm_a = norm_a or math.sqrt(sum(n * n for n in a.values()))
    norm_b = norm_b or math.sqrt(sum(n * n for n in b.values()))
    return dot / (norm_a * norm_b)


def point_count(cands: list[Candidate], min_points: int, max_points: int, headline: bool = False) -> int:
    """3 to 5 bullets by article length (short headline bullets earn one more); never more than the
    article has prose sentences."""
    words = sum(c.words for c in cands)
    want = min_points + max(0, words - LONG_ARTICLE) // PER_POINT
    if headline and words > SHORT_ARTICLE:
        want += 1
    want = max(min_points, min(max_points, want))
    return min(want, len(cands))


def select(cands: list[Candidate], count: int, accept: Callable[[Candidate], bool] | None = None,
           fill_to: int | None = None, usable: Callable[[Candidate], bool] | None = None,
           redundant: float = REDUNDANT, same: Callable[[Candidate, Candidate], bool] | None = None,
           ) -> list[Candidate]:
    """Greedy by score; a candidate too similar to one already chosen (``redundant``, or what ``same`` says
    of the two) is never taken.

    ``accept`` can refuse a candidate (a sentence that makes no good headline); refused ones
    fill in, best first, only when fewer than ``fill_to`` (default ``count``) were accepted, and
    only those ``usable`` allows (someone speaking in the first person never fills a box).
    """
    if not cands:
        return []
    top = max(c.score for c in cands)
    low = min(c.score for c in cands)
    spread = (top - low) or 1.0
    chosen: list[Candidate] = []
    refused: list[Candidate] = []
    pool = list(cands)
    redundancy = {id(c): 0.0 for c in cands}  # similarity to the closest bullet chosen so far
    while pool and len(chosen) < count:
        best, best_value = None, -math.inf
        for c in pool:
            if redundancy[id(c)] >= redundant:
                continue
            value = (c.score - low) / spread
            if c.actor is not None:
                value -= ACTOR_PENALTY * max(0, sum(1 for b in chosen if b.actor == c.actor) - 1)
            if value > best_value:
                best, best_value = c, value
        if best is None:
            break
        pool.remove(best)
        if same is not None and any(same(best, b) for b in chosen):
            continue
        if accept is not None and not accept(best):
            refused.append(best)
            continue
        chosen.append(best)
        for c in pool + refused:
            redundancy[id(c)] = max(redundancy[id(c)], similarity(c, best))
    fill = count if fill_to is None else min(count, fill_to)
    for c in refused:
        if len(chosen) >= fill:
            break
        if redundancy[id(c)] < redundant and (usable is None or usable(c)) and not (
                same is not None and any(same(c, b) for b in chosen)):
            chosen.append(c)
            for other in refused:
                redundancy[id(other)] = max(redundancy[id(other)], similarity(other, c))
    return chosen
