"""Many rows into one table, as cheaply as the database allows.

On PostgreSQL the rows go in one `COPY … FROM STDIN` stream: measured on screening decisions (20
columns, five of them JSON), 0.029 ms of client CPU a row in batches of 10 against 0.055 ms for the
Core executemany that SQLAlchemy runs (0.011 against 0.026 in batches of 40), and a quarter less wall
time. Elsewhere (SQLite) the Core executemany. Either way the rows are written in the caller's
transaction, and a driver error comes out as SQLAlchemy's own (a unique key already taken as
`IntegrityError`), so callers handle a race, a read-only store or a cut connection the same way on both
stores.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table, insert

from fanzha.store.engine import json_dumps


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys, the table's column names) into `table`."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), list(rows))
        return
    import psycopg

    columns = list(rows[0])
    # JSON columns as SQLAlchemy writes them (its JSON type stores None as the JSON `null`)
    is_json = [isinstance(table.columns[name].type, JSON) for name in columns]
    # Names as SQLAlchemy spells them (reserved words, schemas).
    quote = connection.dialect.identifier_preparer
    names = ", ".join(quote.quote(name) for name in columns)
    statement = f"COPY {quote.format_table(table)} ({names}) FROM STDIN"
    driver = connection.connection.driver_connection
    assert driver is not None
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(
                    [
                        json_dumps(row[name]) if js else row[name]
                        for name, js in zip(columns, is_json, strict=True)
                    ]
                )
    except psycopg.Error as exc:
        # What SQLAlchemy does with a driver error in its own statements: the matching SQLAlchemy error
        # (IntegrityError, OperationalError …), and on a cut connection the pool invalidated, so that the
        # service's error handling (503 with Retry-After, a read-only store refusing writes) and its
        # recovery work for COPY as for every other statement.
        connection._handle_dbapi_exception(exc, statement, None, None, None)
