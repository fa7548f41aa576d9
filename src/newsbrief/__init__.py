"""newsbrief: news articles into briefs an analyst can trust.

    >>> import newsbrief
    >>> article = newsbrief.analyze(text, published="2025-04-27")
    >>> [kp.text for kp in article.key_points]
"""

from __future__ import annotations

from .document import Article
from .errors import InputError, LanguageError, ModelError, NewsbriefError
from .pipeline import Pipeline, Settings, build

__version__ = "0.1.0"

_PIPELINES: dict[tuple, Pipeline] = {}


def get_pipeline(settings: Settings | None = None) -> Pipeline:
    """A pipeline per distinct settings, built once per process (the model loads once)."""
    settings = settings or Settings()
    key = (settings.model, settings.style, settings.max_points, settings.min_points,
           settings.max_chars, settings.check_language, settings.batch_size)
    if key not in _PIPELINES:
        _PIPELINES[key] = build(settings)
    return _PIPELINES[key]


def analyze(
    text: str | Article,
    *,
    title: str | None = None,
    published: object = None,
    url: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Analyse one article given as text (offsets index this very string) or as an Article."""
    from .ingest import from_text

    article = text if isinstance(text, Article) else from_text(
        text, title=title, published=published, url=url, source=source
    )
    if isinstance(text, Article) and published is not None and article.published is None:
        from .ingest import parse_published

        article.published = parse_published(published)
    return get_pipeline(settings)(article)


__all__ = [
    "Article",
    "InputError",
    "LanguageError",
    "ModelError",
    "NewsbriefError",
    "Pipeline",
    "Settings",
    "__version__",
    "analyze",
    "build",
    "get_pipeline",
]
