"""accounts: a session generation, so logging out revokes the session on the server

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-03 21:45:00

A login writes the account's ``session_generation`` into the signed session cookie; every
request compares the two, and logging out adds one, so a copied cookie stops working.
Existing accounts start at 0 (their sessions from before the upgrade carry no generation and
are asked to log in again).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_generation", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("session_generation")
