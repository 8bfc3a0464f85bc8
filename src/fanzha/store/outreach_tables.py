"""Tables of fanzha.outreach (SQLAlchemy 2 declarative). Changes go through Alembic migrations."""

from __future__ import annotations
