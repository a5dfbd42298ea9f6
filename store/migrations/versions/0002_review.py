"""review: accounts and the indexes the review queue needs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 06:00:00

The queue lists records of one status ordered by confidence, then id, and pages by keyset;
(status, confidence, id) serves that on every record table.  revision.published and
article.source, also filtered on, are indexed since 0001.  Filters by province read the
province code inside event.admin_old / admin_new: an expression index on each, written as
``store.review.json_text`` writes the filter.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = ("official", "figure", "award", "event")
ADMIN_COLUMNS = ("admin_old", "admin_new")


def _province_code(column: str) -> sa.TextClause:
    if op.get_bind().dialect.name == "postgresql":
        return sa.text(f"({column} ->> 'province_code')")
    return sa.text(f"json_extract({column}, '$.province_code')")


def upgrade() -> None:
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint("role IN ('reviewer', 'admin')", name="ck_user_account_role"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_user_account_name", "user_account", ["name"], unique=True)
    for table in RECORD_TABLES:
        op.create_index(f"ix_{table}_queue", table, ["status", "confidence", "id"], unique=False)
    for column in ADMIN_COLUMNS:
        op.create_index(f"ix_event_{column}_province", "event", [_province_code(column)], unique=False)


def downgrade() -> None:
    for column in ADMIN_COLUMNS:
        op.drop_index(f"ix_event_{column}_province", table_name="event")
    for table in RECORD_TABLES:
        op.drop_index(f"ix_{table}_queue", table_name=table)
    op.drop_index("ix_user_account_name", table_name="user_account")
    op.drop_table("user_account")
