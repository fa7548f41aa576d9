"""Turn what a user has (text, HTML, JSON, JSON Lines, a file, stdin) into Articles."""

from __future__ import annotations

from .html import from_html
from .jsonin import from_json, read_jsonl
from .load import load_bytes, load_path
from .text import decode, from_text, parse_published

__all__ = [
    "decode",
    "from_html",
    "from_json",
    "from_text",
    "load_bytes",
    "load_path",
    "parse_published",
    "read_jsonl",
]
