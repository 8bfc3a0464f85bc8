"""Intelligence store: identifiers, reports, feedback, officer decisions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "identifiers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(512), nullable=False),
        sa.Column("official", sa.Boolean, nullable=False),
        sa.Column("official_note", sa.String(200)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("kind", "value", name="uq_identifiers_kind_value"),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "identifier_id", sa.Integer, sa.ForeignKey("identifiers.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("fraud_type", sa.String(32)),
        sa.Column("text", sa.Text),
        sa.Column("reporter_hash", sa.String(64)),
        sa.Column("idempotency_key", sa.String(128), unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reports_identifier", "reports", ["identifier_id"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "identifier_id", sa.Integer, sa.ForeignKey("identifiers.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("reporter_hash", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_feedback_identifier", "feedback", ["identifier_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "identifier_id", sa.Integer, sa.ForeignKey("identifiers.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("officer", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_decisions_identifier", "decisions", ["identifier_id"])


def downgrade() -> None:
    for table in ("decisions", "feedback", "reports", "identifiers"):
        op.drop_table(table)
