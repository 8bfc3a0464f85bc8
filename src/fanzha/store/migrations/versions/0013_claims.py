"""Medical-insurance claims audit: audit runs, institutions, audited claims and their findings, and the
citizens' 骗保 reports with the office's handling.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TABLES = ("claim_reports", "claim_findings", "claim_results", "claim_institutions", "claim_runs")


def upgrade() -> None:
    op.create_table(
        "claim_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uploaded_by", sa.String(length=100), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("bad_lines", sa.Integer(), nullable=False),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("flagged_claims", sa.Integer(), nullable=False),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("at_stake_fen", sa.BigInteger(), nullable=False),
        sa.Column("institutions", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_runs_uploaded", "claim_runs", ["uploaded_at"], unique=False)
    op.create_table(
        "claim_institutions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("first_run_id", sa.Integer(), nullable=True),
        sa.Column("last_run_id", sa.Integer(), nullable=True),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "claim_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.String(length=64), nullable=False),
        sa.Column("institution_id", sa.String(length=64), nullable=False),
        sa.Column("institution_name", sa.String(length=200), nullable=False),
        sa.Column("patient_id", sa.String(length=64), nullable=False),
        sa.Column("admitted", sa.Date(), nullable=True),
        sa.Column("discharged", sa.Date(), nullable=True),
        sa.Column("total_fen", sa.BigInteger(), nullable=False),
        sa.Column("at_stake_fen", sa.BigInteger(), nullable=False),
        sa.Column("findings", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["claim_runs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_results_run", "claim_results", ["run_id", "seq"], unique=True)
    op.create_index(
        "ix_claim_results_institution", "claim_results", ["institution_id", "admitted"], unique=False
    )
    op.create_table(
        "claim_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.String(length=64), nullable=False),
        sa.Column("institution_id", sa.String(length=64), nullable=False),
        sa.Column("rule", sa.String(length=48), nullable=False),
        sa.Column("item_refs", sa.JSON(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["claim_runs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_claim_findings_institution", "claim_findings", ["institution_id", "rule"], unique=False
    )
    op.create_index("ix_claim_findings_run", "claim_findings", ["run_id", "seq"], unique=False)
    op.create_table(
        "claim_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=24), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("institution_id", sa.String(length=64), nullable=True),
        sa.Column("happened_on", sa.Date(), nullable=True),
        sa.Column("contact_raw", sa.String(length=100), nullable=False),
        sa.Column("contact", sa.String(length=64), nullable=False),
        sa.Column("contact_flags", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("handled_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_reports_status", "claim_reports", ["status", "created_at"], unique=False)
    op.create_index(
        "ix_claim_reports_institution", "claim_reports", ["institution_id", "status"], unique=False
    )
    op.create_index("ix_claim_reports_reference", "claim_reports", ["reference"], unique=True)


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
