"""Ingest: read sources, fold what is already stored or duplicated, analyse the rest, store it.

Idempotent and resumable: an article is known by the hash of its text and by its URL, and each
chunk of new articles is written in one transaction after its analysis, so a crash or Ctrl-C
loses at most the chunk in flight and a rerun stores every article exactly once.  Analysis runs
in a process pool (the model loads once per worker) while this process reads, folds and writes.
"""

from __future__ import annotations

import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from ..document import Article
from ..errors import NewsbriefError
from ..pipeline import Settings
from .dedup import DuplicateIndex, Signature
from .sources import Item
from .store import Store, content_hash
from .stories import StoryIndex, features, story_title

CHUNK = 64  # articles analysed between two commits


@dataclass
class Summary:
    new: int = 0
    duplicates: int = 0
    unchanged: int = 0
    failed: int = 0
    total: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def default_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


# -- analysis in worker processes ------------------------------------------------------------------

_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    import signal

    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    # Ctrl-C is the main process's to handle (it stops the pool); a worker printing a traceback helps no one
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .. import get_pipeline

    get_pipeline(settings)  # load the model now, once per worker


def _analyse(articles: list[Article], settings: Settings | None = None) -> list[tuple[dict | None, str | None]]:
    from .. import get_pipeline

    pipeline = get_pipeline(settings or _WORKER_SETTINGS)
    out: list[tuple[dict | None, str | None]] = []
    for article, exc in pipeline.pipe_safe(articles):
        if exc is None:
            out.append((article.to_dict(), None))
        else:
            message = str(exc) if isinstance(exc, NewsbriefError) else f"internal error: {type(exc).__name__}: {exc}"
            out.append((None, message))
    return out


@dataclass
class _Batch:
    """A chunk sent to the workers: what is new (with its pending key), and copies waiting for those."""

    pending: list[tuple[Item, str, Signature, tuple[str, int]]] = field(default_factory=list)
    waiting: list[tuple[Item, str, tuple[str, int], float]] = field(default_factory=list)
    results: Callable[[], list[tuple[dict | None, str | None]]] | None = None  # waits for the analyses


