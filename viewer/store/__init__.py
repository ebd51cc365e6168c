"""The SQLite store (sqlite-utils). No Qt, no jieba."""

from viewer.store.connection import MEMORY, StoreError, StoreTooNewError, open_store, schema_version

__all__ = ["MEMORY", "StoreError", "StoreTooNewError", "open_store", "schema_version"]
