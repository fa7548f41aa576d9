"""The store's schema and migrations, duplicate detection and story clustering, on our own texts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsbrief.corpus.dedup import DuplicateIndex, Signature
from newsbrief.corpus.store import MIGRATIONS, SCHEMA_VERSION, Store, content_hash
from newsbrief.corpus.stories import StoryIndex, features, merged_timeline, story_key_points
from newsbrief.errors import StoreError

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "corpus_data"


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {
        "talks": (ROOT / "examples" / "harbour-talks-2025-03-16.txt").read_text(encoding="utf-8"),
        "reopens": (DATA / "harbour-reopens-2025-03-17.txt").read_text(encoding="utf-8"),
        "flood": (DATA / "river-flood-2025-03-18.txt").read_text(encoding="utf-8"),
    }


# -- schema ------------------------------------------------------------------------------------


def test_database_of_an_older_release_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.execute("INSERT INTO stories (title, created_at, updated_at) VALUES ('old story', 'x', 'x')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.version == SCHEMA_VERSION >= 2
        assert store.count()["stories"] == 1
        store.save_feed_state("http://127.0.0.1/feed", '"abc"', None, 200)  # a table of migration 2
        assert store.feed_state("http://127.0.0.1/feed")["etag"] == '"abc"'


def test_database_of_a_newer_release_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer newsbrief"):
        Store(path)


def test_folder_or_garbage_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(StoreError, match="cannot open"):
        Store(bad)


def test_content_hash_ignores_whitespace_only():
    assert content_hash("Port  reopens.\n") == content_hash("Port reopens.")
    assert content_hash("Port reopens.") != content_hash("Port reopened.")


# -- duplicates ------------------------------------------------------------------------------------


def test_signature_round_trips_through_bytes(texts):
    sig = Signature.of(texts["talks"])
    back = Signature.from_bytes(sig.to_bytes())
    assert back.size == sig.size and back.jaccard(sig) == 1.0


def test_truncated_and_reworded_copies_are_found_distinct_articles_are_not(texts):
    index = DuplicateIndex()
    index.add("talks", Signature.of(texts["talks"]))
    index.add("flood", Signature.of(texts["flood"]))
    lines = texts["talks"].split("\n")
    truncated = "\n".join(lines[:5])
    reordered = "\n".join([lines[0], *reversed(lines[1:])]) + "\nFollow us for more news from the port."
    reworded = texts["talks"].replace("said", "stated").replace("announced", "unveiled")
    for copy in (truncated, reordered, reworded):
        hit = index.find(Signature.of(copy))
        assert hit is not None and hit[0] == "talks"
    # the next day's report on the same story shares names and facts, not text
    assert index.find(Signature.of(texts["reopens"])) is None
    assert index.find(Signature.of("Port reopens.")) is None  # too short to judge


def test_containment_catches_a_cut_copy_that_jaccard_misses(texts):
    full = Signature.of(texts["talks"])
    cut = Signature.of("\n".join(texts["talks"].split("\n")[:4]))
    assert cut.jaccard(full) < 0.5 < cut.containment(full)


# -- stories ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def analysed(texts) -> dict[str, dict]:
    import newsbrief

    days = {"talks": "2025-03-16", "reopens": "2025-03-17", "flood": "2025-03-18"}
    return {k: newsbrief.analyze(t, published=days[k]).to_dict() for k, t in texts.items()}


def test_story_index_follows_a_story_and_keeps_another_apart(analysed):
    index = StoryIndex()
    first = index.assign(features(analysed["talks"]))
    flood = index.assign(features(analysed["flood"]))
    follow_up = index.assign(features(analysed["reopens"]))
    assert follow_up == first != flood


def test_story_index_dates_split_the_same_words_months_apart(analysed):
    later = {**features(analysed["reopens"]), "published": "2025-09-17"}
    index = StoryIndex()
    first = index.assign(features(analysed["talks"]))
    assert index.assign(later) != first
    undated = StoryIndex(use_dates=False)
    assert undated.assign(features(analysed["talks"])) == undated.assign(later)


def test_replay_rebuilds_the_same_index(analysed):
    index = StoryIndex()
    stories = {k: index.assign(features(analysed[k])) for k in ("talks", "flood")}
    rebuilt = StoryIndex()
    for k in ("talks", "flood"):
        rebuilt.replay(features(analysed[k]), stories[k])
    probe = features(analysed["reopens"])
    assert index.score(probe)[:2] == rebuilt.score(probe)[:2]


def test_key_points_across_articles_do_not_repeat(analysed):
    a = {**analysed["talks"], "id": 1, "copies": []}
    b = {**analysed["talks"], "id": 2, "copies": []}  # the same points again: none may come twice
    c = {**analysed["reopens"], "id": 3, "copies": []}
    points = story_key_points([a, b, c], limit=10)
    assert len({p["text"] for p in points}) == len(points)
    assert {p["article"] for p in points} == {1, 3}


def test_timeline_merges_an_event_reported_twice(analysed):
    a = {**analysed["talks"], "id": 1, "copies": [{"source": "Wire A"}]}
    b = {**analysed["talks"], "id": 2, "copies": [{"source": "Wire B"}]}
    if not a["events"]:
        pytest.skip("the events layer is empty in this build")
    merged = merged_timeline([a, b])
    assert len(merged) == len(merged_timeline([a]))
    assert all(e["articles"] == [1, 2] and e["sources"] == ["Wire A", "Wire B"] for e in merged)
