"""Batch throughput: articles/second with 1 and 2 workers for the local and the Ray engine.

    python bench/batch.py [../shared/data] [--n 2000] [--part-size 64]

The same N articles for every run: the CNN/DailyMail articles of ``keypoints/`` and the news
articles of ``stories/``, cycled with fresh ids up to N, plus the repo's own example. Every run is
a whole ``run_batch`` job (worker start, model load, analysis, writing Parquet), timed by the wall
clock; Ray's start (``ray.init``) is timed apart. Each run is checked against the human references:
ROUGE-1/2/Lsum F1 of its key points against the CNN/DailyMail highlights, and how many of its
article rows differ from the local 1-worker run's (the engines must not change a result; a stage
whose output depends on the process, such as on Python's hash seed, shows up here too).
Targets: 2 workers >= 1.8x one worker; Ray within 15% of local at the same number of workers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "examples" / "harbour-talks-2025-03-16.txt"


def build_articles(data: Path, n: int) -> tuple[list[dict], dict[str, list[str]]]:
    """N article rows (cycled with fresh ids), and the highlights of those that have them, by id."""
    base: list[dict] = []
    highlights: dict[str, list[str]] = {}
    seen: set[str] = set()
    for name in ("keypoints/cnndm_dev.jsonl", "keypoints/summeval_dev.jsonl", "stories/ecbplus_dev.jsonl"):
        path = data / name
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            obj = json.loads(line)
            if obj["id"] in seen:  # a CNN/DM article can be in both keypoints files
                continue
            seen.add(obj["id"])
            base.append({"id": obj["id"], "text": obj.get("article") or obj["text"]})
            if obj.get("highlights"):
                highlights[obj["id"]] = obj["highlights"]
    if not base:
        sys.exit(f"bench/batch.py: no articles under {data} (keypoints/ and stories/ files expected)")
    rows = [{"id": "example", "text": EXAMPLE.read_text(encoding="utf-8"), "published": "2025-03-16"}]
    copy = 0
    while len(rows) < n:
        for obj in base:
            if len(rows) >= n:
                break
            rows.append({**obj, "id": f"{obj['id']}~{copy}"})
        copy += 1
    gold = {row["id"]: highlights[row["id"].split("~")[0]] for row in rows if row["id"].split("~")[0] in highlights}
    return rows[:n], gold


def rouge(table, gold: dict[str, list[str]]) -> tuple[float, float, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = [0.0, 0.0, 0.0]
    count = 0
    for row in table.select(["id", "key_points"]).to_pylist():
        if row["id"] not in gold or row["key_points"] is None:
            continue
        pred = "\n".join(kp["text"] for kp in row["key_points"])
        scores = scorer.score("\n".join(gold[row["id"]]), pred)
        for i, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
            totals[i] += scores[key].fmeasure
        count += 1
    return tuple(100 * t / max(count, 1) for t in totals)  # type: ignore[return-value]


def differing(table, reference) -> str:
    """How many article rows differ from the reference run's, and in which columns (both sorted by id)."""
    if table.num_rows != reference.num_rows or table.column("id") != reference.column("id"):
        return "other ids"
    rows: set[int] = set()
    columns = []
    for name in table.column_names:
        a, b = table.column(name).to_pylist(), reference.column(name).to_pylist()
        diff = {i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y}
        if diff:
            rows |= diff
            columns.append(name)
    return f"{len(rows)} ({', '.join(columns)})" if rows else "0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT, help="the shared data folder")
    parser.add_argument("--n", "--limit", dest="n", type=int, default=2000, help="articles per run (default 2000)")
    parser.add_argument("--part-size", type=int, default=64)
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()

    from newsbrief.batch import read_output, run_batch

    rows, gold = build_articles(args.data, args.n)
    engines = args.engines.split(",")
    worker_counts = [int(w) for w in args.workers.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="nb-bench-batch-"))
    source = tmp / "articles.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")

    ray_start = None
    if "ray" in engines:
        import ray

        t0 = time.perf_counter()
        ray.init(num_cpus=max(worker_counts), include_dashboard=False, log_to_driver=False)
        ray_start = time.perf_counter() - t0

    results: dict[tuple[str, int], dict] = {}
    reference = None
    load_before = os.getloadavg()[0]
    # interleaved (local 1, ray 1, local 2, ray 2) so that a noisy neighbour hurts both engines alike
    for workers in worker_counts:
        for engine in engines:
            out = tmp / f"out-{engine}-{workers}"
            t0 = time.perf_counter()
            result = run_batch([str(source)], str(out), engine=engine, workers=workers,
                               part_size=args.part_size, progress=False)
            seconds = time.perf_counter() - t0
            table = read_output(str(out)).sort_by("id")
            if reference is None:
                reference = table
            results[(engine, workers)] = {
                "seconds": seconds,
                "rate": len(rows) / seconds,
                "ok": result.analysed,
                "failed": result.failed,
                "rows": table.num_rows,
                "unique": len(set(table.column("id").to_pylist())),
                "differs": differing(table, reference),
                "rouge": rouge(table, gold),
            }
            print(f"# {engine} x{workers}: {seconds:.1f}s", file=sys.stderr)
            shutil.rmtree(out)
    load_after = os.getloadavg()[0]

    print(f"\nnewsbrief batch, {len(rows)} articles ({len(gold)} with CNN/DM highlights), "
          f"part size {args.part_size}, {os.cpu_count()} CPUs; load average {load_before:.1f} -> {load_after:.1f}")
    if ray_start is not None:
        print(f"ray.init (local, num_cpus={max(worker_counts)}): {ray_start:.1f}s, not counted in the Ray runs")
    print()
    print("| engine | workers | seconds | articles/s | vs 1 worker | vs local | rows (unique) | errors "
          "| rows differing from local x1 | R-1/R-2/R-Lsum |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (engine, workers), r in results.items():
        one = results.get((engine, worker_counts[0]))
        local = results.get(("local", workers))
        speedup = f"{r['rate'] / one['rate']:.2f}x" if one else "-"
        vs_local = f"{r['rate'] / local['rate'] - 1:+.1%}" if local and engine != "local" else "-"
        r1, r2, rl = r["rouge"]
        print(f"| {engine} | {workers} | {r['seconds']:.1f} | {r['rate']:.2f} | {speedup} | {vs_local} "
              f"| {r['rows']} ({r['unique']}) | {r['failed']} | {r['differs']} "
              f"| {r1:.1f}/{r2:.1f}/{rl:.1f} |")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
