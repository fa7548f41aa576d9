"""Stories: articles grouped incrementally by the event or situation they report, and a story's view.

An article joins the story whose centroid it is most similar to (TF-IDF cosine over its words
plus cosine over its named entities, damped when its date is far from the story's dates), or
starts a new one.  Hand-written single-pass clustering over inverted indexes: library clusterers
(scikit-learn and the like) re-cluster everything at once and cannot take one article at a time.
The view merges the stories' articles: one timeline entry per event however many outlets report
it, key points chosen across articles without repeating one another, and what is new since a time.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

# Tuned on ../shared/data/stories/ecbplus_dev.jsonl with bench/stories.py.
# Entities barely move the best score there but keep it over a wider range of thresholds.
THRESHOLD = 0.26
TEXT_WEIGHT = 0.7
ENTITY_WEIGHT = 0.3
MAX_TERMS = 1000  # bounds the work per article; ECB+ scores drop when it cuts below a few hundred
DATE_GRACE_DAYS = 3  # inside this distance from a story's dates, time says nothing
DATE_SCALE_DAYS = 10.0
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"}
_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|\d+(?:[.,]\d+)?")


def text_terms(text: str) -> dict[str, float]:
    """Sublinear term frequencies of the content words and numbers of a text."""
    counts = Counter(w for w in _WORD.findall(text.lower()) if (w not in STOP_WORDS and len(w) > 2) or w.isdigit())
    return {w: 1.0 + math.log(c) for w, c in counts.items()}


def entity_terms(entities: Iterable[dict[str, Any]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for ent in entities:
        if ent.get("label") not in ENTITY_LABELS:
            continue
        key = ent["name"].lower()
        out[key] = out.get(key, 0.0) + 1.0 + math.log(max(1, len(ent.get("mentions", []))))
    return out


def features(data: dict[str, Any]) -> dict[str, Any]:
    """What clustering needs from an analysed article (``Article.to_dict()``); stored with the article."""
    meta = data.get("article", data)
    text = ((meta.get("title") or "") + "\n" + meta["text"]).strip()
    return {
        "terms": text_terms(text),
        "ents": entity_terms(data.get("entities", [])),
        "published": meta.get("published"),
    }


class _Space:
    """One vector space (words or entities): document frequencies and story centroids as postings."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.norm2: dict[int, float] = defaultdict(float)

    def observe(self, terms: dict[str, float]) -> None:
        self.df.update(terms.keys())

    def vector(self, terms: dict[str, float], n_docs: int) -> dict[str, float]:
        weighted = {t: tf * (math.log((n_docs + 1) / (self.df.get(t, 0) + 1)) + 1.0) for t, tf in terms.items()}
        if len(weighted) > MAX_TERMS:
            weighted = dict(sorted(weighted.items(), key=lambda kv: -kv[1])[:MAX_TERMS])
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        return {t: v / norm for t, v in weighted.items()}

    def cosines(self, vec: dict[str, float]) -> dict[int, float]:
        dots: dict[int, float] = defaultdict(float)
        for term, weight in vec.items():
            for story, cw in self.postings.get(term, {}).items():
                dots[story] += weight * cw
        return {s: d / math.sqrt(self.norm2[s]) for s, d in dots.items() if self.norm2[s] > 0}

    def add(self, story: int, vec: dict[str, float]) -> None:
        for term, weight in vec.items():
            posting = self.postings[term]
            old = posting.get(story, 0.0)
            posting[story] = old + weight
            self.norm2[story] += (old + weight) ** 2 - old * old


class StoryIndex:
    """Incremental story clustering: ``assign(features)`` returns the story an article joins.

    Story ids are given by ``new_story`` (the store's rows) or, by default, counted from 1.
    """

    def __init__(self, threshold: float = THRESHOLD, text_weight: float = TEXT_WEIGHT,
                 entity_weight: float = ENTITY_WEIGHT, use_dates: bool = True) -> None:
        self.threshold = threshold
        self.text_weight = text_weight
        self.entity_weight = entity_weight
        self.use_dates = use_dates
        self.words = _Space()
        self.ents = _Space()
        self.n_docs = 0
        self.dates: dict[int, tuple[dt.date, dt.date]] = {}
        self.sizes: Counter[int] = Counter()
        self._next = 1

    def score(self, feats: dict[str, Any]) -> tuple[int | None, float, dict[str, Any]]:
        """The best story for these features, its score, and the vectors (for ``add``)."""
        self.n_docs += 1
        self.words.observe(feats["terms"])
        self.ents.observe(feats["ents"])
        wvec = self.words.vector(feats["terms"], self.n_docs)
        evec = self.ents.vector(feats["ents"], self.n_docs) if feats["ents"] else {}
        wcos = self.words.cosines(wvec)
        ecos = self.ents.cosines(evec) if evec else {}
        day = _day(feats.get("published"))
        best, best_score = None, 0.0
        ent_weight = self.entity_weight if evec else 0.0
        total = self.text_weight + ent_weight
        for story in set(wcos) | set(ecos):
            s = (self.text_weight * wcos.get(story, 0.0) + ent_weight * ecos.get(story, 0.0)) / total
            if self.use_dates and day is not None and story in self.dates:
                s *= _date_factor(day, self.dates[story])
            if s > best_score:
                best, best_score = story, s
        return best, best_score, {"words": wvec, "ents": evec, "day": day}

    def assign(self, feats: dict[str, Any], new_story: Any = None) -> int:
        """Put an article in its story (or a new one) and return the story's id."""
        story, score, vecs = self.score(feats)
        if story is None or score < self.threshold:
            story = int(new_story()) if new_story is not None else self._next
            self._next = max(self._next, story + 1)
        self.add(story, vecs)
        return story

    def add(self, story: int, vecs: dict[str, Any]) -> None:
        self.words.add(story, vecs["words"])
        if vecs["ents"]:
            self.ents.add(story, vecs["ents"])
        self.sizes[story] += 1
        self._next = max(self._next, story + 1)
        day = vecs.get("day")
        if day is not None:
            lo, hi = self.dates.get(story, (day, day))
            self.dates[story] = (min(lo, day), max(hi, day))

    def replay(self, feats: dict[str, Any], story: int) -> None:
        """Rebuild the index from stored articles (their features and their story), in ingest order."""
        self.n_docs += 1
        self.words.observe(feats["terms"])
        self.ents.observe(feats["ents"])
        vecs = {
            "words": self.words.vector(feats["terms"], self.n_docs),
            "ents": self.ents.vector(feats["ents"], self.n_docs) if feats["ents"] else {},
            "day": _day(feats.get("published")),
        }
        self.add(story, vecs)


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
