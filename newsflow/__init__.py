"""newsflow: streaming news ingestion (fetch -> clean -> extract -> store).

This package holds what the four services share: message models and their JSON
Schemas, topic names, settings, the exception tree, ids, and the two runners
(Kafka and embedded). Each stage's own logic lives in ``services/<stage>/``.
"""

__version__ = "0.1.0"
