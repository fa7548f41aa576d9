"""The HTTP API in process (FastAPI's TestClient): analysis, errors, safety, the corpus endpoints, the CLI."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsbrief
from newsbrief.server.app import create_app
from newsbrief.server.fetch import FetchError, UrlFetcher, is_public_address

ROOT = Path(__file__).resolve().parents[1]

# Our own follow-up to the repo's example article (same story, a day later).
FOLLOW_UP = (
    "ROTTERDAM: Cranes were moving again at the Port of Rotterdam on Monday as the first container ships "
    "that had waited at anchor during last week's strike were brought in to the Maasvlakte terminal.\n"
    "Port authority chief executive Anna de Vries said about 120 ships were still queueing in the North Sea.\n"
    "\u201cWe expect the backlog to be gone within two weeks,\u201d she told reporters at the terminal.\n"
    "Union leader Pieter Haas said his members would keep a close watch on the promised review of night shifts.\n"
    "Shipping lines said they would stop diverting vessels to Antwerp and Hamburg from Wednesday.\n"
)
UNRELATED = (
    "LISBON: Portugal's parliament on Thursday approved a law that lets tenants buy the flats they have rented "
    "for more than ten years at a price set by an independent valuer.\n"
    "Housing Minister Rita Sousa said the measure would help about 30,000 families in Lisbon and Porto.\n"
    "Landlords' associations said they would challenge the law before the Constitutional Court.\n"
)
OWN_HTML = (
    "<!doctype html><html><head><title>Ferry strike ends in Piraeus</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Ferry strike ends in Piraeus</h1>"
    "<p>PIRAEUS: Greek ferry crews ended a two-day strike on Friday after the shipping ministry agreed to "
    "hire 150 additional deckhands before the summer season.</p>"
    "<p>Minister Nikos Pappas said the new crews would be trained at the merchant marine academy in Aspropyrgos.</p>"
    "<p>The seamen's union said ferries to the Cyclades would sail on their normal timetable from Saturday.</p>"
    "</article><footer>Copyright newsbrief tests</footer></body></html>"
)


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(default_corpus=False)) as c:
        yield c


def test_analyze_json_returns_the_contract_with_offsets_into_the_text(client, example_text):
    r = client.post("/analyze", json={"text": example_text, "published": "2025-03-16", "title": "Harbour talks"})
    assert r.status_code == 200
    data = r.json()
    assert data["article"]["text"] == example_text
    assert data["article"]["published"] == "2025-03-16"
    assert data["article"]["title"] == "Harbour talks"
    assert 1 <= len(data["key_points"]) <= 5
    for kp in data["key_points"]:
        assert kp["sources"]
        for src in kp["sources"]:
            assert 0 <= src["start"] < src["end"] <= len(example_text)
    names = {e["name"] for e in data["entities"]}
    assert any("Olsen" in n for n in names)
    for ent in data["entities"]:
        for m in ent["mentions"]:
            assert example_text[m["start"]:m["end"]] == m["text"]
    # the same article object the library gives
    assert data == newsbrief.analyze(example_text, published="2025-03-16", title="Harbour talks").to_dict()


def test_answers_are_compressed_for_clients_that_accept_it(client, example_text):
    r = client.post("/analyze", json={"text": example_text}, headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "gzip"
    assert int(r.headers["content-length"]) < len(r.content) / 3  # the wire size against the decoded JSON
    plain = client.post("/analyze", json={"text": example_text}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.json() == r.json()


def test_analyze_plain_text_body_and_query_options(client, example_text):
    r = client.post("/analyze", content=example_text.encode(), params={"style": "sentence", "max_points": 2},
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200
    points = r.json()["key_points"]
    assert 1 <= len(points) <= 2
    assert all(p["style"] == "sentence" for p in points)
    for p in points:  # a sentence-style point is its source sentence
        src = p["sources"][0]
        assert example_text[src["start"]:src["end"]] == p["text"]


def test_a_query_parameter_given_twice_is_refused(client, example_text):
    r = client.post("/analyze?source=Varne+Post&source=Harbour+News", content=example_text.encode(),
                    headers={"content-type": "text/plain"})
    assert r.status_code == 422
    assert r.json()["error"] == "invalid_request" and "'source'" in r.json()["message"]
    assert client.get("/health?x=1&x=2").status_code == 422
    assert client.get("/health?x=1").status_code == 200


def test_analyze_html_extracts_the_article_not_the_menu(client):
    r = client.post("/analyze", content=OWN_HTML.encode(), headers={"content-type": "text/html"})
    assert r.status_code == 200
    data = r.json()
    assert "Piraeus" in data["article"]["text"] or "PIRAEUS" in data["article"]["text"]
    assert "World" not in data["article"]["text"].split()
    as_json = client.post("/analyze", json={"html": OWN_HTML, "published": "2025-06-06"})
    assert as_json.status_code == 200
    assert as_json.json()["article"]["published"] == "2025-06-06"


@pytest.mark.parametrize(
    ("body", "content_type", "status", "kind"),
    [
        (b"{not json", "application/json", 400, "bad_request"),
        (b"\xff\xfe{}", "application/json", 400, "bad_request"),
        (b"[1, 2]", "application/json", 422, "invalid_request"),
        (b"[" * 200_000 + b"]" * 200_000, "application/json", 400, "bad_request"),
        (b'{"text": "The port said on Monday \\ud800 it would reopen after the strike."}', "application/json", 400,
         "bad_request"),
        (b'{"text": "The port reopened.", "title": "\\udfff"}', "application/json", 400, "bad_request"),
        (b'{"text": ' * 50_000 + b'"x"' + b"}" * 50_000, "application/json", 400, "bad_request"),
        (b'{"text": 5}', "application/json", 422, "invalid_request"),
        (b'{"txt": "typo in the field name"}', "application/json", 422, "invalid_request"),
        (b'{"title": "no text at all"}', "application/json", 422, "invalid_request"),
        (b'{"text": "a", "html": "<p>b</p>"}', "application/json", 422, "invalid_request"),
        (b'{"text": "Some words here.", "max_points": 0}', "application/json", 422, "invalid_request"),
        (b'{"text": "Some words here.", "style": "poem"}', "application/json", 422, "invalid_request"),
        (b'{"text": "Some words.", "published": "the day after"}', "application/json", 422, "input_error"),
        (b'{"text": "   \\n  "}', "application/json", 422, "input_error"),
        (b"", "text/plain", 422, "input_error"),
        (b"\x00\x01\x02binary", "text/plain", 422, "input_error"),
        (b"<html><body><nav>Home</nav></body></html>", "text/html", 422, "input_error"),
        (b"text=hello", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ],
)
def test_malformed_requests_get_a_4xx_json_error(client, body, content_type, status, kind):
    r = client.post("/analyze", content=body, headers={"content-type": content_type})
    assert r.status_code == status, r.text
    data = r.json()
    assert data["error"] == kind
    assert data["message"] and "\n" not in data["message"]


def test_not_english_is_refused_with_422(client):
    text = ("Der Hafen von Rotterdam hat am Montag wieder geöffnet, nachdem die Hafenarbeiter ihren Streik "
            "beendet hatten. Die Regierung versprach neue Sicherheitsausrüstung und mehr Schulungen.")
    r = client.post("/analyze", json={"text": text})
    assert r.status_code == 422
    assert r.json()["error"] == "language_error"


def test_unknown_paths_and_methods_are_json_errors(client):
    assert client.get("/nowhere").json() == {"error": "not_found", "message": "Not Found"}
    r = client.get("/analyze")
    assert r.status_code == 405
    assert r.json()["error"] == "method_not_allowed"


def test_request_body_limit_with_and_without_content_length(example_text):
    with TestClient(create_app(default_corpus=False, max_body=1000, warm_up=False)) as small:
        r = small.post("/analyze", content=example_text.encode(), headers={"content-type": "text/plain"})
        assert r.status_code == 413
        assert r.json()["error"] == "body_too_large"

        def chunks():  # no Content-Length: the limit is counted as the body streams in
            for _ in range(10):
                yield b"x" * 500

        r = small.post("/analyze", content=chunks(), headers={"content-type": "text/plain"})
        assert r.status_code == 413


def test_token_guards_analyze_but_not_reads(example_text):
    with TestClient(create_app(default_corpus=False, token="s3cret", warm_up=False)) as c:
        assert c.post("/analyze", json={"text": example_text}).status_code == 401
        wrong = c.post("/analyze", json={"text": example_text}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert wrong.headers["www-authenticate"] == "Bearer"
        ok = c.post("/analyze", json={"text": example_text}, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200
        health = c.get("/health").json()
        assert health["token_required"] is True


def test_busy_server_answers_503_with_retry_after(example_text):
    with TestClient(create_app(default_corpus=False, max_pending=0, warm_up=False)) as c:
        r = c.post("/analyze", json={"text": example_text})
        assert r.status_code == 503
        assert r.headers["retry-after"] == "5"


def test_concurrent_requests_each_get_their_own_analysis(example_text):
    import asyncio

    import httpx

    texts = [example_text, FOLLOW_UP, UNRELATED] * 2

    async def send_all(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
            return await asyncio.gather(*(c.post("/analyze", json={"text": t}) for t in texts))

    responses = asyncio.run(send_all(create_app(default_corpus=False, warm_up=False)))
    assert [r.status_code for r in responses] == [200] * len(texts)
    assert [r.json()["article"]["text"] for r in responses] == texts
    # a queue of two: the rest are told to come back, none is lost in silence
    responses = asyncio.run(send_all(create_app(default_corpus=False, warm_up=False, max_pending=2)))
    codes = sorted(r.status_code for r in responses)
    assert codes == [200, 200, 503, 503, 503, 503]


def test_page_is_served_with_a_strict_content_security_policy(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # no inline script or handler: the CSP would block it, and the page must not need one
    assert "<script>" not in r.text and " onclick=" not in r.text
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200
    # article text reaches the page only through text nodes
    script = client.get("/static/app.js").text
    assert "innerHTML" not in script.replace("never innerHTML", "")


def test_health(client):
    assert client.get("/health").json() == {
        "status": "ok", "version": newsbrief.__version__, "store": False, "url_fetch": False,
        "token_required": False, "max_body": 4_000_000,
    }


def test_openapi_spec_in_the_repo_matches_the_app():
    kept = json.loads((ROOT / "src/newsbrief/server/openapi.json").read_text(encoding="utf-8"))
    live = create_app(default_corpus=False, warm_up=False).openapi()
    assert kept == json.loads(json.dumps(live)), (
        "src/newsbrief/server/openapi.json is stale: newsbrief serve --openapi > src/newsbrief/server/openapi.json"
    )


# ---- links: never loopback or private, only when enabled, capped in size and time ----

@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/article",
        "http://localhost/article",
        "http://[::1]/article",
        "http://[::ffff:127.0.0.1]/article",
        "http://10.1.2.3/article",
        "http://192.168.0.10/article",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "file:///etc/passwd",
        "ftp://example.org/a.txt",
        "not a link",
    ],
)
def test_links_to_local_or_private_addresses_are_refused(url):
    with TestClient(create_app(default_corpus=False, allow_url_fetch=True, warm_up=False)) as c:
        r = c.post("/analyze", json={"url": url})
        assert r.status_code == 400, r.text
        assert r.json()["error"] == "fetch_error"


def test_links_are_not_fetched_unless_enabled(client):
    r = client.post("/analyze", json={"url": "https://example.org/news/1"})
    assert r.status_code == 403
    assert r.json()["error"] == "url_fetch_disabled"


def test_public_address_rule():
    import ipaddress

    assert is_public_address(ipaddress.ip_address("8.8.8.8"))
    assert is_public_address(ipaddress.ip_address("2001:4860:4860::8888"))
    for private in ("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.1.1", "::1", "fe80::1",
                    "fc00::1", "::ffff:10.0.0.1", "224.0.0.1", "100.64.0.1"):
        assert not is_public_address(ipaddress.ip_address(private)), private


class _Pages(http.server.BaseHTTPRequestHandler):
    """A local site for the fetcher tests (the fetcher is told to allow loopback for them only)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/article":
            body = OWN_HTML.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must count what arrives
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"word " * 2000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"<p>slow</p>")
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.7/internal")
            self.end_headers()
        elif self.path == "/image":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG\r\n")
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def local_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _loopback_only(ip):
    return ip.is_loopback


