"""Pages for editors and researchers: figure check, timeline, export."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from review import charts, figures, timeline
from review.auth import Account, require_reader
from review.places import SCHEME_LABELS, parse_key, provinces
from review.queue import BadFilter
from review.web import render, with_query

router = APIRouter(include_in_schema=False)
Reader = Annotated[Account | None, Depends(require_reader)]
TIMELINE_ROWS = 200  # events listed under the charts; the download has them all
FACTS_SHOWN = 3  # sentences shown per reported value in the list; a group's own page shows all
VARIANTS_SHOWN = 8  # reported values shown per group in the list


def figure_filter(params: dict[str, str]) -> tuple[figures.FigureFilter, int]:
    def text(name: str) -> str | None:
        return (params.get(name) or "").strip() or None

    province = text("province")
    try:
        parse_key(province)
    except ValueError as exc:
        raise BadFilter(str(exc)) from None
    verdict = text("verdict") or "flagged"
    if verdict not in ("flagged", "all", *figures.VERDICTS):
        raise BadFilter(f"unknown verdict {verdict!r}; choose flagged, conflict, differs, agrees or all")
    page = text("page") or "1"
    if not page.isdigit() or int(page) < 1:
        raise BadFilter(f"page: {page!r} is not a page number")
    group = text("group")
    if group:  # one group asked for by its key: whatever its verdict
        verdict = "all"
    flt = figures.FigureFilter(
        province, text("subject"), text("period"), None if verdict == "all" else verdict, group
    )
    return flt, int(page)


@router.get("/figures", response_class=HTMLResponse)
def figure_check_page(request: Request, account: Reader) -> Response:
    params = dict(request.query_params)
    flt, page = figure_filter(params)
    engine = request.app.state.engine
    shown = None if flt.group else FACTS_SHOWN
    with Session(engine) as session:
        result = figures.check(engine, flt, page)
        ids = [f.id for g in result.groups for v in g.variants for f in v.facts[:shown]]
        proofs = figures.evidence(session, ids)
    base = {k: v for k, v in params.items() if k != "page" and v}
    size = 20
    context = {
        "result": result,
        "proofs": proofs,
        "params": base,
        "verdict": flt.verdict or "all",
        "page": page,
        "next_url": with_query("/figures", {**base, "page": str(page + 1)})
        if page * size < result.total
        else None,
        "prev_url": with_query("/figures", {**base, "page": str(page - 1)}) if page > 1 else None,
        "province_groups": [(SCHEME_LABELS[s], provinces(s)) for s in ("old", "new")],
        "api_url": with_query("/api/figures", {**base, "page": str(page)}),
        "shown": shown,
        "variants_shown": None if flt.group else VARIANTS_SHOWN,
        "single": bool(flt.group),
        "here": with_query("/figures", params),  # where a decision on one of its figures returns
    }
    return render(request, "figures.html", context)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, account: Reader) -> Response:
    flt = timeline.TimelineFilter.parse(request.query_params)
    with Session(request.app.state.engine) as session:
        events = timeline.load(session, flt)
    built = timeline.build(events, flt)
    params = flt.params()
    context = {
        "flt": flt,
        "timeline": built,
        "bars": charts.stacked_bars(built),
        "matrix": charts.matrix(built),
        "shown": events[:TIMELINE_ROWS],
        "query": urlencode(params),
        "province_groups": [(SCHEME_LABELS[s], provinces(s)) for s in ("new", "old")],
        "event_types": list(charts.TYPE_COLOURS),
        "here": with_query("/timeline", dict(request.query_params)),
    }
    return render(request, "timeline.html", context)


@router.get("/export", response_class=HTMLResponse)
def export_page(request: Request, account: Reader) -> Response:
    return render(request, "export.html", {})
