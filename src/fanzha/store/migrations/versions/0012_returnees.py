"""Returnees (涉诈回流人员) with their cadre and officer and weekly meetings, outbound workers' daily reports, the door-to-door survey, and the log of every access to a returnee record.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
