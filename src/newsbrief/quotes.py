"""Placeholder until the quotes stage lands: sets an empty layer so the pipeline runs."""

from __future__ import annotations

from typing import Any

from .document import Article


class _Stage:
    name = "quotes"

    def __call__(self, article: Article) -> None:
        article.quotes = []


def make_stage(settings: Any) -> _Stage:
    return _Stage()
