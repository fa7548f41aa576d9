"""The reporting-cue lexicon (``data/cues.tsv``): which words introduce speech, and of what type."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    prep: str | None  # "for" in "call for": the content is that preposition's object
    type: str  # say, stress, warn, urge, reject, deny, agree, promise, ...
    takes_object: bool  # "rejected India's actions": a noun phrase can be the content
    document_only: bool = False  # "the statement read": a cue only when a document is the speaker


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, CueEntry]  # lemma -> entry for the bare verb
    phrasal: dict[tuple[str, str], CueEntry]  # (lemma, preposition) -> entry
    nouns: dict[str, CueEntry]  # "claim" in "Trump's claim that …"

    @functools.cached_property
    def cue_words(self) -> frozenset[str]:
        """Every lemma that can be a cue, alone or with its preposition."""
        return frozenset([*self.verbs, *(lemma for lemma, _ in self.phrasal), *self.nouns])

    def types(self) -> set[str]:
        return {e.type for table in (self.verbs, self.phrasal, self.nouns) for e in table.values()}


def _parse(text: str) -> Lexicon:
    verbs: dict[str, CueEntry] = {}
    phrasal: dict[tuple[str, str], CueEntry] = {}
    nouns: dict[str, CueEntry] = {}
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen and cols[0] == "cue":
            header_seen = True
            continue
        cue, ctype, content = (c.strip() for c in cols[:3])
        speaker = cols[3].strip() if len(cols) > 3 else ""
        words = cue.split()
        entry = CueEntry(words[0], words[1] if len(words) > 1 else None, ctype, content == "object",
                         speaker == "document")
        if content == "noun":
            nouns[entry.lemma] = entry
        elif entry.prep:
            phrasal[(entry.lemma, entry.prep)] = entry
        else:
            verbs[entry.lemma] = entry
    return Lexicon(verbs, phrasal, nouns)


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon shipped with newsbrief."""
    return _parse(resources.files("newsbrief").joinpath("data/cues.tsv").read_text(encoding="utf-8"))
