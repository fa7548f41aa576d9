"""Output formats: the KEY POINTS box (text), markdown and JSON.

Each layer has its own section function; a section with nothing to show prints nothing.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable

from .document import Article, Quote, Speaker
from .events import timeline_lines

WIDTH = 78


def to_json(article: Article, indent: int | None = 2) -> str:
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=indent)


def key_points_box(article: Article) -> str:
    lines = ["KEY POINTS"]
    for kp in article.key_points:
        wrapped = textwrap.wrap(kp.text, WIDTH - 2) or [""]
        lines.append("- " + wrapped[0])
        lines.extend("  " + w for w in wrapped[1:])
    return "\n".join(lines)


def _title_block(article: Article, markdown: bool) -> list[str]:
    out = []
    if article.title:
        out.append(("# " if markdown else "") + article.title)
    meta = [x for x in (article.source, article.published.isoformat() if article.published else None,
                        article.url) if x]
    if meta:
        out.append(("_" + " · ".join(meta) + "_") if markdown else " · ".join(meta))
    return out


def entities_section(article: Article, markdown: bool) -> list[str]:
    if not article.entities:
        return []
    out = ["## Entities" if markdown else "ENTITIES"]
    for ent in sorted(article.entities, key=lambda e: (-len(e.mentions), e.name))[:25]:
        extra = ", ".join(x for x in (ent.role, ent.affiliation) if x)
        label = f"{ent.name} ({ent.label.lower()}{'; ' + extra if extra else ''}) ×{len(ent.mentions)}"
        out.append("- " + label)
    return out


def quotes_section(article: Article, markdown: bool) -> list[str]:
    """Who said what, grouped by speaker (its entity, else its name) in order of first appearance."""
    if not article.quotes:
        return []
    groups: dict[str, list] = {}
    speakers: dict[str, Speaker | None] = {}
    for q in article.quotes:
        sp = _outer_speaker(article, q)
        key = (sp.entity or sp.name) if sp else ""
        speakers.setdefault(key, sp)
        groups.setdefault(key, []).append(q)
    out = ["## Who said what" if markdown else "WHO SAID WHAT"]
    for key, quotes in groups.items():
        sp = speakers[key]
        name = (article.entity(sp.entity).name if sp and sp.entity and article.entity(sp.entity) else
                sp.name if sp else "Unattributed")
        extra = ", ".join(x for x in ((sp.role, sp.affiliation) if sp else ()) if x and x != name)
        head = (f"**{name}**" if markdown else name) + (f" ({extra})" if extra else "")
        out.append(head)
        for q in quotes:
            words = " ".join(_without_attribution(q).split())
            words = f"“{words}”" if q.kind == "direct" else words
            cue = q.cue.text if q.cue else "quoted"
            via = f" (reported by {q.reported_by})" if q.reported_by else ""
            line = (f"- *{cue}*: {words}{via}" if markdown else f"  - {cue}: {words}{via}")
            out.extend(textwrap.wrap(line, WIDTH, subsequent_indent="    ") if not markdown else [line])
    return out


def _without_attribution(quote: Quote) -> str:
    """A quotation in two parts shows without the words between them: "“Nobody should choose,” she told reporters.
    “This deal ends it.”" shows as "Nobody should choose … This deal ends it." (the layer keeps the whole span)."""
    text = quote.content.text
    if quote.kind != "direct" or quote.cue is None or not quote.content.start < quote.cue.start < quote.content.end:
        return text
    at = quote.cue.start - quote.content.start
    for close, opening in (("”", "“"), ('"', '"')):
        end, start = text.rfind(close, 0, at), text.find(opening, at)
        if 0 <= end < start:
            return text[:end].rstrip(" ,") + " … " + text[start + 1 :]
    return text


def _outer_speaker(article: Article, quote: Quote) -> Speaker | None:
    """The speaker a section shows: "I think he's smart" inside the coach's quotation is the coach speaking, not
    someone called "I" (the layer keeps the span the text gives)."""
    sp = quote.speaker
    if sp is None or sp.entity or sp.name.lower() not in FIRST_PERSON:
        return sp
    outer = next((q for q in article.quotes if q is not quote and q.speaker is not None
                  and q.content.start <= sp.start < q.content.end and q.speaker.name.lower() not in FIRST_PERSON), None)
    return outer.speaker if outer is not None else sp


FIRST_PERSON = {"i", "we", "me", "us"}


# name -> section builder; later stages (quotes, times/events) register theirs here.
SECTIONS: dict[str, Callable[[Article, bool], list[str]]] = {
    "quotes": quotes_section,
    "entities": entities_section,
    "timeline": timeline_lines,
}
SECTION_ORDER = ["quotes", "timeline", "entities"]


def to_text(article: Article, full: bool = False) -> str:
    """The KEY POINTS box; with ``full`` every other section follows it."""
    blocks = [key_points_box(article)]
    if full:
        for name in SECTION_ORDER:
            section = SECTIONS.get(name)
            lines = section(article, False) if section else []
            if lines:
                blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def to_markdown(article: Article) -> str:
    blocks = []
    head = _title_block(article, True)
    if head:
        blocks.append("\n\n".join(head))
    points = ["## Key points"] + [
        f"- {kp.text} <sub>[{', '.join(f'{s.start}–{s.end}' for s in kp.sources)}]</sub>"
        for kp in article.key_points
    ]
    blocks.append("\n".join(points))
    for name in SECTION_ORDER:
        section = SECTIONS.get(name)
        lines = section(article, True) if section else []
        if lines:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def render(article: Article, fmt: str) -> str:
    if fmt == "json":
        return to_json(article) + "\n"
    if fmt == "markdown":
        return to_markdown(article)
    if fmt == "brief":
        return to_text(article, full=True)
    return to_text(article)
