"""The ``newsflow`` command: one subcommand per service, plus the embedded runner and tools.

This is the composition root: settings are built here, once, and passed down.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table

from newsflow import __version__
from newsflow.errors import ConfigError, NewsflowError
from newsflow.feeds import Feed, load_feeds
from newsflow.settings import Settings, load_settings, unknown_env_vars
from newsflow.topics import DEAD_LETTERS

log = logging.getLogger(__name__)

app = typer.Typer(
    help="Streaming news ingestion: fetch feeds, clean pages, extract events, store them.\n\n"
    "Settings come from NEWSFLOW_* environment variables (see `newsflow settings`).",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
out = Console()

DatabaseOption = Annotated[
    str | None, typer.Option(help="Store URL (default: NEWSFLOW_DATABASE_URL).")
]
FeedsOption = Annotated[
    Path | None, typer.Option("--feeds", help="Feeds YAML file (default: NEWSFLOW_FEEDS_FILE).")
]


def _settings(**overrides: object) -> Settings:
    try:
        settings = load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if settings.log_level.upper() != "DEBUG":  # one line per request or migration is noise
        for chatty in ("httpx", "alembic"):
            logging.getLogger(chatty).setLevel(logging.WARNING)
    for name, meant in unknown_env_vars(os.environ):
        log.warning("%s is not a newsflow setting and is ignored%s", name,
                    f"; did you mean {meant}?" if meant else " (`newsflow settings` lists them)")
    return settings


def _fail(exc: NewsflowError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(2 if isinstance(exc, ConfigError) else 1)


def _serve(name: str) -> None:
    """Run one Kafka service until SIGINT/SIGTERM."""
    from newsflow.app import run_service

    settings = _settings()

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await run_service(name, settings, stop)

    try:
        asyncio.run(main())
    except NewsflowError as exc:
        raise _fail(exc) from exc


@app.command()
def fetcher() -> None:
    """Run the fetcher on Kafka: poll feeds, fetch pages, publish them to news.articles.raw.v1.

    Polling hands each URL to its host's owner over news.articles.urls.v1.
    """
    _serve("fetcher")


@app.command()
def cleaner() -> None:
    """Run the cleaner on Kafka: news.articles.raw.v1 -> news.articles.clean.v1."""
    _serve("cleaner")


@app.command()
def extractor() -> None:
    """Run the extractor on Kafka: news.articles.clean.v1 -> news.events.v1 + annotations."""
    _serve("extractor")


@app.command()
def store() -> None:
    """Run the store on Kafka: persist articles, events, annotations and dead letters."""
    _serve("store")


def _progress_table(counts: Counter[str]) -> Table:
    table = Table(title="newsflow run", show_header=True)
    table.add_column("stage")
    table.add_column("processed", justify="right")
    for stage in ("cleaner", "extractor", "store"):
        table.add_row(stage, str(counts.get(f"processed:{stage}", 0)))
    table.add_row("pages fetched", str(counts.get("published:news.articles.raw.v1", 0)))
    table.add_row("events", str(counts.get("published:news.events.v1", 0)))
    dlq = sum(counts.get(f"published:{topic}", 0) for topic in DEAD_LETTERS)
    table.add_row("dead letters", str(dlq))
    return table


def _run_embedded(settings: Settings, once: bool) -> dict[str, int]:
    from newsflow.app import run_embedded

    counts: Counter[str] = Counter()
    with Live(_progress_table(counts), console=err, transient=False,
              refresh_per_second=4) as live:
        def progress(_stage: str, current: Counter[str]) -> None:
            live.update(_progress_table(current))

        try:
            report = asyncio.run(run_embedded(settings, once=once, on_progress=progress))
        except NewsflowError as exc:
            raise _fail(exc) from exc
        live.update(_progress_table(Counter(report.counts)))
    for feed in report.feeds:
        status = f"[red]{feed.error}[/red]" if feed.error else "ok"
        err.print(f"feed {feed.feed_id}: {feed.found} found, {feed.fetched} fetched, "
                  f"{feed.skipped} already known, {feed.failed} failed: {status}")
    return report.stored


@app.command()
def run(
    feeds: FeedsOption = None,
    database_url: DatabaseOption = None,
    once: Annotated[
        bool,
        typer.Option("--once/--forever", help="Poll each feed once and exit, or keep polling."),
    ] = True,
) -> None:
    """Run all four stages in this process, no broker needed (SQLite by default)."""
    settings = _settings(feeds_file=feeds, database_url=database_url)
    stored = _run_embedded(settings, once)
    out.print_json(json.dumps(stored))


@app.command()
def demo(
    database_url: Annotated[
        str, typer.Option(help="Store URL for the demo.")
    ] = "sqlite:///newsflow-demo.sqlite",
    port: Annotated[
        int, typer.Option(help="Port of the sample site on 127.0.0.1 (0: any free port).")
    ] = 0,
) -> None:
    """Serve a sample news site on loopback, run the pipeline against it, show what was stored."""
    import tempfile

    from newsflow.demo import serve_demo_site
    from newsflow.report import print_store

    with serve_demo_site(port=port) as site, tempfile.TemporaryDirectory() as tmp:
        feeds_file = Path(tmp) / "feeds.yaml"
        feeds_file.write_text(
            "feeds:\n"
            f"  - {{id: demo-rss, url: '{site.base_url}/rss.xml', kind: rss}}\n"
            f"  - {{id: demo-sitemap, url: '{site.base_url}/sitemap-index.xml', kind: sitemap}}\n",
            encoding="utf-8",
        )
        err.print(f"sample site at {site.base_url} (feeds: rss.xml, sitemap-index.xml)")
        settings = _settings(feeds_file=feeds_file, database_url=database_url,
                             allowed_networks="127.0.0.0/8", host_delay=0.05)
        _run_embedded(settings, once=True)
    print_store(settings.database_url, out)


@app.command("clean")
def clean_batch(
    workers: Annotated[
        int, typer.Option(help="Worker processes (0: one per core).", min=0)
    ] = 0,
    templates: Annotated[
        bool, typer.Option("--templates/--no-templates",
                           help="Learn each site's template from the pages in this batch.")
    ] = True,
) -> None:
    """Clean JSON lines {"url", "html"} from stdin; write one clean-article line per input."""
    from services.cleaner.batch import BatchOptions, clean_lines
    from services.cleaner.clean import disabled_from

    settings = _settings()
    try:
        clean_options = disabled_from(settings.cleaner_keep_kinds)
    except ConfigError as exc:
        raise _fail(exc) from exc
    options = BatchOptions(
        clean=clean_options,
        workers=workers or os.cpu_count() or 1,
        max_html_bytes=settings.max_page_bytes,
        templates=templates,
    )
    for line in clean_lines(sys.stdin.buffer, options):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


@app.command("extract")
def extract_batch(
    workers: Annotated[
        int, typer.Option(help="Worker processes (0: one per core).", min=0)
    ] = 0,
) -> None:
    """Extract events from clean-article JSON lines on stdin; one line out per input."""
    from services.extractor.batch import extract_lines

    _settings()
    for line in extract_lines(sys.stdin.buffer, workers or os.cpu_count() or 1):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


@app.command()
def topics() -> None:
    """Create every topic and each stage's news.<stage>.dlq on Kafka (NEWSFLOW_TOPIC_PARTITIONS)."""
    from newsflow.kafka import all_topics, ensure_topics, on_broker

    settings = _settings()
    try:
        created = asyncio.run(ensure_topics(settings))
    except NewsflowError as exc:
        raise _fail(exc) from exc
    for name in (on_broker(settings, t) for t in all_topics()):
        out.print(f"{name}: {'created' if name in created else 'exists'}")


