"""Idempotency keys scoped per caller, with the request they answered.

A client's `Idempotency-Key` used to be stored as sent, shared by every caller: one caller could claim
another's key and have its report silently dropped. Keys from the API are now stored scoped by caller
(`fanzha.intel.idempotency.scoped_key`), with a hash of the request they were first sent with, so that
the same key with another body answers 409 instead of the first report's id. Keys already stored keep
their value and have no request hash (they answer as before).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("request_hash", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("request_hash")
