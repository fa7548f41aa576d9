"""The command line: ``newsbrief analyze FILE`` and friends.

Exit codes (also in the README): 0 success; 1 unexpected internal error; 2 usage error;
3 bad input (empty, binary, undecodable, oversized, HTML without an article, bad JSON);
4 not English; 5 language model missing; 6 corpus database error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .document import Article
from .errors import InputError, NewsbriefError
from .pipeline import Settings

# Feature packages that add their own subcommands through ``register(subparsers)``.
COMMAND_MODULES = (
    "newsbrief.corpus.commands",
    "newsbrief.server.commands",
    "newsbrief.batch",
)


def add_analysis_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (overrides the input's)")
    p.add_argument("--title", help="article title")
    p.add_argument("--url", help="article URL")
    p.add_argument("--source", help="publisher or outlet")
    p.add_argument("--as", dest="kind", choices=["auto", "text", "html", "json"], default="auto",
                   help="input kind (default: from the file name or its content)")
    p.add_argument("--style", choices=["headline", "sentence"], default="headline", help="key point style")
    p.add_argument("--max-points", type=int, default=5, metavar="N", help="at most N key points (default 5)")
    p.add_argument("--model", help="spaCy pipeline to use (package name or path); default en_core_web_sm")


def settings_from(args: argparse.Namespace) -> Settings:
    if args.max_points < 1:
        raise InputError("--max-points must be at least 1")
    return Settings(
        model=args.model,
        style=args.style,
        max_points=args.max_points,
        min_points=min(3, args.max_points),
    )


def read_article(args: argparse.Namespace) -> Article:
    """The one article named on the command line ("-" or nothing: standard input)."""
    from .ingest import load_bytes, load_path, parse_published

    if args.file in (None, "-"):
        if sys.stdin is None or sys.stdin.isatty():
            raise InputError("no input: give a FILE, or pipe an article into standard input")
        article = load_bytes(sys.stdin.buffer.read(), "stdin", args.kind)
    else:
        article = load_path(args.file, args.kind)
    if args.published:
        article.published = parse_published(args.published, "--published")
    for field in ("title", "url", "source"):
        if getattr(args, field):
            setattr(article, field, getattr(args, field))
    return article


def cmd_analyze(args: argparse.Namespace) -> int:
    from . import get_pipeline
    from .render import render

    settings = settings_from(args)
    if args.jsonl:
        return _analyze_jsonl(args, settings)
    if args.out:
        raise InputError("--out goes with --jsonl (for one article, redirect standard output)")
    article = get_pipeline(settings)(read_article(args))
    sys.stdout.write(render(article, args.format))
    return 0


def _analyze_jsonl(args: argparse.Namespace, settings: Settings) -> int:
    """One output row per input row, ``id`` carried through; a bad row gets ``error``."""
    from . import get_pipeline
    from .ingest import parse_published, read_jsonl

    if not args.out:
        raise InputError("--jsonl needs --out OUT (a JSON Lines file to write)")
    if not Path(args.jsonl).is_file():
        raise InputError(f"{args.jsonl}: no such file")
    pipeline = get_pipeline(settings)
    published = parse_published(args.published, "--published") if args.published else None
    rows = read_jsonl(args.jsonl)
    ok = failed = 0

    def articles():
        for rid, article, error in rows:
            if error is not None:
                yield rid, None, error
                continue
            if published and article.published is None:
                article.published = published
            yield rid, article, None

    with open(args.out, "w", encoding="utf-8") as out:
        pending: list[tuple[str, Article]] = []

        def flush() -> None:
            nonlocal ok, failed
            for (rid, _), (article, exc) in zip(pending, pipeline.pipe_safe(a for _, a in pending), strict=True):
                if exc is None:
                    row = article.to_dict()
                    row["id"] = rid
                    row = {"id": rid, **{k: v for k, v in row.items() if k != "id"}}
                    ok += 1
                else:
                    row = {"id": rid, "error": _message(exc)}
                    failed += 1
                    print(f"newsbrief: row {rid}: {_message(exc)}", file=sys.stderr)
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            pending.clear()

        for rid, article, error in articles():
            if error is not None:
                flush()
                failed += 1
                print(f"newsbrief: row {rid}: {error}", file=sys.stderr)
                out.write(json.dumps({"id": rid, "error": str(error)}, ensure_ascii=False) + "\n")
                continue
            pending.append((rid, article))
            if len(pending) >= settings.batch_size:
                flush()
        flush()
    print(f"newsbrief: {ok} analysed, {failed} failed -> {args.out}", file=sys.stderr)
    return 0


def _message(exc: BaseException) -> str:
    if isinstance(exc, NewsbriefError):
        return str(exc)
    return f"internal error: {type(exc).__name__}: {exc}"


def cmd_section(args: argparse.Namespace) -> int:
    """``newsbrief quotes FILE`` / ``newsbrief timeline FILE``: one section of the brief.

    Without a FILE (and nothing piped in), or with a corpus option, they query the corpus.
    """
    from . import get_pipeline
    from .render import SECTIONS

    corpus_options = ("db", "since", "until", "actor", "country", "category")
    if args.file is None and (any(getattr(args, o, None) for o in corpus_options)
                              or sys.stdin is None or sys.stdin.isatty()):
        from .corpus.commands import quotes_from_store, timeline_from_store

        return (quotes_from_store if args.section == "quotes" else timeline_from_store)(args)

    article = get_pipeline(settings_from(args))(read_article(args))
    section = SECTIONS.get(args.section)
    if args.format == "json":
        layer = {"quotes": "quotes", "timeline": "events"}[args.section]
        items = article.to_dict()[layer]
        if args.section == "quotes" and getattr(args, "speaker", None):
            items = [q for q in items if _speaker_matches(q, args.speaker)]
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        return 0
    if section is None:
        raise NewsbriefError(f"the {args.section} section is not available in this build")
    if args.section == "quotes" and getattr(args, "speaker", None):
        article.quotes = [q for q in article.quotes if _speaker_matches(_q_dict(q), args.speaker)]
    lines = section(article, args.format == "markdown")
    sys.stdout.write("\n".join(lines) + ("\n" if lines else ""))
    return 0


def _q_dict(q) -> dict:
    import dataclasses

    return dataclasses.asdict(q)


def _speaker_matches(q: dict, name: str) -> bool:
    sp = q.get("speaker") or {}
    hay = " ".join(str(sp.get(k) or "") for k in ("name", "entity")).lower()
    return name.lower() in hay


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="News articles into briefs: key points, who said what, what happened when.",
    )
    parser.add_argument("--version", action="version", version=f"newsbrief {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyse one article (text, HTML or JSON) or a JSON Lines batch")
    p.add_argument("file", nargs="?", metavar="FILE", help="article file; '-' or nothing reads standard input")
    add_analysis_options(p)
    p.add_argument("--format", choices=["text", "brief", "markdown", "json"], default="text",
                   help="text: the KEY POINTS box; brief: every section as text; markdown; json")
    p.add_argument("--jsonl", metavar="IN", help="analyse every row of a JSON Lines file")
    p.add_argument("--out", metavar="OUT", help="where --jsonl writes its results (JSON Lines)")
    p.set_defaults(func=cmd_analyze)

    for name, help_text in (("quotes", "who said what in one article"),
                            ("timeline", "what happened when in one article")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("file", nargs="?", metavar="FILE")
        add_analysis_options(p)
        p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
        if name == "quotes":
            p.add_argument("--speaker", metavar="NAME", help="only quotes whose speaker matches NAME")
        # without FILE: query the corpus (newsbrief ingest) with these
        p.add_argument("--db", metavar="PATH", help="corpus database to query when no FILE is given")
        p.add_argument("--since", metavar="DATE", help="corpus: from DATE (YYYY-MM-DD)")
        if name == "timeline":
            p.add_argument("--until", metavar="DATE", help="corpus: up to DATE (YYYY-MM-DD)")
            p.add_argument("--actor", metavar="WHO", help="corpus: actor's ISO3 country (PAK) or name")
            p.add_argument("--country", metavar="ISO3", help="corpus: actor or target in this country")
            p.add_argument("--category", metavar="NAME", help="corpus: event category")
        p.set_defaults(func=cmd_section, section=name)

    for module_name in COMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # that feature is not part of this build
            raise
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except NewsbriefError as exc:
        print(f"newsbrief: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsbrief: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        print(f"newsbrief: internal error: {type(exc).__name__}: {exc} (please report it)", file=sys.stderr)
        return 1
