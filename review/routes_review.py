"""Review pages: the queue, a record beside its article, accept / reject / edit / undo, bulk accept.

Every change is a POST form with the CSRF token and the version the page showed; the answer
is a redirect (so reloading never repeats a change), or the page again with the reason
when the change could not be made — a conflict shows the record as it is now.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from review import detail, editform, queue
from review.auth import Account, LoginRequired, require_reader, require_reviewer, safe_next
from review.places import SCHEME_LABELS, provinces
from review.web import flash, redirect, render, with_query
from store.db import transaction
from store.models import ReviewStatus
from store.review import (
    EDITABLE,
    InvalidEdit,
    Item,
    NothingToUndo,
    RecordNotFound,
    UnknownKind,
    VersionConflict,
    accept,
    bulk_accept,
    edit,
    get_record,
    reject,
    undo,
)

router = APIRouter(include_in_schema=False)
Reader = Annotated[Account | None, Depends(require_reader)]
Reviewer = Annotated[Account, Depends(require_reviewer)]
ACTIONS = {"accept": accept, "reject": reject, "undo": undo}


def _filter(request: Request) -> queue.QueueFilter:
    return queue.QueueFilter.parse(request.query_params)


def _form_filter(form: Any) -> queue.QueueFilter:
    """The queue filter a form carries in its ``q`` field (a query string)."""
    return queue.QueueFilter.parse(dict(parse_qsl(str(form.get("q") or ""))))


BACK_PAGES = ("/figures", "/timeline")  # pages that send a reader to a record and want them back


def _back(value: Any) -> str | None:
    """The figure check or timeline page a record was opened from, to return to after a decision."""
    target = safe_next(str(value)) if value else None
    return target if target and target.startswith(BACK_PAGES) else None


def _not_found(request: Request, message: str) -> Response:
    return render(request, "error.html", {"title": "Not found", "message": message}, 404)


def filter_menus(session: Session) -> dict[str, Any]:
    return {
        "kinds": queue.KINDS,
        "statuses": [s.value for s in ReviewStatus],
        "sources": queue.sources(session),
        "province_groups": [(SCHEME_LABELS[s], provinces(s)) for s in ("new", "old")],
    }


@router.get("/", response_class=HTMLResponse)
def home() -> Response:
    return redirect("/queue")


@router.get("/queue", response_class=HTMLResponse)
def queue_page(
    request: Request, account: Reader, after: str | None = None, before: str | None = None
) -> Response:
    flt = _filter(request)
    size = request.app.state.settings.page_size
    with Session(request.app.state.engine) as session:
        result = queue.page(
            session,
            flt,
            after=queue.Key.decode(after) if after else None,
            before=queue.Key.decode(before) if before else None,
            size=size,
        )
        total, more = queue.count(session, flt)
        menus = filter_menus(session)
    params = flt.params()
    here = with_query(
        "/queue", {**params, **({"after": after} if after else {}), **({"before": before} if before else {})}
    )
    context = {
        "flt": flt,
        "params": params,
        "query": urlencode(params),
        "page": result,
        "total": total,
        "more": more,
        "here": here,
        "next_url": with_query("/queue", {**params, "after": result.next_key.encode()})
        if result.next_key
        else None,
        "prev_url": with_query("/queue", {**params, "before": result.prev_key.encode()})
        if result.prev_key
        else None,
        **menus,
    }
    return render(request, "queue.html", context)


@router.post("/queue/bulk-accept")
async def queue_bulk_accept(request: Request, account: Reviewer) -> Response:
    """Accept the checked records, or every record matching the filter (``all=1``)."""
    form = await request.form()
    flt = _form_filter(form)
    back = safe_next(str(form.get("next") or with_query("/queue", flt.params())))
    cap = request.app.state.settings.bulk_limit
    with transaction(request.app.state.engine) as session:
        if form.get("all") == "1":  # only ever the pending records of the filter
            found = queue.matching_items(session, replace(flt, status=ReviewStatus.pending.value), cap)
        else:
            found = []
            for value in form.getlist("item"):
                kind, _, rest = str(value).partition(":")
                record_id, _, version = rest.partition(":")
                if kind in EDITABLE and record_id.isdigit() and version.isdigit():
                    found.append((kind, int(record_id), int(version)))
        result = bulk_accept(session, [Item(k, i, v) for k, i, v in found], account.name)
    if not found:
        flash(request, "Nothing selected: no record was accepted.", "warning")
    else:
        flash(request, f"Accepted {len(result.accepted)} record(s).")
    for conflict in result.conflicts:
        flash(request, str(conflict), "warning")
    return redirect(back)


def _record_context(
    request: Request, view: detail.RecordView, flt: queue.QueueFilter, back: str | None = None
) -> dict[str, Any]:
    params = flt.params()
    query = urlencode({**params, **({"back": back} if back else {})})
    base = f"/records/{view.kind}/{view.row.id}"
    return {
        "view": view,
        "flt": flt,
        "back": back,
        "query": query,
        "base": base,
        "next_url": with_query(f"{base}/next", params),
        "prev_url": with_query(f"{base}/prev", params),
        "queue_url": with_query("/queue", params),
        "changes": detail.changes,
    }


@router.get("/records/{kind}/{record_id}", response_class=HTMLResponse)
def record_page(request: Request, kind: str, record_id: int, account: Reader) -> Response:
    flt = _filter(request)
    try:
        with Session(request.app.state.engine) as session:
            view = detail.load(session, kind, record_id)
    except (RecordNotFound, UnknownKind) as exc:
        return _not_found(request, str(exc))
    back = _back(request.query_params.get("back"))
    return render(request, "record.html", _record_context(request, view, flt, back))


def _edit_page(
    request: Request,
    view: detail.RecordView,
    flt: queue.QueueFilter,
    values: dict[str, str],
    version: int,
    errors: dict[str, str],
    status: int = 200,
    conflict: VersionConflict | None = None,
    back: str | None = None,
) -> Response:
    context = _record_context(request, view, flt, back)
    context.update(
        specs=editform.specs(view.kind),
        values=values,
        version=version,
        errors=errors,
        conflict=conflict,
        current_values=editform.form_values(view.kind, view.fields),
    )
    return render(request, "edit.html", context, status)


@router.get("/records/{kind}/{record_id}/edit", response_class=HTMLResponse)
def edit_page(request: Request, kind: str, record_id: int, account: Reader) -> Response:
    if account is None or not account.can_review:  # a public reader gets no form to fill in vain
        raise LoginRequired("log in as a reviewer to edit records")
    flt = _filter(request)
    try:
        with Session(request.app.state.engine) as session:
            view = detail.load(session, kind, record_id)
    except (RecordNotFound, UnknownKind) as exc:
        return _not_found(request, str(exc))
    values = editform.form_values(kind, view.fields)
    back = _back(request.query_params.get("back"))
    return _edit_page(request, view, flt, values, view.row.version, {}, back=back)


@router.post("/records/{kind}/{record_id}/edit", response_class=HTMLResponse)
async def edit_submit(request: Request, kind: str, record_id: int, account: Reviewer) -> Response:
    form = await request.form()
    flt = _form_filter(form)
    back = _back(form.get("back"))
    version = str(form.get("version") or "")
    try:
        with Session(request.app.state.engine) as session:
            view = detail.load(session, kind, record_id)
    except (RecordNotFound, UnknownKind) as exc:
        return _not_found(request, str(exc))
    values = {k: str(v) for k, v in form.items() if k not in ("csrf_token", "version", "back")}
    if not version.isdigit():
        return _edit_page(
            request, view, flt, values, view.row.version, {"version": "missing"}, 400, back=back
        )
    try:
        changes = editform.parse(kind, form)
        with transaction(request.app.state.engine) as session:
            edit(session, kind, record_id, int(version), account.name, changes)
    except InvalidEdit as exc:
        return _edit_page(request, view, flt, values, int(version), exc.errors, 422, back=back)
    except VersionConflict as conflict:
        # Keep what the reviewer typed, shown beside the record as it is now; saving again
        # is a deliberate choice made on the current version.
        return _edit_page(request, view, flt, values, view.row.version, {}, 409, conflict, back)
    flash(request, f"Saved: {kind} #{record_id} is now edited.")
    return redirect(
        with_query(f"/records/{kind}/{record_id}", {**flt.params(), **({"back": back} if back else {})})
    )


# Generic paths last: /records/{kind}/{id}/edit above must win over /{direction} and /{action}.
@router.get("/records/{kind}/{record_id}/{direction}", response_class=HTMLResponse)
def record_step(request: Request, kind: str, record_id: int, direction: str, account: Reader) -> Response:
    """The next or previous record of the filtered queue (j / k), or the queue at its end."""
    if direction not in ("next", "prev"):
        return _not_found(request, f"no page {direction!r} for a record")
    flt = _filter(request)
    try:
        with Session(request.app.state.engine) as session:
            row = get_record(session, kind, record_id)
            before, after = queue.neighbours(session, flt, queue.Key.of(kind, row))
    except (RecordNotFound, UnknownKind) as exc:
        return _not_found(request, str(exc))
    target = after if direction == "next" else before
    if target is None:
        flash(request, "End of the queue for this filter." if direction == "next" else "Start of the queue.")
        return redirect(with_query("/queue", flt.params()))
    return redirect(with_query(f"/records/{target.kind}/{target.row.id}", flt.params()))


def _conflict_page(
    request: Request,
    kind: str,
    record_id: int,
    flt: queue.QueueFilter,
    conflict: VersionConflict,
    attempted: str,
    back: str | None = None,
) -> Response:
    with Session(request.app.state.engine) as session:
        view = detail.load(session, kind, record_id)
    context = _record_context(request, view, flt, back)
    context.update(conflict=conflict, attempted=attempted)
    return render(request, "record.html", context, 409)


@router.post("/records/{kind}/{record_id}/{action}", response_class=HTMLResponse)
async def record_action(
    request: Request, kind: str, record_id: int, action: str, account: Reviewer
) -> Response:
    if action not in ACTIONS:
        return _not_found(request, f"no action {action!r}; use accept, reject, undo or edit")
    form = await request.form()
    flt = _form_filter(form)
    back = _back(form.get("back"))
    version = str(form.get("version") or "")
    if not version.isdigit():
        return render(
            request, "error.html", {"title": "Bad request", "message": "the form lacks the version"}, 400
        )
    here = with_query(f"/records/{kind}/{record_id}", {**flt.params(), **({"back": back} if back else {})})
    try:
        with transaction(request.app.state.engine) as session:
            ACTIONS[action](session, kind, record_id, int(version), account.name)
    except (RecordNotFound, UnknownKind) as exc:
        return _not_found(request, str(exc))
    except VersionConflict as conflict:
        return _conflict_page(request, kind, record_id, flt, conflict, action, back)
    except NothingToUndo as exc:
        flash(request, str(exc), "warning")
        return redirect(here)
    done = {"accept": "Accepted", "reject": "Rejected", "undo": "Undone"}[action]
    flash(request, f"{done}: {kind} #{record_id}.")
    if action == "undo":  # stay: the reviewer decides again on what came back
        return redirect(here)
    # opened from the figure check or the timeline: back there; from the queue: the next record
    default = back or with_query(f"/records/{kind}/{record_id}/next", flt.params())
    return redirect(safe_next(str(form.get("next") or default)))
