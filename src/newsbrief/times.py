"""Placeholder until the times stage lands: sets an empty layer so the pipeline runs."""

from __future__ import annotations

from typing import Any

from .document import Article


class _Stage:
    name = "times"

    def __call__(self, article: Article) -> None:
        article.times = []


class _Dateline:
    name = "dateline"

    def __call__(self, article: Article) -> None:
        return None


def make_stage(settings: Any) -> _Stage:
    return _Stage()


def make_dateline_stage(settings: Any) -> _Dateline:
    return _Dateline()
