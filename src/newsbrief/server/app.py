"""The HTTP API and the web page, served by one process: ``create_app(...)`` builds the FastAPI app.

``POST /analyze`` takes text, HTML, a JSON article or (when enabled) a link and answers with the JSON contract;
the GET endpoints read the corpus store; ``/`` serves the page (static files, no build step).
Errors are JSON ``{"error": KIND, "message": ONE_LINE}`` with a 4xx status for anything the client can fix.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import re
import threading
from collections import Counter
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__, get_pipeline
from ..document import Article
from ..errors import InputError, LanguageError, ModelError, NewsbriefError, StoreError
from ..pipeline import Settings
from .corpus_routes import ArticleLayers, NoStore, NotFound, open_store, register_routes
from .fetch import FetchError, UrlFetcher

STATIC = Path(__file__).with_name("static")
DEFAULT_MAX_BODY = 4_000_000  # bytes: a long article as HTML fits; anything bigger is not one article
DEFAULT_MAX_PENDING = 64  # analyses waiting for the model before new ones get 503
MAX_POINTS_LIMIT = 10
OPTIONS_ENV = "NEWSBRIEF_SERVE_OPTIONS"  # create_app's options, JSON, for worker processes (serve --workers)

# One spaCy pipeline is not safe to run from several threads at once; every Settings shares the model.
_PIPELINE_LOCK = threading.Lock()

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


# ---- the JSON contract as response schemas (the layer items are document.py's own dataclasses) ----

class ArticleResult(ArticleLayers):
    """``Article.to_dict()``: the article and every layer, offsets into ``article.text``."""

    id: str | None = None


class AnalyzeRequest(BaseModel):
    """A JSON article: its ``text`` or ``html``; a ``url`` alone is fetched (when the server allows it)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "anyOf": [{"required": ["text"]}, {"required": ["html"]}, {"required": ["url"]}],
        "not": {"required": ["text", "html"]},
    })

    # str with a None default (not ``str | None``): an explicit null is refused like any other wrong type
    text: str = Field(None, description="the article's plain text; offsets index it exactly")
    html: str = Field(None, description="an HTML page; its article text is extracted")
    url: str = Field(None, description="the article's URL; fetched only when no text or html is given")
    title: str | None = None
    published: str | None = Field(None, description="publication date, YYYY-MM-DD")
    source: str | None = None
    id: str | None = None
    style: Literal["headline", "sentence"] | None = None
    max_points: int | None = Field(None, ge=1, le=MAX_POINTS_LIMIT)


class ErrorBody(BaseModel):
    error: str
    message: str


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    store: bool
    url_fetch: bool
    token_required: bool
    max_body: int


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (400, "malformed request (bad JSON, bad UTF-8, a link that may not be fetched)"),
        (401, "missing or wrong API token"),
        (403, "URL fetching is disabled on this server"),
        (413, "request body larger than the server's limit"),
        (415, "unsupported content type"),
        (422, "the input is valid but cannot be analysed (empty, too long, not English) or fails validation"),
        (502, "the linked page could not be fetched"),
        (503, "the server is busy or has no language model"),
        (504, "the linked page did not answer in time"),
    )
}


