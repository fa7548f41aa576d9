"""The page in a real headless Chromium (Debian's, driven by Playwright), against a real uvicorn server on loopback.

Skips when Chromium or Playwright is absent.  Screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

import newsbrief
from newsbrief.server.app import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)"),
]

# Our own hostile article: markup typed into a news story must show as text and never run.
HOSTILE = (
    "MARSEILLE: Harbour officials said on Monday that a vandal had typed "
    "<script>window.__pwned = 1; alert('pwned')</script> into the public notice board of the ferry office.\n"
    "The office replaced the page with a plain notice about ferry times and the picture "
    "<img src=x onerror=\"window.__pwned = 2\"> was removed by engineers on Tuesday.\n"
    "Port director Claire Martin said the notice board would be checked every week from now on.\n"
    "Ferries to Corsica and Sardinia sailed on time throughout the week, the company said.\n"
)
FOLLOW_UP = (
    "ROTTERDAM: Cranes were moving again at the Port of Rotterdam on Monday as the first container ships "
    "that had waited at anchor during last week's strike were brought in to the Maasvlakte terminal.\n"
    "Port authority chief executive Anna de Vries said about 120 ships were still queueing in the North Sea.\n"
    "Union leader Pieter Haas said his members would keep a close watch on the promised review of night shifts.\n"
)


class LiveServer:
    """uvicorn serving ``app`` on 127.0.0.1 at a free port, in a thread of the test process."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            assert self.thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:  # a broken chromium install is an environment problem, not a page bug
            pytest.skip(f"chromium could not be started: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def server():
    with LiveServer(create_app(default_corpus=False)) as live:
        yield live


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    dialogs: list[str] = []
    problems: list[str] = []  # script errors and console errors (a CSP violation is one)
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
    pg.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
    pg.dialogs = dialogs
    pg.problems = problems
    yield pg
    context.close()


def _analyse(pg, base: str, text: str, published: str = "", title: str = "") -> None:
    pg.goto(base + "/")
    pg.wait_for_selector("body[data-ready='true']")
    pg.fill("#article-text", text)
    if published:
        pg.fill("#article-published", published)
    if title:
        pg.fill("#article-title", title)
    pg.click("#analyze-button")
    pg.wait_for_selector("#key-point-list li")


def _highlighted(pg) -> str:
    return "".join(pg.eval_on_selector_all("#article-body .hl", "els => els.map(e => e.textContent)"))


def _expected(base: str, body: dict) -> dict:
    return httpx.post(base + "/analyze", json=body, timeout=60).json()


def test_paste_the_example_see_bullets_and_their_sources(page, server, example_text):
    ARTIFACTS.mkdir(exist_ok=True)
    _analyse(page, server.url, example_text, published="2025-03-16")
    data = _expected(server.url, {"text": example_text, "published": "2025-03-16", "style": "headline"})
    bullets = page.locator("#key-point-list button")
    assert 3 <= bullets.count() <= 5
    assert bullets.all_inner_texts() == [kp["text"] for kp in data["key_points"]]
    assert _highlighted(page) == ""

    def source_text(kp: dict) -> str:
        return "".join(example_text[s["start"]:s["end"]] for s in kp["sources"])

    bullets.nth(0).click()
    assert bullets.nth(0).get_attribute("aria-pressed") == "true"
    assert _highlighted(page) == source_text(data["key_points"][0])
    page.screenshot(path=str(ARTIFACTS / "browser-key-points.png"), full_page=True)

    # pressing it again unpins (the pointer still hovers it, so it shows until the pointer leaves)
    bullets.nth(0).click()
    assert bullets.nth(0).get_attribute("aria-pressed") == "false"
    page.mouse.move(1, 1)
    assert _highlighted(page) == ""
    # hovering another shows only that one's source
    bullets.nth(1).hover()
    assert _highlighted(page) == source_text(data["key_points"][1])
    page.mouse.move(1, 1)
    assert _highlighted(page) == ""

    # entities are listed and highlight their mentions
    olsen = page.locator("#entity-groups button", has_text="Olsen").first
    olsen.click()
    assert "Olsen" in _highlighted(page)
    assert page.problems == []


def test_shared_example_keeps_the_publishers_box_apart(page, server, shared_example_body):
    text, _ = shared_example_body
    _analyse(page, server.url, text, published="2025-04-27")
    data = _expected(server.url, {"text": text, "published": "2025-04-27"})
    theirs = page.locator("#publisher-list li").all_inner_texts()
    assert theirs == [p["text"] for p in data["publisher_key_points"]] and theirs
    ours = page.locator("#key-point-list button").all_inner_texts()
    assert 3 <= len(ours) <= 5
    assert not set(ours) & set(theirs)
    page.locator("#key-point-list button").first.click()
    box_end = max(p["end"] for p in data["publisher_key_points"])
    # the highlighted source lies in the body, never in the publisher's box
    starts = page.eval_on_selector_all("#article-body .hl", "els => els.map(e => +e.dataset.start)")
    assert starts and min(starts) >= box_end
    assert page.problems == []


def test_keyboard_alone_selects_a_key_point(page, server, example_text):
    _analyse(page, server.url, example_text, published="2025-03-16")
    page.focus("#key-point-list button >> nth=0")
    page.keyboard.press("Enter")
    first = page.locator("#key-point-list button").nth(0)
    assert first.get_attribute("aria-pressed") == "true"
    assert _highlighted(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#key-point-list') !== null")


def test_hostile_article_is_shown_as_text_and_runs_nothing(page, server):
    title = "<img src=x onerror=\"window.__pwned = 3\">Ferry office"
    _analyse(page, server.url, HOSTILE, title=title)
    page.wait_for_timeout(300)  # give any injected handler the chance to fire
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    body = page.locator("#article-body")
    assert "<script>window.__pwned = 1; alert('pwned')</script>" in body.inner_text()
    assert page.locator("#article-body script, #article-body img, #key-point-list img, #result-title img").count() == 0
    assert page.locator("#result-title").inner_text() == title
    page.screenshot(path=str(ARTIFACTS / "browser-hostile.png"), full_page=True)
    assert page.problems == []


def test_an_article_that_cannot_be_analysed_shows_the_servers_message(page, server):
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready='true']")
    page.click("#analyze-button")
    assert page.locator("#error").inner_text() == "Paste an article (or give a link) first."
    page.fill("#article-text", "Le port de Rotterdam a rouvert lundi après la fin de la grève des dockers, "
                               "a annoncé le gouvernement néerlandais dans un communiqué.")
    page.click("#analyze-button")
    page.wait_for_selector("#error:not([hidden])")
    page.wait_for_function("document.querySelector('#error').textContent.includes('English')")
    assert page.locator("#result").is_hidden()


def test_quotes_and_timeline_jump_to_the_text(page, server, example_text):
    _analyse(page, server.url, example_text, published="2025-03-16")
    data = _expected(server.url, {"text": example_text, "published": "2025-03-16"})
    if data["quotes"]:
        first = data["quotes"][0]
        page.locator("#quote-groups button").first.click()
        assert _highlighted(page) == example_text[first["content"]["start"]:first["content"]["end"]]
        speakers = page.locator("#quote-groups h3").all_inner_texts()
        assert len(speakers) == len({(q["speaker"] or {}).get("entity") or (q["speaker"] or {}).get("name") or ""
                                     for q in data["quotes"]})
    else:
        assert page.locator("#quote-groups").inner_text() == "No quotes found."
    if data["events"]:
        assert page.locator("#timeline-list li").count() == len(data["events"])
        page.locator("#timeline-list button").first.click()
        assert _highlighted(page)
    else:
        assert page.locator("#timeline-list").inner_text() == "No dated events found."


def test_phone_width_has_no_sideways_scroll(browser, server, example_text):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    try:
        _analyse(pg, server.url, example_text, published="2025-03-16")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 375
        # one column: the layers come below the article, not beside it
        article_box = pg.locator("#article-view").bounding_box()
        layers_box = pg.locator(".layers").bounding_box()
        assert layers_box["y"] >= article_box["y"] + article_box["height"] - 1
        pg.locator("#key-point-list button").first.tap()
        assert _highlighted(pg)
        pg.screenshot(path=str(ARTIFACTS / "browser-phone.png"), full_page=True)
    finally:
        context.close()


def _contrast(fg: str, bg: str) -> float:
    def luminance(css: str) -> float:
        r, g, b = (int(x) / 255 for x in re.findall(r"\d+", css)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_control_is_labelled_and_text_has_contrast(page, server, example_text):
    _analyse(page, server.url, example_text, published="2025-03-16")
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('input, select, textarea')].filter(e => !e.labels || !e.labels.length)"
        ".map(e => e.id)"
    )
    assert unlabelled == []
    page.locator("#key-point-list button").first.click()
    pairs = page.evaluate("""() => {
        const style = (sel) => getComputedStyle(document.querySelector(sel));
        const page = style('body').backgroundColor;
        return [
          [style('body').color, page],
          [style('#article-body .hl').color, style('#article-body .hl').backgroundColor],
          [style('#analyze-button').color, style('#analyze-button').backgroundColor],
          [style('.meta').color, page],
        ];
    }""")
    for fg, bg in pairs:
        assert _contrast(fg, bg) >= 4.5, (fg, bg)


