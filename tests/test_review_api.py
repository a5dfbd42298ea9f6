"""The review app's JSON API and its rules: reading, login, CSRF, review actions, conflicts,
queue filters and paging, figure check, timeline, downloads, escaping, headers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from urllib.parse import quote, unquote

import jsonschema
import pytest
from sqlmodel import Session, col, func, select

from export.models import json_schema
from export.writer import CSV_COLUMNS, StatusFilter, write
from store.db import open_store, transaction
from store.models import ROW_CLASSES, Article, AuditEntry, EventRow, FigureRow, ReviewStatus, Revision
from store.review import accept
from tests.test_review_helpers import add_accounts, api_login, client_for, filled_sqlite, store_article

WRITES = [
    ("post", "/api/records/figures/{id}/accept", {"version": 1}),
    ("post", "/api/records/figures/{id}/reject", {"version": 1}),
    ("post", "/api/records/figures/{id}/undo", {"version": 1}),
    ("patch", "/api/records/figures/{id}", {"version": 1, "fields": {"value": 1}}),
    ("post", "/api/records/bulk-accept", {"items": [{"kind": "figures", "id": "{id}", "version": 1}]}),
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return filled_sqlite(tmp_path, 8)


@pytest.fixture
def client(db: str):  # type: ignore[no-untyped-def]
    with client_for(db) as c:
        yield c


def _engine(client):  # type: ignore[no-untyped-def]
    return client.app.state.engine


def _figure(client) -> FigureRow:  # type: ignore[no-untyped-def]
    with Session(_engine(client)) as s:
        return s.exec(select(FigureRow).order_by(col(FigureRow.id))).first()  # type: ignore[return-value]


def _audits(client) -> int:  # type: ignore[no-untyped-def]
    with Session(_engine(client)) as s:
        return s.exec(select(func.count()).select_from(AuditEntry)).one()


def _fill_path(body, record_id: int):  # type: ignore[no-untyped-def]
    text = json.dumps(body).replace('"{id}"', str(record_id))
    return json.loads(text)


def test_openapi_describes_the_json_api(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/api/openapi.json").json()
    paths = spec["paths"]
    for path in [
        "/api/records",
        "/api/records/{kind}/{record_id}",
        "/api/records/{kind}/{record_id}/accept",
        "/api/records/{kind}/{record_id}/reject",
        "/api/records/{kind}/{record_id}/undo",
        "/api/records/bulk-accept",
        "/api/figures",
        "/api/timeline",
        "/api/timeline/export",
        "/api/export",
        "/api/session",
    ]:
        assert path in paths, path
    assert "patch" in paths["/api/records/{kind}/{record_id}"]
    assert "409" in paths["/api/records/{kind}/{record_id}/accept"]["post"]["responses"]
    assert not any(p.startswith(("/queue", "/records", "/login")) for p in paths)  # pages stay out
    assert client.get("/docs").status_code == 404  # the CDN-loading docs page is off


def test_reading_needs_a_login_unless_the_app_is_public(db: str) -> None:
    with client_for(db) as private:
        assert private.get("/api/records").status_code == 401
        for page in ["/queue", "/figures", "/timeline", "/export", "/records/figures/1"]:
            response = private.get(page)
            assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
        assert private.get("/api/export").status_code == 401
        api_login(private, "lan")
        assert private.get("/api/records").status_code == 200
    with client_for(db, public_read=True) as public:
        assert public.get("/api/records").status_code == 200
        for page in ["/queue", "/figures", "/timeline", "/export", "/records/figures/1"]:
            assert public.get(page).status_code == 200, page
        assert public.get("/").headers["location"] == "/queue"
        script = public.get("/static/review.js")
        assert script.status_code == 200 and "javascript" in script.headers["content-type"]
        assert "Log in</a> to review" in public.get("/records/figures/1").text  # no buttons for readers
        figure = _figure(public)
        response = public.post(f"/api/records/figures/{figure.id}/accept", json={"version": 1})
        assert response.status_code == 401  # public reading, never public writing


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_unauthenticated_writes_are_refused(client, method: str, path: str, body: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    figure = _figure(client)
    response = client.request(method.upper(), path.format(id=figure.id), json=_fill_path(body, figure.id))
    assert response.status_code == 401
    assert _audits(client) == 0 and _figure(client).version == 1


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_writes_without_the_csrf_token_are_refused(client, method: str, path: str, body: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    api_login(client, "lan")
    figure = _figure(client)
    url, payload = path.format(id=figure.id), _fill_path(body, figure.id)
    assert client.request(method.upper(), url, json=payload).status_code == 403
    response = client.request(method.upper(), url, json=payload, headers={"X-CSRF-Token": "forged"})
    assert response.status_code == 403
    assert _audits(client) == 0 and _figure(client).version == 1


def test_session_login_cookie_and_logout(db: str) -> None:
    with client_for(db, https_only=True) as c:
        assert c.post("/api/session", json={"name": "lan", "password": "wrong-password"}).status_code == 401
        assert (
            c.post("/api/session", json={"name": "nobody", "password": "lan-password-1"}).status_code == 401
        )
        # a cross-site form cannot log someone in: the body must be JSON
        assert (
            c.post(
                "/api/session",
                content='{"name": "lan", "password": "lan-password-1"}',
                headers={"content-type": "text/plain"},
            ).status_code
            == 422
        )
        response = c.post("/api/session", json={"name": "lan", "password": "lan-password-1"})
        assert response.status_code == 200 and response.json()["role"] == "reviewer"
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie
        assert "lan-password-1" not in cookie
    with client_for(db) as c:
        token = api_login(c, "quan")
        assert c.get("/api/session").json() == {"name": "quan", "role": "admin", "csrf_token": token}
        assert c.delete("/api/session").status_code == 403  # logging out is a change too
        assert c.delete("/api/session", headers={"X-CSRF-Token": token}).status_code == 204
        assert c.get("/api/session").json()["name"] is None
        figure = _figure(c)
        response = c.post(
            f"/api/records/figures/{figure.id}/accept", json={"version": 1}, headers={"X-CSRF-Token": token}
        )
        assert response.status_code == 401


def test_review_actions_through_the_api(client) -> None:  # type: ignore[no-untyped-def]
    token = api_login(client, "lan")
    headers = {"X-CSRF-Token": token}
    figure = _figure(client)
    base = f"/api/records/figures/{figure.id}"
    answer = client.post(f"{base}/accept", json={"version": 1}, headers=headers)
    assert (
        answer.status_code == 200 and answer.json()["status"] == "accepted" and answer.json()["version"] == 2
    )
    answer = client.patch(
        base, json={"version": 2, "fields": {"value": 5120, "qualifier": "over"}}, headers=headers
    )
    assert answer.status_code == 200
    assert answer.json()["status"] == "edited" and answer.json()["fields"]["value"] == 5120
    invalid = client.patch(
        base, json={"version": 3, "fields": {"value": "nhiều", "kind": "weight"}}, headers=headers
    )
    assert invalid.status_code == 422 and set(invalid.json()["errors"]) == {"value", "kind"}
    answer = client.post(f"{base}/undo", json={"version": 3}, headers=headers)
    assert answer.json()["status"] == "accepted" and answer.json()["fields"]["value"] == figure.value
    detail = client.get(base).json()
    assert [h["action"] for h in detail["history"]] == ["accept", "edit", "undo"]
    assert detail["history"][0]["actor"] == "lan" and detail["can_undo"] is True
    assert detail["evidence"]["text"] == figure.evidence.text and detail["url"].startswith("https://")
    client.post(f"{base}/undo", json={"version": 4}, headers=headers)
    nothing = client.post(f"{base}/undo", json={"version": 5}, headers=headers)
    assert nothing.status_code == 409 and "no change to undo" in nothing.json()["detail"]
    rejected = client.post(f"{base}/reject", json={"version": 5}, headers=headers)
    assert rejected.json()["status"] == "rejected"
    assert (
        client.post("/api/records/persons/1/accept", json={"version": 1}, headers=headers).status_code == 404
    )
    assert (
        client.post("/api/records/figures/999999/accept", json={"version": 1}, headers=headers).status_code
        == 404
    )
    assert client.get("/api/records/figures/999999").status_code == 404


def test_two_reviewers_on_one_record_the_second_gets_a_conflict(db: str) -> None:
    with client_for(db) as lan, client_for(db) as minh:
        lan_headers = {"X-CSRF-Token": api_login(lan, "lan")}
        minh_headers = {"X-CSRF-Token": api_login(minh, "minh")}
        figure = _figure(lan)
        base = f"/api/records/figures/{figure.id}"
        assert lan.get(base).json()["version"] == minh.get(base).json()["version"] == 1  # both open it
        assert lan.post(f"{base}/accept", json={"version": 1}, headers=lan_headers).status_code == 200
        for method, path, body in [
            ("POST", f"{base}/reject", {"version": 1}),
            ("PATCH", base, {"version": 1, "fields": {"value": 7}}),
        ]:
            conflict = minh.request(method, path, json=body, headers=minh_headers)
            assert conflict.status_code == 409
            payload = conflict.json()
            assert payload["current"]["version"] == 2 and payload["current"]["status"] == "accepted"
            assert payload["expected"] == 1 and "changed by someone else" in payload["detail"]
        after = lan.get(base).json()
        assert after["status"] == "accepted" and after["fields"]["value"] == figure.value
        assert [h["actor"] for h in after["history"]] == ["lan"]


def test_bulk_accept_reports_records_changed_meanwhile(client) -> None:  # type: ignore[no-untyped-def]
    headers = {"X-CSRF-Token": api_login(client, "lan")}
    shown = client.get("/api/records?kind=figures&limit=4").json()["items"]
    with transaction(_engine(client)) as s:  # another reviewer takes one of them first
        accept(s, "figures", shown[1]["id"], 1, "minh")
    items = [{"kind": r["kind"], "id": r["id"], "version": r["version"]} for r in shown]
    result = client.post("/api/records/bulk-accept", json={"items": items}, headers=headers).json()
    assert [i["id"] for i in result["accepted"]] == [shown[0]["id"], shown[2]["id"], shown[3]["id"]]
    assert [c["id"] for c in result["conflicts"]] == [shown[1]["id"]]
    assert result["conflicts"][0]["current"]["status"] == "accepted"


def _all_pages(client, query: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    items, after = [], None
    while True:
        page = client.get(f"/api/records?{query}&limit=7" + (f"&after={after}" if after else "")).json()
        items += page["items"]
        after = page["next"]
        if not after:
            return items


def _expected(client, kind: str, where) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    row = ROW_CLASSES[kind]
    with Session(_engine(client)) as s:
        query = (
            select(row.id, row.confidence)
            .join(Article, col(Article.id) == col(row.article_id))
            .join(Revision, col(Revision.id) == col(row.revision_id))
            .where(col(row.status) == ReviewStatus.pending, *where(row))
        )
        return [(kind, i) for i, _ in sorted(s.exec(query).all(), key=lambda r: (r[1], r[0]))]


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("kind=figures", lambda r: []),
        ("kind=officials&source=congan08.example.vn", lambda r: [Article.source == "congan08.example.vn"]),
        ("kind=awards&min_conf=0.5&max_conf=0.9", lambda r: [r.confidence >= 0.5, r.confidence <= 0.9]),
        (
            "kind=events&date_from=2024-01-01&date_to=2024-12-31",
            lambda r: [
                Revision.published >= dt.date(2024, 1, 1),
                Revision.published <= dt.date(2024, 12, 31),
            ],
        ),
    ],
)
def test_queue_filters_and_keyset_pages(client, query: str, where) -> None:  # type: ignore[no-untyped-def]
    api_login(client, "lan")
    kind = query.split("&")[0].split("=")[1]
    listed = _all_pages(client, query)
    assert [(r["kind"], r["id"]) for r in listed] == _expected(client, kind, where)
    assert all(r["status"] == "pending" for r in listed)


def test_queue_mixes_kinds_in_confidence_order_and_pages_back(client) -> None:  # type: ignore[no-untyped-def]
    api_login(client, "lan")
    listed = _all_pages(client, "status=pending")
    keys = [(r["confidence"], list(ROW_CLASSES).index(r["kind"]), r["id"]) for r in listed]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert {r["kind"] for r in listed} == set(ROW_CLASSES)
    first = client.get("/api/records?limit=5").json()
    second = client.get(f"/api/records?limit=5&after={first['next']}").json()
    back = client.get(f"/api/records?limit=5&before={second['prev']}").json()
    assert [r["id"] for r in back["items"]] == [r["id"] for r in first["items"]]
    assert back["prev"] is None and first["prev"] is None


def test_queue_province_filter_uses_old_and_new_codes(client) -> None:  # type: ignore[no-untyped-def]
    api_login(client, "lan")
    with Session(_engine(client)) as s:
        event = s.exec(select(EventRow).order_by(col(EventRow.id))).first()
    old, new = event.admin_old["province_code"], event.admin_new["province_code"]
    for key, scheme in [(f"old:{old}", "admin_old"), (f"new:{new}", "admin_new")]:
        events = _all_pages(client, f"kind=events&province={key}")
        assert events and all(
            client.get(f"/api/records/events/{e['id']}").json()["fields"][scheme]["province_code"] == key[4:]
            for e in events
        )
        figures = _all_pages(client, f"kind=figures&province={key}")
        articles = {e["article_id"] for e in events}
        assert figures and {f["article_id"] for f in figures} <= articles
    for bad in [
        "province=hanoi",
        "kind=persons",
        "status=done",
        "min_conf=2",
        "date_from=12/8/2025",
        "after=x",
    ]:
        assert client.get(f"/api/records?{bad}").status_code == 422, bad


@pytest.fixture
def figure_store(db_url: str) -> str:
    """Three invented articles on the same province and year, and one elsewhere (both databases)."""
    engine = open_store(db_url)
    add_accounts(engine)
    day = dt.date(2024, 12, 20)
    sentences = [
        (
            "Sáng 18/12, xã Tân Hòa tổ chức Ngày hội Toàn dân bảo vệ ANTQ.",
            "Toàn tỉnh có hơn 5.000 tổ bảo vệ ANTT ở cơ sở hoạt động hiệu quả.",
            {"value": 5000, "qualifier": "over", "unit": "tổ bảo vệ ANTT ở cơ sở", "head": "tổ"},
        ),
        (
            "Chiều 19/12, xã Tân Hòa tổng kết phong trào.",
            "Đến nay toàn tỉnh đã thành lập 5.120 tổ bảo vệ an ninh trật tự.",
            {"value": 5120, "unit": "tổ bảo vệ an ninh trật tự", "head": "tổ"},
        ),
        (
            "Ngày 20/12, xã Tân Hòa tổ chức hội nghị.",
            "Tỉnh hiện có 7.300 tổ bảo vệ ANTT <script>alert('x')</script>.",
            {"value": 7300, "unit": "tổ bảo vệ ANTT", "head": "tổ"},
        ),
    ]
    for n, (event, figure, fields) in enumerate(sentences):
        store_article(engine, n, [event, figure], [fields], ("08", "Tỉnh Tuyên Quang"), day + dt.timedelta(n))
    store_article(
        engine,
        9,
        ["Sáng 3/5, phường Mới tổ chức Ngày hội.", "Thành phố có 900 tổ bảo vệ ANTT."],
        [{"value": 900, "unit": "tổ bảo vệ ANTT", "head": "tổ"}],
        ("01", "Thành phố Hà Nội"),
        day,
    )
    engine.dispose()
    return db_url


def test_figure_check_flags_conflicts_and_follows_reviews(figure_store: str) -> None:
    with client_for(figure_store) as c:
        headers = {"X-CSRF-Token": api_login(c, "lan")}
        result = c.get("/api/figures").json()
        (group,) = result["groups"]
        assert (group["subject"], group["locality"], group["period"]) == ("tổ bảo vệ antt", "old:08", "2024")
        assert group["verdict"] == "conflict" and group["articles"] == 3
        values = sorted(v["value"] for v in group["variants"])
        assert values == [5000, 5120, 7300]
        texts = [f["evidence"]["text"] for v in group["variants"] for f in v["figures"]]
        assert any("hơn 5.000" in t for t in texts) and any("5.120" in t for t in texts)
        page = c.get("/figures")
        assert page.status_code == 200 and "hơn 5.000" in page.text
        assert '<strong class="focus">5.120 tổ bảo vệ an ninh trật tự</strong>' in page.text  # its words
        assert "&lt;script&gt;alert" in page.text and "<script>alert" not in page.text
        outlier = next(f for v in group["variants"] if v["value"] == 7300 for f in v["figures"])
        assert f'href="/records/figures/{outlier["id"]}' in page.text  # each figure links to its sentence
        c.post(f"/api/records/figures/{outlier['id']}/reject", json={"version": 1}, headers=headers)
        (group,) = c.get("/api/figures").json()["groups"]
        assert group["verdict"] == "differs"  # "hơn 5.000" and 5.120 may both be right
        assert c.get("/api/figures?verdict=conflict").json()["groups"] == []
        assert c.get("/api/figures?province=old:01").json()["groups"] == []  # Hà Nội has one article
        one = c.get(f"/api/figures?group={group['key']}").json()["groups"]
        assert [g["key"] for g in one] == [group["key"]]
        assert c.get("/api/figures?province=nowhere").status_code == 422


def test_a_figure_opened_from_the_figure_check_returns_there(figure_store: str) -> None:
    here = "/figures?subject=t%E1%BB%95"  # "tổ", as the browser sends it
    with client_for(figure_store) as c:
        token = api_login(c, "lan")
        page = c.get(here).text
        links = re.findall(r'href="(/records/figures/(\d+)\?status=all&amp;back=([^"]+))"', page)
        assert links and all(unquote(back) == here for _, _, back in links)
        url, figure_id, back = links[0]
        record = c.get(url.replace("&amp;", "&")).text
        assert 'id="back-link">← figure check</a>' in record
        assert f'<input type="hidden" name="back" value="{here}">' in record
        edit = c.get(f"/records/figures/{figure_id}/edit?status=all&back={back}").text
        assert f'<input type="hidden" name="back" value="{here}">' in edit
        answer = c.post(
            f"/records/figures/{figure_id}/reject",
            data={"csrf_token": token, "version": "1", "q": "status=all", "back": here},
        )
        assert answer.status_code == 303 and answer.headers["location"] == here
        assert f"Rejected: figures #{figure_id}" in c.get(here).text
        for elsewhere in ["//evil.example/x", "https://evil.example/", "/api/export"]:  # only its own pages
            shown = c.get(f"/records/figures/{figure_id}?back={quote(elsewhere, safe='')}").text
            assert 'id="back-link"' not in shown and 'name="back"' not in shown


def test_timeline_chart_counts_and_downloads_of_what_is_shown(figure_store: str) -> None:
    with client_for(figure_store) as c:
        api_login(c, "lan")
        figures = _all_pages(c, "kind=figures&province=new:08")  # the queue's province filter, too
        assert len(figures) == 3
        data = c.get("/api/timeline?province=new:08&granularity=month").json()
        assert data["total"] == 3 and data["granularity"] == "month"
        assert [(b["bucket"], b["total"]) for b in data["buckets"]] == [("2024-12", 3)]
        assert [r["locality"] for r in data["localities"]] == ["xã Tân Hòa"]  # a 2025 province: its wards
        old = c.get("/api/timeline?province=old:08").json()  # an old province: its districts (none written)
        assert [r["locality"] for r in old["localities"]] == ["chưa xác định"] and old["total"] == 3
        whole = c.get("/api/timeline?granularity=year&scheme=old").json()
        assert {row["locality"] for row in whole["localities"]} == {"Tuyên Quang", "Hà Nội"}
        page = c.get("/timeline?province=old:08")
        assert page.status_code == 200 and page.text.count("<svg") == 2 and "<rect" in page.text
        shown = c.get("/api/timeline/export?format=json&province=old:08")
        assert shown.headers["content-disposition"].startswith("attachment")
        articles = shown.json()
        for article in articles:
            jsonschema.validate(article, json_schema())
        assert len(articles) == 3 and all(len(a["events"]) == 1 and not a["figures"] for a in articles)
        rows = list(
            csv.DictReader(io.StringIO(c.get("/api/timeline/export?format=csv&province=old:08").text))
        )
        assert len(rows) == 3 and {r["kind"] for r in rows} == {"events"}
        assert c.get("/api/timeline/export?format=json&province=old:01").json()[0]["article"]["id"]
        assert c.get("/api/timeline?granularity=week").status_code == 422


def test_export_download_has_the_bytes_of_antq_export(client) -> None:  # type: ignore[no-untyped-def]
    headers = {"X-CSRF-Token": api_login(client, "lan")}
    figure = _figure(client)
    client.post(f"/api/records/figures/{figure.id}/accept", json={"version": 1}, headers=headers)
    for fmt in ("json", "jsonl", "csv"):
        for status in StatusFilter:
            response = client.get(f"/api/export?format={fmt}&status={status.value}")
            assert response.status_code == 200
            expected = io.StringIO()
            with Session(_engine(client)) as s:
                write(s, expected, fmt, status)
            assert response.content.decode("utf-8") == expected.getvalue(), (fmt, status)
    accepted = client.get("/api/export?format=json&status=accepted").json()
    assert [f["id"] for a in accepted for f in a["figures"]] == [figure.id]
    header = client.get("/api/export?format=csv&status=all").text.splitlines()[0]
    assert header.split(",") == CSV_COLUMNS
    assert client.get("/api/export?format=xml").status_code == 422


def test_pages_escape_article_text_and_send_security_headers(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    add_accounts(engine)
    evil = "Ông <b>Lò Văn Pấng</b> nói: <script>alert('antq')</script> có 30 tổ."
    article = store_article(
        engine,
        1,
        ["Sáng 2/3, xã Tân Hòa tổ chức Ngày hội.", evil],
        [{"value": 30, "unit": "tổ <img src=x onerror=alert(1)>", "head": "tổ"}],
        ("08", "Tỉnh Tuyên Quang"),
        dt.date(2025, 3, 2),
        title="<script>alert(1)</script>",
    )
    with Session(engine) as s:
        figure = s.exec(select(FigureRow).where(FigureRow.article_id == article)).one()
    engine.dispose()
    with client_for(sqlite_url) as c:
        api_login(c, "lan")
        for url in [
            f"/records/figures/{figure.id}",
            "/queue?kind=figures",
            f"/records/figures/{figure.id}/edit",
        ]:
            page = c.get(url)
            assert page.status_code == 200
            assert (
                "<script>alert" not in page.text
                and "<img src=x" not in page.text
                and "<b>Lò" not in page.text
            )
            assert "&lt;script&gt;alert(" in page.text
            assert "script-src 'self'" in page.headers["content-security-policy"]
            assert page.headers["x-frame-options"] == "DENY"
        record = c.get(f"/records/figures/{figure.id}").text
        assert '<mark id="evidence">Ông &lt;b&gt;Lò Văn Pấng&lt;/b&gt;' in record
        assert c.get("/api/records").headers["cache-control"] == "no-store"
