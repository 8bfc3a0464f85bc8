"""Storage: SQLAlchemy 2 engine and tables, Alembic migrations. SQLite embedded, PostgreSQL in production."""

from fanzha.store import bank_tables, case_tables, report_tables, screen_tables  # noqa: F401  (every table on Base.metadata)
from fanzha.store.engine import database_url, make_engine, upgrade

__all__ = ["database_url", "make_engine", "upgrade"]
