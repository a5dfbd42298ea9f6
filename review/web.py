"""Rendering pages: the Jinja2 environment, what every page knows, flash messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from review.auth import csrf_token, current_account
from review.present import EVENT_TYPES, KIND_LABELS, excerpt, focus, number, option_label, snippet, summary

HERE = Path(__file__).parent


def _page_context(request: Request) -> dict[str, Any]:
    return {
        "account": current_account(request),
        "csrf": csrf_token(request),
        "public_read": request.app.state.settings.public_read,
        "flashes": request.session.pop("flash", []),
    }


templates = Jinja2Templates(directory=str(HERE / "templates"), context_processors=[_page_context])
templates.env.autoescape = True  # every template, whatever its extension
templates.env.globals.update(
    summary=summary,
    number=number,
    snippet=snippet,
    excerpt=excerpt,
    focus=focus,
    option_label=option_label,
    EVENT_TYPES=EVENT_TYPES,
    KIND_LABELS=KIND_LABELS,
    urlencode=urlencode,
)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def flash(request: Request, message: str, level: str = "info") -> None:
    request.session["flash"] = [*request.session.get("flash", []), {"level": level, "text": message}]


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def with_query(path: str, params: dict[str, str]) -> str:
    return f"{path}?{urlencode(params)}" if params else path
