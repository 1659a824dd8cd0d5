"""``python -m newsflow`` runs the ``newsflow`` command."""

from newsflow.cli import app

app()
