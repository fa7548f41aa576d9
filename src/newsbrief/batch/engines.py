"""Where parts are analysed: this machine's cores (a process pool) or a Ray cluster (Ray Data actors).

Both engines hand the same lists of records to the same ``PartAnalyzer`` (one per worker process or
actor, so the language model loads once per worker), and every worker writes its own parts: the
output is written in parallel and is identical whichever engine ran it.
"""

from __future__ import annotations

import datetime as dt
import math
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..errors import InputError, NewsbriefError
from ..pipeline import Settings
from . import schema
from .output import Output

# What a worker sends back for each article: enough to count, report errors, and nothing large.
SUMMARY_SCHEMA = pa.schema([("key", pa.string()), ("id", pa.string()), ("error", pa.string())])


class EngineError(NewsbriefError):
    """The batch engine cannot run: Ray is not installed, the cluster is unreachable, a worker pool broke."""

    exit_code = 7


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to analyse parts and write them (small and picklable)."""

    settings: Settings
    out: str
    format: str = "parquet"
    published: dt.date | None = None


def message(exc: BaseException) -> str:
    if isinstance(exc, NewsbriefError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def load_record(rec: dict[str, Any]) -> tuple[str, Any, Exception | None]:
    """``(id, article, None)`` for one record, or ``(id, None, error)`` when its bytes are no article.

    The id is the row's own ``id`` whenever the row could be read that far, else its default
    (line number, row number or file path).
    """
    import json

    from ..ingest import decode, from_json, load_bytes
    from ..ingest.load import MAX_BYTES

    rid = rec["id"]
    try:
        if rec["kind"] == "oversized":
            raise InputError(f"{rec['name']}: {int(rec['payload']):,} bytes is more than the {MAX_BYTES:,}-byte limit")
        if rec["kind"] != "json":
            article = load_bytes(rec["payload"], rec["name"], rec["kind"])
            article.id = rid
            return rid, article, None
        text = decode(rec["payload"], rec["name"])
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{rec['name']}: not valid JSON ({exc.msg})") from None
        if isinstance(obj, dict) and obj.get("id") is not None:
            rid = str(obj["id"])
        return rid, from_json(obj, default_id=rid), None
    except Exception as exc:
        return rid, None, exc


class PartAnalyzer:
    """Analyses a list of records and writes them as one part; built once per worker."""

    def __init__(self, job: Job) -> None:
        from .. import get_pipeline

        self.job = job
        self.pipeline = get_pipeline(job.settings)
        self.output = Output(job.out, job.format)

    def __call__(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = [{} for _ in records]
        loaded = []
        for i, rec in enumerate(records):
            rid, article, error = load_record(rec)
            if error is not None:
                rows[i] = schema.error_row(rid, message(error))
                continue
            if self.job.published and article.published is None:
                article.published = self.job.published
            loaded.append((i, rid, article))
        results = self.pipeline.pipe_safe(article for _, _, article in loaded)
        for (i, rid, _), (article, exc) in zip(loaded, results, strict=True):
            rows[i] = schema.article_row(article, rid) if exc is None else schema.error_row(rid, message(exc))
        self.output.write_part([r["key"] for r in records], rows)
        return [{"key": rec["key"], "id": row["id"], "error": row["error"]}
                for rec, row in zip(records, rows, strict=True)]


def chunked(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- local engine -------------------------------------------------------------------------------

_WORKER: PartAnalyzer | None = None
_WORKER_ERROR: Exception | None = None


def _init_worker(job: Job) -> None:
    global _WORKER, _WORKER_ERROR
    try:
        _WORKER = PartAnalyzer(job)
    except Exception as exc:  # raised again with the first part, so the user sees why (a missing model)
        _WORKER_ERROR = exc


def _analyse_part(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if _WORKER is None:
        raise _WORKER_ERROR or EngineError("worker was not initialised")
    return _WORKER(records)


def run_local(records: Iterable[dict[str, Any]], job: Job, workers: int, part_size: int) -> Iterator[dict[str, Any]]:
    """Analyse on this machine with ``workers`` processes; yields one summary per article as parts finish."""
    # spawn, not fork: the parent runs threads (pyarrow, tqdm) that a fork would copy mid-flight
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(job,)) as pool:
            running: set[Future] = set()
            for chunk in chunked(records, part_size):
                running.add(pool.submit(_analyse_part, chunk))
                if len(running) >= 2 * workers:  # bounded: the input is streamed, never held whole
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield from future.result()
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
    except BrokenProcessPool:
        raise EngineError(
            "a worker process died (out of memory?); run the same command again: it continues where it stopped"
        ) from None


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# --- Ray engine ---------------------------------------------------------------------------------


class RayPartAnalyzer:
    """A Ray Data actor: loads the model once, then analyses and writes one part per batch."""

    def __init__(self, job: Job) -> None:
        self.analyse = PartAnalyzer(job)

    def __call__(self, batch: pa.Table) -> pa.Table:
        return pa.Table.from_pylist(self.analyse(batch.to_pylist()), schema=SUMMARY_SCHEMA)


def start_ray(address: str | None, workers: int | None) -> Any:
    try:
        import ray
    except ImportError:
        raise EngineError("--engine ray needs Ray: pip install 'newsbrief[ray]'") from None
    if ray.is_initialized():
        return ray
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:  # a Ray instance of this machine only, as on a laptop
            ray.init(num_cpus=workers or default_workers(), include_dashboard=False, log_to_driver=False)
    except Exception as exc:
        raise EngineError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {exc}") from None
    return ray


# Articles handed to Ray per dataset: bounds the driver's memory on archives of millions; each
# chunk starts its actors afresh (a model load, seconds) against minutes of analysis per chunk.
RAY_CHUNK = 50_000


def run_ray(
    records: Iterable[dict[str, Any]],
    job: Job,
    workers: int | None,
    part_size: int,
    address: str | None = None,
    actor: type = RayPartAnalyzer,
    chunk: int = RAY_CHUNK,
) -> Iterator[dict[str, Any]]:
    """Analyse on Ray: Ray Data ``map_batches`` over a pool of ``actor``, each writing its own parts."""
    ray = None
    for records_chunk in chunked(records, max(chunk, part_size)):
        ray = ray or start_ray(address, workers)
        yield from _run_ray_dataset(ray, records_chunk, job, workers, part_size, actor)


def _run_ray_dataset(
    ray: Any, records: list[dict[str, Any]], job: Job, workers: int | None, part_size: int, actor: type
) -> Iterator[dict[str, Any]]:
    pool_size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    blocks = max(1, math.ceil(len(records) / part_size))
    dataset = ray.data.from_items(records, override_num_blocks=blocks)
    analysed = dataset.map_batches(
        actor,
        fn_constructor_kwargs={"job": job},
        batch_size=part_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=min(pool_size, blocks)),  # more actors than parts: idle models
        num_cpus=1,
        # Ray Data's actor pools restart a dead actor and retry its batch (max_restarts and
        # max_task_retries default to -1 there); a retried part is rewritten whole, under the same name
    )
    try:
        for batch in analysed.iter_batches(batch_size=None, batch_format="pyarrow"):
            yield from batch.to_pylist()
    except Exception as exc:  # Ray's own errors run over pages; the first line says what happened
        first = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        raise EngineError(f"the Ray job failed ({first[:300]}); run the same command again to continue") from None
