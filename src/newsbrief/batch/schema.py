"""Arrow schemas of the batch output, derived from the dataclasses of ``newsbrief.document``.

The schemas are built from the type hints rather than from the data, so a layer that is empty
in every row (or a layer a stage does not fill yet) still has its full, typed schema, and a
field added to a dataclass shows up in the output without a change here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from typing import Any

import pyarrow as pa

from ..document import _LAYERS, Article, Event, Quote

# The article's own fields, in the order of the JSON contract's "article" object.
ARTICLE_FIELDS = ("title", "text", "published", "url", "source", "language", "published_basis")
# Every list layer of the JSON contract, each a nested column named as there.
LAYER_COLUMNS = ("publisher_key_points", *_LAYERS)
# The layers that are also written as flat tables, one row per item.
FLAT_TABLES: dict[str, type] = {"quotes": Quote, "events": Event}

_SCALARS: dict[Any, pa.DataType] = {str: pa.string(), int: pa.int64(), bool: pa.bool_(), float: pa.float64()}


def arrow_type(tp: Any) -> pa.DataType:
    """The Arrow type of one annotation (``str | None``, ``list[Mention]``, ``dict[str, int]``, a dataclass)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"cannot map {tp!r} to an Arrow type")
        return arrow_type(args[0])
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(tp)[0]))
    if origin is dict:
        key, value = typing.get_args(tp)
        return pa.map_(arrow_type(key), arrow_type(value))
    if dataclasses.is_dataclass(tp):
        return pa.struct([pa.field(f.name, arrow_type(hint)) for f, hint in _fields(tp)])
    if tp in _SCALARS:
        return _SCALARS[tp]
    raise TypeError(f"cannot map {tp!r} to an Arrow type")


def _fields(cls: type) -> list[tuple[dataclasses.Field, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls)]


@functools.cache
def article_schema() -> pa.Schema:
    """One row per article: ``id``, ``error``, the article fields, then every layer as a nested column."""
    hints = typing.get_type_hints(Article)
    fields = [pa.field("id", pa.string()), pa.field("error", pa.string())]
    for name in ARTICLE_FIELDS:
        fields.append(pa.field(name, pa.date32() if name == "published" else arrow_type(hints[name])))
    fields += [pa.field(name, arrow_type(hints[name])) for name in LAYER_COLUMNS]
    return pa.schema(fields)


@functools.cache
def flat_schema(layer: str) -> pa.Schema:
    """One row per item of ``layer``: the article ``id``, the item's ``index``, its fields flattened with ``_``."""
    fields = [pa.field("id", pa.string()), pa.field("index", pa.int64())]
    fields += [pa.field(name, typ) for name, typ in _flat_fields(FLAT_TABLES[layer])]
    return pa.schema(fields)


def _flat_fields(cls: type, prefix: str = "") -> list[tuple[str, pa.DataType]]:
    out: list[tuple[str, pa.DataType]] = []
    for f, hint in _fields(cls):
        inner = _optional_inner(hint)
        if dataclasses.is_dataclass(inner):
            out += _flat_fields(inner, f"{prefix}{f.name}_")
        else:
            out.append((f"{prefix}{f.name}", arrow_type(hint)))
    return out


def _optional_inner(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


def article_row(article: Article, row_id: str | None) -> dict[str, Any]:
    """The output row of an analysed article (the JSON contract, its "article" object flattened)."""
    data = article.to_dict()
    row: dict[str, Any] = {"id": row_id, "error": None}
    row.update({name: data["article"].get(name) for name in ARTICLE_FIELDS})
    row["published"] = article.published
    row.update({name: data[name] for name in LAYER_COLUMNS})
    return row


def error_row(row_id: str | None, message: str) -> dict[str, Any]:
    """A failed article: its id and the message, every other column empty."""
    return {"id": row_id, "error": message}


def flat_rows(layer: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    """The items of one layer of an output row, flattened for the layer's flat table."""
    columns = set(flat_schema(layer).names)
    out = []
    for index, item in enumerate(row.get(layer) or []):
        flat: dict[str, Any] = {"id": row["id"], "index": index}
        _flatten(item, "", flat, columns)
        out.append(flat)
    return out


def _flatten(item: dict[str, Any], prefix: str, out: dict[str, Any], columns: set[str]) -> None:
    for key, value in item.items():
        name = f"{prefix}{key}"
        # a nested dataclass is spread into columns; a dict-typed field (a map column) is kept whole
        if isinstance(value, dict) and name not in columns:
            _flatten(value, f"{name}_", out, columns)
        else:
            out[name] = value


def to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)


def row_to_article(row: dict[str, Any]) -> Article:
    """Rebuild an Article (with its layers) from an article row read back from Parquet."""
    data = dict(row)
    if isinstance(data.get("published"), dt.date):
        data["published"] = data["published"].isoformat()
    for event in data.get("events") or []:
        # Arrow gives a map back as a list of (key, value) pairs
        if isinstance(event.get("counts"), list):
            event["counts"] = dict(event["counts"])
    return Article.from_dict({k: v for k, v in data.items() if v is not None})