class Ingester:
    """Holds the store's duplicate and story indexes in memory for the length of one ingest."""

    def __init__(self, store: Store, settings: Settings | None = None, workers: int | None = None,
                 on_error: Callable[[str, str], None] | None = None, chunk: int = CHUNK) -> None:
        self.store = store
        self.chunk = max(1, chunk)
        self.settings = settings or Settings()
        self.workers = workers or default_workers()
        self.on_error = on_error or _report
        self.dups = DuplicateIndex()
        self.stories = StoryIndex()
        self._pool: ProcessPoolExecutor | None = None
        self._next_pending = 0
        self._pending_hashes: dict[str, tuple[str, int]] = {}  # text hash -> pending key, while analysed
        # pending key -> the stored article it became, for the chunks a copy can still wait on
        self._stored: dict[tuple[str, int], int] = {}
        self._load()

    def _load(self) -> None:
        """Rebuild the in-memory indexes from what the database holds (in ingest order)."""
        with self.store._lock:
            rows = self.store.db.execute("SELECT id, minhash, features, story_id FROM articles ORDER BY id")
            for aid, minhash, feats, story in rows:
                if minhash:
                    self.dups.add(aid, Signature.from_bytes(minhash))
                if feats and story is not None:
                    self.stories.replay(json.loads(feats), story, key=aid)

    def close(self, abort: bool = False) -> None:
        """Stop the workers: at once when aborting (Ctrl-C, an error), else after they finish."""
        if self._pool is not None:
            self._pool.shutdown(wait=not abort, cancel_futures=abort)
            self._pool = None

    def __enter__(self) -> Ingester:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(abort=exc_type is not None)

    # -- the loop ------------------------------------------------------------------------
    # Chunk k+1 is folded and sent to the workers before chunk k is stored, so the workers never wait
    # for this process to write (on 2 cores that idle time cost ~10% of the throughput).  What chunk k
    # holds is already in the duplicate index under a pending key, so a copy of it in chunk k+1 still
    # waits for it; and each article is checked against the store again when it is written.

    def run(self, items: Iterable[Item], progress: bool = False, total: int | None = None) -> Summary:
        from tqdm import tqdm

        summary = Summary()
        bar = tqdm(total=total, unit="article", disable=not progress, file=sys.stderr, dynamic_ncols=True,
                   smoothing=0.1)
        inflight: deque[_Batch] = deque()
        try:
            chunk: list[Item] = []
            for item in items:
                chunk.append(item)
                if len(chunk) >= self.chunk:
                    inflight.append(self._prepare(chunk, summary, bar))
                    chunk = []
                    while len(inflight) > 1:
                        chunk += self._store(inflight.popleft(), summary, bar)
            while chunk or inflight:
                if chunk:
                    inflight.append(self._prepare(chunk, summary, bar))
                    chunk = []
                while inflight:
                    chunk += self._store(inflight.popleft(), summary, bar)
        finally:
            bar.close()
        return summary

    def _prepare(self, items: list[Item], summary: Summary, bar: Any) -> _Batch:
        """Fold what is stored or duplicated already; send the rest to the workers."""
        batch = _Batch()
        for item in items:
            summary.total += 1
            if item.article is None:
                summary.failed += 1
                self.on_error(item.origin, str(item.error))
                bar.update(1)
                continue
            article = item.article
            digest = content_hash(article.text)
            known = self.store.find_copy(digest, article.url)
            if known is not None and known[1]:
                self._add_copy(known[0], article, digest, 1.0, summary)
                bar.update(1)
                continue
            if digest in self._pending_hashes:
                batch.waiting.append((item, digest, self._pending_hashes[digest], 1.0))
                continue
            signature = Signature.of(article.text)
            replaces = known[0] if known is not None else None  # same URL, new text: the page was updated
            hit = self.dups.find(signature)
            if hit is not None and hit[0] != replaces:
                key, sim = hit
                if isinstance(key, tuple):  # a copy of an article still being analysed
                    batch.waiting.append((item, digest, key, sim))
                else:
                    self._add_copy(int(key), article, digest, round(sim, 4), summary)
                    bar.update(1)
                continue
            self._next_pending += 1
            key = ("pending", self._next_pending)
            self._pending_hashes[digest] = key
            self.dups.add(key, signature)
            batch.pending.append((item, digest, signature, key))
        batch.results = self._submit([p[0].article for p in batch.pending])
        return batch

    def _store(self, batch: _Batch, summary: Summary, bar: Any) -> list[Item]:
        """Write one analysed chunk in one transaction; returns the items that must wait for another."""
        results = batch.results() if batch.results is not None else []
        # a copy in the next chunk can wait only on this chunk or itself (the one before was written)
        stored, self._stored = self._stored, {}
        with self.store.transaction() as db:
            for (item, digest, signature, key), (data, error) in zip(batch.pending, results, strict=True):
                self.dups.remove(key)
                self._pending_hashes.pop(digest, None)
                if data is None:
                    summary.failed += 1
                    self.on_error(item.origin, error or "analysis failed")
                    continue
                article = Article.from_dict({"article": data["article"]})  # the store takes the layers from data
                article.id = item.article.id
                known = self.store.find_copy(digest, article.url, db=db)
                if known is not None and known[1]:  # stored meanwhile by another chunk in flight
                    _tally(summary, self.store.add_copy(db, known[0], article, digest, 1.0))
                    stored[key] = self._stored[key] = known[0]
                    continue
                replaces = known[0] if known is not None else None  # what the URL holds now, not at folding
                if replaces is not None:
                    self.store.delete_article(db, replaces)
                    self.dups.remove(replaces)
                feats = features(data)
                aid = self.store.add_article(db, article, digest, minhash=signature.to_bytes(), features=feats,
                                             data=data)
                story = self.stories.assign(feats, new_story=lambda d=data: self.store.new_story(db, _title(d)),
                                            key=aid)
                self.store.set_story(db, aid, story)
                self._apply_splits(db)
                self.dups.add(aid, signature)
                stored[key] = self._stored[key] = aid
                summary.new += 1
        bar.update(len(batch.pending))
        retry: list[Item] = []
        for item, digest, key, sim in batch.waiting:
            if key in stored:
                self._add_copy(stored[key], item.article, digest, round(sim, 4), summary)
                bar.update(1)
            else:
                summary.total -= 1  # counted again in the next chunk
                retry.append(item)  # its original failed: this copy gets its own chance
        return retry

    def _add_copy(self, article_id: int, article: Article, digest: str, similarity: float,
                  summary: Summary) -> None:
        with self.store.transaction() as db:
            _tally(summary, self.store.add_copy(db, article_id, article, digest, similarity))

    def _apply_splits(self, db: Any) -> None:
        """Move the articles a story split sent to a new story; the new story is titled after its first."""
        titled: set[int] = set()
        for aid, story in self.stories.take_moves():
            self.store.set_story(db, int(aid), story)
            if story not in titled:
                titled.add(story)
                row = db.execute("SELECT layers FROM articles WHERE id = ?", (int(aid),)).fetchone()
                self.store.set_story_title(db, story, _title(json.loads(row[0])) if row else None)

    def _analyse(self, articles: list[Article]) -> list[tuple[dict | None, str | None]]:
        return self._submit(articles)()

    def _submit(self, articles: list[Article]) -> Callable[[], list[tuple[dict | None, str | None]]]:
        """Start analysing ``articles`` (in this process: at once); the call returns their results."""
        if not articles or self.workers <= 1:
            done = _analyse(articles, self.settings) if articles else []
            return lambda: done
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker,
                                             initargs=(self.settings,))
        size = max(1, min(self.settings.batch_size, -(-len(articles) // self.workers)))
        futures = [self._pool.submit(_analyse, articles[i:i + size]) for i in range(0, len(articles), size)]

        def results() -> list[tuple[dict | None, str | None]]:
            return [row for future in futures for row in future.result()]

        return results


def _tally(summary: Summary, added: bool) -> None:
    """A copy of a stored article: a new source, or one the store had already."""
    summary.duplicates += 1 if added else 0
    summary.unchanged += 0 if added else 1


def _report(origin: str, message: str) -> None:
    where = "" if message.startswith(origin) else f"{origin}: "
    print(f"newsbrief: {where}{message}", file=sys.stderr)


def _title(data: dict[str, Any]) -> str | None:
    return story_title([{**data, "copies": [], "id": 0}])


def ingest(store: Store, items: Iterable[Item], settings: Settings | None = None, workers: int | None = None,
           progress: bool = False, total: int | None = None,
           on_error: Callable[[str, str], None] | None = None, chunk: int = CHUNK) -> Summary:
    """Ingest ``items`` into ``store``; see ``Ingester``."""
    with Ingester(store, settings, workers, on_error, chunk) as ingester:
        return ingester.run(items, progress=progress, total=total)
