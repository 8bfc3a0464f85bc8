"""Transfer screening: decisions with rule executions and shadow outcomes, rule sets, payer–payee history
and the seen-transfers window for fan-in and velocity.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screen_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bank", sa.String(length=64), nullable=False),
        sa.Column("transfer_id", sa.String(length=128), nullable=False),
        sa.Column("transfer_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("payer_account", sa.String(length=64), nullable=False),
        sa.Column("payee_account", sa.String(length=64), nullable=False),
        sa.Column("rules_version", sa.String(length=80), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("actions", sa.JSON(), nullable=False),
        sa.Column("executions", sa.JSON(), nullable=False),
        sa.Column("shadow", sa.JSON(), nullable=True),
        sa.Column("transfer", sa.JSON(), nullable=False),
        sa.Column("review", sa.String(length=16), nullable=False),
        sa.Column("reviewed_by", sa.String(length=64), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("bank", "transfer_id", name="uq_screen_decisions_bank_transfer"),
    )
    op.create_index(
        "ix_screen_decisions_pending",
        "screen_decisions",
        ["bank", "review", "outcome", "decided_at"],
        unique=False,
    )
    op.create_index("ix_screen_decisions_payee", "screen_decisions", ["payee_account"], unique=False)
    op.create_table(
        "screen_rule_sets",
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("version"),
    )
    op.create_table(
        "screen_pairs",
        sa.Column("payer_account", sa.String(length=64), nullable=False),
        sa.Column("payee_account", sa.String(length=64), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("last_amount_fen", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("payer_account", "payee_account"),
    )
    op.create_table(
        "screen_transfers_seen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payer_account", sa.String(length=64), nullable=False),
        sa.Column("payee_account", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_screen_seen_payee_at", "screen_transfers_seen", ["payee_account", "at"], unique=False)
    op.create_index("ix_screen_seen_payer_at", "screen_transfers_seen", ["payer_account", "at"], unique=False)


def downgrade() -> None:
    for table in ("screen_transfers_seen", "screen_pairs", "screen_rule_sets", "screen_decisions"):
        op.drop_table(table)
