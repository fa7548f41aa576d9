"""HTML pages: the article's text and metadata through trafilatura."""

from __future__ import annotations

from ..document import Article
from ..errors import InputError
from .text import parse_published

MIN_ARTICLE_WORDS = 8


def from_html(html: str | bytes, *, url: str | None = None, published: object = None) -> Article:
    """Extract the main text, title, date, site and URL of a news page.

    The Article's text is the extracted text; offsets index it, not the HTML.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    # a menu or a cookie notice is not an article
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError("HTML has no article text that could be extracted")
    date = published if published is not None else getattr(doc, "date", None)
    return Article(
        text=text,
        title=getattr(doc, "title", None),
        published=parse_published(date),
        url=url or getattr(doc, "url", None),
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
    )


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