@app.command()
def migrate(
    database_url: DatabaseOption = None,
) -> None:
    """Create or upgrade the store's schema (Alembic) and exit."""
    from services.store import make_engine
    from services.store import migrate as run_migrations

    settings = _settings(database_url=database_url)
    run_migrations(make_engine(settings.database_url))
    out.print(f"schema up to date: {settings.database_url}")


@app.command()
def schemas(
    out_dir: Annotated[
        Path, typer.Option("--out", help="Directory to write the JSON Schemas to.")
    ] = Path("schemas"),
) -> None:
    """Write the JSON Schema of every topic's messages (the published contracts)."""
    from newsflow.schemas import write_schemas

    for path in write_schemas(out_dir):
        out.print(str(path))


@app.command("settings")
def show_settings() -> None:
    """Print every setting, its environment variable and its current value."""
    settings = _settings()
    table = Table("environment variable", "value", "meaning")
    for name, info in Settings.model_fields.items():
        value = getattr(settings, name)
        shown = ",".join(map(str, value)) if isinstance(value, list) else str(value)
        table.add_row(f"NEWSFLOW_{name.upper()}", shown, info.description or "")
    out.print(table)


feeds_app = typer.Typer(help="The feeds file and what the fetcher made of each feed.",
                        no_args_is_help=True)
app.add_typer(feeds_app, name="feeds")
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")]


def _print_rows(rows: list[dict[str, str]], columns: tuple[str, ...], as_json: bool) -> None:
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row))
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*(row[c] for c in columns))
    out.print(table)


def _feeds_file(settings: Settings) -> list[Feed]:
    try:
        return load_feeds(settings.feeds_file)
    except ConfigError as exc:
        raise _fail(exc) from exc


@feeds_app.command("list")
def feeds_list(feeds: FeedsOption = None, as_json: JsonOption = False) -> None:
    """List the feeds in the feeds file (or say what is wrong with it)."""
    from services.fetcher.status import LIST_COLUMNS, list_rows

    settings = _settings(feeds_file=feeds)
    _print_rows(list_rows(_feeds_file(settings)), LIST_COLUMNS, as_json)


@feeds_app.command("status")
def feeds_status(
    feeds: FeedsOption = None,
    state_url: Annotated[str | None, typer.Option(
        help="Fetcher state database (default: NEWSFLOW_FETCHER_STATE_URL).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Each feed's last poll, last success, last error, items found and next poll."""
    from services.fetcher import FeedStateStore
    from services.fetcher.status import STATUS_COLUMNS, status_rows
    from services.store import make_engine

    settings = _settings(feeds_file=feeds, fetcher_state_url=state_url)
    configured = _feeds_file(settings)
    engine = make_engine(settings.ledger_url)
    try:
        store = FeedStateStore(engine)
        store.open()
        states = store.load()
    except NewsflowError as exc:
        raise _fail(exc) from exc
    finally:
        engine.dispose()
    _print_rows(status_rows(configured, states), STATUS_COLUMNS, as_json)


def _version(value: bool) -> None:
    if value:
        out.print(f"newsflow {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    """newsflow: streaming news ingestion."""
