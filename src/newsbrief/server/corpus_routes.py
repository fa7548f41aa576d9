"""The GET endpoints over the corpus store (``newsbrief.corpus.Store``) and the schemas of what they return.

The store's query API already returns JSON-ready dicts; this module adds the HTTP side: bounded parameters
(4xx, never a database error, for anything out of range), 404 for unknown ids, 503 when there is no store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from ..document import Entity, Event, KeyPoint, PublisherPoint, Quote, Sentence, TimeExpression

MAX_ID = 2**63 - 1  # SQLite's largest integer: a bigger id cannot exist and must not reach the driver
MAX_LIMIT = 500
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class ArticleSummary(BaseModel):
    id: int
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    ingested_at: str
    story_id: int | None
    external_id: str | None
    copies: int
    quotes: int
    events: int


class ArticleMeta(BaseModel):
    title: str | None
    text: str
    published: str | None
    url: str | None
    source: str | None
    language: str
    published_basis: str | None = None


class Copy(BaseModel):
    url: str | None
    source: str | None
    title: str | None
    published: str | None
    seen_at: str
    similarity: float


class ArticleLayers(BaseModel):
    """The JSON contract's article and every layer, offsets into ``article.text``."""

    article: ArticleMeta
    publisher_key_points: list[PublisherPoint]
    sentences: list[Sentence]
    entities: list[Entity]
    key_points: list[KeyPoint]
    quotes: list[Quote]
    times: list[TimeExpression]
    events: list[Event]


class StoredArticle(ArticleLayers):
    """One stored article: the JSON contract plus where it is in the store (story, copies)."""

    id: int
    external_id: str | None
    story_id: int | None
    ingested_at: str
    copies: list[Copy]


class StorySummary(BaseModel):
    id: int
    title: str | None
    created_at: str
    updated_at: str
    articles: int
    first_published: str | None
    last_published: str | None
    sources: int


class StoryArticle(BaseModel):
    id: int
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    sources: list[str]
    ingested_at: str | None


class StoryKeyPoint(BaseModel):
    text: str
    article: int


class TimelineEntry(BaseModel):
    date: str | None
    actor: str | None
    actor_country: str | None
    action: str | None
    category: str | None
    target: str | None
    target_country: str | None
    negated: bool
    text: str
    articles: list[int]
    sources: list[str]


class StoryView(BaseModel):
    id: int
    title: str | None
    created_at: str | None
    updated_at: str | None
    first_published: str | None
    last_published: str | None
    sources: list[str]
    articles: list[StoryArticle]
    key_points: list[StoryKeyPoint]
    timeline: list[TimelineEntry]
    quotes: list[dict[str, Any]]
    what_is_new: dict[str, Any] | None = None


class SearchHit(BaseModel):
    id: int
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    story_id: int | None
    snippet: str | None
    score: float


class ArticleContext(BaseModel):
    """Where a quote or event row comes from: its article and that article's story."""

    article_id: int
    idx: int
    article_title: str | None
    source: str | None
    url: str | None
    published: str | None
    story_id: int | None


class QuoteRow(ArticleContext):
    speaker: str | None
    role: str | None
    affiliation: str | None
    cue: str | None
    content: str
    kind: str | None
    start: int | None
    end: int | None


class EventRow(ArticleContext):
    actor: str | None
    actor_country: str | None
    actor_sector: str | None
    action: str | None
    lemma: str | None
    category: str | None
    target: str | None
    target_country: str | None
    target_sector: str | None
    date: str | None
    date_basis: str | None
    location: str | None
    negated: bool
    start: int | None
    end: int | None


class DayCount(BaseModel):
    day: str | None
    mentions: int


class EntityRow(BaseModel):
    name: str
    label: str | None
    country: str | None
    mentions: int
    articles: int
    by_day: list[DayCount]


def open_store(db: str | Path | None) -> Any:
    """The store at ``db``; without one, the default corpus when it exists (serving never creates one)."""
    try:
        from ..corpus import Store, default_path
    except ModuleNotFoundError as exc:
        if db is not None:
            from ..errors import StoreError

            raise StoreError(f"this build has no corpus support ({exc.name} is missing)") from None
        return None
    if db is None:
        path = default_path()
        return Store(path) if path.is_file() else None
    return Store(db)


class NoStore(Exception):
    pass


