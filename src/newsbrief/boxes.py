"""The publisher's own box (KEY POINTS, Highlights, "Story highlights") at the top of an article.

It is kept apart as ``article.publisher_key_points`` (with offsets) and blanked out of the text
the language model sees, so it is neither analysed as body text nor copied into our bullets.
Hand-written: no extraction library separates such a box from plain text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .document import DASH_CHARS, Article, PublisherPoint

if TYPE_CHECKING:
    from .pipeline import Settings

HEADING = re.compile(
    r"^[ \t]*(?:key[ \t]+points|key[ \t]+takeaways|highlights|story[ \t]+highlights|in[ \t]+brief|"
    r"at[ \t]+a[ \t]+glance|summary|the[ \t]+big[ \t]+picture|what[ \t]+you[ \t]+need[ \t]+to[ \t]+know)"
    r"[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
BULLET = re.compile(r"^[ \t]*(?:[-*•·–—▪►●]|\d{1,2}[.)])[ \t]+(?P<text>\S.*?)[ \t]*$")
# a heading must come early: a "Summary" line deep in the body is not the publisher's box
_MAX_HEADING_LINE = 6
_MAX_UNMARKED_WORDS = 30


def find_box(text: str) -> list[PublisherPoint]:
    lines = _lines(text)
    for index, (start, end) in enumerate(lines[: _MAX_HEADING_LINE + 1]):
        if not HEADING.match(text[start:end]):
            continue
        points = _bullets(text, lines[index + 1 :])
        if points:
            return points
    # a bulleted list opening the article, with no heading (three or more bullets)
    points = _bullets(text, lines, marked_only=True)
    return points if len(points) >= 3 else []


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _bullets(text: str, lines: list[tuple[int, int]], marked_only: bool = False) -> list[PublisherPoint]:
    points: list[PublisherPoint] = []
    marked = None
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            if points:
                break
            continue
        m = BULLET.match(line)
        if m:
            if marked is False:
                break
            marked = True
            points.append(
                PublisherPoint(text=m.group("text"), start=start + m.start("text"), end=start + m.end("text"))
            )
            continue
        if marked or marked_only:
            break
        # unmarked box lines (CNN's "Story highlights"): short lines; a dateline or long line ends it
        words = line.split()
        if len(words) > _MAX_UNMARKED_WORDS or re.match(rf"^[A-Z][A-Z/ ,.-]+(?:\([^)]*\))?\s*[:{DASH_CHARS}-]", line):
            break
        marked = False
        lead = len(line) - len(line.lstrip())
        points.append(PublisherPoint(text=line.strip(), start=start + lead, end=start + len(line.rstrip())))
        if len(points) >= 8:
            break
    return points if len(points) >= 1 else []


class PublisherBoxStage:
    name = "publisher_box"

    def __call__(self, article: Article) -> None:
        article.publisher_key_points = find_box(article.text)


def make_stage(settings: Settings) -> PublisherBoxStage:
    return PublisherBoxStage()
