"""The analyst's web UI and JSON API over one marsad database (`marsad serve`).

`create_app(store_path, token=None)` builds the FastAPI app: Arabic right-to-left pages
(`pages.py`, Jinja2 templates in `templates/`, own CSS in `static/`, server-side SVG charts in
`charts.py`) and JSON routes under `/api` (`api.py`), both thin shells over the same `views` calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.web.app import create_app as create_app


def __getattr__(name: str) -> Any:
    # FastAPI loads only when the web app is asked for, so other commands start fast.
    if name == "create_app":
        from marsad.web.app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