class ApiError(Exception):
    def __init__(self, status: int, kind: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.message = message
        self.headers = headers


def _error(status: int, kind: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": kind, "message": message}, status_code=status, headers=headers)


def _status_for(exc: NewsbriefError) -> int:
    if isinstance(exc, FetchError):
        return exc.status
    if isinstance(exc, (InputError, LanguageError)):
        return 422
    if isinstance(exc, (ModelError, StoreError)):
        return 503
    return 500


# ---- middleware ----

class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413, whether or not Content-Length is declared.

    Pure ASGI (not BaseHTTPMiddleware) so the body is counted as it streams in, never buffered first.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except _BodyTooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _error(413, "body_too_large", f"the request body is over the {self.max_bytes:,}-byte limit")
        await response(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class HostCheck:
    """Answer only requests addressed to one of ``hosts`` (by the Host header), with a JSON 400 otherwise.

    A server on loopback is otherwise reachable from any web page through DNS rebinding (evil.example
    resolving to 127.0.0.1). Starlette's TrustedHostMiddleware does this check but answers in plain text.
    """

    def __init__(self, app: ASGIApp, hosts: list[str]) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host  # drop the port, keep [::1]
            if name not in self.hosts:
                response = _error(400, "bad_host", f"this server does not answer for host {host!r}")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SingleValuedQuery:
    """Every query parameter of this API takes one value: "?source=a&source=b" is refused (422), not read as
    whichever value the framework happens to keep. Hand-written: FastAPI silently keeps the last one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            counts = Counter(name for name, _ in parse_qsl(scope["query_string"].decode("latin-1"),
                                                           keep_blank_values=True))
            repeated = sorted(n for n, times in counts.items() if times > 1)
            if repeated:
                response = _error(422, "invalid_request",
                                  f"query parameter {repeated[0]!r} is given {counts[repeated[0]]} times; give it once")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


# ---- the app ----

class Analyzer:
    """Runs the pipeline for the API: one analysis at a time, first come first served, a bounded queue before it.

    A single worker thread (its queue is FIFO, unlike a contended lock) keeps the wait of each request
    proportional to the requests ahead of it, so the slowest request under load is not starved.
    """

    def __init__(self, max_pending: int) -> None:
        self.max_pending = max_pending
        self._pending = 0
        self._executor: ThreadPoolExecutor | None = None

    async def analyze(self, article: Article, settings: Settings) -> dict[str, Any]:
        if self._pending >= self.max_pending:  # only the event loop's thread changes the count
            raise ApiError(503, "busy", "the server is busy; retry in a few seconds", {"Retry-After": "5"})
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsbrief-analysis")
        self._pending += 1
        try:
            return await asyncio.wrap_future(self._executor.submit(self._run, article, settings))
        finally:
            self._pending -= 1

    @staticmethod
    def _run(article: Article, settings: Settings) -> dict[str, Any]:
        pipeline = get_pipeline(settings)
        with _PIPELINE_LOCK:  # several apps in one process (tests) share the model
            return pipeline(article).to_dict()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def create_app(
    *,
    db: str | None = None,
    token: str | None = None,
    allow_url_fetch: bool = False,
    max_body: int = DEFAULT_MAX_BODY,
    max_pending: int = DEFAULT_MAX_PENDING,
    fetcher: UrlFetcher | None = None,
    store: Any = None,
    default_corpus: bool = True,
    warm_up: bool = True,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The API and page. ``token`` guards the write endpoints; ``store`` (or ``db``) backs the GET endpoints.

    Without either, the user's default corpus is served when it exists and ``default_corpus`` is true.
    ``allowed_hosts`` (names in the Host header) shuts out DNS rebinding; None answers any host.
    """
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            # load the model before the first request, so its latency is an analysis, not a model load
            await run_in_threadpool(get_pipeline, Settings())
        yield
        analyzer.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsbrief",
        version=__version__,
        description="News articles into briefs: key points, who said what, what happened when.",
        docs_url=None,  # the interactive docs load scripts from a CDN; the spec is at /openapi.json
        redoc_url=None,
    )
    analyzer = Analyzer(max_pending)
    fetcher = fetcher or UrlFetcher()
    if store is None and (db is not None or default_corpus):
        store = open_store(db)

    def require_token(request: Request) -> None:
        if not token:
            return
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise ApiError(401, "unauthorized", "this endpoint needs the API token: Authorization: Bearer TOKEN",
                           {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.kind, exc.message, exc.headers)

    @app.exception_handler(NoStore)
    async def _no_store(request: Request, exc: NoStore) -> JSONResponse:
        return _error(503, "no_store", "this server has no corpus (ingest articles, or start it with --db PATH)")

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
        return _error(404, "not_found", exc.what)

    @app.exception_handler(NewsbriefError)
    async def _newsbrief_error(request: Request, exc: NewsbriefError) -> JSONResponse:
        kind = re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__).lower()  # InputError -> input_error
        return _error(_status_for(exc), kind, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", _one_line(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        kind = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, kind, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal_error", f"internal error: {type(exc).__name__} (please report it)")

    @app.get("/health", response_model=Health, tags=["service"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "store": store is not None, "url_fetch": allow_url_fetch,
                "token_required": bool(token), "max_body": max_body}

    @app.post(
        "/analyze",
        tags=["analysis"],
        response_model=None,
        responses={200: {"model": ArticleResult, "description": "the JSON contract"}, **ERROR_RESPONSES},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": AnalyzeRequest.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        }}},
    )
    async def analyze(
        request: Request,
        title: str | None = Query(None, description="article title (text and HTML bodies)"),
        published: str | None = Query(None, description="publication date, YYYY-MM-DD"),
        url: str | None = Query(None, description="the article's URL (recorded, never fetched)"),
        source: str | None = Query(None, description="publisher or outlet"),
        style: Literal["headline", "sentence"] = Query("headline", description="key point style"),
        max_points: int = Query(5, ge=1, le=MAX_POINTS_LIMIT, description="at most this many key points"),
    ) -> JSONResponse:
        """Analyse one article: a JSON article (``text``, ``html`` or ``url``), plain text, or an HTML page."""
        require_token(request)
        body = await request.body()
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        defaults = {"title": title, "published": published, "url": url, "source": source}

        def prepare() -> tuple[Article, Settings]:
            chosen_style, chosen_max = style, max_points
            if content_type == "application/json" or content_type.endswith("+json"):
                payload = _json_payload(body)
                chosen_style = payload.style or style
                chosen_max = payload.max_points or max_points
                article = _article_from_payload(payload, defaults, allow_url_fetch, fetcher)
            elif content_type in ("text/plain", "text/html", ""):
                article = _article_from_bytes(body, content_type, defaults)
            else:
                raise ApiError(415, "unsupported_media_type",
                               f"send application/json, text/plain or text/html, not {content_type!r}")
            return article, Settings(style=chosen_style, max_points=chosen_max, min_points=min(3, chosen_max))

        # reading HTML or fetching a link runs beside other requests; the analysis waits its turn
        article, settings = await run_in_threadpool(prepare)
        return JSONResponse(await analyzer.analyze(article, settings))

    register_routes(app, store, ERROR_RESPONSES)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # an analysed article is ~10x its text in JSON; compressed it is a small download on a phone
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SingleValuedQuery)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _one_line(errors: list[dict[str, Any]]) -> str:
    parts = []
    for err in errors[:3]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def _json_payload(body: bytes) -> AnalyzeRequest:
    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        raise ApiError(400, "bad_request", "the request body is not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, "bad_request", f"the request body is not valid JSON ({exc.msg} at line {exc.lineno})") \
            from None
    except RecursionError:
        raise ApiError(400, "bad_request", "the request body is JSON nested too deeply to be an article") from None
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_request", "a JSON article must be an object with a \"text\" field")
    try:
        payload = AnalyzeRequest.model_validate(data)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", _one_line(exc.errors())) from None
    for name, value in payload:
        # JSON can spell a lone surrogate (\ud800); it is not a character and no answer could carry it
        if isinstance(value, str) and not _encodable(value):
            raise ApiError(400, "bad_request", f"\"{name}\" holds an unpaired surrogate, which is not text")
    if payload.text is not None and payload.html is not None:
        raise ApiError(422, "invalid_request", "give \"text\" or \"html\", not both")
    if payload.text is None and payload.html is None and not payload.url:
        raise ApiError(422, "invalid_request", "give the article as \"text\", \"html\" or a \"url\" to fetch")
    return payload


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _article_from_payload(
    payload: AnalyzeRequest, defaults: dict[str, str | None], allow_url_fetch: bool, fetcher: UrlFetcher
) -> Article:
    from ..ingest import decode, from_html, from_text, parse_published

    published = payload.published or defaults["published"]
    if payload.text is not None:
        return from_text(payload.text, title=payload.title or defaults["title"], published=published,
                         url=payload.url or defaults["url"], source=payload.source or defaults["source"],
                         id=payload.id)
    if payload.html is not None:
        article = from_html(payload.html, url=payload.url or defaults["url"], published=published)
    else:
        if not allow_url_fetch:
            raise ApiError(403, "url_fetch_disabled",
                           "this server does not fetch links (start it with --allow-url-fetch); send the text")
        page = fetcher.fetch(payload.url or "")
        if page.content_type in ("text/html", "application/xhtml+xml", ""):
            article = from_html(page.body, url=page.url, published=published)
        elif page.content_type == "text/plain":
            article = from_text(decode(page.body, page.url), url=page.url, published=published)
        else:
            raise FetchError(f"the link is {page.content_type}, not an HTML or text page", 422)
    article.title = payload.title or defaults["title"] or article.title
    article.source = payload.source or defaults["source"] or article.source
    article.id = payload.id
    if published and article.published is None:
        article.published = parse_published(published)
    return article


def _article_from_bytes(body: bytes, content_type: str, defaults: dict[str, str | None]) -> Article:
    from ..ingest import load_bytes, parse_published

    kind = {"text/plain": "text", "text/html": "html"}.get(content_type, "auto")
    article = load_bytes(body, "request body", kind)
    for name in ("title", "url", "source"):
        if defaults[name]:
            setattr(article, name, defaults[name])
    if defaults["published"]:
        article.published = parse_published(defaults["published"])
    return article


def app_from_environment() -> FastAPI:
    """The app of one ``newsbrief serve --workers N`` process, built from the options its parent set."""
    import os

    return create_app(**json.loads(os.environ.get(OPTIONS_ENV, "{}")))
