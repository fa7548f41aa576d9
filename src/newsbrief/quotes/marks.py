"""Quotation marks paired into quoted spans, paragraph by paragraph.

Hand-written: textacy and spaCy pair marks by counting, so one stray mark shifts every later
pair (textacy refuses the document); here a mark is opening or closing by its glyph and its
neighbours, an unclosed mark costs only its own paragraph, and a quote that runs over several
paragraphs (an opening mark on each new paragraph, no closing mark before it) is one span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import DASH_CHARS

_DOUBLE_OPEN = {"“", "«", "„"}
_DOUBLE_CLOSE = {"”", "»"}
_SINGLE_OPEN = {"‘"}
_SINGLE_CLOSE = {"’"}
_BEFORE_OPEN = set(" \t\n([{-/:" + DASH_CHARS)
_TWO_CHAR = {"''", "``"}
# every character the scan below acts on: it jumps from one to the next
_ANY_MARK = re.compile("[\"″“”«»„‘’'`]")


@dataclass
class QuotedSpan:
    """Text between quotation marks: ``start``/``end`` exclude the marks themselves."""

    start: int
    end: int
    closed: bool = True
    single: bool = False


def _is_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    return (prev in _BEFORE_OPEN or prev in _DOUBLE_OPEN or prev in _SINGLE_OPEN) and not nxt.isspace()


def _is_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    return not prev.isspace() and (nxt.isspace() or not nxt.isalnum())


def _double_mark(text: str, i: int, width: int = 1) -> str | None:
    """'open', 'close' or None (not a double mark, or a straight mark with no side)."""
    ch = text[i]
    if width == 2:
        # ''like this'' (two apostrophes, as some archives print quotation marks) and ``this''
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[i + 2] if i + 2 < len(text) else "\n"
        if text[i] == "`" or (prev in _BEFORE_OPEN and not nxt.isspace()):
            return "open"
        if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
            return "close"
        return None
    if ch in _DOUBLE_OPEN:
        # a closing glyph typed at the start of a word is an opening mark gone wrong, and back
        return "close" if _is_close(text, i) and not _is_open(text, i) else "open"
    if ch in _DOUBLE_CLOSE:
        return "open" if _is_open(text, i) and not _is_close(text, i) else "close"
    if ch == '"' or ch == "″":
        if _is_open(text, i):
            return "open"
        if _is_close(text, i):
            return "close"
    return None


def _single_mark(text: str, i: int) -> str | None:
    ch = text[i]
    if ch not in _SINGLE_OPEN and ch not in _SINGLE_CLOSE and ch != "'":
        return None
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if prev.isalnum() and nxt.isalnum():
        return None  # an apostrophe: China’s, don't
    if (ch in _SINGLE_OPEN or ch == "'") and _is_open(text, i) and nxt.isalnum():
        return "open"
    if ch in _SINGLE_CLOSE or ch == "'":
        if _is_close(text, i) and prev != "s":  # leaders’ (a plural possessive) closes nothing
            return "close"
        if _is_close(text, i) and prev == "s" and not nxt.isalnum() and nxt not in " \t":
            return "close"
    return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def _starts_with_open(text: str, start: int, end: int) -> int | None:
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and _double_mark(text, i) == "open":
        return i
    return None


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quoted span, in text order; quotes nested inside a quote are part of it."""
    spans: list[QuotedSpan] = []
    pending: int | None = None  # offset just after an opening double mark not yet closed
    paragraphs = _paragraphs(text)
    for n, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if pending is not None:
            cont = _starts_with_open(text, p_start, p_end)
            i = cont + 1 if cont is not None else p_start
        single_open: int | None = None
        while i < p_end:
            mark = _ANY_MARK.search(text, i, p_end)
            if mark is None:
                break
            i = mark.start()
            ch = text[i]
            width = 2 if text[i : i + 2] in _TWO_CHAR else 1
            kind = _double_mark(text, i, width) if ch in '"″“”«»„' or width == 2 else None
            if kind == "open":
                if pending is None:
                    pending = i + width
                    single_open = None
                elif text[i] in _DOUBLE_OPEN or text[i] == '"' or width == 2:
                    # a second opening mark: the first one never closed; it stops here
                    spans.append(QuotedSpan(pending, _rstrip(text, pending, i), closed=False))
                    pending = i + width
                i += width
                continue
            if kind == "close":
                if pending is not None:
                    spans.append(QuotedSpan(pending, i))
                    pending = None
                i += width
                continue
            if pending is None and ch in "‘’'":
                skind = _single_mark(text, i)
                if skind == "open" and single_open is None:
                    single_open = i + 1
                elif skind == "close" and single_open is not None:
                    spans.append(QuotedSpan(single_open, i, single=True))
                    single_open = None
            i += 1
        if pending is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None and _starts_with_open(text, *nxt) is not None:
                continue  # the quote goes on in the next paragraph
            spans.append(QuotedSpan(pending, _rstrip(text, pending, p_end), closed=False))
            pending = None
    return [s for s in spans if s.end > s.start]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
