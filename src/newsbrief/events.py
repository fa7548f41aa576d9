"""Placeholder until the events stage lands: sets an empty layer so the pipeline runs."""

from __future__ import annotations

from typing import Any

from .document import Article


class _Stage:
    name = "events"

    def __call__(self, article: Article) -> None:
        article.events = []


def make_stage(settings: Any) -> _Stage:
    return _Stage()
