from __future__ import annotations

from sqlalchemy import JSON, Column, Engine, Integer, MetaData, Table, insert, select


def test_json_columns_round_trip_text_big_integers_and_nesting(engine: Engine) -> None:
    table = Table("json_probe", MetaData(), Column("id", Integer, primary_key=True), Column("doc", JSON))
    table.create(engine)
    try:
        docs = [
            {"purpose": "转入安全账户", "amount": 50000.5, "nested": [{"a": None, "b": True}]},
            {"card": 62220212345678901234567890, "negative": -(2**70)},  # beyond 64 bits: no float on the way
            "h..?h",
        ]
        with engine.begin() as conn:
            conn.execute(insert(table), [{"id": i, "doc": d} for i, d in enumerate(docs)])
        with engine.connect() as conn:
            back = [doc for (doc,) in conn.execute(select(table.c.doc).order_by(table.c.id))]
        assert back == docs
        assert isinstance(back[1]["card"], int)
    finally:
        table.drop(engine)


def test_the_autocommit_reader_plans_every_query_with_the_table_as_it_is(engine: Engine) -> None:
    """Screening's hot read (which transfer ids are stored) runs on `autocommit_reader`: on PostgreSQL in
    autocommit (one round trip) and never on a generic plan, which psycopg's prepared statements would
    otherwise keep from the day the table was empty (a sequential scan for ever on a server without
    autovacuum). Elsewhere the engine itself."""
    from sqlalchemy import text

    from fanzha.screen.decisions import _STORED_IDS
    from fanzha.store.engine import autocommit_reader

    reader = autocommit_reader(engine)
    if engine.dialect.name != "postgresql":
        assert reader is engine
        return
    assert autocommit_reader(engine) is reader
    with reader.connect() as connection:
        for _ in range(15):  # prepared after 5 uses; PostgreSQL weighs a generic plan after 5 more
            connection.execute(_STORED_IDS, {"bank": "b", "ids": ["t-1", "t-2"]}).all()
        plans = connection.execute(
            text(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                "WHERE statement LIKE '%screen_decisions%'"
            )
        ).all()
        assert connection.execute(text("SHOW transaction_isolation")).scalar() == "read committed"
        assert connection.connection.dbapi_connection.autocommit  # type: ignore[union-attr]
    assert plans and all(generic == 0 and custom >= 1 for generic, custom in plans)
