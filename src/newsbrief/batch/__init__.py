"""``newsbrief batch``: analyse many articles on this machine's cores or on a Ray cluster.

    newsbrief batch articles.jsonl more/ s3://bucket/archive.parquet --out out/ [--engine ray]

Output: Parquet (one row per article with every layer as a nested column, plus flat quotes and
events tables) or JSON Lines, in numbered parts; a bad article becomes an error row; a job that
is stopped and started again continues where it stopped (see ``output``).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..pipeline import Settings
from .engines import EngineError, Job, default_workers, run_local, run_ray
from .output import FORMATS, Output, read_output
from .sources import iter_records

ENGINES = ("local", "ray")
DEFAULT_PART_SIZE = 64


@dataclass
class BatchResult:
    analysed: int = 0
    failed: int = 0
    skipped: int = 0  # already in the output from an earlier run


def run_batch(
    inputs: Sequence[str],
    out: str,
    *,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    fmt: str = "parquet",
    settings: Settings | None = None,
    published: Any = None,
    part_size: int = DEFAULT_PART_SIZE,
    progress: bool = True,
    on_error: Any = None,
) -> BatchResult:
    """Analyse every article of ``inputs`` into the folder ``out``; rows already there are skipped.

    ``on_error(id, message)`` is called for every failed row (the CLI prints them).
    """
    from ..ingest import parse_published

    if engine not in ENGINES:
        raise InputError(f"--engine must be one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise InputError("--workers must be at least 1")
    if part_size < 1:
        raise InputError("--part-size must be at least 1")
    if address and engine != "ray":
        raise InputError("--address goes with --engine ray")
    if not inputs:
        raise InputError("no input: give one or more JSON Lines files, folders or Parquet files")
    output = Output(out, fmt)
    done = output.prepare()
    job = Job(settings or Settings(), out, fmt, parse_published(published, "--published") if published else None)

    def pending():
        return (r for r in iter_records(inputs) if r["key"] not in done)

    result = BatchResult()
    total = 0
    for rec in iter_records(inputs):  # a cheap first pass, so the progress bar can show an ETA
        if rec["key"] in done:
            result.skipped += 1
        else:
            total += 1
    parts = math.ceil(total / part_size)
    if engine == "local":
        # more processes than parts would only load models that never work
        summaries = run_local(pending(), job, max(1, min(workers or default_workers(), parts)), part_size)
    else:
        summaries = run_ray(pending(), job, workers, part_size, address)

    from tqdm import tqdm

    # Ray shows its own progress per operator; locally the bar gives the rate and the ETA
    bar = tqdm(total=total, unit="article", desc="newsbrief batch", disable=not progress or engine != "local")
    with bar:
        for summary in summaries:
            if summary["error"] is None:
                result.analysed += 1
            else:
                result.failed += 1
                if on_error:
                    on_error(summary["id"], summary["error"])
            bar.update(1)
    return result


def cmd_batch(args: argparse.Namespace) -> int:
    if args.max_points < 1:
        raise InputError("--max-points must be at least 1")
    settings = Settings(model=args.model, style=args.style, max_points=args.max_points,
                        min_points=min(3, args.max_points))

    def report(row_id: str, error: str) -> None:
        print(f"newsbrief: row {row_id}: {error}", file=sys.stderr)

    result = run_batch(
        args.inputs, args.out, engine=args.engine, workers=args.workers, address=args.address, fmt=args.format,
        settings=settings, published=args.published, part_size=args.part_size,
        progress=not args.quiet, on_error=report,
    )
    skipped = f", {result.skipped} already written" if result.skipped else ""
    print(f"newsbrief: {result.analysed} analysed, {result.failed} failed{skipped} -> {args.out}", file=sys.stderr)
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "batch",
        help="analyse many articles (JSON Lines, folders, Parquet) on all cores or on a Ray cluster",
        description="Analyse every article of the inputs into the folder OUT (Parquet or JSON Lines parts). "
        "Run the same command again after a stop: what is written is skipped.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a .jsonl(.gz) or .parquet file, or a folder of .txt/.html/.json files (and .jsonl/.parquet "
                   "shards); local or a URI (s3://...)")
    p.add_argument("--out", required=True, metavar="OUT", help="output folder, local or a URI")
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="local: this machine's cores (default); ray: a Ray cluster (Ray Data)")
    p.add_argument("--address", metavar="ADDR",
                   help="Ray cluster address (ray://host:10001 or 'auto'); default: a local Ray instance")
    p.add_argument("--workers", type=int, metavar="N",
                   help="worker processes or Ray actors, each loading the model once (default: every CPU)")
    p.add_argument("--format", choices=FORMATS, default="parquet", help="parquet (default) or jsonl")
    p.add_argument("--part-size", type=int, default=DEFAULT_PART_SIZE, metavar="N",
                   help=f"articles per output part, the unit of work and of restart (default {DEFAULT_PART_SIZE})")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for rows that give none")
    p.add_argument("--style", choices=["headline", "sentence"], default="headline", help="key point style")
    p.add_argument("--max-points", type=int, default=5, metavar="N", help="at most N key points (default 5)")
    p.add_argument("--model", help="spaCy pipeline to use (package name or path)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_batch)


__all__ = ["BatchResult", "EngineError", "read_output", "register", "run_batch"]
