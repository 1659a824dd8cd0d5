"""The extractor stage core: clean articles in, coded events, entities and quotes out.

Pure-Python rules (no model, no network): sentences, named entities with an
offline gazetteer, CAMEO-coded events with modality, dates resolved against
the publication date, and attributed quotes. See :func:`extract`.
"""

from services.extractor.coder import CODER
from services.extractor.pipeline import Extraction, extract

__all__ = ["CODER", "Extraction", "extract"]
