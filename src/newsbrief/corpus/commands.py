"""The corpus subcommands: ingest, watch, stories, story, search, export, entities.

``quotes`` and ``timeline`` (cli.py) query the store through ``quotes_from_store`` and
``timeline_from_store`` when no FILE is given.  Every listing takes ``--format json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from ..errors import InputError
from ..events import action_words
from .store import Store, default_path


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help=f"corpus database (default: $NEWSBRIEF_DB or {default_path()})")


def open_store(args: argparse.Namespace) -> Store:
    return Store(getattr(args, "db", None) or None)


def _emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _listing(p: argparse.ArgumentParser, limit: int = 50) -> None:
    add_db_option(p)
    p.add_argument("--limit", type=int, default=limit, metavar="N", help=f"at most N rows (default {limit})")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N rows")
    p.add_argument("--format", choices=["text", "json"], default="text")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="analyse and store articles from folders, files, JSON Lines, feeds, OPML, URLs")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="folder, file (.txt .html .json .jsonl .rss .atom "
                   ".xml .opml) or http(s) URL of a feed, an OPML list or a page")
    add_db_option(p)
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="analysis processes (default: 2 or the number of cores if fewer)")
    p.add_argument("--model", help="spaCy pipeline to use (package name or path)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="json: one summary object at the end")
    p.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                   help="progress bar on standard error (auto: when it is a terminal)")
    p.add_argument("--chunk", type=int, default=64, metavar="N",
                   help="articles analysed between two commits: at most this many are redone after a crash")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("watch", help="poll feeds on an interval (conditional GET: ETag/Last-Modified) and ingest")
    p.add_argument("feeds", nargs="+", metavar="FEED", help="feed URL or file, or an OPML list of feeds")
    add_db_option(p)
    p.add_argument("--interval", type=float, default=900, metavar="SECONDS", help="between polls (default 900)")
    p.add_argument("--iterations", type=int, default=0, metavar="N", help="stop after N polls (default: never)")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="analysis processes (default 1)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="json: one summary line per poll")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("stories", help="list the stories in the corpus")
    _listing(p)
    p.set_defaults(func=cmd_stories)

    p = sub.add_parser("story", help="one story: timeline, key points, quotes, what is new")
    p.add_argument("id", type=int, metavar="ID")
    add_db_option(p)
    p.add_argument("--since", metavar="DATE", help="also show what is new since DATE (YYYY-MM-DD)")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    p.set_defaults(func=cmd_story)

    p = sub.add_parser("search", help="full-text search over the stored articles")
    p.add_argument("query", metavar="QUERY", help='words, "a phrase", OR, NOT, prefix*')
    _listing(p, limit=20)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("export", help="write articles, quotes, events or stories as JSON Lines, CSV or Parquet")
    p.add_argument("table", choices=["articles", "quotes", "events", "stories"])
    p.add_argument("--out", required=True, metavar="FILE", help="output file; its suffix gives the format")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default=None)
    add_db_option(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("entities", help="entities with their mention counts over time")
    p.add_argument("--name", metavar="TEXT", help="only entities whose name contains TEXT")
    p.add_argument("--label", metavar="LABEL", help="only PERSON, ORG, GPE, ...")
    _listing(p, limit=25)
    p.set_defaults(func=cmd_entities)


# -- ingest and watch ---------------------------------------------------------------------------


def _settings(args: argparse.Namespace):
    from ..pipeline import Settings

    return Settings(model=getattr(args, "model", None))


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest
    from .sources import read_sources

    if args.workers is not None and args.workers < 1:
        raise InputError("--workers must be at least 1")
    store = open_store(args)
    items = list(read_sources(args.sources))
    progress = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    try:
        summary = ingest(store, items, _settings(args), args.workers, progress=progress, total=len(items),
                         chunk=args.chunk)
    finally:
        store.close()
    if args.format == "json":
        _emit(summary.to_dict())
    else:
        s = summary
        print(f"{s.new} new, {s.duplicates} duplicates, {s.unchanged} unchanged, {s.failed} failed "
              f"({s.total} read) -> {store.path}")
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    from .ingest import Ingester
    from .sources import is_url, opml_feeds, read_path

    feeds: list[str] = []
    for feed in args.feeds:
        if not is_url(feed) and feed.lower().endswith(".opml"):
            with open(feed, "rb") as fh:
                feeds += opml_feeds(fh.read(), feed)
        else:
            feeds.append(feed)
    store = open_store(args)
    polls = 0
    try:
        with Ingester(store, _settings(args), args.workers) as ingester:
            while True:
                for feed in feeds:
                    if is_url(feed):
                        items, status = poll(store, feed)
                    else:
                        items, status = list(read_path(_path(feed))), 200
                    summary = ingester.run(items)
                    report = {"feed": feed, "status": status, **summary.to_dict()}
                    if args.format == "json":
                        print(json.dumps(report), flush=True)
                    else:
                        print(f"{time.strftime('%H:%M:%S')} {feed}: HTTP {status}; {summary.new} new, "
                              f"{summary.duplicates} duplicates, {summary.unchanged} unchanged, "
                              f"{summary.failed} failed", flush=True)
                polls += 1
                if args.iterations and polls >= args.iterations:
                    return 0
                time.sleep(args.interval)
    finally:
        store.close()


def _path(name: str):
    from pathlib import Path

    return Path(name)


def poll(store: Store, url: str) -> tuple[list, int]:
    """One conditional GET of a feed; unchanged (304) gives no items."""
    import feedparser

    from .sources import USER_AGENT, Item, feed_items

    state = store.feed_state(url)
    parsed = feedparser.parse(url, etag=state.get("etag"), modified=state.get("modified"), agent=USER_AGENT)
    status = int(parsed.get("status", 0) or 0)
    if status == 304:
        store.save_feed_state(url, state.get("etag"), state.get("modified"), status)
        return [], status
    if not parsed.entries and parsed.get("bozo"):
        return [Item(url, None, InputError(f"{url}: cannot read the feed ({parsed.get('bozo_exception')})"))], status
    store.save_feed_state(url, parsed.get("etag"), parsed.get("modified"), status)
    return list(feed_items(parsed, url)), status


# -- views ---------------------------------------------------------------------------------------


def cmd_stories(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = store.stories(limit=args.limit, offset=args.offset)
    if args.format == "json":
        _emit(rows)
        return 0
    for r in rows:
        dates = " … ".join(dict.fromkeys(d for d in (r["first_published"], r["last_published"]) if d))
        print(f"{r['id']:>5}  {r['articles']:>3} articles, {r['sources']:>3} sources  {dates:<23}  {r['title'] or ''}")
    return 0


def cmd_story(args: argparse.Namespace) -> int:
    from ..errors import NewsbriefError

    since = _date(args.since, "--since")
    with open_store(args) as store:
        view = store.story(args.id, since=since)
    if view is None:
        raise NewsbriefError(f"no story {args.id} in the corpus")
    if args.format == "json":
        _emit(view)
        return 0
    sys.stdout.write(render_story(view, markdown=args.format == "markdown"))
    return 0


def render_story(view: dict[str, Any], markdown: bool = False) -> str:
    h = (lambda t: f"## {t}") if markdown else (lambda t: t.upper())
    lines = [("# " if markdown else "") + (view["title"] or f"Story {view['id']}")]
    span = " … ".join(dict.fromkeys(d for d in (view["first_published"], view["last_published"]) if d))
    count = f"{len(view['articles'])} articles from {len(view['sources'])} sources"
    lines.append(count + (f", {span}" if span else ""))
    lines += ["", h("Key points")] + [f"- {kp['text']} [article {kp['article']}]" for kp in view["key_points"]]
    if view["timeline"]:
        lines += ["", h("Timeline")]
        for e in view["timeline"]:
            who = e["actor"] or "?"
            what = e["text"] or e["action"] or e["category"]
            lines.append(f"- {e['date'] or '????-??-??'}  {who}: {what} (articles {', '.join(map(str, e['articles']))};"
                         f" {len(e['sources'])} sources)")
    if view["quotes"]:
        lines += ["", h("Quotes")]
        for q in view["quotes"][:30]:
            speaker = (q.get("speaker") or {}).get("name") or "unattributed"
            lines.append(f"- {speaker}: “{q['content']['text']}” [article {q['article']}]")
    lines += ["", h("Articles")]
    for a in view["articles"]:
        meta = ", ".join(x for x in (a["source"], a["published"], a["url"]) if x)
        lines.append(f"- [{a['id']}] {a['title'] or '(untitled)'}" + (f" — {meta}" if meta else ""))
    new = view.get("what_is_new")
    if new:
        lines += ["", h(f"What is new since {new['since']}")]
        lines += [f"- {kp['text']} [article {kp['article']}]" for kp in new["key_points"]]
        lines += [f"- {e['date']}  {e['actor'] or '?'}: {e['text'] or e['action']}" for e in new["timeline"]]
        if not new["articles"]:
            lines.append("- nothing")
    return "\n".join(lines) + "\n"


def cmd_search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        hits = store.search(args.query, limit=args.limit, offset=args.offset)
    if args.format == "json":
        _emit(hits)
        return 0
    for h in hits:
        meta = ", ".join(x for x in (h["source"], h["published"]) if x)
        print(f"[{h['id']}] {h['title'] or '(untitled)'}" + (f" — {meta}" if meta else ""))
        print(f"    {' '.join(h['snippet'].split())}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    with open_store(args) as store:
        n = export(store, args.table, args.out, args.format)
    print(f"{n} {args.table} -> {args.out}", file=sys.stderr)
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = store.entities(name=args.name, label=args.label, limit=args.limit, offset=args.offset)
    if args.format == "json":
        _emit(rows)
        return 0
    for r in rows:
        days = ", ".join(f"{d['day'] or 'undated'}: {d['mentions']}" for d in r["by_day"][-7:])
        print(f"{r['name']} ({r['label']}) {r['mentions']} mentions in {r['articles']} articles  [{days}]")
    return 0


# -- quotes and timeline over the store (called from cli.py) ----------------------------------------


def _date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    from ..ingest import parse_published

    return parse_published(value, name).isoformat()


def quotes_from_store(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = store.quotes(speaker=getattr(args, "speaker", None), since=_date(getattr(args, "since", None),
                                                                                 "--since"))
    if args.format == "json":
        _emit(rows)
        return 0
    for q in rows:
        who = q["speaker"] or "unattributed"
        role = f" ({q['role']})" if q.get("role") else ""
        meta = ", ".join(x for x in (q["source"], q["published"]) if x)
        print(f"- {who}{role}: “{q['content']}” [article {q['article_id']}{'; ' + meta if meta else ''}]")
    return 0


def timeline_from_store(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = store.events(actor=getattr(args, "actor", None), country=getattr(args, "country", None),
                            category=getattr(args, "category", None),
                            since=_date(getattr(args, "since", None), "--since"),
                            until=_date(getattr(args, "until", None), "--until"))
    if args.format == "json":
        _emit(rows)
        return 0
    for e in rows:
        actor = e["actor"] or "?"
        if e["actor_country"]:
            actor += f" [{e['actor_country']}]"
        target = f" → {e['target']}" if e["target"] else ""
        when = e["date"] or e["published"] or "????-??-??"
        print(f"{when}  {actor}: {action_words(e['negated'], e['action'])} ({e['category']}){target}  "
              f"[article {e['article_id']}]")
    return 0
