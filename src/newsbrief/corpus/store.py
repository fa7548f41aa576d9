"""The corpus database: articles with all their layers, their copies, stories, and queries over them.

SQLite (one file, no server) with FTS5 for full-text search.  The schema is versioned through
``PRAGMA user_version`` and upgraded by ``MIGRATIONS`` in order, so a database made by an older
release opens in a newer one.  Every query method returns plain JSON-ready dicts and lists; the
HTTP server and the CLI share them:

    >>> store = Store("corpus.sqlite3")
    >>> store.articles(limit=20, offset=0)       # newest first, summaries
    >>> store.article(3)                          # one article: every layer, its copies, its story
    >>> store.stories(); store.story(7, since="2025-04-25")
    >>> store.search("ceasefire talks")           # FTS5, bm25-ranked, with a snippet
    >>> store.quotes(speaker="Dar")
    >>> store.events(actor="PAK", category="consult", since="2025-04-20", until="2025-04-30")
    >>> store.entities(name="Wang")               # mention counts per day
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..document import Article
from ..errors import StoreError

APP_NAME = "newsbrief"

# Each migration takes the database from version i to i+1; never edit a released one, add a new one.
MIGRATIONS: list[str] = [
    # 1: articles, their copies (duplicates folded into them), layers as rows, stories, FTS5
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        external_id TEXT,
        url TEXT,
        title TEXT,
        source TEXT,
        published TEXT,
        ingested_at TEXT NOT NULL,
        text TEXT NOT NULL,
        layers TEXT NOT NULL,
        story_id INTEGER REFERENCES stories(id),
        minhash BLOB,
        features TEXT
    );
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE copies (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        url TEXT,
        source TEXT,
        title TEXT,
        published TEXT,
        seen_at TEXT NOT NULL,
        similarity REAL NOT NULL DEFAULT 1.0
    );
    CREATE UNIQUE INDEX copies_identity ON copies(content_hash, IFNULL(url, ''));
    CREATE INDEX copies_url ON copies(url);
    CREATE INDEX copies_article ON copies(article_id);
    CREATE TABLE quotes (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        speaker TEXT,
        speaker_entity TEXT,
        role TEXT,
        affiliation TEXT,
        cue TEXT,
        content TEXT NOT NULL,
        kind TEXT,
        start INTEGER,
        "end" INTEGER,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE events (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        actor TEXT,
        actor_country TEXT,
        actor_sector TEXT,
        action TEXT,
        lemma TEXT,
        category TEXT,
        target TEXT,
        target_country TEXT,
        target_sector TEXT,
        date TEXT,
        date_basis TEXT,
        location TEXT,
        negated INTEGER NOT NULL DEFAULT 0,
        start INTEGER,
        "end" INTEGER,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX events_date ON events(date);
    CREATE TABLE entities (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        label TEXT,
        country TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='porter unicode61'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, IFNULL(new.title, ''), new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, IFNULL(old.title, ''), old.text);
    END;
    """,
    # 2: feeds polled by `newsbrief watch` (conditional GET state), event lookups by actor
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        modified TEXT,
        last_polled TEXT,
        last_status INTEGER
    );
    CREATE INDEX events_actor_country ON events(actor_country);
    CREATE INDEX events_category ON events(category);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def default_path() -> Path:
    """``$NEWSBRIEF_DB`` when set, else ``corpus.sqlite3`` in the user's data directory (platformdirs)."""
    import os

    import platformdirs

    if os.environ.get("NEWSBRIEF_DB"):
        return Path(os.environ["NEWSBRIEF_DB"])
    return Path(platformdirs.user_data_dir(APP_NAME)) / "corpus.sqlite3"


