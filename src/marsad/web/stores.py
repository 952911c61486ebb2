"""Store connections for the web app: one per server thread, all closed at shutdown."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from fastapi import Request

from marsad.store import Store

log = logging.getLogger("marsad.web")


class StorePool:
    """One store connection per thread, opened on first use."""

    def __init__(self, open_one: Callable[[], Store]) -> None:
        self._open_one = open_one
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._open_one()
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            stores, self._all = self._all, []
        for store in stores:
            try:
                store.close()
            except Exception:  # a connection of a finished thread may refuse; the rest still close
                log.debug("closing a store connection failed", exc_info=True)


def store_of(request: Request) -> Store:
    """The calling thread's store connection (call it inside a sync route, not in a dependency:
    FastAPI may run a dependency on another thread than the route)."""
    pool: StorePool = request.app.state.stores
    return pool.get()
