"""Screening history and counter checks.

Fan-in into a payee is read from the payer–payee pairs (each distinct payer's latest payment, newest
first, through a new index) instead of every seen transfer, so the seen transfers' payee index goes;
they get an index on their time instead, for pruning in small steps, and the payer index covers the
columns screening reads (no table lookups). A transfer is checked at the counter once per bank (a
unique index, so two tellers cannot both record it). Orders name their bank by its full name
(`fanzha.intel.banks.bank_name`: 工行 → 中国工商银行), so those already stored are renamed.

Before this revision two tellers could both record a check of one transfer, and the unique index
refused such a database (the upgrade failed; on SQLite it left the indexes half changed). The first
check of a transfer keeps its transfer id; each later one is kept with `#<its id>` after the transfer
id, cut to fit, so the upgrade loses no check (tests/store/test_migration_history.py).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_screen_pairs_payee_last", "screen_pairs", ["payee_account", "last_at"])
    op.drop_index("ix_screen_seen_payee_at", table_name="screen_transfers_seen")
    op.create_index("ix_screen_seen_at", "screen_transfers_seen", ["at"])
    op.drop_index("ix_screen_seen_payer_at", table_name="screen_transfers_seen")
    _rename_order_banks()
    _number_repeated_checks()
    op.create_index("uq_counter_checks_transfer", "counter_checks", ["bank", "transfer_id"], unique=True)
    op.create_index(
        "ix_screen_seen_payer_recent",
        "screen_transfers_seen",
        ["payer_account", "at", "payee_account", "amount_fen"],
    )


def _rename_order_banks() -> None:
    from fanzha.intel.banks import bank_name

    connection = op.get_bind()
    orders = sa.table("orders", sa.column("bank", sa.String))
    for (bank,) in connection.execute(sa.select(orders.c.bank).distinct()).all():
        if bank_name(bank) != bank:
            connection.execute(sa.update(orders).where(orders.c.bank == bank).values(bank=bank_name(bank)))


def _number_repeated_checks() -> None:
    connection = op.get_bind()
    checks = sa.table(
        "counter_checks",
        sa.column("id", sa.Integer),
        sa.column("bank", sa.String),
        sa.column("transfer_id", sa.String),
    )
    first = sa.select(sa.func.min(checks.c.id)).group_by(checks.c.bank, checks.c.transfer_id)
    later = sa.select(checks.c.id, checks.c.transfer_id).where(checks.c.id.not_in(first))
    for check_id, transfer_id in connection.execute(later).all():
        suffix = f"#{check_id}"
        connection.execute(
            sa.update(checks)
            .where(checks.c.id == check_id)
            .values(transfer_id=transfer_id[: 128 - len(suffix)] + suffix)
        )


def downgrade() -> None:
    op.drop_index("uq_counter_checks_transfer", table_name="counter_checks")
    op.drop_index("ix_screen_seen_payer_recent", table_name="screen_transfers_seen")
    op.create_index("ix_screen_seen_payer_at", "screen_transfers_seen", ["payer_account", "at"])
    op.drop_index("ix_screen_seen_at", table_name="screen_transfers_seen")
    op.create_index("ix_screen_seen_payee_at", "screen_transfers_seen", ["payee_account", "at"])
    op.drop_index("ix_screen_pairs_payee_last", table_name="screen_pairs")