@pytest.fixture(scope="module")
def store_server(tmp_path_factory, example_text):
    from newsbrief.corpus.store import Store, content_hash

    store = Store(tmp_path_factory.mktemp("browser-corpus") / "corpus.sqlite3")
    with store.transaction() as db:
        story = store.new_story(db, "Rotterdam port strike")
        members = ((example_text, "2025-03-16", "Harbour Times"), (FOLLOW_UP, "2025-03-17", "Quay Post"))
        for text, day, source in members:
            article = newsbrief.analyze(text, published=day, source=source, title=text.split(":")[0].title())
            store.add_article(db, article, content_hash(article.text), story_id=story)
    with LiveServer(create_app(store=store, warm_up=False)) as live:
        yield live
    store.close()


def test_choose_a_stored_article_and_read_its_story(page, store_server):
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(store_server.url + "/")
    page.wait_for_selector("body[data-ready='true']")
    assert page.locator("#store-picker").is_visible()
    assert page.locator("#store-article option").count() == 2
    labels = page.locator("#store-article option").all_inner_texts()
    page.select_option("#store-article", label=next(x for x in labels if "Harbour Times" in x))
    page.click("#store-picker button")
    page.wait_for_selector("#key-point-list li button")
    assert "Olsen" in page.locator("#article-body").inner_text()

    page.click("#nav-stories a")
    page.wait_for_selector("#story-list li a")
    page.fill("#search-query", "queueing")
    page.click("#search-form button")
    page.wait_for_selector("#search-results li a")
    assert page.locator("#search-results li a").all_inner_texts() == ["Rotterdam"]  # the follow-up's title
    page.fill("#search-query", "zeppelin")
    page.click("#search-form button")
    page.wait_for_selector("#search-results li.empty")
    page.click("#story-list li a >> nth=0")
    page.wait_for_selector("#story-articles li")
    assert page.locator("#story-title").inner_text() == "Rotterdam port strike"
    assert page.locator("#story-articles li").count() == 2
    assert page.locator("#story-point-list li").count() >= 1
    assert "Quay Post" in page.locator("#story-meta").inner_text()
    if page.locator("#story-timeline li a").count():  # an event links to the article that reports it
        page.locator("#story-timeline li a").first.click()
        page.wait_for_selector("#key-point-list li button")
        page.go_back()
        page.wait_for_selector("#story-articles li")
    page.screenshot(path=str(ARTIFACTS / "browser-story.png"), full_page=True)
