"""Exported shapes: the record classes of ``extract.records`` plus id and review status.

The JSON Schema printed by ``antq schema`` is generated from :class:`ExportedArticle`,
so it can never drift from what ``antq export`` writes.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Field, SQLModel

from extract.records import ArticleInfo, Award, Event, Figure, Official


class Reviewed(SQLModel):
    id: int
    status: str = Field(description="pending | accepted | rejected | edited")


class ExportedOfficial(Official, Reviewed):
    pass


class ExportedFigure(Figure, Reviewed):
    pass


class ExportedAward(Award, Reviewed):
    pass


class ExportedEvent(Event, Reviewed):
    pass


class ExportedArticle(SQLModel):
    """One article and its records, as in ANNOTATION.md, with record ids and review status."""

    article: ArticleInfo
    officials: list[ExportedOfficial] = Field(default_factory=list)
    figures: list[ExportedFigure] = Field(default_factory=list)
    awards: list[ExportedAward] = Field(default_factory=list)
    events: list[ExportedEvent] = Field(default_factory=list)


EXPORTED: dict[str, type[SQLModel]] = {
    "officials": ExportedOfficial,
    "figures": ExportedFigure,
    "awards": ExportedAward,
    "events": ExportedEvent,
}


def json_schema() -> dict[str, Any]:
    schema = ExportedArticle.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "antq article export"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2)