def test_fetcher_caps_size_and_time_and_rechecks_redirects(local_site):
    fetcher = UrlFetcher(timeout=2.0, max_bytes=100_000, address_allowed=_loopback_only)
    page = fetcher.fetch(local_site + "/article")
    assert page.content_type == "text/html"
    assert b"Piraeus" in page.body
    with pytest.raises(FetchError, match="100,000-byte limit") as big:
        fetcher.fetch(local_site + "/huge")
    assert big.value.status == 502
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 2 s") as slow:
        fetcher.fetch(local_site + "/slow")
    assert slow.value.status == 504
    assert time.monotonic() - started < 4.5
    with pytest.raises(FetchError, match="private") as hop:
        fetcher.fetch(local_site + "/to-private")
    assert hop.value.status == 400
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.fetch(local_site + "/missing")


def _https_site(tmp_path, name: str):
    """A local https server whose certificate names ``name``; returns (server, port, client SSL context)."""
    import ssl

    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    key, cert = tmp_path / f"{name}.key", tmp_path / f"{name}.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}"],
                   check=True, capture_output=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1], ssl.create_default_context(cafile=str(cert))


def test_https_goes_to_the_checked_address_and_still_verifies_the_host_name(tmp_path):
    # the connection is made to the resolved IP, yet the certificate must name the host of the link
    server, port, trust = _https_site(tmp_path, "localhost")
    try:
        fetcher = UrlFetcher(timeout=10.0, address_allowed=_loopback_only, verify=trust)
        page = fetcher.fetch(f"https://localhost:{port}/article")
        assert b"deckhands" in page.body
        assert page.url == f"https://localhost:{port}/article"
    finally:
        server.shutdown()
    server, port, trust = _https_site(tmp_path, "elsewhere.example")
    try:
        fetcher = UrlFetcher(timeout=10.0, address_allowed=_loopback_only, verify=trust)
        with pytest.raises(FetchError, match="TLS certificate of localhost could not be verified") as wrong:
            fetcher.fetch(f"https://localhost:{port}/article")
        assert wrong.value.status == 502
    finally:
        server.shutdown()


