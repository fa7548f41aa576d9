"""``newsbrief batch``: both engines on real text, error rows, restarts, every input kind.

The Ray tests start a real local Ray instance (2 CPUs, no dashboard); they skip when Ray is absent.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newsbrief
from newsbrief.batch import read_output, run_batch
from newsbrief.batch.schema import article_schema, flat_schema, row_to_article
from newsbrief.cli import main

# Short reports written for these tests.
STORIES = [
    ("ferry", "2024-05-02", "Harbour ferries resume after week-long strike",
     "PORTSMOUTH, May 2 - Ferries between Portsmouth and the Isle of Wight sailed again on Thursday after "
     "a week-long strike by deck crews ended with a new pay deal.\n\nThe operator, Solent Link, said the "
     "first crossing left at 6 a.m. and that the full timetable would run from Friday. \"We are sorry for "
     "the disruption our passengers faced,\" chief executive Maria Collins told reporters.\n\nThe union "
     "said its members had accepted a rise of 6 percent over two years."),
    ("bridge", "2024-06-11", "City council approves repairs to old river bridge",
     "The city council of Leeds on Tuesday approved 4 million pounds of repairs to the Victoria Bridge, "
     "which has been closed to lorries since March.\n\nEngineers found cracks in two of its iron beams "
     "during an inspection last winter. Work will start in August and should take nine months, the "
     "council said. Councillor James Patel said the bridge would stay open to cars and cyclists while "
     "the beams were replaced."),
    ("library", "2024-09-20", "Village library reopens with longer hours",
     "The library in the village of Ashby reopened on Friday after volunteers raised 80,000 pounds to "
     "save it from closure.\n\nIt will now open six days a week instead of three. Organiser Helen Ward "
     "said more than 300 people had given money since January, and that local schools would use the "
     "building for reading clubs in the afternoons."),
    ("rail", "2025-01-14", "Rail operator orders forty new trains",
     "Northern Rail has ordered forty new electric trains from a factory in Derby, the company said on "
     "Tuesday.\n\nThe trains will replace diesel units that are more than thirty years old and will enter "
     "service in 2027. The order is worth about 500 million pounds, according to the transport "
     "ministry, which welcomed the decision."),
]
BAD_ROWS = [
    '{"id": "empty", "text": "   "}',
    "this line is not JSON",
    '{"id": "french", "text": "Le conseil municipal a voté mardi un budget de quatre millions d\'euros pour '
    'réparer le vieux pont de la ville, fermé aux camions depuis le mois de mars."}',
    '{"id": "no-text", "title": "A title and nothing else"}',
]


def _rows(copies: int = 1) -> list[str]:
    rows = []
    for n in range(copies):
        for rid, published, title, text in STORIES:
            suffix = f"-{n}" if copies > 1 else ""
            rows.append(json.dumps({"id": rid + suffix, "title": title, "published": published, "text": text}))
    return rows


@pytest.fixture()
def mixed_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    rows = _rows()
    path.write_text("\n".join(rows[:2] + BAD_ROWS + rows[2:]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ray_instance():
    ray = pytest.importorskip("ray")
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _sorted(table: pa.Table) -> pa.Table:
    return table.sort_by("id")


def test_schema_covers_every_layer_of_the_json_contract(example_article):
    contract = example_article.to_dict()
    names = set(article_schema().names)
    layers = {k for k, v in contract.items() if isinstance(v, list)}
    assert layers <= names
    assert set(contract["article"]) <= names
    # empty layers still have their full type, built from the dataclasses
    quote = article_schema().field("quotes").type.value_type
    assert quote.field("speaker").type.field("name").type == pa.string()
    assert "action_category" in flat_schema("events").names
    assert "speaker_name" in flat_schema("quotes").names


def test_local_engine_output_equals_single_article_analysis(mixed_jsonl, tmp_path):
    out = tmp_path / "out"
    errors: list[tuple[str, str]] = []
    result = run_batch([str(mixed_jsonl)], str(out), workers=2, part_size=3, progress=False,
                       on_error=lambda rid, msg: errors.append((rid, msg)))
    assert (result.analysed, result.failed, result.skipped) == (4, 4, 0)

    table = read_output(str(out))
    assert table.schema == article_schema()
    rows = {r["id"]: r for r in table.to_pylist()}
    assert len(rows) == table.num_rows == 8
    for rid, published, title, text in STORIES:
        expected = newsbrief.analyze(text, title=title, published=published)
        rebuilt = row_to_article(rows[rid])
        assert rows[rid]["error"] is None
        assert rebuilt.to_dict() == {**expected.to_dict(), "id": rid}
        assert rebuilt.key_points and rebuilt.entities

    # every bad row is an error row: its id, a message, every other column empty
    assert {rid for rid, _ in errors} == {"empty", "4", "french", "no-text"}
    assert "empty" in rows["empty"]["error"]
    assert "line 4: not valid JSON" in rows["4"]["error"]
    assert "English" in rows["french"]["error"]
    assert "text" in rows["no-text"]["error"]
    for rid in ("empty", "4", "french", "no-text"):
        assert rows[rid]["text"] is None and rows[rid]["key_points"] is None


def test_flat_tables_point_back_to_their_article(tmp_path):
    # The harbour-talks example has quotes once the quotes stage is in; the table is typed either way.
    example = Path(__file__).resolve().parents[1] / "examples" / "harbour-talks-2025-03-16.txt"
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour.txt").write_bytes(example.read_bytes())
    out = tmp_path / "out"
    run_batch([str(folder)], str(out), workers=1, progress=False, published="2025-03-16")
    articles = read_output(str(out)).to_pylist()
    quotes = read_output(str(out), "quotes")
    assert quotes.schema == flat_schema("quotes")
    assert read_output(str(out), "events").schema == flat_schema("events")
    assert quotes.num_rows == len(articles[0]["quotes"])
    for flat in quotes.to_pylist():
        nested = articles[0]["quotes"][flat["index"]]
        assert flat["id"] == "harbour.txt"
        assert flat["content_text"] == nested["content"]["text"]
        assert articles[0]["text"][flat["content_start"]:flat["content_end"]] == flat["content_text"]


def test_folder_and_parquet_inputs(tmp_path):
    folder = tmp_path / "site"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "ferry.txt").write_text(STORIES[0][3], encoding="utf-8")
    (folder / "bridge.json").write_text(json.dumps({"title": STORIES[1][2], "text": STORIES[1][3]}), encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in STORIES[2][3].split("\n\n"))
    (folder / "library.html").write_text(
        f"<html><head><title>{STORIES[2][2]}</title></head><body><article><h1>{STORIES[2][2]}</h1>"
        f"{paragraphs}</article></body></html>", encoding="utf-8")
    (folder / "notes.md").write_text("not an article kind: ignored", encoding="utf-8")
    (folder / "shard.jsonl").write_text(_rows()[3] + "\n", encoding="utf-8")
    (folder / "blank.txt").write_text("", encoding="utf-8")
    table = pa.table({"id": [101, 102], "text": [STORIES[3][3], ""],
                      "published": pa.array([pa.scalar(19000, pa.date32()).as_py(), None], pa.date32())})
    pq.write_table(table, tmp_path / "archive.parquet")

    out = tmp_path / "out"
    result = run_batch([str(folder), str(tmp_path / "archive.parquet")], str(out), workers=1, progress=False)
    rows = {r["id"]: r for r in read_output(str(out)).to_pylist()}
    assert set(rows) == {"2024/ferry.txt", "bridge.json", "library.html", "blank.txt", "rail", "101", "102"}
    assert (result.analysed, result.failed) == (5, 2)
    assert rows["bridge.json"]["title"] == STORIES[1][2]
    assert "Ashby" in rows["library.html"]["text"] and "<p>" not in rows["library.html"]["text"]
    assert rows["101"]["published"].isoformat() == "2022-01-08"
    assert rows["102"]["error"] and rows["blank.txt"]["error"]


def test_jsonl_format_rows_follow_the_json_contract(mixed_jsonl, tmp_path):
    out = tmp_path / "out"
    assert main(["batch", str(mixed_jsonl), "--out", str(out), "--format", "jsonl", "--workers", "1", "--quiet"]) == 0
    lines = [json.loads(line) for part in sorted((out / "articles").glob("*.jsonl"))
             for line in part.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 8
    ok = next(row for row in lines if row["id"] == "ferry")
    assert ok["article"]["published"] == "2024-05-02"
    assert newsbrief.Article.from_dict(ok).text == STORIES[0][3]
    assert next(row for row in lines if row["id"] == "french").keys() == {"id", "error"}
    # the same folder cannot be continued in the other format
    assert main(["batch", str(mixed_jsonl), "--out", str(out), "--format", "parquet", "--quiet"]) == 3


def test_bad_invocations_are_one_line_errors(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")]) == 3
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert main(["batch", str(tmp_path / "notes.csv"), "--out", str(tmp_path / "o")]) == 3
    assert "unknown input kind" in capsys.readouterr().err
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["batch", str(tmp_path / "notes.csv"), "--out", str(tmp_path / "file")]) == 3
    err = capsys.readouterr().err
    assert "must be a folder" in err and "Traceback" not in err
    assert main(["batch", str(tmp_path / "notes.csv"), "--out", str(tmp_path / "o"), "--workers", "0"]) == 3
    assert main(["batch", str(tmp_path / "notes.csv"), "--out", str(tmp_path / "o"), "--address", "auto"]) == 3
    assert "--engine ray" in capsys.readouterr().err


def test_ray_engine_gives_the_same_output_as_the_local_engine(ray_instance, mixed_jsonl, tmp_path):
    local, remote = tmp_path / "local", tmp_path / "ray"
    run_batch([str(mixed_jsonl)], str(local), engine="local", workers=2, part_size=3, progress=False)
    errors: list[str] = []
    result = run_batch([str(mixed_jsonl)], str(remote), engine="ray", workers=2, part_size=3, progress=False,
                       on_error=lambda rid, msg: errors.append(rid))
    assert (result.analysed, result.failed) == (4, 4)
    assert sorted(errors) == ["4", "empty", "french", "no-text"]
    for table in ("articles", "quotes", "events"):
        a = _sorted(read_output(str(local), table)) if table == "articles" else read_output(str(local), table)
        b = _sorted(read_output(str(remote), table)) if table == "articles" else read_output(str(remote), table)
        assert a.num_rows == b.num_rows
        assert a.equals(b) if table == "articles" else a.sort_by([("id", "ascending"), ("index", "ascending")]).equals(
            b.sort_by([("id", "ascending"), ("index", "ascending")]))
    assert len(list((remote / "_manifest").glob("*.json"))) == 3


def test_stopped_job_restarts_on_ray_without_duplicates(ray_instance, tmp_path):
    """Kill a running local job mid-way, then finish it with the Ray engine: every input exactly once."""
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_rows(copies=4) + BAD_ROWS[:1]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsbrief", "batch", str(source), "--out", str(out), "--workers", "1",
         "--part-size", "2", "--quiet"],
        start_new_session=True, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None and not list((out / "_manifest").glob("part-*.json")):
        time.sleep(0.05)
    assert proc.poll() is None, f"the job ended before it could be stopped: {proc.stderr.read().decode()[-500:]}"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    written = {r["id"] for r in read_output(str(out)).to_pylist()}
    assert 0 < len(written) < 17

    # a part whose manifest was never written (killed mid-part) must not count twice
    orphan = next((out / "articles").glob("part-*.parquet"))
    (out / "articles" / "part-orphan.parquet").write_bytes(orphan.read_bytes())

    result = run_batch([str(source)], str(out), engine="ray", workers=2, part_size=2, progress=False)
    assert result.skipped == len(written)
    assert result.analysed + result.failed == 17 - len(written)
    ids = read_output(str(out)).column("id").to_pylist()
    assert len(ids) == len(set(ids)) == 17
    assert not (out / "articles" / "part-orphan.parquet").exists()

    # run once more: nothing left to do, nothing added
    again = run_batch([str(source)], str(out), engine="ray", workers=2, progress=False)
    assert (again.analysed, again.failed, again.skipped) == (0, 0, 17)
    assert read_output(str(out)).num_rows == 17


class _DiesOnFirstBatch:
    """A Ray actor that kills its own process on the first batch it ever sees (once per test)."""

    def __init__(self, job) -> None:
        from newsbrief.batch.engines import RayPartAnalyzer

        self.inner = RayPartAnalyzer(job)
        self.marker = Path(job.out).parent / "died-once"

    def __call__(self, batch):
        if not self.marker.exists():
            self.marker.write_text(str(os.getpid()), encoding="utf-8")
            os._exit(1)
        return self.inner(batch)


def test_ray_restarts_a_dead_worker_and_retries_its_batch(ray_instance, tmp_path):
    from ray import cloudpickle

    from newsbrief.batch.engines import Job, run_ray
    from newsbrief.batch.output import Output
    from newsbrief.batch.sources import iter_records
    from newsbrief.pipeline import Settings

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the actor class lives in this test module
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_rows()) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    Output(str(out)).prepare()
    records = list(iter_records([str(source)]))
    summaries = list(run_ray(records, Job(Settings(), str(out)), workers=1, part_size=2, actor=_DiesOnFirstBatch,
                             chunk=2))  # two Ray datasets, one after the other
    assert (tmp_path / "died-once").exists()
    assert sorted(s["id"] for s in summaries) == sorted(story[0] for story in STORIES)
    assert all(s["error"] is None for s in summaries)
    ids = read_output(str(out)).column("id").to_pylist()
    assert sorted(ids) == sorted(story[0] for story in STORIES)


def test_inputs_on_an_fsspec_filesystem_are_read_like_local_ones(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    from newsbrief.batch.sources import iter_records

    memory = fsspec.filesystem("memory")
    rows = _rows()
    memory.pipe("/nb-test/archive/day1.jsonl", ("\n".join(rows[:2]) + "\n").encode())
    memory.pipe("/nb-test/archive/day2/ferry.txt", STORIES[0][3].encode())
    local = tmp_path / "day1.jsonl"
    local.write_text("\n".join(rows[:2]) + "\n", encoding="utf-8")
    try:
        remote = list(iter_records(["memory://nb-test/archive"]))
        assert [r["key"] for r in remote] == [
            "memory://nb-test/archive/day1.jsonl#1", "memory://nb-test/archive/day1.jsonl#2",
            "memory://nb-test/archive/day2/ferry.txt",
        ]
        assert remote[2]["id"] == "day2/ferry.txt" and remote[2]["payload"] == STORIES[0][3].encode()
        same = list(iter_records([str(local)]))
        assert [r["payload"] for r in remote[:2]] == [r["payload"] for r in same]
    finally:
        memory.rm("/nb-test", recursive=True)