class NotFound(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def register_routes(app: FastAPI, store: Any, error_responses: dict[int | str, dict[str, Any]]) -> None:
    """Add the corpus endpoints to ``app``; with no store they answer 503."""
    responses = {code: error_responses[code] for code in (422, 503)}
    found_responses = {**responses, 404: {"model": error_responses[422]["model"], "description": "no such id"}}

    def spec(model: Any, extra: dict[int | str, dict[str, Any]]) -> dict[str, Any]:
        # the model documents the answer; the store's dicts go out as they are (no second validation pass
        # over a whole article, and a field the store adds is not silently dropped): the schema test checks them
        return {"response_model": None, "tags": ["corpus"],
                "responses": {200: {"model": model, "description": "OK"}, **extra}}

    def the_store() -> Any:
        if store is None:
            raise NoStore
        return store

    limit_q = Query(50, ge=1, le=MAX_LIMIT, description="at most this many rows")
    offset_q = Query(0, ge=0, le=MAX_ID, description="skip this many rows")

    @app.get("/articles", **spec(list[ArticleSummary], responses))
    def articles(
        limit: int = limit_q,
        offset: int = offset_q,
        story: int | None = Query(None, ge=1, le=MAX_ID, description="only articles of this story"),
        since: str | None = Query(None, pattern=DATE_PATTERN, description="published on or after (YYYY-MM-DD)"),
    ) -> JSONResponse:
        """Stored articles, newest first."""
        return JSONResponse(the_store().articles(limit=limit, offset=offset, story=story, since=since))

    @app.get("/articles/{article_id}", **spec(StoredArticle, found_responses))
    def article(article_id: int = PathParam(ge=1, le=MAX_ID)) -> JSONResponse:
        """One stored article with every layer, its copies and its story."""
        found = the_store().article(article_id)
        if found is None:
            raise NotFound(f"no article {article_id}")
        return JSONResponse(found)

    @app.get("/stories", **spec(list[StorySummary], responses))
    def stories(limit: int = limit_q, offset: int = offset_q) -> JSONResponse:
        """Stories, most recently updated first."""
        return JSONResponse(the_store().stories(limit=limit, offset=offset))

    @app.get("/stories/{story_id}", **spec(StoryView, found_responses))
    def story(
        story_id: int = PathParam(ge=1, le=MAX_ID),
        since: str | None = Query(None, pattern=DATE_PATTERN, description="also say what is new since this date"),
    ) -> JSONResponse:
        """One story: its articles, timeline across outlets, key points and quotes."""
        found = the_store().story(story_id, since=since)
        if found is None:
            raise NotFound(f"no story {story_id}")
        return JSONResponse(found)

    @app.get("/search", **spec(list[SearchHit], responses))
    def search(
        q: str = Query(..., min_length=1, max_length=500, description="words, \"a phrase\", OR, NOT, prefix*"),
        limit: int = Query(20, ge=1, le=MAX_LIMIT),
        offset: int = offset_q,
    ) -> JSONResponse:
        """Full-text search over stored articles, best match first."""
        return JSONResponse(the_store().search(q, limit=limit, offset=offset))

    @app.get("/quotes", **spec(list[QuoteRow], responses))
    def quotes(
        speaker: str | None = Query(None, max_length=200, description="part of the speaker's name"),
        article: int | None = Query(None, ge=1, le=MAX_ID),
        story: int | None = Query(None, ge=1, le=MAX_ID),
        since: str | None = Query(None, pattern=DATE_PATTERN),
        limit: int = Query(100, ge=1, le=MAX_LIMIT),
        offset: int = offset_q,
    ) -> JSONResponse:
        """Stored quotes, newest article first."""
        rows = the_store().quotes(speaker, article=article, story=story, since=since, limit=limit, offset=offset)
        return JSONResponse(rows)

    @app.get("/events", **spec(list[EventRow], responses))
    def events(
        actor: str | None = Query(None, max_length=200, description="ISO3 country (PAK) or part of a name"),
        country: str | None = Query(None, max_length=3, description="actor's or target's ISO3 country"),
        category: str | None = Query(None, max_length=50),
        since: str | None = Query(None, pattern=DATE_PATTERN),
        until: str | None = Query(None, pattern=DATE_PATTERN),
        story: int | None = Query(None, ge=1, le=MAX_ID),
        limit: int = Query(200, ge=1, le=MAX_LIMIT),
        offset: int = offset_q,
    ) -> JSONResponse:
        """Stored events in date order."""
        rows = the_store().events(actor, country, category, since, until, story=story, limit=limit, offset=offset)
        return JSONResponse(rows)

    @app.get("/entities", **spec(list[EntityRow], responses))
    def entities(
        name: str | None = Query(None, max_length=200),
        label: str | None = Query(None, max_length=20),
        limit: int = limit_q,
        offset: int = offset_q,
    ) -> JSONResponse:
        """Entities by mentions, with their mentions per day."""
        return JSONResponse(the_store().entities(name=name, label=label, limit=limit, offset=offset))
