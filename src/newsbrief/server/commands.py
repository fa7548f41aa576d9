"""``newsbrief serve``: run the HTTP API and the web page with uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import socket
import sys

from ..errors import NewsbriefError

TOKEN_ENV = "NEWSBRIEF_TOKEN"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the HTTP API and the web page",
        description="Serve the HTTP API (POST /analyze, the corpus endpoints) and the web page at /.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--db", metavar="PATH", help="corpus database for the GET endpoints (default: the user's corpus)")
    p.add_argument("--token", help=f"API token required by the write endpoints (or set {TOKEN_ENV})")
    p.add_argument("--allow-url-fetch", action="store_true",
                   help="let POST /analyze fetch a link (public addresses only, with a timeout and a size cap)")
    p.add_argument("--max-body", type=int, default=None, metavar="BYTES", help="largest request body accepted")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="server processes, each with its own copy of the model (default 1; use the cores you have)")
    p.add_argument("--openapi", action="store_true", help="print the OpenAPI spec (JSON) and exit")
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from .app import DEFAULT_MAX_BODY, create_app

    token = args.token or os.environ.get(TOKEN_ENV) or None
    max_body = args.max_body if args.max_body is not None else DEFAULT_MAX_BODY
    if max_body < 1:
        raise NewsbriefError("--max-body must be at least 1")
    if args.openapi:
        app = create_app(default_corpus=False, warm_up=False)
        sys.stdout.write(json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n")
        return 0
    if not 0 <= args.port <= 65535:
        raise NewsbriefError(f"--port {args.port}: not a port number")
    if args.workers < 1:
        raise NewsbriefError("--workers must be at least 1")
    options = {"db": args.db, "token": token, "allow_url_fetch": args.allow_url_fetch, "max_body": max_body,
               "allowed_hosts": _local_names(args.host) if _is_loopback(args.host) else None}
    if args.workers == 1:
        from .. import get_pipeline
        from ..pipeline import Settings

        app = create_app(**options)  # opens the store now: a bad --db fails here, in one line
        get_pipeline(Settings())  # and a missing model too, before the port is taken
    else:
        from .corpus_routes import open_store

        app = None
        probe = open_store(args.db)  # the workers open their own; a bad --db must fail here, not in each worker
        if probe is not None:
            probe.close()
    sock = _bind(args.host, args.port)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"newsbrief: serving on http://{shown}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    if not _is_loopback(args.host) and not token:
        print(f"newsbrief: warning: listening beyond this machine without --token ({TOKEN_ENV})", file=sys.stderr)

    import uvicorn

    if app is not None:
        config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=5)
        uvicorn.Server(config).run(sockets=[sock])
        return 0
    from uvicorn.supervisors import Multiprocess

    from .app import OPTIONS_ENV

    # each worker process builds its own app (and model) from these options
    os.environ[OPTIONS_ENV] = json.dumps(options)
    config = uvicorn.Config("newsbrief.server.app:app_from_environment", factory=True, workers=args.workers,
                            log_level="warning", access_log=False, timeout_graceful_shutdown=5)
    Multiprocess(config, sockets=[sock]).run()
    return 0


def _bind(host: str, port: int) -> socket.socket:
    """Bind before starting uvicorn, so a taken port or a bad address is a one-line error."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise NewsbriefError(f"--host {host}: not an address of this machine") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise NewsbriefError(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _local_names(host: str) -> list[str]:
    """The names a browser on this machine uses for a loopback server (anything else is DNS rebinding)."""
    names = {"localhost", "127.0.0.1", "[::1]"}
    names.add(f"[{host}]" if ":" in host else host.lower())  # a Host header writes an IPv6 address in brackets
    return sorted(names)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
