"""The Article and its layers.

Every layer item carries character offsets (``start``, ``end``) into ``Article.text``,
the text exactly as the user gave it (or as extracted from HTML).  Stages add layers;
nothing here knows how a layer is made.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# The long dashes of news copy (em dash, horizontal bar, en dash): what closes a dateline or sets off an aside.
# Every stage builds its character classes from this one list.
DASH_CHARS = "—―–"


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One real-world referent with all its mentions ("Wang Yi", "Wang", "He" is quotes' job)."""

    id: str
    name: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, LAW, ...
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO3 when the entity is, or stands for, a state
    role: str | None = None  # "Foreign Minister" when the text gives one
    affiliation: str | None = None  # "China" for "Chinese Foreign Minister Wang Yi"


@dataclass
class PublisherPoint:
    """A bullet of the publisher's own box (KEY POINTS, Highlights): kept apart from the body."""

    text: str
    start: int
    end: int


@dataclass
class KeyPoint:
    text: str
    sources: list[Span]
    style: str = "headline"


@dataclass
class Speaker:
    name: str
    entity: str | None
    role: str | None
    start: int | None
    end: int | None
    affiliation: str | None = None


@dataclass
class Cue:
    text: str
    start: int
    end: int
    type: str


@dataclass
class TextSpan:
    text: str
    start: int
    end: int


@dataclass
class Quote:
    speaker: Speaker | None
    cue: Cue | None
    content: TextSpan
    kind: str  # direct | indirect | mixed
    reported_by: str | None = None


@dataclass
class TimeExpression:
    text: str
    start: int
    end: int
    value: str | None  # ISO 8601 at the expression's own granularity: 2025-04-22, 2025-04, 2025-W17


@dataclass
class Participant:
    name: str
    entity: str | None = None
    country: str | None = None  # ISO3
    sector: str | None = None  # government, military, police, rebels, civilians, ...


@dataclass
class Action:
    text: str
    lemma: str
    category: str
    start: int
    end: int


@dataclass
class Event:
    actor: Participant | None
    action: Action
    target: Participant | None
    date: str | None
    date_basis: str  # explicit | relative | inherited | publication
    start: int
    end: int
    negated: bool = False
    modality: str | None = None
    location: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    quote: int | None = None  # index into Article.quotes when the event was reported speech


_LAYERS = ("sentences", "entities", "key_points", "quotes", "times", "events")


@dataclass
class Article:
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    id: str | None = None
    publisher_key_points: list[PublisherPoint] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    key_points: list[KeyPoint] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Set by the pipeline: when the publication date was read from the text (a dateline), not given.
    published_basis: str | None = None
    # The parsed spaCy Doc over analysis_text(); runtime only, never serialised.
    doc: Any = field(default=None, repr=False, compare=False)

    def analysis_text(self) -> str:
        """The text the language model sees: the publisher's box blanked out, same length.

        Blanking (rather than cutting) keeps every offset valid in ``text`` itself.
        """
        if not self.publisher_key_points:
            return self.text
        chars = list(self.text)
        start = min(p.start for p in self.publisher_key_points)
        end = max(p.end for p in self.publisher_key_points)
        # blank the whole box including its heading line ("KEY POINTS")
        start = self.text.rfind("\n", 0, start) + 1
        head = _box_heading_start(self.text, start)
        for i in range(head, end):
            if chars[i] not in "\n":
                chars[i] = " "
        return "".join(chars)

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out["article"] = {
            "title": self.title,
            "text": self.text,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "source": self.source,
            "language": self.language,
        }
        if self.published_basis:
            out["article"]["published_basis"] = self.published_basis
        out["publisher_key_points"] = [_plain(p) for p in self.publisher_key_points]
        for name in _LAYERS:
            out[name] = [_plain(item) for item in getattr(self, name)]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article (with its layers) from ``to_dict()`` output."""
        meta = data.get("article", data)
        published = meta.get("published")
        art = cls(
            text=meta["text"],
            title=meta.get("title"),
            published=dt.date.fromisoformat(published) if published else None,
            url=meta.get("url"),
            source=meta.get("source"),
            language=meta.get("language") or "en",
            id=data.get("id"),
            published_basis=meta.get("published_basis"),
        )
        art.publisher_key_points = [PublisherPoint(**p) for p in data.get("publisher_key_points", [])]
        art.sentences = [Sentence(**s) for s in data.get("sentences", [])]
        art.entities = [
            Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions", [])]})
            for e in data.get("entities", [])
        ]
        art.key_points = [
            KeyPoint(**{**k, "sources": [Span(**s) for s in k["sources"]]})
            for k in data.get("key_points", [])
        ]
        art.quotes = [_quote_from_dict(q) for q in data.get("quotes", [])]
        art.times = [TimeExpression(**t) for t in data.get("times", [])]
        art.events = [_event_from_dict(e) for e in data.get("events", [])]
        return art


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> Any:
    """``dataclasses.asdict`` for the layer classes, without its deep copies (3x faster on a full article).

    The layers hold only dataclasses, lists, dicts of scalars and scalars, so a shallow walk is a copy.
    """
    if isinstance(obj, list):
        return [x if type(x) in _SCALARS else _plain(x) for x in obj]
    if isinstance(obj, dict):
        return dict(obj)
    names = _FIELDS.get(type(obj))
    if names is None:
        if not dataclasses.is_dataclass(obj):
            return obj
        names = _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
    values = obj.__dict__
    return {name: v if type(v := values[name]) in _SCALARS else _plain(v) for name in names}


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _box_heading_start(text: str, line_start: int) -> int:
    """Extend a box upwards over its heading line ("KEY POINTS", "Story highlights")."""
    if line_start == 0:
        return 0
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    line = text[prev_start:prev_end].strip()
    if line and len(line.split()) <= 4 and not line.endswith((".", "!", "?")):
        return prev_start
    return line_start


def _quote_from_dict(q: dict[str, Any]) -> Quote:
    return Quote(
        speaker=Speaker(**q["speaker"]) if q.get("speaker") else None,
        cue=Cue(**q["cue"]) if q.get("cue") else None,
        content=TextSpan(**q["content"]),
        kind=q["kind"],
        reported_by=q.get("reported_by"),
    )


def _event_from_dict(e: dict[str, Any]) -> Event:
    return Event(
        **{
            **e,
            "actor": Participant(**e["actor"]) if e.get("actor") else None,
            "action": Action(**e["action"]),
            "target": Participant(**e["target"]) if e.get("target") else None,
        }
    )
