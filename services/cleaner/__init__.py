"""The cleaner service: raw pages in, clean articles out (``news.articles.clean.v1``)."""

from services.cleaner.clean import CLEANER, CleanOptions, clean
from services.cleaner.service import CleanerStage

__all__ = ["CLEANER", "CleanOptions", "CleanerStage", "clean"]
