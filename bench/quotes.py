"""Score the quotes layer against PolNeAR (brat standoff), with textacy's direct_quotations as the peer.

    python bench/quotes.py [../shared/data/quotes/polnear] [--split dev] [--limit N]

Scoring (issue 3): a predicted content span matches a gold one when their overlap is at least
half of the longer span, one-to-one, greedy (best ratio first).  A gold content split around its
cue is the union of its pieces, its length their sum.  "exact" compares spans with surrounding
spaces, punctuation and quote marks trimmed (a split gold: first piece's start to last piece's
end).  Speaker accuracy counts matched quotes whose speaker mention overlaps the gold Source
(gold attributions without a Source are left out of it).  The first .ann file in sorted order is
used for a text with several annotators.  The speech subset keeps the gold attributions, and the
predictions, whose cue holds a verb of saying: a word whose lemma is in textacy's English
reporting-verb list (REPORTING_VERBS below, fixed here so the subset does not depend on what is
installed).  The stage's cost is the time of each stage over the same articles, run one by one.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "quotes" / "polnear"

# textacy.constants.REPORTING_VERBS["en"] (textacy 0.13)
REPORTING_VERBS = {
    "according", "accuse", "acknowledge", "add", "admit", "agree", "allege", "announce", "argue", "ask", "assert",
    "believe", "blame", "charge", "cite", "claim", "complain", "concede", "conclude", "confirm", "contend",
    "criticize", "declare", "decline", "deny", "describe", "disagree", "disclose", "estimate", "explain", "fear",
    "hope", "insist", "maintain", "mention", "note", "observe", "order", "predict", "promise", "recall",
    "recommend", "reply", "report", "say", "state", "stress", "suggest", "tell", "testify", "think", "urge",
    "warn", "worry", "write",
}
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
              "thought": "think", "criticised": "criticize", "criticising": "criticize", "criticises": "criticize",
              "replied": "reply", "replies": "reply", "denied": "deny", "denies": "deny", "worried": "worry",
              "worries": "worry", "testified": "testify", "testifies": "testify"}
_TRIM = " \t\n,.;:!?\"'“”‘’«»—–-"


def lemma(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in REPORTING_VERBS:
        return w
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and w[: len(w) - len(suffix)] + repl in REPORTING_VERBS:
            return w[: len(w) - len(suffix)] + repl
    return w


def is_speech(cue_text: str | None) -> bool:
    return bool(cue_text) and any(lemma(w) in REPORTING_VERBS for w in re.findall(r"[A-Za-z]+", cue_text))


@dataclass
class Attr:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: str | None = None
    speech: bool = False

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.content)


def read_ann(path: Path) -> list[Attr]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, surface = [*line.split("\t"), "", ""][:3]
            label, _, offsets = mid.partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
            spans[tid] = (label, pieces, surface)
        elif line.startswith("E"):
            roles = {}
            for part in line.split("\t")[1].split():
                role, _, tid = part.partition(":")
                roles[role] = tid
            relations.append(roles)
    out = []
    for roles in relations:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        cue = spans.get(roles.get("Cue", ""), (None, [], None))[2]
        source = spans.get(roles.get("Source", ""), (None, [], None))[1]
        out.append(Attr(content=sorted(spans[roles["Content"]][1]), source=list(source), cue=cue,
                        speech=is_speech(cue)))
    return out


def load(data: Path, split: str, limit: int | None) -> list[tuple[str, str, list[Attr]]]:
    texts = sorted((data / split / "text").glob("*.txt"))
    anns = sorted((data / split / "attributions").glob("*.ann"))
    out = []
    for path in texts:
        mine = [a for a in anns if a.name.startswith(path.stem + "_")]
        if not mine:
            continue
        out.append((path.stem, path.read_text(encoding="utf-8"), read_ann(mine[0])))
        if limit and len(out) >= limit:
            break
    return out


@dataclass
class Pred:
    start: int
    end: int
    speaker: tuple[int, int] | None
    cue: str | None

    @property
    def speech(self) -> bool:
        return is_speech(self.cue)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


@dataclass
class Score:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    with_source: int = 0
    speaker_ok: int = 0

    def add(self, other: Score) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score(text: str, preds: list[Pred], golds: list[Attr]) -> Score:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = sum(_overlap((p.start, p.end), piece) for piece in g.content)
            longer = max(p.end - p.start, g.length)
            if longer and ov >= 0.5 * longer:
                pairs.append((ov / longer, i, j))
    pairs.sort(reverse=True)
    used_p, used_g = set(), set()
    s = Score(gold=len(golds), pred=len(preds))
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        s.matched += 1
        p, g = preds[i], golds[j]
        if _trimmed(text, p.start, p.end) == _trimmed(text, g.content[0][0], g.content[-1][1]):
            s.exact += 1
        if g.source:
            s.with_source += 1
            if p.speaker and any(_overlap(p.speaker, src) > 0 for src in g.source):
                s.speaker_ok += 1
    return s


def newsbrief_preds(article) -> list[Pred]:
    out = []
    for q in article.quotes:
        sp = q.speaker
        span = (sp.start, sp.end) if sp is not None and sp.start is not None else None
        out.append(Pred(q.content.start, q.content.end, span, q.cue.text if q.cue else None))
    return out


def textacy_preds(doc) -> list[Pred] | None:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None  # refused: an odd number of quote marks
    out = []
    for t in triples:
        speaker = (min(x.idx for x in t.speaker), max(x.idx + len(x.text) for x in t.speaker)) if t.speaker else None
        cue = " ".join(x.text for x in t.cue) if t.cue else None
        out.append(Pred(t.content.start_char, t.content.end_char, speaker, cue))
    return out


def _prf(matched: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="PolNeAR folder (with dev/ and train/)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N articles")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / args.split / "text").is_dir():
        print(f"bench/quotes.py: no PolNeAR {args.split} split under {data}", file=sys.stderr)
        return 2
    docs = load(data, args.split, args.limit)

    from newsbrief.ingest import from_text
    from newsbrief.pipeline import Settings, build

    try:
        import textacy  # noqa: F401

        have_textacy = True
    except ImportError:
        have_textacy = False
        print("textacy is not installed: the peer row is missing (pip install textacy)", file=sys.stderr)

    pipeline = build(Settings(check_language=False))
    stage_time: dict[str, float] = defaultdict(float)
    stage_errors: dict[str, int] = defaultdict(int)
    scores = {(sys_, sub): Score() for sys_ in ("newsbrief", "textacy") for sub in ("all", "speech")}
    refused = 0
    for _name, text, golds in docs:
        article = from_text(text)
        for stage in pipeline.stages:
            t0 = time.perf_counter()
            try:
                stage(article)
            except Exception:
                stage_errors[stage.name] += 1
            stage_time[stage.name] += time.perf_counter() - t0
        systems = {"newsbrief": newsbrief_preds(article)}
        if have_textacy:
            peer = textacy_preds(article.doc)
            if peer is None:
                refused += 1
                peer = []
            systems["textacy"] = peer
        speech_golds = [g for g in golds if g.speech]
        for sys_, preds in systems.items():
            scores[(sys_, "all")].add(score(text, preds, golds))
            scores[(sys_, "speech")].add(score(text, [p for p in preds if p.speech], speech_golds))
        article.doc = None

    print(f"PolNeAR {args.split}: {len(docs)} articles ({data})\n")
    print("| system | attributions | gold | predicted | P (overlap) | R (overlap) | F1 (overlap) "
          "| P (exact) | R (exact) | F1 (exact) | speaker acc. |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (sys_, sub), s in scores.items():
        if sys_ == "textacy" and not have_textacy:
            continue
        p, r, f = _prf(s.matched, s.pred, s.gold)
        pe, re_, fe = _prf(s.exact, s.pred, s.gold)
        acc = s.speaker_ok / s.with_source if s.with_source else 0.0
        label = "all" if sub == "all" else "speech cue"
        print(f"| {sys_} | {label} | {s.gold} | {s.pred} | {p:.2f} | {r:.2f} | {f:.2f} | {pe:.2f} | {re_:.2f} "
              f"| {fe:.2f} | {acc:.2f} ({s.speaker_ok}/{s.with_source}) |")
    if have_textacy:
        print(f"\ntextacy refused {refused} of {len(docs)} articles (odd number of quote marks); they count as "
              "no predictions.")

    total = sum(stage_time.values())
    print("\n| stage | ms/article | share of pipeline |")
    print("|---|---:|---:|")
    for name in pipeline.stage_names:
        t = stage_time[name]
        err = f" ({stage_errors[name]} errors)" if stage_errors[name] else ""
        print(f"| {name}{err} | {1000 * t / max(1, len(docs)):.1f} | {100 * t / total:.1f}% |")
    print(f"| total | {1000 * total / max(1, len(docs)):.1f} | 100% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
