"""The batch output folder: numbered-by-content part files, and a manifest that says which are whole.

Layout (``OUT`` may be local or any pyarrow/fsspec URI)::

    OUT/articles/part-<h>.parquet   one row per article (or .jsonl: the JSON contract plus "id")
    OUT/quotes/part-<h>.parquet     one row per quote
    OUT/events/part-<h>.parquet     one row per event
    OUT/_manifest/part-<h>.json     the input keys of that part, written last

A part counts only once its manifest exists, and the manifest is written after every file of the
part, so a job stopped at any moment leaves either a whole part or an orphan that the next run
deletes. A part's name is a hash of its input keys: a worker that Ray retries rewrites the same
part with the same content instead of adding a second copy.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs

from ..errors import InputError
from . import schema
from .sources import Location, resolve

TABLES = ("articles", "quotes", "events")
MANIFESTS = "_manifest"
FORMATS = ("parquet", "jsonl")


class Output:
    def __init__(self, uri: str, fmt: str = "parquet") -> None:
        if fmt not in FORMATS:
            raise InputError(f"--format must be one of {', '.join(FORMATS)}")
        self.uri = uri
        self.format = fmt
        self.location: Location = resolve(uri)

    @property
    def fs(self) -> pafs.FileSystem:
        return self.location.fs

    def _dir(self, name: str) -> str:
        return posixpath.join(self.location.path, name)

    def prepare(self) -> set[str]:
        """Create the folders, drop orphan parts of a stopped run, and return the keys already written."""
        info = self.fs.get_file_info(self.location.path)
        if info.type == pafs.FileType.File:
            raise InputError(f"{self.uri}: --out must be a folder (it is a file)")
        for name in (*TABLES, MANIFESTS):
            self.fs.create_dir(self._dir(name), recursive=True)
        manifests = self._manifests()
        done: set[str] = set()
        for manifest in manifests.values():
            if manifest.get("format") != self.format:
                raise InputError(
                    f"{self.uri}: holds {manifest.get('format')} output; use --format {manifest.get('format')} "
                    "to continue that job, or another --out"
                )
            done.update(manifest["keys"])
        for table in TABLES:
            for entry in self.fs.get_file_info(pafs.FileSelector(self._dir(table))):
                part = posixpath.basename(entry.path).split(".")[0]
                if part not in manifests:
                    self.fs.delete_file(entry.path)
        return done

    def _manifests(self) -> dict[str, dict[str, Any]]:
        out = {}
        for entry in self.fs.get_file_info(pafs.FileSelector(self._dir(MANIFESTS), allow_not_found=True)):
            name = posixpath.basename(entry.path)
            if name.startswith("_tmp.") or not name.endswith(".json"):
                continue  # a manifest that was being written when a run stopped
            with self.fs.open_input_stream(entry.path) as stream:
                out[name[: -len(".json")]] = json.loads(stream.read())
        return out

    def write_part(self, keys: list[str], rows: list[dict[str, Any]]) -> str:
        """Write one part: its article rows, their quotes and events, then its manifest."""
        part = "part-" + hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:20]
        tables: dict[str, list[dict[str, Any]]] = {"articles": rows}
        for layer in schema.FLAT_TABLES:
            tables[layer] = [flat for row in rows for flat in schema.flat_rows(layer, row)]
        for table, table_rows in tables.items():
            self._write(posixpath.join(self._dir(table), f"{part}.{self.format}"), table, table_rows)
        manifest = {
            "format": self.format,
            "keys": keys,
            "rows": len(rows),
            "errors": sum(1 for r in rows if r.get("error") is not None),
        }
        self._atomic_write(posixpath.join(self._dir(MANIFESTS), f"{part}.json"),
                           json.dumps(manifest).encode("utf-8"))
        return part

    def _write(self, path: str, table: str, rows: list[dict[str, Any]]) -> None:
        if self.format == "jsonl":
            lines = (jsonl_row(r) if table == "articles" else json.dumps(r, ensure_ascii=False) for r in rows)
            self._atomic_write(path, "".join(line + "\n" for line in lines).encode("utf-8"))
            return
        import pyarrow.parquet as pq

        arrow_schema = schema.article_schema() if table == "articles" else schema.flat_schema(table)
        tmp = _temporary(path)
        pq.write_table(schema.to_table(rows, arrow_schema), tmp, filesystem=self.fs)
        self.fs.move(tmp, path)

    def _atomic_write(self, path: str, data: bytes) -> None:
        tmp = _temporary(path)
        with self.fs.open_output_stream(tmp) as stream:
            stream.write(data)
        self.fs.move(tmp, path)

    def read(self, table: str = "articles") -> pa.Table:
        """Every row of one output table (only whole parts), as one Arrow table."""
        parts = sorted(self._manifests())
        if self.format == "jsonl":
            rows = []
            for part in parts:
                with self.fs.open_input_stream(posixpath.join(self._dir(table), f"{part}.jsonl")) as stream:
                    rows += [json.loads(line) for line in stream.read().decode("utf-8").splitlines() if line]
            return pa.Table.from_pylist(rows)
        import pyarrow.parquet as pq

        arrow_schema = schema.article_schema() if table == "articles" else schema.flat_schema(table)
        tables = [pq.read_table(posixpath.join(self._dir(table), f"{part}.parquet"), filesystem=self.fs)
                  for part in parts]
        return pa.concat_tables(tables) if tables else arrow_schema.empty_table()


def jsonl_row(row: dict[str, Any]) -> str:
    """An article row as a JSON Lines row: the JSON contract plus ``id`` (``error`` on a failed row)."""
    if row.get("error") is not None:
        return json.dumps({"id": row["id"], "error": row["error"]}, ensure_ascii=False)
    out: dict[str, Any] = {"id": row["id"]}
    out["article"] = {name: row.get(name) for name in schema.ARTICLE_FIELDS if name != "published_basis"}
    if row.get("published") is not None:
        out["article"]["published"] = row["published"].isoformat()
    if row.get("published_basis"):
        out["article"]["published_basis"] = row["published_basis"]
    out.update({name: row[name] for name in schema.LAYER_COLUMNS})
    return json.dumps(out, ensure_ascii=False)


def _temporary(path: str) -> str:
    # a leading "_" or "." hides a file from pyarrow/Spark/Ray dataset readers while it is written
    return posixpath.join(posixpath.dirname(path), "_tmp." + posixpath.basename(path))


def read_output(uri: str, table: str = "articles", fmt: str | None = None) -> pa.Table:
    """Read back a batch output folder written by ``newsbrief batch``."""
    out = Output(uri, fmt or _detect_format(uri))
    return out.read(table)


def _detect_format(uri: str) -> str:
    loc = resolve(uri)
    for entry in loc.fs.get_file_info(pafs.FileSelector(posixpath.join(loc.path, "articles"), allow_not_found=True)):
        for fmt in FORMATS:
            if entry.path.endswith("." + fmt):
                return fmt
    return "parquet"
