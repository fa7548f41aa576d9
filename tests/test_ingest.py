"""Every input kind becomes an Article; bad input is refused with the documented exit code."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import newsbrief
from newsbrief.errors import InputError
from newsbrief.ingest import from_html, from_json, load_bytes, read_jsonl

HTML = """<!doctype html><html><head><title>Ferry operator cuts winter timetable</title>
<meta property="og:site_name" content="Coastal Courier">
<meta name="date" content="2024-11-02"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry operator cuts winter timetable</h1>
<p>The island ferry operator Northlink Marine said on Friday that it would cut its winter
timetable by a third, blaming higher fuel costs and a shortage of deck crew.</p>
<p>Residents of the three outer islands said the change would leave them without a morning
crossing on four days a week. “We were not consulted at all,” said Morag Shaw, who chairs
the islands’ community council.</p>
<p>The company said it would review the timetable in March.</p></article>
<footer>Copyright Coastal Courier. All rights reserved.</footer></body></html>"""


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsbrief", *args], input=stdin, capture_output=True, timeout=300
    )


def test_html_extracts_text_and_metadata():
    article = from_html(HTML)
    assert "Northlink Marine" in article.text
    assert "All rights reserved" not in article.text
    assert "Home" not in article.text.split()
    assert article.title == "Ferry operator cuts winter timetable"
    assert article.published is not None and article.published.isoformat() == "2024-11-02"


def test_json_article_keeps_text_exactly():
    text = "  The council voted on Monday to close the library.\n\nIt will shut in May.  "
    article = from_json({"title": "Library", "text": text, "published": "2024-05-06", "url": "https://x.test/a"})
    assert article.text == text
    assert article.published.isoformat() == "2024-05-06"
    assert article.url == "https://x.test/a"


def test_sniffing_bytes():
    assert load_bytes(HTML.encode()).title == "Ferry operator cuts winter timetable"
    assert load_bytes(b'{"text": "A short note on the budget vote."}').text == "A short note on the budget vote."
    assert load_bytes("Plain text, “curly quotes” kept.".encode()).text == "Plain text, “curly quotes” kept."


def test_jsonl_bad_rows_are_reported_and_reading_goes_on(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "a", "text": "The mayor resigned on Tuesday after a vote of no confidence."}\n'
        "not json\n"
        '{"id": "c", "title": "no text here"}\n'
        '{"text": "Rain is forecast for the weekend across the north of the country."}\n',
        encoding="utf-8",
    )
    rows = list(read_jsonl(path))
    assert [r[0] for r in rows] == ["a", "2", "c", "4"]
    assert rows[0][1] is not None and rows[0][2] is None
    assert isinstance(rows[1][2], InputError) and isinstance(rows[2][2], InputError)
    assert rows[3][1].id == "4"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("Caf\u00e9 owners protest new rules on outdoor seating in the city centre.".encode("latin-1"), "UTF-8"),
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article"),
        (b'{"text": ', "JSON"),
    ],
)
def test_bad_input_exits_3_with_one_line(data, message):
    result = run_cli("analyze", "-", stdin=data)
    assert result.returncode == 3, result.stderr
    err = result.stderr.decode()
    assert message.lower() in err.lower()
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_non_english_exits_4():
    text = "Le gouvernement a annoncé dimanche une nouvelle aide pour les agriculteurs touchés par la sécheresse."
    result = run_cli("analyze", "-", stdin=text.encode())
    assert result.returncode == 4
    assert "english" in result.stderr.decode().lower()


def test_oversized_text_is_refused():
    settings = newsbrief.Settings(max_chars=1000)
    with pytest.raises(InputError, match="limit"):
        newsbrief.analyze("The port reopened. " * 200, settings=settings)


def test_missing_file_and_bad_date(tmp_path):
    result = run_cli("analyze", str(tmp_path / "nope.txt"))
    assert result.returncode == 3 and "no such file" in result.stderr.decode()
    f = tmp_path / "a.txt"
    f.write_text("The mayor resigned on Tuesday after a vote of no confidence in the council.")
    result = run_cli("analyze", str(f), "--published", "last tuesday-ish")
    assert result.returncode == 3 and "date" in result.stderr.decode()


def test_jsonl_batch_cli_carries_ids_and_errors(tmp_path):
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text(
        json.dumps({"id": "x1", "text": "The mayor resigned on Tuesday after a vote of no confidence in the council."})
        + "\n" + json.dumps({"id": "x2", "text": "   "}) + "\n"
        + json.dumps({"id": "x3", "text": "Rail workers will strike next week over pay, their union said."}) + "\n",
        encoding="utf-8",
    )
    result = run_cli("analyze", "--jsonl", str(inp), "--out", str(out), "--published", "2024-03-01")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["x1", "x2", "x3"]
    assert "error" in rows[1] and "empty" in rows[1]["error"]
    assert rows[0]["article"]["published"] == "2024-03-01"
    assert rows[2]["key_points"]
