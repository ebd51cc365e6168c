"""The SQLite store (sqlite-utils). No Qt, no jieba."""

from viewer.store.connection import (
    MEMORY,
    Queryable,
    StoreError,
    StoreTooNewError,
    connect,
    database,
    interrupt,
    open_store,
    schema_version,
    store_error,
    write_transaction,
)

__all__ = [
    "MEMORY",
    "Queryable",
    "StoreError",
    "StoreTooNewError",
    "connect",
    "database",
    "interrupt",
    "open_store",
    "schema_version",
    "store_error",
    "write_transaction",
]
