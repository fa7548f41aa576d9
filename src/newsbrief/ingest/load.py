"""Read one input (a path, stdin bytes) whatever its kind: text, HTML or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from ..document import Article
from ..errors import InputError
from .html import from_html, looks_like_html
from .jsonin import from_json
from .text import decode, from_text

MAX_BYTES = 20_000_000  # a news article is never this big; refuse before decoding


def load_bytes(data: bytes, name: str = "input", kind: str = "auto") -> Article:
    """Sniff (or take) the kind of ``data``, then read it into an Article."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes is more than the {MAX_BYTES:,}-byte limit")
    if kind == "auto":
        kind = _sniff(data, name)
    if kind == "html":
        return from_html(data)
    text = decode(data, name)
    if kind == "json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
        return from_json(obj)
    return from_text(text)


def load_path(path: str | Path, kind: str = "auto") -> Article:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder (use `newsbrief ingest` for folders)")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"{path}: {size:,} bytes is more than the {MAX_BYTES:,}-byte limit")
    if kind == "auto":
        suffix = path.suffix.lower()
        kind = {".html": "html", ".htm": "html", ".json": "json"}.get(suffix, "auto")
    article = load_bytes(path.read_bytes(), str(path), kind)
    return article


def _sniff(data: bytes, name: str) -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "json"
    try:
        sample = head.decode("utf-8", errors="ignore")
    except Exception:
        return "text"
    return "html" if looks_like_html(sample) else "text"
