"""The review app's HTML pages and forms: login, queue, record, accept / reject / edit / undo,
bulk accept, conflicts, CSRF — through the same requests a browser sends."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from sqlmodel import Session, col, func, select

from review.present import number
from store.db import transaction
from store.models import AuditEntry, FigureRow, ReviewStatus
from store.review import accept
from tests.test_review_helpers import PASSWORDS, client_for, filled_sqlite, form_token, page_login


@pytest.fixture
def db(tmp_path: Path) -> str:
    return filled_sqlite(tmp_path, 6)


@pytest.fixture
def lan(db: str):  # type: ignore[no-untyped-def]
    with client_for(db) as c:
        page_login(c, "lan")
        yield c


def _engine(client):  # type: ignore[no-untyped-def]
    return client.app.state.engine


def _figures(client) -> list[FigureRow]:  # type: ignore[no-untyped-def]
    with Session(_engine(client)) as s:
        return list(s.exec(select(FigureRow).order_by(col(FigureRow.confidence), col(FigureRow.id))))


def _audits(client) -> int:  # type: ignore[no-untyped-def]
    with Session(_engine(client)) as s:
        return s.exec(select(func.count()).select_from(AuditEntry)).one()


def test_login_form(db: str) -> None:
    with client_for(db) as c:
        page = c.get("/login?next=/figures")
        token = form_token(page.text)
        wrong = c.post(
            "/login", data={"name": "lan", "password": "nope", "csrf_token": token, "next": "/figures"}
        )
        assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
        forged = c.post("/login", data={"name": "lan", "password": PASSWORDS["lan"], "csrf_token": "x"})
        assert forged.status_code == 403
        ok = c.post(
            "/login",
            data={
                "name": "lan",
                "password": PASSWORDS["lan"],
                "csrf_token": token,
                "next": "//elsewhere.example/steal",
            },
        )
        assert ok.status_code == 303 and ok.headers["location"] == "/queue"  # never off-site
        queue = c.get("/queue")
        assert "Logged in as lan" in queue.text and "Log out" in queue.text
        logout = c.post("/logout", data={"csrf_token": form_token(queue.text)})
        assert logout.status_code == 303 and c.get("/queue").status_code == 303


def test_queue_page_filters_and_pages(lan) -> None:  # type: ignore[no-untyped-def]
    page = lan.get("/queue?kind=figures")
    assert page.status_code == 200
    rows = re.findall(r'<tr data-queue-row id="row-(\w+)-(\d+)"', page.text)
    assert rows and {kind for kind, _ in rows} == {"figures"}
    assert [int(i) for _, i in rows] == [f.id for f in _figures(lan)][: len(rows)]
    assert lan.get("/queue?kind=persons").status_code == 400
    assert "not a date" in lan.get("/queue?date_from=hôm qua").text
    small = client_for(lan.app.state.settings.db)
    small.app.state.settings = replace(small.app.state.settings, page_size=5)
    with small:
        page_login(small, "lan")
        first = small.get("/queue?kind=figures").text
        following = re.search(r'href="(/queue\?[^"]*after=[^"]+)" rel="next"', first)
        assert following
        second = small.get(following.group(1).replace("&amp;", "&")).text
        ids = lambda text: re.findall(r'id="row-figures-(\d+)"', text)  # noqa: E731
        assert len(ids(first)) == 5 and not set(ids(first)) & set(ids(second))
        assert 'rel="prev"' in second


def test_record_page_shows_the_evidence_beside_the_fields(lan) -> None:  # type: ignore[no-untyped-def]
    figure = _figures(lan)[0]
    page = lan.get(f"/records/figures/{figure.id}?kind=figures")
    assert page.status_code == 200
    marked = re.search(r'<mark id="evidence">(.*?)</mark>', page.text, re.S)
    assert marked and re.sub(r"<[^>]+>", "", marked.group(1)) == figure.evidence.text
    spot = re.search(r'<strong class="focus" id="focus">(.*?)</strong>', marked.group(1))
    assert spot and spot.group(1).startswith(number(figure.value))  # the record's own number, in bold
    assert 'data-key="a"' in page.text and 'data-key="r"' in page.text and 'data-key="e"' in page.text
    assert f'/records/figures/{figure.id}/next?kind=figures" data-key="j"' in page.text
    assert lan.get("/records/figures/999999").status_code == 404
    assert lan.get("/records/persons/1").status_code == 404


def test_accept_from_the_record_page_goes_to_the_next_record(lan) -> None:  # type: ignore[no-untyped-def]
    first, second = _figures(lan)[:2]
    page = lan.get(f"/records/figures/{first.id}?kind=figures")
    answer = lan.post(
        f"/records/figures/{first.id}/accept",
        data={"csrf_token": form_token(page.text), "version": 1, "q": "kind=figures"},
    )
    assert (
        answer.status_code == 303
        and answer.headers["location"] == f"/records/figures/{first.id}/next?kind=figures"
    )
    step = lan.get(answer.headers["location"])
    assert step.headers["location"] == f"/records/figures/{second.id}?kind=figures"
    shown = lan.get(step.headers["location"]).text
    assert f"Accepted: figures #{first.id}." in shown
    with Session(_engine(lan)) as s:
        row = s.get(FigureRow, first.id)
        assert row.status == ReviewStatus.accepted and row.version == 2
        assert s.exec(select(AuditEntry.actor)).all() == ["lan"]
    back = lan.get(f"/records/figures/{second.id}/prev?kind=figures")  # the accepted one left the queue
    assert back.headers["location"] == "/queue?kind=figures"
    again = lan.post(
        f"/records/figures/{first.id}/accept", data={"csrf_token": form_token(page.text), "version": 2}
    )
    assert again.status_code == 303  # accepting it again is recorded, and read as such
    assert "(confirmed, nothing changed)" in lan.get(f"/records/figures/{first.id}").text


def test_form_writes_need_a_login_and_the_csrf_token(db: str, lan) -> None:  # type: ignore[no-untyped-def]
    figure = _figures(lan)[0]
    with client_for(db) as anonymous:
        for url in [
            f"/records/figures/{figure.id}/accept",
            f"/records/figures/{figure.id}/edit",
            "/queue/bulk-accept",
        ]:
            answer = anonymous.post(url, data={"version": 1, "value": 3, "item": f"figures:{figure.id}:1"})
            assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
            login = anonymous.get(answer.headers["location"]).text
            assert "Not saved: log in as a reviewer to change records" in login  # not lost silently
    for url, data in [
        (f"/records/figures/{figure.id}/reject", {"version": 1}),
        (f"/records/figures/{figure.id}/edit", {"version": 1, "value": "3"}),
        ("/queue/bulk-accept", {"item": f"figures:{figure.id}:1"}),
        ("/queue/bulk-accept", {"item": f"figures:{figure.id}:1", "csrf_token": "forged"}),
    ]:
        assert lan.post(url, data=data).status_code == 403
    assert _audits(lan) == 0


def test_second_reviewer_sees_the_conflict_with_the_current_version(db: str, lan) -> None:  # type: ignore[no-untyped-def]
    figure = _figures(lan)[0]
    with client_for(db) as minh:
        page_login(minh, "minh")
        minh_page = minh.get(f"/records/figures/{figure.id}")  # both have version 1 on screen
        lan_page = lan.get(f"/records/figures/{figure.id}")
        lan.post(
            f"/records/figures/{figure.id}/accept",
            data={"csrf_token": form_token(lan_page.text), "version": 1},
        )
        answer = minh.post(
            f"/records/figures/{figure.id}/reject",
            data={"csrf_token": form_token(minh_page.text), "version": 1},
        )
        assert answer.status_code == 409
        assert "someone else changed this record" in answer.text
        assert "now version 2 (accepted)" in answer.text
        assert '<span class="status accepted" id="record-status">' in answer.text
        edit = minh.post(
            f"/records/figures/{figure.id}/edit",
            data={
                "csrf_token": form_token(minh_page.text),
                "version": 1,
                "value": "4242",
                "kind": "count",
                "unit": "tổ",
                "head": "tổ",
            },
        )
        assert edit.status_code == 409 and 'value="4242"' in edit.text  # the input is kept, not saved
        now = re.findall(r'<small class="current">now:\s*(.*?)</small>', edit.text, re.S)
        shown = str(int(figure.value)) if figure.value.is_integer() else str(figure.value)
        assert shown in [n.strip() for n in now]  # beside each input, what the record says now
        assert 'name="version" value="2"' in edit.text
    with Session(_engine(lan)) as s:
        row = s.get(FigureRow, figure.id)
        assert row.status == ReviewStatus.accepted and row.value == figure.value and row.version == 2


def test_edit_form_validates_saves_and_undoes(lan) -> None:  # type: ignore[no-untyped-def]
    figure = _figures(lan)[0]
    form = lan.get(f"/records/figures/{figure.id}/edit")
    assert form.status_code == 200 and 'name="qualifier"' in form.text
    token = form_token(form.text)
    base = {
        "csrf_token": token,
        "version": 1,
        "kind": "count",
        "unit": "tổ bảo vệ ANTT",
        "head": "tổ",
        "qualifier": "",
        "total": "",
    }
    bad = lan.post(
        f"/records/figures/{figure.id}/edit", data={**base, "value": "năm nghìn", "kind": "weight"}
    )
    assert bad.status_code == 422 and "the record schema refuses" in bad.text
    assert "<code>value</code>" in bad.text and "<code>kind</code>" in bad.text
    ok = lan.post(f"/records/figures/{figure.id}/edit", data={**base, "value": "5120"})
    assert ok.status_code == 303
    record = lan.get(ok.headers["location"]).text
    assert "is now edited" in record and "5.120" in record and 'id="undo-form"' in record
    with Session(_engine(lan)) as s:
        row = s.get(FigureRow, figure.id)
        assert (row.value, row.status, row.unit, row.qualifier) == (
            5120,
            ReviewStatus.edited,
            "tổ bảo vệ ANTT",
            None,
        )
    undo = lan.post(f"/records/figures/{figure.id}/undo", data={"csrf_token": token, "version": 2})
    assert undo.status_code == 303
    with Session(_engine(lan)) as s:
        row = s.get(FigureRow, figure.id)
        assert (row.value, row.status, row.version) == (figure.value, ReviewStatus.pending, 3)
    nothing = lan.post(f"/records/figures/{figure.id}/undo", data={"csrf_token": token, "version": 3})
    assert "no change to undo" in lan.get(nothing.headers["location"]).text


def test_event_edit_form_has_the_administrative_units(lan) -> None:  # type: ignore[no-untyped-def]
    from store.models import EventRow

    with Session(_engine(lan)) as s:
        event = s.exec(select(EventRow)).first()
    form = lan.get(f"/records/events/{event.id}/edit").text
    assert 'name="admin_old.province_code"' in form and 'name="date"' in form
    assert '<option value="tong_ket"' in form and "Tổng kết (tong_ket)</option>" in form
    data = {
        name: value for name, value in re.findall(r'<input id="f-(\w+)" name="\w+" value="([^"]*)"', form)
    }
    data.update(
        {f"admin_new.{k}": v for k, v in re.findall(r'name="admin_new\.(\w+)" value="([^"]*)"', form)}
    )
    data.update(
        {"csrf_token": form_token(form), "version": 1, "type": "tong_ket", "admin_new.ward_code": "x1"}
    )
    bad = lan.post(f"/records/events/{event.id}/edit", data=data)
    assert bad.status_code == 422 and "digits only" in bad.text
    data["admin_new.ward_code"] = "00123"
    assert lan.post(f"/records/events/{event.id}/edit", data=data).status_code == 303
    with Session(_engine(lan)) as s:
        saved = s.get(EventRow, event.id)
        assert saved.type.value == "tong_ket" and saved.admin_new["ward_code"] == "00123"
        assert saved.admin_new["province_code"] == event.admin_new["province_code"]


def test_bulk_accept_of_checked_rows_and_of_the_whole_filter(lan) -> None:  # type: ignore[no-untyped-def]
    figures = _figures(lan)
    with transaction(_engine(lan)) as s:
        accept(s, "figures", figures[1].id, 1, "minh")  # changed after lan's page was drawn
    page = lan.get("/queue?kind=figures")
    token = form_token(page.text)
    items = [f"figures:{f.id}:1" for f in figures[:3]]
    answer = lan.post(
        "/queue/bulk-accept",
        data={"csrf_token": token, "item": items, "q": "kind=figures", "next": "/queue?kind=figures"},
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/queue?kind=figures"
    shown = lan.get("/queue?kind=figures").text
    assert "Accepted 2 record(s)." in shown and "changed by someone else" in shown
    answer = lan.post(
        "/queue/bulk-accept", data={"csrf_token": token, "all": "1", "q": "kind=figures&min_conf=0.9"}
    )
    assert answer.status_code == 303
    with Session(_engine(lan)) as s:
        left = s.exec(select(FigureRow).where(FigureRow.status == ReviewStatus.pending)).all()
        assert left and all(f.confidence < 0.9 for f in left)
        assert s.exec(select(func.count()).select_from(AuditEntry).where(AuditEntry.actor == "lan")).one() > 2


def test_links_carry_the_filter(lan) -> None:  # type: ignore[no-untyped-def]
    page = lan.get("/queue?kind=awards&min_conf=0.2").text
    link = re.search(r'href="(/records/awards/\d+\?[^"]+)" data-row-key="o"', page)
    assert link
    query = parse_qs(urlparse(link.group(1).replace("&amp;", "&")).query)
    assert query == {"kind": ["awards"], "min_conf": ["0.2"]}
