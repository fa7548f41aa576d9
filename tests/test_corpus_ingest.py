"""The corpus end to end on our own articles: ingest, fold duplicates, stories, search, views, export."""

from __future__ import annotations

import csv
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsbrief.corpus.ingest import ingest
from newsbrief.corpus.sources import Item, read_sources
from newsbrief.corpus.store import Store
from newsbrief.document import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "corpus_data"
EXAMPLE = ROOT / "examples" / "harbour-talks-2025-03-16.txt"
BOILERPLATE = "Sign up for the Lowlands Wire morning newsletter. All rights reserved."


def wire_copy(text: str) -> str:
    """How an aggregator republishes a story: cut after a few paragraphs, its own boilerplate around it."""
    paragraphs = text.strip().split("\n")
    return "From our partners\n" + "\n".join(paragraphs[:8]) + "\n" + BOILERPLATE


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("in")
    (root / "harbour-talks.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("harbour-reopens-2025-03-17.txt", "river-flood-2025-03-18.txt"):
        (root / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    rows = [
        {"id": "wire-1", "title": "Rotterdam strike ends with port deal", "published": "2025-03-16",
         "url": "https://aggregator.example/rotterdam-deal", "source": "Aggregator",
         "text": wire_copy(EXAMPLE.read_text(encoding="utf-8"))},
        {"id": "bad-row", "title": "no text here"},
    ]
    (root / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    (root / "empty.txt").write_text("   \n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def store(tmp_path_factory, folder) -> Store:
    db = Store(tmp_path_factory.mktemp("db") / "corpus.sqlite3")
    errors: list[tuple[str, str]] = []
    summary = ingest(db, list(read_sources([str(folder)])), workers=1, on_error=lambda o, m: errors.append((o, m)))
    db.summary = summary  # type: ignore[attr-defined]
    db.errors = errors  # type: ignore[attr-defined]
    return db


def test_ingest_counts_new_duplicates_and_failures(store):
    s = store.summary
    # 3 articles; the wire copy folded; the bad JSON row, the row without text and the empty file reported
    assert (s.new, s.duplicates, s.unchanged, s.failed, s.total) == (3, 1, 0, 3, 7)
    origins = " ".join(o for o, _ in store.errors)
    assert "bad-row" in origins and "empty.txt" in origins
    assert any("not valid JSON" in m for _, m in store.errors)


def test_duplicate_is_one_article_with_two_sources(store):
    harbour = next(a for a in store.articles() if a["copies"] == 2)
    full = store.article(harbour["id"])
    # the first copy read is kept (batch.jsonl sorts before harbour-talks.txt): here the wire copy
    assert full["article"]["text"].startswith("From our partners\nROTTERDAM: Dutch Infrastructure Minister")
    urls = [c["url"] for c in full["copies"]]
    assert urls == ["https://aggregator.example/rotterdam-deal", None]
    assert full["copies"][0]["similarity"] == 1.0 and 0.5 < full["copies"][1]["similarity"] < 1.0
    # the copy's quotes were not stored a second time
    stored = store.quotes(article=harbour["id"])
    assert len(stored) == len(full["quotes"])
    assert len(store.quotes(speaker="Olsen", article=harbour["id"])) == sum(1 for q in full["quotes"]
                                                     if "Olsen" in ((q["speaker"] or {}).get("name") or ""))


def test_rerun_is_idempotent(store, folder):
    again = ingest(store, list(read_sources([str(folder)])), workers=1, on_error=lambda o, m: None)
    assert (again.new, again.duplicates, again.unchanged, again.failed) == (0, 0, 4, 3)
    assert store.count()["articles"] == 3 and store.count()["copies"] == 4


def test_stories_group_the_port_strike_apart_from_the_flood(store):
    stories = store.stories()
    by_size = sorted(stories, key=lambda s: -s["articles"])
    assert [s["articles"] for s in by_size] == [2, 1]
    port = store.story(by_size[0]["id"])
    titles = " ".join(a["title"] or "" for a in port["articles"]) + port["title"]
    assert "Rotterdam" in titles or "Olsen" in titles
    flood = store.story(by_size[1]["id"])
    assert "Valkenburg" in store.article(flood["articles"][0]["id"])["article"]["text"]
    # key points across both articles, none repeated
    texts = [kp["text"] for kp in port["key_points"]]
    assert len(texts) == len(set(texts)) >= 2
    assert {kp["article"] for kp in port["key_points"]} == {a["id"] for a in port["articles"]}


def test_story_what_is_new_since_a_day(store):
    port = max(store.stories(), key=lambda s: s["articles"])
    view = store.story(port["id"], since="2025-03-17")
    new = view["what_is_new"]
    assert [a["published"] for a in new["articles"]] == ["2025-03-17"]
    assert all(kp["article"] == new["articles"][0]["id"] for kp in new["key_points"])
    assert all(e["articles"] == [new["articles"][0]["id"]] for e in new["timeline"])


def test_story_timeline_merges_the_same_event_from_two_articles(store):
    port = max(store.stories(), key=lambda s: s["articles"])
    view = store.story(port["id"])
    keys = [(e["date"], e["actor_country"] or e["actor"], e["category"], e["target"], e["negated"])
            for e in view["timeline"]]
    assert len(keys) == len(set(keys))
    assert view["timeline"] == sorted(view["timeline"], key=lambda e: (e["date"] or "", e["articles"][0]))


def test_search_finds_words_and_phrases_and_survives_bad_syntax(store):
    hits = store.search("sandbags")
    assert len(hits) == 1 and "[sandbags]" in hits[0]["snippet"]
    assert len(store.search('"crane operators"')) == 2
    assert store.search("strikes") and store.search("strike")  # porter stemming
    assert store.search('"unbalanced AND (') == [] or isinstance(store.search('"unbalanced AND ('), list)
    assert store.search("zeppelin") == []


def test_events_filters(store):
    every = store.events()
    assert every, "the events layer is stored"
    dated = [e for e in every if e["date"]]
    if dated:
        day = dated[0]["date"][:10]
        assert all(e["date"] >= day for e in store.events(since=day))
        until = [e["date"] for e in store.events(until=day)]
        assert all(d[:len(day)] <= day for d in until), (day, until)
    countries = {e["actor_country"] for e in every if e["actor_country"]}
    for code in countries:
        assert all(e["actor_country"] == code or code.lower() in (e["actor"] or "").lower()
                   for e in store.events(actor=code))


def test_entities_with_mentions_per_day(store):
    rows = store.entities(name="Olsen")
    assert rows and rows[0]["name"] == "Marieke Olsen"
    days = {d["day"] for d in rows[0]["by_day"]}
    assert days == {"2025-03-16", "2025-03-17"}
    assert rows[0]["mentions"] == sum(d["mentions"] for d in rows[0]["by_day"])


def test_export_jsonl_csv_parquet(store, tmp_path):
    import pyarrow.parquet as pq

    from newsbrief.corpus.export import export

    assert export(store, "articles", tmp_path / "a.jsonl") == 3
    first = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert Article.from_dict(first).text == first["article"]["text"] and "entities" in first
    n_quotes = store.count()["quotes"]
    assert export(store, "quotes", tmp_path / "q.csv") == n_quotes
    with open(tmp_path / "q.csv", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == n_quotes
    assert export(store, "stories", tmp_path / "s.parquet") == 2
    table = pq.read_table(tmp_path / "s.parquet")
    assert table.num_rows == 2 and "title" in table.column_names


def test_feed_and_opml_files(tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text((DATA / "feeds.opml").read_text().replace("FEED_URL", str(DATA / "feed.rss")))
    items = list(read_sources([str(opml)]))
    assert [i.article.title for i in items] == ["Orchard growers count frost losses",
                                               "Tram drivers in Utrecht vote to accept pay offer"]
    first = items[0].article
    assert first.source == "Lowlands Wire" and str(first.published) == "2025-03-19"
    assert first.url == "http://127.0.0.1/news/frost-losses"
    assert "\n\n" in first.text and "<p>" not in first.text
    assert first.text.startswith("Fruit growers in the Betuwe region")


def test_missing_source_is_one_error_item(tmp_path):
    items = list(read_sources([str(tmp_path / "nope"), str(DATA / "feed.rss")]))
    assert isinstance(items[0], Item) and items[0].article is None and "no such file" in str(items[0].error)
    assert len(items) == 3


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture
def feed_server():
    handler = functools.partial(_QuietHandler, directory=str(DATA))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "newsbrief", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_cli_ingest_url_feed_with_two_workers_then_views(feed_server, tmp_path):
    db = str(tmp_path / "c.sqlite3")
    done = run_cli("ingest", f"{feed_server}/feed.rss", "--db", db, "--format", "json", "--workers", "2")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"new": 2, "duplicates": 0, "unchanged": 0, "failed": 0, "total": 2}
    again = run_cli("ingest", f"{feed_server}/feed.rss", "--db", db, "--format", "json", "--workers", "1")
    assert json.loads(again.stdout)["unchanged"] == 2
    found = run_cli("search", "blossom", "--db", db, "--format", "json")
    assert [h["title"] for h in json.loads(found.stdout)] == ["Orchard growers count frost losses"]
    stories = json.loads(run_cli("stories", "--db", db, "--format", "json").stdout)
    assert len(stories) == 2
    view = run_cli("story", str(stories[0]["id"]), "--db", db)
    assert view.returncode == 0 and "KEY POINTS" in view.stdout
    quotes = json.loads(run_cli("quotes", "--db", db, "--speaker", "Kuipers", "--format", "json").stdout)
    assert all("Kuipers" in (q["speaker"] or "") for q in quotes)
    timeline = run_cli("timeline", "--db", db, "--since", "2025-03-01", "--format", "json")
    assert timeline.returncode == 0 and isinstance(json.loads(timeline.stdout), list)
    missing = run_cli("story", "9999", "--db", db)
    assert missing.returncode == 1 and missing.stderr.startswith("newsbrief: error: no story 9999")


def test_watch_uses_last_modified(feed_server, tmp_path):
    db = str(tmp_path / "w.sqlite3")
    done = run_cli("watch", f"{feed_server}/feed.rss", "--db", db, "--iterations", "2", "--interval", "0",
                   "--format", "json")
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["status"] == 200 and first["new"] == 2
    assert second["status"] == 304 and second["total"] == 0
    state = Store(db).feed_state(f"{feed_server}/feed.rss")
    assert state["modified"] and state["last_status"] == 304


def test_bad_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    done = run_cli("stories", "--db", str(bad))
    assert done.returncode == 6
    assert done.stderr.startswith("newsbrief: error:") and "Traceback" not in done.stderr


def test_a_changed_page_replaces_its_old_version(tmp_path):
    flood = (DATA / "river-flood-2025-03-18.txt").read_text(encoding="utf-8")
    updated = flood + "\nBy Wednesday evening the river had fallen back below its banks and residents began to return."
    url = "https://regional.example/valkenburg-flood"
    store = Store(tmp_path / "c.sqlite3")
    first = ingest(store, [Item(url, Article(text=flood, url=url))], workers=1)
    second = ingest(store, [Item(url, Article(text=updated, url=url))], workers=1)
    third = ingest(store, [Item(url, Article(text=updated, url=url))], workers=1)
    assert (first.new, second.new, third.unchanged) == (1, 1, 1)
    rows = store.articles()
    assert len(rows) == 1 and rows[0]["copies"] == 1
    assert store.article(rows[0]["id"])["article"]["text"].endswith("residents began to return.")
    assert len(store.search("residents")) == 1 and store.search("Wednesday evening")


def test_chunks_in_flight_fold_copies_and_page_updates_across_each_other(tmp_path):
    """Chunk k+1 is folded while chunk k is still being analysed: copies of chunk k's articles and a
    new version of one of its pages must still end up as one article each."""
    flood = (DATA / "river-flood-2025-03-18.txt").read_text(encoding="utf-8")
    harbour = (DATA / "harbour-reopens-2025-03-17.txt").read_text(encoding="utf-8")
    talks = EXAMPLE.read_text(encoding="utf-8")
    updated = flood + "\nBy Wednesday evening the river had fallen back below its banks and residents began to return."
    url = "https://regional.example/valkenburg-flood"
    items = [
        Item("flood", Article(text=flood, url=url)),
        Item("harbour", Article(text=harbour)),
        Item("flood-again", Article(text=flood, url="https://mirror.example/flood")),  # exact copy, next chunk
        Item("harbour-wire", Article(text=wire_copy(harbour))),  # near copy, next chunk
        Item("flood-update", Article(text=updated, url=url)),  # the page changed, a later chunk
        Item("talks", Article(text=talks)),
    ]
    store = Store(tmp_path / "c.sqlite3")
    summary = ingest(store, items, workers=2, chunk=2)
    assert (summary.new, summary.duplicates, summary.failed, summary.total) == (4, 2, 0, 6)
    rows = store.articles()
    assert len(rows) == 3, [r["title"] for r in rows]
    texts = [store.article(r["id"])["article"]["text"] for r in rows]
    assert sum(t.endswith("residents began to return.") for t in texts) == 1
    assert not any(t == flood for t in texts)
    # a rerun replays the page's two versions in order: the same three articles, the newer version kept
    ingest(store, items, workers=2, chunk=2)
    texts = [store.article(r["id"])["article"]["text"] for r in store.articles()]
    assert len(texts) == 3 and sum(t.endswith("residents began to return.") for t in texts) == 1