def test_analyze_a_link_end_to_end(local_site):
    fetcher = UrlFetcher(timeout=5.0, address_allowed=_loopback_only)
    app = create_app(default_corpus=False, allow_url_fetch=True, fetcher=fetcher, warm_up=False)
    with TestClient(app) as c:
        r = c.post("/analyze", json={"url": local_site + "/article", "published": "2025-06-06"})
        assert r.status_code == 200, r.text
        data = r.json()
        assert data["article"]["url"] == local_site + "/article"
        assert "deckhands" in data["article"]["text"]
        assert data["key_points"]
        image = c.post("/analyze", json={"url": local_site + "/image"})
        assert image.status_code == 422
        assert "image/png" in image.json()["message"]


# ---- the corpus endpoints ----

@pytest.fixture(scope="module")
def corpus(tmp_path_factory, example_text):
    from newsbrief.corpus.store import Store, content_hash

    store = Store(tmp_path_factory.mktemp("corpus") / "corpus.sqlite3")
    with store.transaction() as db:
        story = store.new_story(db, "Rotterdam port strike")
        members = ((example_text, "2025-03-16", "Harbour Times"), (FOLLOW_UP, "2025-03-17", "Quay Post"))
        for text, day, source in members:
            article = newsbrief.analyze(text, published=day, source=source, title=text.split("\n")[0][:60])
            store.add_article(db, article, content_hash(article.text), story_id=story)
        other = newsbrief.analyze(UNRELATED, published="2025-03-20", source="Tagus Daily", title="Tenants law")
        store.add_article(db, other, content_hash(other.text), story_id=store.new_story(db, "Lisbon tenants law"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def corpus_client(corpus):
    with TestClient(create_app(store=corpus, warm_up=False)) as c:
        yield c


def test_articles_and_one_article(corpus_client, example_text):
    rows = corpus_client.get("/articles").json()
    assert [r["published"] for r in rows] == ["2025-03-20", "2025-03-17", "2025-03-16"]
    assert corpus_client.get("/articles", params={"limit": 1}).json()[0]["source"] == "Tagus Daily"
    assert len(corpus_client.get("/articles", params={"since": "2025-03-17"}).json()) == 2
    harbour = next(r for r in rows if r["published"] == "2025-03-16")
    one = corpus_client.get(f"/articles/{harbour['id']}").json()
    assert one["article"]["text"] == example_text
    assert one["key_points"] and one["copies"][0]["source"] == "Harbour Times"
    missing = corpus_client.get("/articles/999999")
    assert missing.status_code == 404
    assert missing.json() == {"error": "not_found", "message": "no article 999999"}


def test_stories_and_story_view(corpus_client):
    stories = corpus_client.get("/stories").json()
    port = next(s for s in stories if s["title"] == "Rotterdam port strike")
    assert port["articles"] == 2
    view = corpus_client.get(f"/stories/{port['id']}").json()
    assert [a["published"] for a in view["articles"]] == ["2025-03-16", "2025-03-17"]
    assert set(view["sources"]) == {"Harbour Times", "Quay Post"}
    assert view["key_points"]
    assert corpus_client.get("/stories/424242").status_code == 404


def test_search_quotes_events_entities(corpus_client):
    hits = corpus_client.get("/search", params={"q": "tenants"}).json()
    assert [h["title"] for h in hits] == ["Tenants law"]
    assert corpus_client.get("/search", params={"q": "crane"}).json()
    assert corpus_client.get("/search", params={"q": '"unbalanced'}).status_code == 200
    assert corpus_client.get("/search").status_code == 422
    assert corpus_client.get("/quotes").status_code == 200
    assert corpus_client.get("/events", params={"since": "2025-03-01", "until": "2025-03"}).status_code == 200
    entities = corpus_client.get("/entities", params={"name": "Vries"}).json()
    assert entities and entities[0]["articles"] == 2


@pytest.mark.parametrize(
    "path",
    ["/articles?limit=0", "/articles?limit=100000", "/articles?offset=-1", "/articles?since=yesterday",
     "/articles/0", "/articles/abc", "/articles/99999999999999999999", "/stories/-3", "/events?until=2025-13-99x",
     "/quotes?article=0"],
)
def test_out_of_range_parameters_are_422(corpus_client, path):
    r = corpus_client.get(path)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid_request"


def test_corpus_endpoints_without_a_store_are_503(client):
    for path in ("/articles", "/articles/1", "/stories", "/stories/1", "/search?q=x", "/quotes", "/events"):
        r = client.get(path)
        assert r.status_code == 503
        assert r.json()["error"] == "no_store"


# ---- the command ----

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_starts_a_server_and_answers(tmp_path):
    port = _free_port()
    env = {**os.environ, "NEWSBRIEF_TOKEN": "from-env"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--db", str(tmp_path / "c.sqlite3")],
        stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert health["store"] is True and health["token_required"] is True
        assert httpx.get(f"http://127.0.0.1:{port}/articles").json() == []
        assert httpx.post(f"http://127.0.0.1:{port}/analyze", json={"text": "x"}).status_code == 401
        assert httpx.get(f"http://localhost:{port}/health").status_code == 200
        # a page on another site whose name resolves to 127.0.0.1 (DNS rebinding) gets nothing
        rebound = httpx.get(f"http://127.0.0.1:{port}/articles", headers={"Host": f"evil.example:{port}"})
        assert rebound.status_code == 400
        assert rebound.json()["error"] == "bad_host"
        # a second server on the same port: a one-line error, not a traceback
        second = subprocess.run([sys.executable, "-m", "newsbrief", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 1
        assert second.stderr.startswith("newsbrief: error: cannot listen on 127.0.0.1:")
        assert "Traceback" not in second.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_serve_with_two_worker_processes(example_text):
    import httpx

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsbrief", "serve", "--port", str(port), "--workers", "2"],
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.5)
        answers = [httpx.post(f"http://127.0.0.1:{port}/analyze", json={"text": t}, timeout=120)
                   for t in (example_text, FOLLOW_UP)]
        assert [a.status_code for a in answers] == [200, 200]
        assert [a.json()["article"]["text"] for a in answers] == [example_text, FOLLOW_UP]
    finally:
        proc.terminate()
        assert proc.wait(timeout=60) == 0


def test_serve_refuses_bad_options_with_one_line(tmp_path):
    for args, code, message in (
        (["--db", str(tmp_path)], 6, "is a folder, not a database file"),
        (["--workers", "2", "--db", str(tmp_path)], 6, "is a folder, not a database file"),
        (["--workers", "0"], 1, "--workers must be at least 1"),
        (["--port", "70000"], 1, "not a port number"),
    ):
        out = subprocess.run([sys.executable, "-m", "newsbrief", "serve", *args], capture_output=True, text=True,
                             timeout=120)
        assert out.returncode == code, out.stderr
        assert out.stderr.startswith("newsbrief: error:") and message in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1


def test_serve_openapi_option_prints_the_kept_spec():
    out = subprocess.run([sys.executable, "-m", "newsbrief", "serve", "--openapi"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0
    assert json.loads(out.stdout) == json.loads((ROOT / "src/newsbrief/server/openapi.json").read_text())
