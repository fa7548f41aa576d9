"""Batch inputs: JSON Lines, folders of articles and Parquet, on any filesystem pyarrow or fsspec reaches.

Reading only cuts the inputs into records (the raw bytes of one article and where they came from);
turning bytes into an Article happens in the workers, so a bad row fails there, alone, as an error row.
Every record has a ``key`` naming its place in the inputs (``path#line``, ``path#row`` or the file's
path): a restarted job skips the keys already written, whatever ids the rows carry.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow.fs as pafs

from ..errors import InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
ARTICLE_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".json": "json"}


@dataclass(frozen=True)
class Location:
    """A path on a filesystem, and how the user wrote it (used in keys and messages)."""

    fs: pafs.FileSystem
    path: str
    uri: str


def resolve(uri: str) -> Location:
    """The filesystem and path of a local path or a URI (``s3://``, ``gs://``, ``hdfs://``, any fsspec scheme)."""
    if "://" not in uri:
        return Location(pafs.LocalFileSystem(), os.path.abspath(uri), uri)
    try:
        fs, path = pafs.FileSystem.from_uri(uri)
        return Location(fs, path, uri)
    except Exception as arrow_error:  # pyarrow knows few schemes; fsspec knows many more
        try:
            import fsspec
            from pyarrow.fs import FSSpecHandler, PyFileSystem
        except ImportError:
            raise InputError(f"{uri}: cannot open ({arrow_error})") from None
        try:
            fs, path = fsspec.core.url_to_fs(uri)
        except Exception as exc:
            raise InputError(f"{uri}: cannot open ({exc})") from None
        return Location(PyFileSystem(FSSpecHandler(fs)), path, uri)


def record(key: str, default_id: str, name: str, kind: str, payload: bytes) -> dict[str, Any]:
    """One article to analyse, as plain columns (a Ray Data row as well as a pickled dict)."""
    return {"key": key, "id": default_id, "name": name, "kind": kind, "payload": payload}


def iter_records(inputs: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Every article of every input, in order; an input that cannot be read at all is an InputError."""
    seen: set[tuple[str, str]] = set()
    for uri in inputs:
        loc = resolve(uri)
        ident = (loc.fs.type_name, loc.path)
        if ident in seen:  # the same input twice would analyse every row twice
            continue
        seen.add(ident)
        info = loc.fs.get_file_info(loc.path)
        if info.type == pafs.FileType.NotFound:
            raise InputError(f"{uri}: no such file or folder")
        if info.type == pafs.FileType.Directory:
            yield from _folder(loc)
            continue
        lower = loc.path.lower()
        if lower.endswith(JSONL_SUFFIXES):
            yield from _jsonl(loc)
        elif lower.endswith(PARQUET_SUFFIXES):
            yield from _parquet(loc)
        elif os.path.splitext(lower)[1] in ARTICLE_SUFFIXES:
            yield _file(loc, loc.path, os.path.basename(loc.path), loc.uri)
        else:
            raise InputError(
                f"{uri}: unknown input kind (use .jsonl, .parquet, a folder, or .txt/.html/.json files)"
            )


def _jsonl(loc: Location) -> Iterator[dict[str, Any]]:
    """One record per non-blank line; its default id is the line number, as in ``analyze --jsonl``."""
    with loc.fs.open_input_stream(loc.path, compression="detect") as stream:
        for lineno, line in enumerate(_lines(stream), start=1):
            if not line.strip():
                continue
            yield record(f"{loc.uri}#{lineno}", str(lineno), f"{loc.uri}: line {lineno}", "json", line)


def _lines(stream: Any, chunk_size: int = 1 << 20) -> Iterator[bytes]:
    rest = b""
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        yield from lines
    if rest:
        yield rest


def _parquet(loc: Location) -> Iterator[dict[str, Any]]:
    """One record per row; the row's columns are read as a JSON article (``id``, ``text``, ``title``, ...)."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(loc.path, filesystem=loc.fs)
    except Exception as exc:
        raise InputError(f"{loc.uri}: not a readable Parquet file ({exc})") from None
    row = 0
    for batch in parquet.iter_batches(batch_size=1024):
        for obj in batch.to_pylist():
            row += 1
            payload = json.dumps(obj, default=_json_value, ensure_ascii=False).encode("utf-8")
            yield record(f"{loc.uri}#{row}", str(row), f"{loc.uri}: row {row}", "json", payload)


def _json_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _folder(loc: Location) -> Iterator[dict[str, Any]]:
    """Every file below the folder, sorted: a .txt/.html/.json file is one article (its id is its path
    inside the folder), a JSON Lines or Parquet file (a shard of an archive) gives its rows."""
    infos = loc.fs.get_file_info(pafs.FileSelector(loc.path, recursive=True))
    paths = sorted(
        i.path for i in infos
        if i.type == pafs.FileType.File and not os.path.basename(i.path).startswith((".", "_"))
    )
    base = loc.path.rstrip("/") + "/"
    for path in paths:
        rel = path[len(base):] if path.startswith(base) else path
        name = f"{loc.uri.rstrip('/')}/{rel}"
        lower = path.lower()
        if lower.endswith(JSONL_SUFFIXES):
            yield from _jsonl(Location(loc.fs, path, name))
        elif lower.endswith(PARQUET_SUFFIXES):
            yield from _parquet(Location(loc.fs, path, name))
        elif os.path.splitext(lower)[1] in ARTICLE_SUFFIXES:
            yield _file(loc, path, rel, name)


def _file(loc: Location, path: str, rel: str, name: str) -> dict[str, Any]:
    from ..ingest.load import MAX_BYTES

    kind = ARTICLE_SUFFIXES.get(os.path.splitext(path)[1].lower(), "auto")
    size = loc.fs.get_file_info(path).size or 0
    if size > MAX_BYTES:  # refuse before reading: the worker reports it as this row's error
        return record(name, rel, name, "oversized", str(size).encode())
    with loc.fs.open_input_stream(path) as stream:
        payload = stream.read()
    return record(name, rel, name, kind, payload)
