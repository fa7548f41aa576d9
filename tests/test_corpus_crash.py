"""Crash safety: ``newsbrief ingest`` killed (SIGKILL) at random points, then rerun, stores every article once."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "corpus_data"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("crash-in")
    example = (ROOT / "examples" / "harbour-talks-2025-03-16.txt").read_text(encoding="utf-8")
    (root / "harbour-talks-2025-03-16.txt").write_text(example, encoding="utf-8")
    for name in ("harbour-reopens-2025-03-17.txt", "river-flood-2025-03-18.txt", "feed.rss"):
        (root / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    # the same article again under another URL (a verbatim copy) and cut short (a near copy)
    rows = [{"id": "copy", "url": "https://other.example/a", "text": example},
            {"id": "cut", "url": "https://third.example/b", "text": "\n".join(example.split("\n")[:7])}]
    (root / "copies.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return root


def ingest(folder: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "ingest", str(folder), "--db", str(db), "--workers", "1",
         "--chunk", "1", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def stored(db: Path) -> int:
    """Articles in the store so far (0 before it exists), read while another process may write it."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def contents(db: Path) -> tuple[list[str], list[tuple[str, str]]]:
    with sqlite3.connect(db) as conn:
        articles = sorted(r[0] for r in conn.execute("SELECT content_hash FROM articles"))
        copies = sorted((r[0], r[1] or "") for r in conn.execute("SELECT content_hash, url FROM copies"))
    return articles, copies


def test_killed_ingest_reruns_to_the_same_corpus(inputs, tmp_path):
    clean_db = tmp_path / "clean.sqlite3"
    start = time.monotonic()
    proc = ingest(inputs, clean_db)
    out, err = proc.communicate(timeout=300)
    clean_seconds = time.monotonic() - start
    assert proc.returncode == 0, err
    clean = json.loads(out)
    assert clean["new"] == 5 and clean["duplicates"] == 2 and clean["failed"] == 0

    rng = random.Random(5)
    db = tmp_path / "killed.sqlite3"
    killed = 0
    for _ in range(4):
        before = stored(db)
        proc = ingest(inputs, db)
        # kill mid-ingest whatever the machine's speed: once this run has stored something, at a random
        # point in the work that follows (a fixed clock would miss the work on a fast machine)
        deadline = time.monotonic() + clean_seconds + 60
        while proc.poll() is None and stored(db) <= before and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.15))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.communicate(timeout=60)
    assert killed >= 2, "the ingest finished before it could be killed: kill points are too late"
    proc = ingest(inputs, db)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    last = json.loads(out)
    assert last["failed"] == 0 and last["total"] == clean["total"]

    articles, copies = contents(db)
    assert (articles, copies) == contents(clean_db)
    assert len(articles) == len(set(articles)) == 5
    assert len(copies) == len(set(copies)) == 7
