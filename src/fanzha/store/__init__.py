"""Storage: SQLAlchemy 2 engine and tables, Alembic migrations. SQLite embedded, PostgreSQL in production."""

from fanzha.store import (  # noqa: F401  (every table on Base.metadata)
    bank_tables,
    cardban_tables,
    case_tables,
    claims_tables,
    counter_tables,
    outreach_tables,
    report_tables,
    returnee_tables,
    screen_tables,
    warn_tables,
)
from fanzha.store.engine import database_url, make_engine, upgrade

__all__ = ["database_url", "make_engine", "upgrade"]