def content_hash(text: str) -> str:
    """The identity of a text: whitespace differences do not make a new article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class Store:
    """One corpus database.  Safe to share between threads (one connection behind a lock)."""

    def __init__(self, path: str | Path | None = None, *, migrate: bool = True) -> None:
        self.path = Path(path) if path is not None else default_path()
        if str(self.path) != ":memory:":
            if self.path.is_dir():
                raise StoreError(f"{self.path}: is a folder, not a database file")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self.db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            if migrate:
                self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the corpus database ({exc})") from None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self, target: int = SCHEMA_VERSION) -> int:
        """Apply the migrations this database has not seen; returns the new version."""
        with self._lock:
            version = self.version
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: made by a newer newsbrief (schema {version}, this one knows {SCHEMA_VERSION})"
                )
            for number in range(version, target):
                try:
                    self.db.executescript("BEGIN;" + MIGRATIONS[number] + f"; PRAGMA user_version = {number + 1};"
                                          "COMMIT;")
                except sqlite3.DatabaseError as exc:
                    self.db.rollback()
                    raise StoreError(f"{self.path}: migration to schema {number + 1} failed ({exc})") from None
            return self.version

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def _query(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self.db.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"corpus query failed: {exc}") from None

    # -- writing (used by ingest) ----------------------------------------------------------

    def find_copy(self, digest: str, url: str | None, db: sqlite3.Connection | None = None) -> tuple[int, bool] | None:
        """``(article_id, exact)`` when this text or this URL is already stored.

        ``exact`` is False when only the URL is known (the page changed since).  Inside
        ``transaction()``, pass its ``db`` to see what the transaction has written.
        """
        def query(sql: str, params: tuple) -> list:
            return db.execute(sql, params).fetchall() if db is not None else self._query(sql, params)

        row = query("SELECT article_id FROM copies WHERE content_hash = ? LIMIT 1", (digest,))
        if row:
            return int(row[0][0]), True
        if url:
            row = query("SELECT article_id FROM copies WHERE url = ? LIMIT 1", (url,))
            if row:
                return int(row[0][0]), False
        return None

    def add_article(
        self,
        db: sqlite3.Connection,
        article: Article,
        digest: str,
        *,
        minhash: bytes | None = None,
        features: dict[str, Any] | None = None,
        story_id: int | None = None,
        data: dict[str, Any] | None = None,
    ) -> int:
        """Insert an analysed article, its layers as rows, and its first copy (inside ``transaction()``).

        ``data`` is ``article.to_dict()`` when the caller has it already (ingest gets it from a worker).
        """
        data = {k: v for k, v in (data or article.to_dict()).items() if k != "id"}
        stamp = now()
        cur = db.execute(
            "INSERT INTO articles (content_hash, external_id, url, title, source, published, ingested_at, text,"
            " layers, story_id, minhash, features) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (digest, article.id, article.url, article.title, article.source,
             article.published.isoformat() if article.published else None, stamp, article.text,
             json.dumps(data, ensure_ascii=False), story_id, minhash,
             json.dumps(features) if features is not None else None),
        )
        aid = int(cur.lastrowid)
        db.execute(
            "INSERT INTO copies (article_id, content_hash, url, source, title, published, seen_at)"
            " VALUES (?,?,?,?,?,?,?)",
            (aid, digest, article.url, article.source, article.title,
             article.published.isoformat() if article.published else None, stamp),
        )
        self._insert_layers(db, aid, data)
        return aid

    def add_copy(self, db: sqlite3.Connection, article_id: int, article: Article, digest: str,
                 similarity: float) -> bool:
        """Record another source of a stored article; False when this exact copy was already there."""
        cur = db.execute(
            "INSERT OR IGNORE INTO copies (article_id, content_hash, url, source, title, published, seen_at,"
            " similarity) VALUES (?,?,?,?,?,?,?,?)",
            (article_id, digest, article.url, article.source, article.title,
             article.published.isoformat() if article.published else None, now(), similarity),
        )
        return cur.rowcount > 0

    def delete_article(self, db: sqlite3.Connection, article_id: int) -> None:
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def set_story(self, db: sqlite3.Connection, article_id: int, story_id: int) -> None:
        db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
        db.execute("UPDATE stories SET updated_at = ? WHERE id = ?", (now(), story_id))

    def new_story(self, db: sqlite3.Connection, title: str | None) -> int:
        stamp = now()
        cur = db.execute("INSERT INTO stories (title, created_at, updated_at) VALUES (?,?,?)", (title, stamp, stamp))
        return int(cur.lastrowid)

    def set_story_title(self, db: sqlite3.Connection, story_id: int, title: str | None) -> None:
        db.execute("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))

    @staticmethod
    def _insert_layers(db: sqlite3.Connection, aid: int, data: dict[str, Any]) -> None:
        for i, q in enumerate(data.get("quotes", [])):
            sp = q.get("speaker") or {}
            cue = q.get("cue") or {}
            content = q.get("content") or {}
            db.execute(
                "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (aid, i, sp.get("name"), sp.get("entity"), sp.get("role"), sp.get("affiliation"), cue.get("text"),
                 content.get("text", ""), q.get("kind"), content.get("start"), content.get("end")),
            )
        for i, e in enumerate(data.get("events", [])):
            actor = e.get("actor") or {}
            target = e.get("target") or {}
            action = e.get("action") or {}
            db.execute(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (aid, i, actor.get("name"), actor.get("country"), actor.get("sector"), action.get("text"),
                 action.get("lemma"), action.get("category"), target.get("name"), target.get("country"),
                 target.get("sector"), e.get("date"), e.get("date_basis"), e.get("location"),
                 int(bool(e.get("negated"))), e.get("start"), e.get("end")),
            )
        for ent in data.get("entities", []):
            db.execute(
                "INSERT OR IGNORE INTO entities VALUES (?,?,?,?,?,?)",
                (aid, ent["id"], ent["name"], ent.get("label"), ent.get("country"), len(ent.get("mentions", []))),
            )

    # feeds (watch)

    def feed_state(self, url: str) -> dict[str, Any]:
        rows = self._query("SELECT * FROM feeds WHERE url = ?", (url,))
        return dict(rows[0]) if rows else {"url": url, "etag": None, "modified": None}

    def save_feed_state(self, url: str, etag: str | None, modified: str | None, status: int | None) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO feeds (url, etag, modified, last_polled, last_status) VALUES (?,?,?,?,?)"
                " ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, modified = excluded.modified,"
                " last_polled = excluded.last_polled, last_status = excluded.last_status",
                (url, etag, modified, now(), status),
            )

    # -- reading (CLI and HTTP API) ----------------------------------------------------------

    def count(self) -> dict[str, int]:
        """How many articles, copies, stories, quotes and events are stored."""
        out = {}
        for table in ("articles", "copies", "stories", "quotes", "events"):
            out[table] = int(self._query(f"SELECT COUNT(*) FROM {table}")[0][0])
        return out

    def articles(self, limit: int = 50, offset: int = 0, *, story: int | None = None,
                 since: str | None = None) -> list[dict[str, Any]]:
        """Article summaries, newest publication first (then newest ingested)."""
        where, params = [], []
        if story is not None:
            where.append("a.story_id = ?")
            params.append(story)
        if since:
            where.append("(a.published >= ? OR (a.published IS NULL AND a.ingested_at >= ?))")
            params += [since, since]
        sql = (
            "SELECT a.id, a.title, a.url, a.source, a.published, a.ingested_at, a.story_id, a.external_id,"
            " (SELECT COUNT(*) FROM copies c WHERE c.article_id = a.id) AS copies,"
            " (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,"
            " (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events"
            " FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY IFNULL(a.published, '') DESC, a.id DESC LIMIT ? OFFSET ?"
        )
        return [dict(r) for r in self._query(sql, [*params, _limit(limit), max(0, int(offset))])]

    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article as ``Article.to_dict()`` plus ``id``, ``story_id``, ``ingested_at`` and ``copies``."""
        rows = self._query("SELECT id, layers, story_id, ingested_at, external_id FROM articles WHERE id = ?",
                           (int(article_id),))
        if not rows:
            return None
        row = rows[0]
        out = {"id": row["id"], "external_id": row["external_id"], "story_id": row["story_id"],
               "ingested_at": row["ingested_at"], **json.loads(row["layers"])}
        out["copies"] = [
            dict(r) for r in self._query(
                "SELECT url, source, title, published, seen_at, similarity FROM copies WHERE article_id = ?"
                " ORDER BY id", (row["id"],))
        ]
        return out

    def load_article(self, article_id: int) -> Article | None:
        """The stored article as an ``Article`` with its layers."""
        data = self.article(article_id)
        return Article.from_dict(data) if data else None

    def stories(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Story summaries, most recently updated first."""
        sql = (
            "SELECT s.id, s.title, s.created_at, s.updated_at, COUNT(a.id) AS articles,"
            " MIN(a.published) AS first_published, MAX(a.published) AS last_published,"
            " (SELECT COUNT(*) FROM copies c JOIN articles b ON b.id = c.article_id WHERE b.story_id = s.id)"
            " AS sources"
            " FROM stories s JOIN articles a ON a.story_id = s.id GROUP BY s.id"
            " ORDER BY s.updated_at DESC, s.id DESC LIMIT ? OFFSET ?"
        )
        return [dict(r) for r in self._query(sql, (_limit(limit), max(0, int(offset))))]

    def story(self, story_id: int, since: str | None = None) -> dict[str, Any] | None:
        """A story: its articles, merged timeline, key points, quotes and, with ``since``, what is new."""
        from .stories import story_view

        rows = self._query("SELECT * FROM stories WHERE id = ?", (int(story_id),))
        if not rows:
            return None
        ids = [int(r[0]) for r in self._query(
            "SELECT id FROM articles WHERE story_id = ? ORDER BY IFNULL(published, ''), id", (int(story_id),))]
        members = [self.article(i) for i in ids]
        return story_view(dict(rows[0]), [m for m in members if m is not None], since=since)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search (FTS5, porter stemming), best bm25 first, each hit with a snippet.

        The query may use FTS5 syntax ("exact phrase", OR, NOT, prefix*); text that is not valid
        FTS5 syntax is searched as plain words.
        """
        query = (query or "").strip()
        if not query:
            return []
        sql = (
            "SELECT a.id, a.title, a.url, a.source, a.published, a.story_id,"
            " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet, bm25(articles_fts) AS score"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?"
        )
        params = (_limit(limit), max(0, int(offset)))
        with self._lock:
            try:
                rows = self.db.execute(sql, (query, *params)).fetchall()
            except sqlite3.OperationalError:
                words = re.findall(r"\w+", query)
                if not words:
                    return []
                rows = self.db.execute(sql, (" ".join(f'"{w}"' for w in words), *params)).fetchall()
        return [{**dict(r), "score": round(-float(r["score"]), 4)} for r in rows]

    def quotes(self, speaker: str | None = None, *, article: int | None = None, story: int | None = None,
               since: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes, with their article; ``speaker`` matches the speaker's name or entity (case-insensitive)."""
        where, params = [], []
        if speaker:
            where.append("(q.speaker LIKE ? OR q.speaker_entity LIKE ?)")
            params += [f"%{speaker}%", f"%{speaker}%"]
        if article is not None:
            where.append("q.article_id = ?")
            params.append(article)
        if story is not None:
            where.append("a.story_id = ?")
            params.append(story)
        if since:
            where.append("a.published >= ?")
            params.append(since)
        sql = (
            "SELECT q.article_id, q.idx, q.speaker, q.role, q.affiliation, q.cue, q.content, q.kind, q.start,"
            " q.\"end\", a.title AS article_title, a.source, a.url, a.published, a.story_id"
            " FROM quotes q JOIN articles a ON a.id = q.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY IFNULL(a.published, '') DESC, q.article_id DESC, q.idx LIMIT ? OFFSET ?"
        )
        return [dict(r) for r in self._query(sql, [*params, _limit(limit), max(0, int(offset))])]

    def events(self, actor: str | None = None, country: str | None = None, category: str | None = None,
               since: str | None = None, until: str | None = None, *, story: int | None = None,
               limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
        """Events in date order.

        ``actor`` matches the actor's ISO3 country code exactly (``PAK``) or its name in part;
        ``country`` matches the actor's or the target's country; ``since``/``until`` bound the
        event's date (inclusive; ISO dates, a month ``2025-04`` works as a prefix).
        """
        where, params = [], []
        if actor:
            where.append("(e.actor_country = ? OR e.actor LIKE ?)")
            params += [actor.upper(), f"%{actor}%"]
        if country:
            where.append("(e.actor_country = ? OR e.target_country = ?)")
            params += [country.upper(), country.upper()]
        if category:
            where.append("LOWER(e.category) = ?")
            params.append(category.lower())
        if since:
            where.append("e.date >= ? AND e.date GLOB '[0-9]*'")  # not 'XXXX-02-07': its year is unknown
            params.append(since)
        if until:
            where.append("SUBSTR(e.date, 1, ?) <= ?")
            params += [len(until), until]
        if story is not None:
            where.append("a.story_id = ?")
            params.append(story)
        sql = (
            "SELECT e.article_id, e.idx, e.actor, e.actor_country, e.actor_sector, e.action, e.lemma, e.category,"
            " e.target, e.target_country, e.target_sector, e.date, e.date_basis, e.location, e.negated, e.start,"
            " e.\"end\", a.title AS article_title, a.source, a.url, a.published, a.story_id"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY IFNULL(e.date, a.published), e.article_id, e.idx LIMIT ? OFFSET ?"
        )
        out = [dict(r) for r in self._query(sql, [*params, _limit(limit), max(0, int(offset))])]
        for row in out:
            row["negated"] = bool(row["negated"])
        return out

    def entities(self, name: str | None = None, label: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]:
        """Entities by total mentions, each with its mention counts per publication day."""
        where, params = [], []
        if name:
            where.append("e.name LIKE ?")
            params.append(f"%{name}%")
        if label:
            where.append("e.label = ?")
            params.append(label.upper())
        clause = " WHERE " + " AND ".join(where) if where else ""
        top = self._query(
            "SELECT e.name, e.label, MAX(e.country) AS country, SUM(e.mentions) AS mentions,"
            " COUNT(DISTINCT e.article_id) AS articles FROM entities e" + clause
            + " GROUP BY e.name, e.label ORDER BY mentions DESC, e.name LIMIT ? OFFSET ?",
            [*params, _limit(limit), max(0, int(offset))],
        )
        out = []
        for row in top:
            days = self._query(
                "SELECT a.published AS day, SUM(e.mentions) AS mentions FROM entities e"
                " JOIN articles a ON a.id = e.article_id WHERE e.name = ? AND e.label IS ?"
                " GROUP BY a.published ORDER BY a.published",
                (row["name"], row["label"]),
            )
            out.append({**dict(row), "by_day": [{"day": d["day"], "mentions": d["mentions"]} for d in days]})
        return out

    def article_ids(self) -> list[int]:
        return [int(r[0]) for r in self._query("SELECT id FROM articles ORDER BY id")]


def _limit(limit: int) -> int:
    return max(1, min(int(limit), 10_000))
