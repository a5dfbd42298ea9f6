"""``antq users`` and ``antq serve`` as a user runs them (the commands the lead registers in antq.cli)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import typer
from sqlmodel import Session, select
from typer.testing import CliRunner

from antq.serve_cli import serve, users_app
from store.db import open_store
from store.users import User, verify

ROOT = Path(__file__).resolve().parents[1]


def _cli() -> typer.Typer:
    """The two commands as ``antq.cli`` registers them."""
    app = typer.Typer()
    app.command()(serve)
    app.add_typer(users_app, name="users")
    return app


def test_users_add_reads_the_password_from_stdin_and_stores_a_hash(sqlite_url: str) -> None:
    runner = CliRunner()
    app = _cli()
    result = runner.invoke(
        app, ["users", "add", "lan", "--role", "admin", "--db", sqlite_url], input="một mật khẩu dài\n"
    )
    assert result.exit_code == 0, result.output
    engine = open_store(sqlite_url)
    with Session(engine) as s:
        user = s.exec(select(User).where(User.name == "lan")).one()
        assert user.role == "admin" and "mật khẩu" not in user.password_hash
        assert verify(s, "lan", "một mật khẩu dài") is not None
    again = runner.invoke(app, ["users", "add", "lan", "--db", sqlite_url], input="another password\n")
    assert again.exit_code == 2 and "exists already" in again.output
    short = runner.invoke(app, ["users", "add", "minh", "--db", sqlite_url], input="short\n")
    assert short.exit_code == 2 and "shorter than 8" in short.output
    role = runner.invoke(app, ["users", "add", "minh", "--role", "editor", "--db", sqlite_url], input="x" * 9)
    assert role.exit_code != 0
    listed = runner.invoke(app, ["users", "list", "--db", sqlite_url])
    assert listed.stdout.splitlines()[0].startswith("lan\tadmin\t")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_on_the_given_host_and_port(sqlite_url: str, tmp_path: Path) -> None:
    port = _free_port()
    code = (
        "import typer; from antq.serve_cli import serve, users_app; app = typer.Typer(); "
        "app.command()(serve); app.add_typer(users_app, name='users'); app()"
    )
    env = {**os.environ, "ANTQ_SECRET_FILE": str(tmp_path / "secret"), "ANTQ_PUBLIC_READ": "1"}
    env.pop("ANTQ_SECRET_KEY", None)
    process = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--host", "127.0.0.1", "--port", str(port), "--db", sqlite_url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/records", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stdout.read()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "antq serve did not answer within 30 s"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["items"] == []  # public read, empty store
        assert httpx.get(f"http://127.0.0.1:{port}/login").status_code == 200
        secret = (tmp_path / "secret").read_text().strip()
        assert len(secret) >= 40 and oct((tmp_path / "secret").stat().st_mode)[-3:] == "600"
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert "no accounts yet" in output
