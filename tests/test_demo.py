"""``antq demo`` end to end: crawl of the demo site on loopback → clean → store → extract → export."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from antq.cli import app
from export.models import json_schema

DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"


def test_demo_runs_the_whole_job(tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    result = CliRunner().invoke(app, ["demo", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    pages = json.loads((DEMO / "pages.json").read_text(encoding="utf-8"))
    on_topic = {p["path"] for p in pages if p["page_type"] == "article"}
    exported = json.loads(out.read_text(encoding="utf-8"))
    schema = json_schema()
    for article in exported:
        jsonschema.validate(article, schema)
    paths = {"/" + a["article"]["url"].split("/", 3)[3] for a in exported}
    assert paths == on_topic  # every article about the movement, and nothing off-topic
    assert sum(len(a["officials"]) for a in exported) >= 20
    assert all(a["events"] for a in exported)
    # a second run finds nothing new: nothing is stored or extracted twice
    again = CliRunner().invoke(app, ["demo", "--db", db, "-o", str(out)])
    assert again.exit_code == 0, again.output
    assert len(json.loads(out.read_text(encoding="utf-8"))) == len(exported)
