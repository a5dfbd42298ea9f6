"""Shapes of the JSON API (request bodies and answers), which its OpenAPI description shows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

from extract.records import Evidence


class RecordOut(BaseModel):
    kind: str
    id: int
    version: int
    status: str
    confidence: float
    article_id: int
    revision_id: int
    summary: str
    fields: dict[str, Any] = Field(description="The editable fields, as in the export.")
    evidence: Evidence
    rule: str
    ruleset: str
    source: str | None = None
    published: dt.date | None = None
    title: str | None = None


class RecordPage(BaseModel):
    items: list[RecordOut]
    next: str | None = Field(None, description="Pass as ?after= for the next page.")
    prev: str | None = Field(None, description="Pass as ?before= for the previous page.")
    total: int = Field(description="Matching records, counted up to 1,000.")
    more: bool = Field(description="True when more than `total` records match.")


class AuditOut(BaseModel):
    id: int
    action: str
    actor: str
    at: dt.datetime
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class RecordDetail(RecordOut):
    url: str
    current_revision: bool
    can_undo: bool
    history: list[AuditOut]


class VersionIn(BaseModel):
    version: int = Field(description="The version you saw; the change is refused if the record moved on.")


class EditIn(VersionIn):
    fields: dict[str, Any] = Field(description="Editable fields to change; validated by the record model.")


class ItemIn(BaseModel):
    kind: str
    id: int
    version: int


class BulkIn(BaseModel):
    items: list[ItemIn] = Field(max_length=5000)


class ConflictOut(BaseModel):
    detail: str
    kind: str
    id: int
    expected: int
    current: dict[str, Any] = Field(description="status, version and fields of the record now.")


class BulkOut(BaseModel):
    accepted: list[ItemIn]
    unchanged: list[ItemIn]
    missing: list[ItemIn]
    conflicts: list[ConflictOut]


class ErrorOut(BaseModel):
    detail: str


class InvalidOut(ErrorOut):
    errors: dict[str, str]


WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Not logged in as a reviewer"},
    403: {"model": ErrorOut, "description": "Missing or wrong X-CSRF-Token"},
    404: {"model": ErrorOut, "description": "No such record"},
    409: {"model": ConflictOut, "description": "The record changed since that version (or nothing to undo)"},
    422: {"model": InvalidOut, "description": "The fields do not fit the record schema"},
}


class FactOut(BaseModel):
    id: int
    version: int
    article_id: int
    value: float
    total: float | None
    kind: str
    qualifier: str | None
    unit: str | None
    status: str
    published: dt.date | None
    source: str | None
    evidence: Evidence | None


class VariantOut(BaseModel):
    qualifier: str | None
    value: float
    total: float | None
    articles: int = Field(description="Articles reporting this value.")
    figures: list[FactOut] = Field(description="The figures saying so (up to facts_per_variant).")


class GroupOut(BaseModel):
    key: str = Field(description="Pass as ?group= for this group alone.")
    kind: str
    subject: str
    locality: str
    locality_label: str
    period: str
    verdict: str = Field(description="conflict, differs or agrees")
    articles: int
    variants: list[VariantOut] = Field(description="Distinct reported values, most reported first.")


class FigureCheckOut(BaseModel):
    groups: list[GroupOut]
    total: int = Field(description="Groups matching the filter (all pages).")
    unplaced: int = Field(description="Figures whose article names no province; not compared.")
    counts: dict[str, int]


class BucketOut(BaseModel):
    bucket: str
    total: int
    by_type: dict[str, int]


class LocalityOut(BaseModel):
    locality: str
    counts: dict[str, int]


class TimelineOut(BaseModel):
    granularity: str
    buckets: list[BucketOut]
    localities: list[LocalityOut]
    total: int
    events: list[RecordOut]
