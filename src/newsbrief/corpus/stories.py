"""Stories: articles grouped incrementally by the event or situation they report, and a story's view.

An article joins the story whose centroid it is most similar to, or starts a new one.  Similarity
is a weighted mean of cosines in four TF-IDF spaces, each with document frequencies learned from
the articles seen so far: the words, the named entities (who and where), the numbers (counts,
years, magnitudes: what tells two events of the same kind apart) and the lede's words; it is damped
when the article's date is far from the story's.  A young story has a noisy centroid, so joining it
asks for less.  When a story reaches certain sizes it is tested for a split: if its members fall
into two groups that are less alike than a story's halves should be, the group without the story's
first article becomes a story of its own (``take_moves`` tells the caller which articles moved).
Hand-written single-pass clustering over inverted indexes: library clusterers (scikit-learn and
the like) re-cluster everything at once and cannot take one article at a time.
The view merges the stories' articles: one timeline entry per event however many outlets report
it, key points chosen across articles without repeating one another, and what is new since a time.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

# Tuned on ../shared/data/stories/ecbplus_dev.jsonl with bench/stories.py (checked on each half of
# its topics and on shuffled orders, not only the file's order).
THRESHOLD = 0.30
YOUNG_STORY_EASING = 0.10  # the bar is THRESHOLD - this / sqrt(story size)
WEIGHTS = {"terms": 0.4, "ents": 0.3, "numbers": 0.2, "lede": 0.1}
SPLIT_THRESHOLD = 0.40  # two groups of one story less alike than this are two stories
SPLIT_MIN_PART = 3
SPLIT_SIZES = frozenset(int(6 * 1.5 ** k) for k in range(10))  # 6, 9, 13, 20, ... 230: tested at these sizes
SHORTLIST = 50  # stories scored in full per article
COMMON_POSTING = 50  # a term found in more stories than this (or a 20th of them) is common
MAX_TERMS = 200  # per space and article: bounds work and memory; ECB+ scores drop below about 150
DATE_GRACE_DAYS = 3  # inside this distance from a story's dates, time says nothing
DATE_SCALE_DAYS = 10.0
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"}
LEDE_SENTENCES = 2
_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|\d+(?:[.,]\d+)?")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?!\w)")


def text_terms(text: str) -> dict[str, float]:
    """Sublinear term frequencies of the content words and numbers of a text."""
    counts = Counter(w for w in _WORD.findall(text.lower()) if (w not in STOP_WORDS and len(w) > 2) or w.isdigit())
    return {w: 1.0 + math.log(c) for w, c in counts.items()}


def number_terms(text: str) -> dict[str, float]:
    """Sublinear frequencies of the numbers written in digits: casualties, scores, years, magnitudes."""
    return {n: 1.0 + math.log(c) for n, c in Counter(_NUMBER.findall(text)).items()}


def entity_terms(entities: Iterable[dict[str, Any]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for ent in entities:
        if ent.get("label") not in ENTITY_LABELS:
            continue
        key = ent["name"].lower()
        out[key] = out.get(key, 0.0) + 1.0 + math.log(max(1, len(ent.get("mentions", []))))
    return out


def _lede(data: dict[str, Any], text: str) -> str:
    sentences = data.get("sentences") or []
    if len(sentences) >= LEDE_SENTENCES:
        return text[:sentences[LEDE_SENTENCES - 1]["end"]]
    lines = [line for line in text.split("\n") if line.strip()]
    return "\n".join(lines[:LEDE_SENTENCES])


def features(data: dict[str, Any]) -> dict[str, Any]:
    """What clustering needs from an analysed article (``Article.to_dict()``); stored with the article."""
    meta = data.get("article", data)
    title = meta.get("title") or ""
    text = meta["text"]
    return {
        "terms": text_terms((title + "\n" + text).strip()),
        "ents": entity_terms(data.get("entities", [])),
        "numbers": number_terms(text),
        "lede": text_terms((title + "\n" + _lede(data, text)).strip()),
        "published": meta.get("published"),
    }


Vector = dict[str, float]


class _Space:
    """One vector space: document frequencies and story centroids as postings."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.norm2: dict[int, float] = defaultdict(float)

    def observe(self, terms: dict[str, float]) -> None:
        self.df.update(terms.keys())

    def vector(self, terms: dict[str, float], n_docs: int) -> Vector:
        weighted = {t: tf * (math.log((n_docs + 1) / (self.df.get(t, 0) + 1)) + 1.0) for t, tf in terms.items()}
        if len(weighted) > MAX_TERMS:
            weighted = dict(sorted(weighted.items(), key=lambda kv: -kv[1])[:MAX_TERMS])
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        return {t: v / norm for t, v in weighted.items()}

    def dots(self, vec: Vector) -> tuple[dict[int, float], list[tuple[float, dict[int, float]]]]:
        """Dot products with the stories reached through the vector's rarer terms, and the common terms'
        (weight, posting) pairs left to ``finish`` for the stories worth scoring: walking a posting that
        holds nearly every story costs the most and tells the least."""
        dots: dict[int, float] = defaultdict(float)
        common = []
        long = max(COMMON_POSTING, len(self.norm2) // 20)
        for term, weight in vec.items():
            posting = self.postings.get(term)
            if not posting:
                continue
            if len(posting) > long:
                common.append((weight, posting))
                continue
            for story, cw in posting.items():
                dots[story] += weight * cw
        return dots, common

    def finish(self, story: int, dots: dict[int, float], common: list[tuple[float, dict[int, float]]]) -> float:
        """The cosine of the vector with a story's centroid, from ``dots``."""
        norm2 = self.norm2.get(story, 0.0)
        if norm2 <= 1e-12:
            return 0.0
        dot = dots.get(story, 0.0) + sum(weight * posting.get(story, 0.0) for weight, posting in common)
        return dot / math.sqrt(norm2)

    def add(self, story: int, vec: Vector, sign: float = 1.0) -> None:
        for term, weight in vec.items():
            posting = self.postings[term]
            old = posting.get(story, 0.0)
            new = old + sign * weight
            self.norm2[story] += new * new - old * old
            if sign < 0 and abs(new) < 1e-9:
                del posting[story]
                if not posting:
                    del self.postings[term]
            else:
                posting[story] = new
        if sign < 0 and self.norm2[story] < 1e-9:
            del self.norm2[story]


class _Member:
    """An article's vectors, kept compactly so that its story can be split later."""

    __slots__ = ("key", "terms", "weights")

    def __init__(self, key: Hashable, vecs: dict[str, Vector]) -> None:
        self.key = key
        self.terms = tuple((name, tuple(sys.intern(t) for t in vec)) for name, vec in vecs.items() if vec)
        self.weights = tuple(array("d", vec.values()) for vec in vecs.values() if vec)

    def vectors(self) -> dict[str, Vector]:
        return {name: dict(zip(terms, weights, strict=True))
                for (name, terms), weights in zip(self.terms, self.weights, strict=True)}


class StoryIndex:
    """Incremental story clustering: ``assign(features)`` returns the story an article joins.

    Story ids are given by ``new_story`` (the store's rows) or, by default, counted from 1.  Pass
    ``key`` (the article's id) to let stories split: after ``assign``, ``take_moves()`` lists the
    ``(key, story)`` of earlier articles that moved to a new story.
    """

    def __init__(self, threshold: float = THRESHOLD, weights: dict[str, float] | None = None,
                 use_dates: bool = True, split_threshold: float = SPLIT_THRESHOLD,
                 young_easing: float = YOUNG_STORY_EASING) -> None:
        self.threshold = threshold
        self.weights = dict(WEIGHTS if weights is None else weights)
        self.use_dates = use_dates
        self.split_threshold = split_threshold
        self.young_easing = young_easing
        self.spaces = {name: _Space() for name in self.weights}
        self.n_docs = 0
        self.dates: dict[int, tuple[dt.date, dt.date]] = {}
        self.sizes: Counter[int] = Counter()
        self.members: dict[int, list[_Member]] = defaultdict(list)
        self._moves: list[tuple[Hashable, int]] = []
        self._next = 1

    def _vectors(self, feats: dict[str, Any]) -> dict[str, Vector]:
        self.n_docs += 1
        out = {}
        for name, space in self.spaces.items():
            terms = feats.get(name) or {}
            space.observe(terms)
            out[name] = space.vector(terms, self.n_docs) if terms else {}
        return out

    def score(self, feats: dict[str, Any]) -> tuple[int | None, float, dict[str, Any]]:
        """The best story for these features, its score, and the vectors (for ``add``)."""
        vecs = self._vectors(feats)
        present = {name: vec for name, vec in vecs.items() if vec}
        # a space the article has nothing in (no numbers, no entities) says nothing either way
        total = sum(self.weights[name] for name in present)
        partial = {name: self.spaces[name].dots(vec) for name, vec in present.items()}
        # a story that shares only common words with the article is not scored at all, and only the
        # stories closest on the rarer words are scored in full
        rough: dict[int, float] = defaultdict(float)
        for name, (dots, _) in partial.items():
            space, weight = self.spaces[name], self.weights[name]
            for story, dot in dots.items():
                rough[story] += weight * dot / math.sqrt(max(space.norm2.get(story, 0.0), 1e-12))
        candidates = heapq.nlargest(SHORTLIST, rough, key=rough.__getitem__)
        day = _day(feats.get("published"))
        best, best_margin, best_score = None, -math.inf, 0.0
        for story in sorted(candidates):
            s = sum(self.weights[name] * self.spaces[name].finish(story, *partial[name]) for name in present) / total
            if self.use_dates and day is not None and story in self.dates:
                s *= _date_factor(day, self.dates[story])
            margin = s - self.bar(story)
            if margin > best_margin:
                best, best_margin, best_score = story, margin, s
        return best, best_score, {"vectors": vecs, "day": day}

    def bar(self, story: int) -> float:
        """The score an article needs to join ``story``: lower while the story is small."""
        return self.threshold - self.young_easing / math.sqrt(max(1, self.sizes[story]))

    def assign(self, feats: dict[str, Any], new_story: Callable[[], Any] | None = None,
               key: Hashable = None) -> int:
        """Put an article in its story (or a new one) and return the story's id."""
        story, score, vecs = self.score(feats)
        if story is None or score < self.bar(story):
            story = self._new_id(new_story)
        self.add(story, vecs, key)
        if key is not None and len(self.members[story]) in SPLIT_SIZES:
            self._try_split(story, new_story)
        return story

    def take_moves(self) -> list[tuple[Hashable, int]]:
        """Articles moved to another story by splits since the last call, as ``(key, story)``."""
        moves, self._moves = self._moves, []
        return moves

    def _new_id(self, new_story: Callable[[], Any] | None) -> int:
        story = int(new_story()) if new_story is not None else self._next
        self._next = max(self._next, story + 1)
        return story

    def add(self, story: int, vecs: dict[str, Any], key: Hashable = None) -> None:
        for name, vec in vecs["vectors"].items():
            if vec:
                self.spaces[name].add(story, vec)
        if key is not None:
            self.members[story].append(_Member(key, vecs["vectors"]))
        self.sizes[story] += 1
        self._next = max(self._next, story + 1)
        day = vecs.get("day")
        if day is not None:
            lo, hi = self.dates.get(story, (day, day))
            self.dates[story] = (min(lo, day), max(hi, day))

    def replay(self, feats: dict[str, Any], story: int, key: Hashable = None) -> None:
        """Rebuild the index from stored articles (their features and their story), in ingest order."""
        self.add(story, {"vectors": self._vectors(feats), "day": _day(feats.get("published"))}, key)

    # -- splitting -----------------------------------------------------------------------------

    def _similarity(self, a: dict[str, Vector], b: dict[str, Vector]) -> float:
        """The weighted mean of the cosines of two (summed) vectors, over the spaces both have."""
        num = den = 0.0
        for name, weight in self.weights.items():
            va, vb = a.get(name), b.get(name)
            if not va or not vb:
                continue
            if len(va) > len(vb):
                va, vb = vb, va
            dot = sum(w * vb.get(t, 0.0) for t, w in va.items())
            norm = math.sqrt(sum(w * w for w in va.values()) * sum(w * w for w in vb.values()))
            if norm > 0:
                num += weight * dot / norm
                den += weight
        return num / den if den else 0.0

    def _try_split(self, story: int, new_story: Callable[[], Any] | None) -> None:
        members = self.members[story]
        vectors = [m.vectors() for m in members]
        groups = _two_means(vectors, self._similarity)
        if groups is None:
            return
        parts = [[i for i, g in enumerate(groups) if g == side] for side in (0, 1)]
        if min(len(p) for p in parts) < SPLIT_MIN_PART:
            return
        sums = [_sum(vectors[i] for i in part) for part in parts]
        if self._similarity(*sums) >= self.split_threshold:
            return
        leaving = parts[1] if 0 in parts[0] else parts[0]  # the story keeps its first article (and title)
        new_id = self._new_id(new_story)
        gone = set(leaving)
        for i in leaving:
            for name, vec in vectors[i].items():
                self.spaces[name].add(story, vec, sign=-1.0)
                self.spaces[name].add(new_id, vec)
            self._moves.append((members[i].key, new_id))
        self.members[new_id] = [members[i] for i in leaving]
        self.members[story] = [m for i, m in enumerate(members) if i not in gone]
        self.sizes[story] -= len(leaving)
        self.sizes[new_id] += len(leaving)
        if story in self.dates:
            self.dates[new_id] = self.dates[story]  # the members' own dates are not kept; the span still holds them


def _sum(vectors: Iterable[dict[str, Vector]]) -> dict[str, Vector]:
    out: dict[str, Vector] = defaultdict(lambda: defaultdict(float))
    for vecs in vectors:
        for name, vec in vecs.items():
            acc = out[name]
            for t, w in vec.items():
                acc[t] += w
    return out


def _two_means(vectors: list[dict[str, Vector]], similarity: Callable[..., float],
               rounds: int = 5) -> list[int] | None:
    """Two groups of ``vectors`` by spherical 2-means, seeded with a far-apart pair (deterministic)."""
    if len(vectors) < 2:
        return None
    far = min(range(1, len(vectors)), key=lambda j: similarity(vectors[0], vectors[j]))
    other = min((j for j in range(len(vectors)) if j != far), key=lambda j: similarity(vectors[far], vectors[j]))
    centres = [vectors[other], vectors[far]]
    groups: list[int] | None = None
    for _ in range(rounds):
        new = [0 if similarity(v, centres[0]) >= similarity(v, centres[1]) else 1 for v in vectors]
        if new == groups or len(set(new)) < 2:
            return new if len(set(new)) == 2 else None
        groups = new
        centres = [_sum(v for v, g in zip(vectors, groups, strict=True) if g == side) for side in (0, 1)]
    return groups


def _day(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _date_factor(day: dt.date, span: tuple[dt.date, dt.date]) -> float:
    lo, hi = span
    gap = (lo - day).days if day < lo else (day - hi).days if day > hi else 0
    if gap <= DATE_GRACE_DAYS:
        return 1.0
    return math.exp(-(gap - DATE_GRACE_DAYS) / DATE_SCALE_DAYS)


# -- the story view -------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> set[str]:
    return {t for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS}


def _similar(a: set[str], b: set[str], threshold: float = 0.5) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= threshold


def story_title(members: list[dict[str, Any]]) -> str | None:
    """The title of the article with the most copies (then the earliest), else its first key point."""
    if not members:
        return None
    best = max(members, key=lambda m: (len(m.get("copies", [])), -(m.get("id") or 0)))
    meta = best.get("article", {})
    if meta.get("title"):
        return meta["title"]
    if best.get("key_points"):
        return best["key_points"][0]["text"]
    first = (meta.get("text") or "").strip().split("\n")[0]
    return first[:120] or None


def _is_new(member: dict[str, Any], since: str | None) -> bool:
    if not since:
        return False
    meta = member.get("article", {})
    stamp = meta.get("published") or member.get("ingested_at") or ""
    return stamp >= since


def merged_timeline(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per event (same actor, action, target and date), citing every article reporting it."""
    entries: dict[tuple, dict[str, Any]] = {}
    for member in members:
        meta = member.get("article", {})
        for ev in member.get("events", []):
            actor = ev.get("actor") or {}
            target = ev.get("target") or {}
            action = ev.get("action") or {}
            key = (
                (actor.get("country") or actor.get("name") or "").lower(),
                (action.get("category") or action.get("lemma") or "").lower(),
                (target.get("country") or target.get("name") or "").lower(),
                ev.get("date") or meta.get("published"),
                bool(ev.get("negated")),
            )
            entry = entries.get(key)
            if entry is None:
                text = meta.get("text", "")
                entry = entries[key] = {
                    "date": key[3],
                    "actor": actor.get("name"),
                    "actor_country": actor.get("country"),
                    "action": action.get("text"),
                    "category": action.get("category"),
                    "target": target.get("name"),
                    "target_country": target.get("country"),
                    "negated": bool(ev.get("negated")),
                    "text": text[ev.get("start", 0):ev.get("end", 0)],
                    "articles": [],
                    "sources": [],
                }
            if member["id"] not in entry["articles"]:
                entry["articles"].append(member["id"])
            for source in _sources(member):
                if source not in entry["sources"]:
                    entry["sources"].append(source)
    return sorted(entries.values(), key=lambda e: (e["date"] or "", e["articles"][0]))


def _sources(member: dict[str, Any]) -> list[str]:
    out = []
    for copy in member.get("copies", []) or [member.get("article", {})]:
        name = copy.get("source") or copy.get("url")
        if name and name not in out:
            out.append(name)
    return out


def story_key_points(members: list[dict[str, Any]], limit: int = 5,
                     seen: list[set[str]] | None = None) -> list[dict[str, Any]]:
    """Key points across articles (most-copied articles first, then in turn), none repeating another."""
    ranked = sorted(members, key=lambda m: (-len(m.get("copies", [])), m.get("id") or 0))
    chosen: list[dict[str, Any]] = []
    taken = list(seen or [])
    depth = max((len(m.get("key_points", [])) for m in ranked), default=0)
    # round-robin: the first point of every article before the second of any
    for rank in range(depth):
        for member in ranked:
            points = member.get("key_points", [])
            if rank >= len(points):
                continue
            toks = _tokens(points[rank]["text"])
            if any(_similar(toks, t) for t in taken):
                continue
            taken.append(toks)
            chosen.append({"text": points[rank]["text"], "article": member["id"]})
            if len(chosen) >= limit:
                return chosen
    return chosen


def _event_key(e: dict[str, Any]) -> tuple:
    return e["date"], e["actor_country"] or e["actor"], e["category"], e["target"]


def story_view(story: dict[str, Any], members: list[dict[str, Any]], since: str | None = None) -> dict[str, Any]:
    """Everything the analyst reads about one story, as plain JSON-ready data."""
    quotes, seen_quotes = [], set()
    for member in members:
        for q in member.get("quotes", []):
            content = (q.get("content") or {}).get("text", "")
            key = (((q.get("speaker") or {}).get("name") or "").lower(), " ".join(content.lower().split()))
            if key in seen_quotes:
                continue
            seen_quotes.add(key)
            quotes.append({**q, "article": member["id"]})
    articles = [
        {
            "id": m["id"],
            "title": m.get("article", {}).get("title"),
            "published": m.get("article", {}).get("published"),
            "url": m.get("article", {}).get("url"),
            "source": m.get("article", {}).get("source"),
            "sources": _sources(m),
            "ingested_at": m.get("ingested_at"),
        }
        for m in members
    ]
    dates = sorted(a["published"] for a in articles if a["published"])
    view = {
        "id": story["id"],
        "title": story.get("title") or story_title(members),
        "created_at": story.get("created_at"),
        "updated_at": story.get("updated_at"),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "sources": sorted({s for m in members for s in _sources(m)}),
        "articles": articles,
        "key_points": story_key_points(members),
        "timeline": merged_timeline(members),
        "quotes": quotes,
    }
    if since:
        old = [m for m in members if not _is_new(m, since)]
        new = [m for m in members if _is_new(m, since)]
        old_points = [_tokens(kp["text"]) for m in old for kp in m.get("key_points", [])]
        old_events = {_event_key(e) for e in merged_timeline(old)}
        view["what_is_new"] = {
            "since": since,
            "articles": [a for a in articles if a["id"] in {m["id"] for m in new}],
            "key_points": story_key_points(new, seen=old_points),
            "timeline": [e for e in merged_timeline(new) if _event_key(e) not in old_events],
        }
    return view
