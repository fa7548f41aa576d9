"""Export the corpus as JSON Lines, CSV or Parquet (pyarrow): articles, quotes, events, stories.

JSON Lines keeps everything (an article with all its layers); CSV and Parquet are flat tables:
one row per article (no layers), quote, event or story.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from .store import Store

TABLES = ("articles", "quotes", "events", "stories")
FORMATS = ("jsonl", "csv", "parquet")
PAGE = 1000


def format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if suffix in ("json", "ndjson"):
        return "jsonl"
    raise InputError(f"{path}: say --format jsonl, csv or parquet (the file name does not tell)")


def rows(store: Store, table: str, full: bool = False) -> Iterator[dict[str, Any]]:
    """Every row of ``table``, paged; ``full`` articles carry all their layers (JSON Lines)."""
    if table not in TABLES:
        raise InputError(f"cannot export {table!r}: choose one of {', '.join(TABLES)}")
    offset = 0
    while True:
        if table == "articles":
            page = store.articles(limit=PAGE, offset=offset)
            if full:
                page = [store.article(r["id"]) or r for r in page]
        else:
            page = getattr(store, table)(limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def export(store: Store, table: str, path: str | Path, fmt: str | None = None) -> int:
    """Write ``table`` to ``path``; returns the number of rows written."""
    path = Path(path)
    fmt = format_for(path, fmt)
    if fmt == "jsonl":
        n = 0
        with path.open("w", encoding="utf-8") as out:
            for row in rows(store, table, full=True):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        return n
    data = [_flat(r) for r in rows(store, table)]
    if fmt == "csv":
        fields: list[str] = []
        for row in data:
            fields += [k for k in row if k not in fields]
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=fields)
            writer.writeheader()
            writer.writerows(data)
        return len(data)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(data), path)
        return len(data)
    raise InputError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}
