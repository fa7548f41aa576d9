"""JSON articles ({"title", "text", "published", "url"}) and JSON Lines batches."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..document import Article
from ..errors import InputError
from .html import from_html
from .text import from_text

TEXT_KEYS = ("text", "body", "article", "content")


def from_json(obj: Any, *, default_id: str | None = None) -> Article:
    """An Article from a JSON object; an ``html`` field is extracted when there is no text."""
    if not isinstance(obj, dict):
        raise InputError("a JSON article must be an object with a \"text\" field")
    rid = obj.get("id", default_id)
    rid = None if rid is None else str(rid)
    text = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None and isinstance(obj.get("html"), str):
        art = from_html(obj["html"], url=obj.get("url"), published=obj.get("published"))
        art.id = rid
        art.title = obj.get("title") or art.title
        return art
    if text is None:
        raise InputError("JSON article has no \"text\" field")
    return from_text(
        text,
        title=obj.get("title"),
        published=obj.get("published") or obj.get("date"),
        url=obj.get("url"),
        source=obj.get("source"),
        id=rid,
    )


def read_jsonl(source: str | Path | IO[str]) -> Iterator[tuple[str, Article | None, Exception | None]]:
    """Yield ``(id, article, error)`` per line; a bad line gives an error and reading goes on.

    A row without an ``id`` is given its line number (1-based) as id.
    """
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8", errors="strict") as handle:
            yield from _rows(handle)
    else:
        yield from _rows(source)


def _rows(handle: IO[str]) -> Iterator[tuple[str, Article | None, Exception | None]]:
    lineno = 0
    while True:
        try:
            line = handle.readline()
        except UnicodeDecodeError as exc:
            lineno += 1
            yield str(lineno), None, InputError(f"line {lineno}: not valid UTF-8 ({exc.reason})")
            break
        if not line:
            break
        lineno += 1
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield str(lineno), None, InputError(f"line {lineno}: not valid JSON ({exc.msg})")
            continue
        rid = str(obj.get("id", lineno)) if isinstance(obj, dict) else str(lineno)
        try:
            yield rid, from_json(obj, default_id=rid), None
        except InputError as exc:
            yield rid, None, exc
