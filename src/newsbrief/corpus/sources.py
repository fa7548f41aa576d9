"""What ``newsbrief ingest`` reads: folders, files (.txt/.html/.json/.jsonl), RSS/Atom feeds and
OPML lists of feeds, from a path or an http(s) URL.

Each source yields ``Item``s: an Article, or the error that kept one from being read (a bad
file or line is reported and skipped, the rest goes on).  Feeds are parsed by feedparser; an
entry's text is its full content when the feed carries it, else its summary.  A file without
a publication date takes the ISO date in its name, if any (``harbour-talks-2025-03-16.txt``).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Article
from ..errors import InputError, NewsbriefError

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
ALL_SUFFIXES = ARTICLE_SUFFIXES | FEED_SUFFIXES | {".jsonl", ".opml"}
USER_AGENT = "newsbrief (+https://github.com/newsbrief)"
TIMEOUT = 20.0
_NAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


@dataclass
class Item:
    origin: str  # where it came from, for messages: a path, "path:line", a feed entry's link
    article: Article | None
    error: Exception | None = None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_sources(sources: Iterable[str]) -> Iterator[Item]:
    """Every article of every source, in order; a missing or unreadable source is one error item."""
    for source in sources:
        try:
            if is_url(source):
                yield from read_url(source)
            else:
                yield from read_path(Path(source))
        except NewsbriefError as exc:
            yield Item(source, None, exc)


def read_path(path: Path) -> Iterator[Item]:
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALL_SUFFIXES):
            try:
                yield from read_file(child)
            except NewsbriefError as exc:
                yield Item(str(child), None, exc)
        return
    yield from read_file(path)


def read_file(path: Path) -> Iterator[Item]:
    from ..ingest import load_path, read_jsonl

    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for rid, article, error in read_jsonl(path):
            yield Item(f"{path}:{rid}", article, error)
        return
    if suffix == ".opml" or (suffix == ".xml" and _sniff_xml(path.read_bytes()[:2048]) == "opml"):
        for feed in opml_feeds(path.read_bytes(), str(path)):
            yield from read_sources([feed])
        return
    if suffix in FEED_SUFFIXES:
        yield from read_feed(path.read_bytes(), str(path))
        return
    try:
        article = load_path(path)
    except NewsbriefError as exc:
        yield Item(str(path), None, exc)
        return
    if article.published is None:
        article.published = date_in_name(path.name)
    yield Item(str(path), article)


def date_in_name(name: str) -> dt.date | None:
    """``harbour-talks-2025-03-16.txt``: archives often name a file by its day."""
    match = _NAME_DATE.search(name)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def read_url(url: str) -> Iterator[Item]:
    """A feed, an OPML list or a news page at an http(s) URL."""
    from ..ingest import from_html

    body, content_type = fetch(url)
    kind = _sniff_xml(body[:2048])
    if kind == "opml":
        for feed in opml_feeds(body, url):
            yield from read_sources([feed])
    elif kind == "feed" or "rss" in content_type or "atom" in content_type:
        yield from read_feed(body, url)
    else:
        try:
            yield Item(url, from_html(body, url=url))
        except NewsbriefError as exc:
            yield Item(url, None, exc)


def fetch(url: str) -> tuple[bytes, str]:
    import httpx

    try:
        response = httpx.get(url, timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None
    if response.status_code >= 400:
        raise InputError(f"{url}: HTTP {response.status_code}")
    return response.content, response.headers.get("content-type", "").lower()


def _sniff_xml(head: bytes) -> str | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<opml" in text:
        return "opml"
    if b"<rss" in text or b"<feed" in text or b"<rdf:rdf" in text:
        return "feed"
    return None


def opml_feeds(data: bytes, name: str) -> list[str]:
    """The feed URLs (``xmlUrl``) of an OPML outline, nested outlines included."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"{name}: not a valid OPML file ({exc})") from None
    feeds = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    if not feeds:
        raise InputError(f"{name}: the OPML file lists no feeds (no outline with xmlUrl)")
    return [f for f in feeds if f]


def read_feed(data: bytes | str, name: str) -> Iterator[Item]:
    """The entries of an RSS or Atom feed as Articles."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and parsed.get("bozo"):
        raise InputError(f"{name}: not a valid RSS/Atom feed ({parsed.get('bozo_exception')})")
    yield from feed_items(parsed, name)


def feed_items(parsed: Any, name: str) -> Iterator[Item]:
    from ..ingest import from_text

    feed_title = parsed.feed.get("title") if parsed.get("feed") else None
    for n, entry in enumerate(parsed.entries, 1):
        origin = entry.get("link") or f"{name}#{n}"
        html = ""
        if entry.get("content"):
            html = max((c.get("value", "") for c in entry.content), key=len)
        html = html or entry.get("summary", "") or entry.get("description", "")
        text = html_to_text(html)
        if not text.strip():
            yield Item(origin, None, InputError(f"{origin}: the feed entry has no text"))
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        try:
            article = from_text(
                text,
                title=_plain(entry.get("title")),
                published=dt.date(*published[:3]) if published else None,
                url=entry.get("link"),
                source=_plain(feed_title),
                id=entry.get("id"),
            )
        except NewsbriefError as exc:
            yield Item(origin, None, exc)
            continue
        yield Item(origin, article)


def _plain(value: str | None) -> str | None:
    return html_to_text(value).strip() or None if value else None


_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def html_to_text(fragment: str) -> str:
    """A feed entry's HTML as plain text, one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup; the tags are then dropped as text
        return fragment.strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
