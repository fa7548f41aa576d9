"""Key points (placeholder until the ranking/compression lands): the lead sentences."""

from __future__ import annotations

from typing import Any

from ..document import Article, KeyPoint, Span


class KeyPointStage:
    name = "key_points"

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def __call__(self, article: Article) -> None:
        sents = [s for s in article.sentences if len(s.text.split()) > 6]
        article.key_points = [
            KeyPoint(text=s.text, sources=[Span(s.start, s.end)], style="sentence")
            for s in sents[: self.settings.max_points]
        ]


def make_stage(settings: Any) -> KeyPointStage:
    return KeyPointStage(settings)
