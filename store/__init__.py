"""The store: SQLModel tables over SQLite (default) or PostgreSQL, migrated by Alembic."""
