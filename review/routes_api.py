"""The JSON API: records, review actions, figure check, timeline, downloads.

Reads follow the app's reading rule (public or logged in).  Writes need a logged-in reviewer
(``POST /api/session``) and the session's CSRF token in the ``X-CSRF-Token`` header, and
name the ``version`` they change: a stale version answers 409 with the record as it is now.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from sqlmodel import Session

from export.writer import FORMATS, StatusFilter, write, write_articles
from review import detail, downloads, figures, queue, timeline
from review.api_models import (
    WRITE_RESPONSES,
    AuditOut,
    BucketOut,
    BulkIn,
    BulkOut,
    ConflictOut,
    EditIn,
    ErrorOut,
    FactOut,
    FigureCheckOut,
    GroupOut,
    ItemIn,
    LocalityOut,
    RecordDetail,
    RecordOut,
    RecordPage,
    TimelineOut,
    VariantOut,
    VersionIn,
)
from review.auth import Account, require_reader, require_reviewer
from review.present import summary
from review.routes_data import figure_filter
from store.db import transaction
from store.models import StoredRecord
from store.review import (
    InvalidEdit,
    Item,
    NothingToUndo,
    RecordNotFound,
    ReviewError,
    UnknownKind,
    VersionConflict,
    accept,
    bulk_accept,
    edit,
    fields_of,
    reject,
    undo,
)

router = APIRouter(prefix="/api")
Reader = Annotated[Account | None, Depends(require_reader)]
Reviewer = Annotated[Account, Depends(require_reviewer)]
MAX_LIMIT = 200


def _out(kind: str, row: StoredRecord, **extra: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "id": row.id,
        "version": row.version,
        "status": row.status.value,
        "confidence": row.confidence,
        "article_id": row.article_id,
        "revision_id": row.revision_id,  # type: ignore[attr-defined]
        "summary": summary(kind, row),
        "fields": fields_of(kind, row),
        "evidence": row.evidence,  # type: ignore[attr-defined]
        "rule": row.rule,
        "ruleset": row.ruleset,
        **extra,  # type: ignore[attr-defined]
    }


def _conflict(conflict: VersionConflict) -> dict[str, Any]:
    return {
        "detail": str(conflict),
        "kind": conflict.kind,
        "id": conflict.record_id,
        "expected": conflict.expected,
        "current": conflict.current,
    }


def _error(exc: ReviewError) -> JSONResponse:
    if isinstance(exc, VersionConflict):
        return JSONResponse(_conflict(exc), status_code=409)
    if isinstance(exc, InvalidEdit):
        return JSONResponse({"detail": str(exc), "errors": exc.errors}, status_code=422)
    if isinstance(exc, (RecordNotFound, UnknownKind)):
        return JSONResponse({"detail": str(exc)}, status_code=404)
    if isinstance(exc, NothingToUndo):
        return JSONResponse({"detail": str(exc)}, status_code=409)
    return JSONResponse({"detail": str(exc)}, status_code=400)


@router.get("/records", tags=["records"])
def list_records(
    request: Request,
    account: Reader,
    kind: str | None = Query(None, description="officials, figures, awards or events; empty = all"),
    status: str | None = Query(None, description="pending (default), accepted, rejected, edited or all"),
    source: str | None = Query(None, description="The article's source (site)"),
    province: str | None = Query(None, description="old:NN (pre-2025 code) or new:NN (2025 code)"),
    date_from: str | None = Query(None, description="Published on or after (YYYY-MM-DD)"),
    date_to: str | None = Query(None, description="Published on or before (YYYY-MM-DD)"),
    min_conf: str | None = Query(None, description="Confidence at least"),
    max_conf: str | None = Query(None, description="Confidence at most"),
    after: str | None = Query(None, description="Page after this position (from `next`)"),
    before: str | None = Query(None, description="Page before this position (from `prev`)"),
    limit: int = Query(50, ge=1, le=MAX_LIMIT),
) -> RecordPage:
    """The review queue: records ordered by confidence (least sure first), keyset-paged."""
    flt = queue.QueueFilter.parse(request.query_params)
    with Session(request.app.state.engine) as session:
        result = queue.page(
            session,
            flt,
            after=queue.Key.decode(after) if after else None,
            before=queue.Key.decode(before) if before else None,
            size=limit,
        )
        total, more = queue.count(session, flt)
        items = [
            _out(item.kind, item.row, source=item.source, published=item.published, title=item.title)
            for item in result.items
        ]
    return RecordPage(
        items=items,  # type: ignore[arg-type]
        next=result.next_key.encode() if result.next_key else None,
        prev=result.prev_key.encode() if result.prev_key else None,
        total=total,
        more=more,
    )


@router.get("/records/{kind}/{record_id}", tags=["records"], responses={404: {"model": ErrorOut}})
def get_record(request: Request, kind: str, record_id: int, account: Reader) -> RecordDetail:
    """One record with its article reference and its audit history."""
    try:
        with Session(request.app.state.engine) as session:
            view = detail.load(session, kind, record_id)
    except ReviewError as exc:
        return _error(exc)  # type: ignore[return-value]
    history = [AuditOut.model_validate(e, from_attributes=True) for e in view.history]
    data = _out(
        kind,
        view.row,
        source=view.article.source,
        published=view.revision.published,
        title=view.revision.title,
        url=view.article.url,
        current_revision=view.is_current,
        can_undo=view.can_undo,
        history=history,
    )
    return RecordDetail(**data)


def _act(request: Request, account: Account, kind: str, record_id: int, action: Any, *args: Any) -> Any:
    try:
        with transaction(request.app.state.engine) as session:
            row = action(session, kind, record_id, *args, account.name)
            return RecordOut(**_out(kind, row))
    except ReviewError as exc:
        return _error(exc)


@router.post("/records/{kind}/{record_id}/accept", tags=["review"], responses=WRITE_RESPONSES)
def accept_record(
    request: Request, kind: str, record_id: int, body: VersionIn, account: Reviewer
) -> RecordOut:
    """Accept the record as extracted."""
    return _act(request, account, kind, record_id, accept, body.version)


@router.post("/records/{kind}/{record_id}/reject", tags=["review"], responses=WRITE_RESPONSES)
def reject_record(
    request: Request, kind: str, record_id: int, body: VersionIn, account: Reviewer
) -> RecordOut:
    """Reject the record: it is wrong, and stays out of accepted exports."""
    return _act(request, account, kind, record_id, reject, body.version)


@router.post("/records/{kind}/{record_id}/undo", tags=["review"], responses=WRITE_RESPONSES)
def undo_record(request: Request, kind: str, record_id: int, body: VersionIn, account: Reviewer) -> RecordOut:
    """Restore the state before the latest change not undone yet."""
    return _act(request, account, kind, record_id, undo, body.version)


@router.patch("/records/{kind}/{record_id}", tags=["review"], responses=WRITE_RESPONSES)
def edit_record(request: Request, kind: str, record_id: int, body: EditIn, account: Reviewer) -> RecordOut:
    """Correct fields; the record becomes ``edited``."""

    def action(session: Session, kind: str, record_id: int, version: int, actor: str) -> StoredRecord:
        return edit(session, kind, record_id, version, actor, body.fields)

    return _act(request, account, kind, record_id, action, body.version)


@router.post("/records/bulk-accept", tags=["review"], responses=WRITE_RESPONSES)
def bulk_accept_records(request: Request, body: Annotated[BulkIn, Body()], account: Reviewer) -> BulkOut:
    """Accept each listed record still at its version; the others come back as conflicts."""
    with transaction(request.app.state.engine) as session:
        result = bulk_accept(session, [Item(i.kind, i.id, i.version) for i in body.items], account.name)

    def items(found: list[Item]) -> list[ItemIn]:
        return [ItemIn(kind=i.kind, id=i.id, version=i.version) for i in found]

    return BulkOut(
        accepted=items(result.accepted),
        unchanged=items(result.unchanged),
        missing=items(result.missing),
        conflicts=[ConflictOut(**_conflict(c)) for c in result.conflicts],
    )


@router.get("/figures", tags=["figure check"])
def figure_check(
    request: Request,
    account: Reader,
    province: str | None = Query(None, description="old:NN or new:NN"),
    subject: str | None = Query(None, description="Part of the subject, e.g. 'tổ bảo vệ'"),
    period: str | None = Query(None, description="'2024', '2020-2025'..."),
    verdict: str | None = Query(
        None, description="flagged (default: conflict+differs), conflict, differs, agrees, all"
    ),
    group: str | None = Query(None, description="One group by its key"),
    page: int = Query(1, ge=1),
    facts_per_variant: int = Query(5, ge=1, le=1000),
) -> FigureCheckOut:
    """Figures on the same subject, province and period across articles, conflicts first."""
    flt, page = figure_filter(dict(request.query_params))
    engine = request.app.state.engine
    with Session(engine) as session:
        result = figures.check(engine, flt, page)
        shown = {id(g): g.variants for g in result.groups}
        ids = [f.id for variants in shown.values() for v in variants for f in v.facts[:facts_per_variant]]
        proofs = figures.evidence(session, ids)

    def fact(f: figures.Fact) -> FactOut:
        return FactOut(
            **{k: getattr(f, k) for k in FactOut.model_fields if k != "evidence"}, evidence=proofs.get(f.id)
        )

    groups = [
        GroupOut(
            key=g.key,
            kind=g.kind,
            subject=g.subject,
            locality=g.locality,
            locality_label=g.locality_label,
            period=g.period,
            verdict=g.verdict,
            articles=g.articles,
            variants=[
                VariantOut(
                    qualifier=v.qualifier,
                    value=v.value,
                    total=v.total,
                    articles=v.articles,
                    figures=[fact(f) for f in v.facts[:facts_per_variant]],
                )
                for v in shown[id(g)]
            ],
        )
        for g in result.groups
    ]
    return FigureCheckOut(groups=groups, total=result.total, unplaced=result.unplaced, counts=result.counts)


@router.get("/timeline", tags=["timeline"])
def timeline_data(
    request: Request,
    account: Reader,
    province: str | None = Query(None, description="old:NN or new:NN; rows become districts / wards"),
    scheme: str | None = Query(None, description="old or new: the units rows are drawn in (default new)"),
    type: str | None = Query(None, description="Event type"),
    date_from: str | None = Query(None),
    date_to: str | None = Query(None),
    status: str | None = Query(None, description="'reviewed': accepted and edited only"),
    granularity: str | None = Query(None, description="month, quarter or year (default: from the span)"),
    limit: int = Query(500, ge=0, le=5000, description="Events listed; the counts cover all"),
) -> TimelineOut:
    """Events per locality over time: the counts behind the charts, and the events."""
    flt = timeline.TimelineFilter.parse(request.query_params)
    with Session(request.app.state.engine) as session:
        events = timeline.load(session, flt)
        listed = [
            RecordOut(**_out("events", row, source=e.source, published=e.published, title=e.title))
            for e, row in timeline.rows(session, events[:limit])
        ]
    built = timeline.build(events, flt)
    return TimelineOut(
        granularity=built.granularity,
        buckets=[
            BucketOut(
                bucket=b, total=sum(built.by_type.get(b, {}).values()), by_type=dict(built.by_type.get(b, {}))
            )
            for b in built.buckets
        ],
        localities=[
            LocalityOut(locality=r, counts={b: n for (row, b), n in built.cells.items() if row == r})
            for r in built.rows
        ],
        total=len(events),
        events=listed,
    )


def _download(fmt: str, name: str, fill: Any) -> StreamingResponse | JSONResponse:
    if fmt not in FORMATS:
        return JSONResponse({"detail": f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}"}, 422)
    raw, text = downloads.spooled()
    fill(text)
    text.flush()
    text.detach()
    return StreamingResponse(
        downloads.stream(raw),
        media_type=downloads.MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt != "json" else ""),
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


@router.get(
    "/export",
    tags=["export"],
    response_class=StreamingResponse,
    responses={200: {"description": "The dataset, as `antq export` writes it"}},
)
def export_dataset(
    request: Request,
    account: Reader,
    format: str = Query("json", description="json, jsonl or csv"),
    status: Annotated[
        StatusFilter, Query(description="accepted (accepted+edited) or all")
    ] = StatusFilter.accepted,
) -> Any:
    """The whole dataset: every article with its records, ids and review status."""
    with Session(request.app.state.engine) as session:
        return _download(format, f"antq-{status.value}", lambda out: write(session, out, format, status))


@router.get("/timeline/export", tags=["timeline"], response_class=StreamingResponse)
def export_timeline(
    request: Request,
    account: Reader,
    format: str = Query("json", description="json, jsonl or csv"),
    province: str | None = Query(None),
    type: str | None = Query(None),
    date_from: str | None = Query(None),
    date_to: str | None = Query(None),
    status: str | None = Query(None),
) -> Any:
    """The events a timeline shows, as export articles holding those events only."""
    flt = timeline.TimelineFilter.parse(request.query_params)
    with Session(request.app.state.engine) as session:
        events = timeline.load(session, flt)
        articles = list(downloads.timeline_articles(timeline.rows(session, events)))
    return _download(format, "antq-timeline", lambda out: write_articles(articles, out, format))
