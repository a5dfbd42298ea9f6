"""Settings of the review app, from the environment with safe defaults.

- ``ANTQ_SECRET_KEY`` signs the session cookie.  Unset, a random key is generated once and
  kept in ``ANTQ_SECRET_FILE`` (default ``$XDG_CONFIG_HOME/antq/secret_key``, mode 0600), so
  sessions survive restarts without a key ever being written in code or logs.
- ``ANTQ_PUBLIC_READ=1`` lets anyone read the queue, figure check and timeline; by default
  reading needs a login too.  Changes always need a logged-in reviewer.
- ``ANTQ_HTTPS_ONLY=1`` marks the session cookie Secure (set it behind an HTTPS proxy).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

TRUE = {"1", "true", "yes", "on"}


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in TRUE


def secret_file() -> Path:
    explicit = os.environ.get("ANTQ_SECRET_FILE")
    if explicit:
        return Path(explicit)
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "antq" / "secret_key"


def load_secret_key() -> str:
    """``ANTQ_SECRET_KEY``, else the key file, created on first use."""
    key = os.environ.get("ANTQ_SECRET_KEY")
    if key:
        return key
    path = secret_file()
    if path.is_file():
        key = path.read_text(encoding="utf-8").strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(key + "\n")
    return key


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    secret_key: str = ""
    public_read: bool = False
    https_only: bool = False
    page_size: int = 50
    session_max_age: int = 12 * 3600  # seconds; a reviewer logs in once per working day
    bulk_limit: int = 5000  # records one "accept all matching" may change

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        return cls(
            db=db,
            secret_key=load_secret_key(),
            public_read=_flag("ANTQ_PUBLIC_READ"),
            https_only=_flag("ANTQ_HTTPS_ONLY"),
        )
