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
