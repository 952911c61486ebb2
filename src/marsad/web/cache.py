"""Results that cost more than a page may (the home page's overview), kept until the database changes.

A database's state is read from its files: SQLite writes every commit to the `-wal` file (or,
without one, to the database file), so their sizes and modification times change with each
commit, whichever process or connection made it. A value is computed after its state was read,
so it is never older than that state; a commit during the computation only costs a recomputation.
One thread computes a missing value while the others wanting it wait, so a burst of first
visitors costs one computation, not one each.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Request

from marsad.store import Overview
from marsad.web import views
from marsad.web.schemas import EntityOut, HomeOut
from marsad.web.stores import store_of

T = TypeVar("T")

State = tuple[tuple[int, int] | None, ...]


class StateCache:
    """Values keyed by name, all dropped when the database at `path` changes.

    With no `path` (a store that is not a file, as in tests) nothing is kept.
    """

    def __init__(self, path: str | Path | None) -> None:
        self._files = (str(path), f"{path}-wal") if path is not None else ()
        self._state: State | None = None
        self._values: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._computing: dict[str, threading.Lock] = {}

    def state(self) -> State | None:
        if not self._files or not os.path.isfile(self._files[0]):
            return None
        return tuple(_stamp(f) for f in self._files)

    def get(self, key: str, compute: Callable[[], T]) -> T:
        state = self.state()
        if state is None:
            return compute()
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            with self._lock:
                if self._state != state:
                    self._state, self._values = state, {}
                if key in self._values:
                    return self._values[key]
            value = compute()
            with self._lock:
                if self._state == state:
                    self._values[key] = value
            return value


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_mtime_ns, info.st_size)


def cache_of(request: Request) -> StateCache:
    cache: StateCache = request.app.state.cache
    return cache


def cached_home(request: Request) -> HomeOut:
    """The home page's content (stories, trending entities, quotes: the costliest page)."""
    return cache_of(request).get("home", lambda: views.home(store_of(request)))


def cached_story_title(request: Request) -> Callable[[str], str | None]:
    """Story titles for entity pages (a story's title costs a whole `get_story`)."""
    state_cache, store = cache_of(request), store_of(request)
    return lambda story_id: state_cache.get(
        f"story-title:{story_id}", partial(views.story_title_of, store, story_id)
    )


def entity_view(request: Request, entity_id: str) -> EntityOut:
    """The entity page's content, its stories named through the cache."""
    return views.entity(store_of(request), entity_id, cached_story_title(request))


def cached_overview(request: Request) -> Overview:
    """Article count, date range and outlets (a scan of the outlet index)."""
    return cache_of(request).get("overview", lambda: store_of(request).overview())
