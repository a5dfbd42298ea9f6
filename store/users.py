"""Accounts of the review app: who may change records, with argon2-hashed passwords.

Only the hash is stored (argon2id, the library's current parameters); a hash made with older
parameters is upgraded on the next successful login.  Unknown names cost the same time as
wrong passwords, so the login form does not tell which accounts exist.

``session_generation`` revokes sessions on the server: a login records the account's current
generation in the (signed) session cookie, every request compares it, and
:func:`revoke_sessions` (logging out) moves it on, so no copy of an older cookie is accepted.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import CheckConstraint, String, update
from sqlmodel import Field, Session, SQLModel, select

from store.models import utcnow

MIN_PASSWORD = 8
MAX_NAME = 64

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so both failures cost one argon2 verification.

    Made on first use: hashing takes tens of milliseconds and this module is imported by every
    migration run.
    """
    return _hasher.hash("antq-no-such-user")


class Role(str, Enum):
    reviewer = "reviewer"
    admin = "admin"


class User(SQLModel, table=True):
    """A person who logs in to the review app; ``role`` is reviewer or admin."""

    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL
    __table_args__ = (CheckConstraint("role IN ('reviewer', 'admin')", name="ck_user_account_role"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True, max_length=MAX_NAME)
    role: str = Field(default=Role.reviewer.value, sa_type=String(16))
    password_hash: str = Field(max_length=255)
    created_at: dt.datetime = Field(default_factory=utcnow)
    session_generation: int = Field(
        default=0,
        sa_column_kwargs={"server_default": "0"},
        description="Sessions made at another generation are refused; logging out moves it on.",
    )


class AccountError(ValueError):
    """An account cannot be created as asked; ``str()`` says why, for the user."""


def _check_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise AccountError("the account name is empty")
    if len(name) > MAX_NAME:
        raise AccountError(f"the account name is longer than {MAX_NAME} characters")
    if any(ch.isspace() for ch in name):
        raise AccountError("the account name may not contain spaces")
    return name


def add_user(session: Session, name: str, password: str, role: str | Role = Role.reviewer) -> User:
    """Create an account; refuses a taken name, an unknown role and a short password."""
    name = _check_name(name)
    try:
        role = Role(role)
    except ValueError:
        raise AccountError(f"unknown role {role!r}; choose reviewer or admin") from None
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password is shorter than {MIN_PASSWORD} characters")
    if session.exec(select(User.id).where(User.name == name)).first() is not None:
        raise AccountError(f"an account named {name!r} exists already")
    user = User(name=name, role=role.value, password_hash=_hasher.hash(password))
    session.add(user)
    session.flush()
    return user


def verify(session: Session, name: str, password: str) -> User | None:
    """The account when ``password`` is right, else None (same cost for unknown names)."""
    user = session.exec(select(User).where(User.name == name.strip())).first()
    if user is None:
        try:
            _hasher.verify(_dummy_hash(), password)
        except VerificationError:
            pass
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
        session.add(user)
        session.flush()
    return user


def revoke_sessions(session: Session, user_id: int) -> None:
    """End every session of the account made so far (their cookies, copied or not, stop working)."""
    session.exec(
        update(User)  # type: ignore[call-overload]
        .where(User.id == user_id)  # type: ignore[arg-type]
        .values(session_generation=User.session_generation + 1)
    )


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.name)))
