"""Quotation marks in a sentence and in a bullet: which words a cut may never touch, and whether a
bullet closes every quotation it opens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .rank import QUOTE_PATTERN, closes_earlier_quotation

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass
class Protected:
    """Token indices inside quotation marks, and each quote's token range (marks included)."""

    inside: set[int]
    quotes: list[tuple[int, int]]


def quote_ranges(span: Span) -> Protected:
    """Quoted stretches by their marks, as token indices (an unclosed mark quotes to the end)."""
    inside: set[int] = set()
    quotes: list[tuple[int, int]] = []
    text = span.text
    found = [(m.start(), m.end()) for m in QUOTE_PATTERN.finditer(text)]
    # an apostrophe inside a word ("he's") does not close it
    tail = re.search(r"(?:^|(?<=\s))[“\"‘'](?=\w)(?:[^”\"’']|(?<=\w)[’'](?=\w))*$", text)
    if tail:
        found.append((tail.start(), len(text)))
    for a, b in found:
        toks = [t.i for t in span if a <= t.idx - span.start_char < b]
        if toks:
            quotes.append((toks[0], toks[-1]))
            inside.update(toks)
    return Protected(inside, quotes)


_OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s(\[:]))['‘](?=\w)")


# (or after a space, in copy tokenized at the source: "a real 'eye-opener '")
_CLOSE_SINGLE = re.compile(r"(?:(?<=[\w.,!?])|(?<=[\w.,!?] ))['’](?=$|[\s.,;:!?)])")


def balanced_quotes(text: str) -> bool:
    """Every quotation a bullet opens, it closes: "Brown says: 'There is…" is no headline."""
    if text.count("“") != text.count("”") or text.count('"') % 2 or text.count("``") > text.count("''"):
        return False
    return len(_CLOSE_SINGLE.findall(text)) >= len(_OPEN_SINGLE.findall(text))


def ends_quotation(text: str) -> bool:
    """The text ends a quotation opened before it: 'Absolutely not," Clinton responded' (read in the sentence too,
    whose closing mark a cut may take)."""
    return closes_earlier_quotation(text) or re.match(r'[^"“”]*[\w.,!?]["”](?:\s|$)', text) is not None or (
        _closes_unopened(text))


def _closes_unopened(text: str) -> bool:
    """"…and to have fun doing it,'' the pair said": a '' closes a quotation no `` or '' opened in the text."""
    closing = re.search(r"[^\W\d]''(?=\s|$)|[.,!?]''(?=\s|$)", text)  # not the inches of "a 17'' screen"
    opening = re.search(r"``|(?<![\w'])''(?=[^\s'])", text)
    return closing is not None and (opening is None or opening.start() > closing.start())


def close_quotation(text: str) -> str:
    """Close a quotation that runs on past the bullet's sentence ("He answers, “I have no idea" + ”), as an
    editor quoting its first sentence would; a bullet never ends inside open marks."""
    if text.count("“") > text.count("”") and text.rfind("“") > text.rfind("”"):
        return text + "”"
    if text.count('"') % 2 and re.search(r'(?:^|\s)"\w[^"]*$', text):
        return text + '"'
    # a straight single mark is too often an apostrophe or a spaced-out closing mark to be sure of
    if "‘" in text and not re.search(r"’(?!\w)", text[text.rfind("‘"):]):
        return text + "’"
    return text


def tidy_quotes(text: str) -> str:
    """Keep the source's spacing around quote marks: no space after an opening one, none before a closing one."""
    text = re.sub(r"“\s+", "“", text)
    text = re.sub(r"\s+”", "”", text)
    return text
