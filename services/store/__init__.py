"""The store service: articles, events, annotations and dead letters into SQL."""

from services.store.repository import Store, make_engine, migrate
from services.store.service import StoreStage

__all__ = ["Store", "StoreStage", "make_engine", "migrate"]
