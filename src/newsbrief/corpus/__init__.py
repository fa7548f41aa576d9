"""The corpus: many articles stored, folded when duplicated, grouped into stories, searchable.

``Store`` (store.py) is the database and its query API; ``ingest`` (ingest.py) fills it.
"""

from __future__ import annotations

from .store import SCHEMA_VERSION, Store, default_path

__all__ = ["SCHEMA_VERSION", "Store", "default_path"]
