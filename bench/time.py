"""Time expressions against TempEval-3 TBAQ (TimeML with a document creation time).

    python bench/time.py [../shared/data/time/tbaq] [--limit N] [--errors N]

Scores span strict and relaxed F1 and value F1 (a relaxed match whose normalised value equals the
gold one; precision over all system spans, recall over all gold spans, as TempEval-3 does) and
value accuracy (the share of relaxed matches with the right value; the few gold week numbers written
unpadded, "2000-W7", are read as ISO 8601 writes them, "2000-W07"), for
newsbrief (with the parse, so tenses count; and without it) and for dateparser's ``search_dates``
(the peer) in the same run, and prints one markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "time" / "tbaq"

_TOKEN = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>|&(?:\w+|#\d+);|[^<&]+|[<&]")


@dataclass
class Timex:
    start: int
    end: int
    value: str | None


@dataclass
class Document:
    name: str
    text: str
    dct: dt.date
    gold: list[Timex]


def read_tml(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    dct_value = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', raw).group(1)
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    pieces: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, str | None] | None = None
    for m in _TOKEN.finditer(body):
        if m.group(2):
            closing, tag, attrs, selfclose = m.group(1), m.group(2), m.group(3), m.group(4)
            if tag == "TIMEX3" and not closing and not selfclose:
                value = re.search(r'value="([^"]*)"', attrs)
                # a few gold weeks are written unpadded ("2000-W7"); ISO 8601, and newsbrief, write "2000-W07"
                open_timex = (length, re.sub(r"-W(\d)(?!\d)", r"-W0\1", value.group(1)) if value else None)
            elif tag == "TIMEX3" and closing and open_timex is not None:
                gold.append(Timex(open_timex[0], length, open_timex[1]))
                open_timex = None
            continue
        piece = html.unescape(m.group()) if m.group().startswith("&") else m.group()
        pieces.append(piece)
        length += len(piece)
    return Document(path.stem, "".join(pieces), dt.date.fromisoformat(dct_value[:10]), gold)


def score(pairs: list[tuple[list[Timex], list[Timex]]]) -> dict[str, float]:
    n_gold = sum(len(g) for g, _ in pairs)
    n_sys = sum(len(s) for _, s in pairs)
    strict = relaxed = value = 0
    for gold, system in pairs:
        exact = {(t.start, t.end) for t in gold}
        strict += sum((s.start, s.end) in exact for s in system)
        used: set[int] = set()
        for s in system:
            best = None
            for i, g in enumerate(gold):
                if i in used or not (s.start < g.end and g.start < s.end):
                    continue
                if best is None or (g.start, g.end) == (s.start, s.end):
                    best = i
            if best is not None:
                used.add(best)
                relaxed += 1
                value += s.value is not None and s.value == gold[best].value
    out = {}
    for name, tp in (("strict", strict), ("relaxed", relaxed), ("value", value)):
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        out[f"{name}_p"], out[f"{name}_r"] = p, r
        out[name] = 2 * p * r / (p + r) if p + r else 0.0
    out["gold"], out["system"] = n_gold, n_sys
    out["value_acc"] = value / relaxed if relaxed else 0.0  # of the spans found, how many carry the right value
    return out


def newsbrief_system(with_parse: bool) -> Callable[[Document], list[Timex]]:
    from newsbrief.nlp import load_model
    from newsbrief.times import find_times

    nlp = load_model() if with_parse else None

    def run(doc: Document) -> list[Timex]:
        parsed = nlp(doc.text) if nlp is not None else None
        return [Timex(t.start, t.end, t.value) for t in find_times(doc.text, doc.dct, parsed)]

    return run


def dateparser_system() -> Callable[[Document], list[Timex]]:
    from dateparser.search import search_dates

    def run(doc: Document) -> list[Timex]:
        base = dt.datetime.combine(doc.dct, dt.time(12))
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        out: list[Timex] = []
        cursor = 0
        for surface, when in found:
            start = doc.text.find(surface, cursor)
            if start < 0:
                continue
            cursor = start + len(surface)
            out.append(Timex(start, cursor, when.date().isoformat()))
        return out

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="folder of TempEval-3 .tml files")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--errors", type=int, default=0, help="print N value errors of newsbrief (for tuning)")
    args = ap.parse_args(argv)
    folder = Path(args.data)
    files = sorted(folder.rglob("*.tml"))
    if not files:
        print(f"no .tml files under {folder}", file=sys.stderr)
        return 2
    docs = [read_tml(p) for p in files[: args.limit]]

    systems = {
        "newsbrief (tense from the parse)": newsbrief_system(True),
        "newsbrief (no parse)": newsbrief_system(False),
        "dateparser search_dates (peer)": dateparser_system(),
    }
    rows = []
    errors: list[str] = []
    for name, run in systems.items():
        t0 = time.perf_counter()
        pairs = []
        for doc in docs:
            system = run(doc)
            pairs.append((doc.gold, system))
            if args.errors and name.startswith("newsbrief (tense"):
                errors.extend(_errors(doc, system))
        elapsed = time.perf_counter() - t0
        rows.append((name, score(pairs), elapsed))

    print(f"TempEval-3 TBAQ: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX3 ({folder})\n")
    print("| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value P | value R "
          "| value F1 | value acc. | spans | seconds |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, s, elapsed in rows:
        print(f"| {name} | {s['strict_p']:.3f} | {s['strict_r']:.3f} | {s['strict']:.3f} | {s['relaxed_p']:.3f} "
              f"| {s['relaxed_r']:.3f} | {s['relaxed']:.3f} | {s['value_p']:.3f} | {s['value_r']:.3f} "
              f"| **{s['value']:.3f}** | {s['value_acc']:.3f} | {s['system']} | {elapsed:.1f} |")
    for line in errors[: args.errors]:
        print(line)
    return 0


def _errors(doc: Document, system: list[Timex]) -> list[str]:
    out = []
    for g in doc.gold:
        hits = [s for s in system if s.start < g.end and g.start < s.end]
        gtext = doc.text[g.start : g.end]
        if not hits:
            out.append(f"MISS {doc.dct} {gtext!r} gold={g.value}")
        elif hits[0].value != g.value:
            out.append(f"VAL  {doc.dct} {gtext!r} sys={doc.text[hits[0].start:hits[0].end]!r}:{hits[0].value} "
                       f"gold={g.value}")
    for s in system:
        if not any(s.start < g.end and g.start < s.end for g in doc.gold):
            out.append(f"FP   {doc.dct} {doc.text[s.start:s.end]!r} = {s.value}")
    return out


if __name__ == "__main__":
    sys.exit(main())
