"""Runtime settings, read from ``NEWSFLOW_*`` environment variables.

Settings are a frozen object built once in ``main()`` and passed down; stage
code never reads ``os.environ``. Every field's default is the embedded,
single-machine default, and ``newsflow settings`` prints them all.

Unknown ``NEWSFLOW_*`` variables are ignored by the settings themselves (the
environment of a container holds more than newsflow's), so a misspelt one
would silently leave its default in place: :func:`unknown_env_vars` names
them, with the setting each probably meant, for the CLI to warn about.
"""

from __future__ import annotations

import difflib
import ipaddress
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Final

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from newsflow.errors import ConfigError

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class Settings(BaseSettings):
    """Everything a newsflow process needs to know, with documented defaults."""

    model_config = SettingsConfigDict(env_prefix="NEWSFLOW_", frozen=True, extra="ignore")

    feeds_file: Path = Field(Path("config/feeds.yaml"), description="YAML file listing the feeds.")
    kafka_bootstrap_servers: str = Field(
        "127.0.0.1:9092", description="Comma-separated Kafka bootstrap servers."
    )
    topic_partitions: int = Field(
        6, ge=1, description="Partitions of each topic when newsflow creates it."
    )
    topic_replication: int = Field(1, ge=1, description="Replication factor of created topics.")
    topic_namespace: str = Field(
        "",
        description="Prefix put before every topic name on the broker (e.g. 'staging.'); "
        "lets several pipelines share one cluster.",
    )
    consumer_group_prefix: str = Field(
        "newsflow", description="Prefix of consumer group ids ('<prefix>.<stage>')."
    )
    database_url: str = Field(
        "sqlite:///newsflow.sqlite",
        description="SQLAlchemy URL of the store (sqlite:///... or postgresql+psycopg://...).",
    )
    fetcher_state_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the fetcher's ledger of fetched URLs "
        "(defaults to the database URL).",
    )
    allowed_networks: Annotated[list[IPNetwork], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated CIDRs the fetcher may reach although they are private, "
        "loopback or link-local (e.g. '127.0.0.0/8'). Empty: public addresses only.",
    )
    user_agent: str = Field(
        "newsflow/0.1 (+https://github.com/newsflow/newsflow)",
        description="User-Agent sent with every request; put a contact in it.",
    )
    fetch_timeout: float = Field(20.0, gt=0, description="Seconds allowed for one request.")
    max_page_bytes: int = Field(
        5_000_000, gt=0, description="Pages larger than this are truncated to it."
    )
    max_redirects: int = Field(5, ge=0, description="Redirects followed before giving up.")
    fetch_concurrency: int = Field(8, ge=1, description="Pages fetched at once, over all hosts.")
    cleaner_state_url: str | None = Field(
        None,
        description="SQLAlchemy URL where the cleaner keeps what it learnt of each site's "
        "template (defaults to the database URL).",
    )
    cleaner_keep_kinds: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated kinds of boilerplate the cleaner leaves in the text "
        "(e.g. 'photo_credit,template'); see README for the kinds.",
    )
    template_min_pages: int = Field(
        4, ge=2, description="A paragraph is site template once seen on this many distinct pages..."
    )
    template_min_share: float = Field(
        0.3, gt=0, le=1, description="...and on at least this share of the site's recent pages."
    )
    workers: int = Field(
        1, ge=1, description="Processes for CPU-bound work (cleaning, extraction) per service."
    )
    log_level: str = Field("INFO", description="Log level: DEBUG, INFO, WARNING, ERROR.")
    host_concurrency: int = Field(
        1, ge=1, description="Requests at once to one host (a feed's host_concurrency overrides)."
    )
    host_delay: float = Field(
        1.0, ge=0, description="Seconds between requests to one host (a feed's host_delay "
        "overrides; a larger robots.txt Crawl-delay wins)."
    )
    robots_ttl: float = Field(
        3600.0, gt=0, description="Seconds a host's robots.txt is cached before it is read again."
    )
    fetch_retries: int = Field(
        3, ge=1, description="Attempts per request on transient errors (timeouts, 429, 5xx)."
    )
    retry_initial: float = Field(
        1.0, ge=0, description="Seconds before the first retry; doubles each time, with jitter."
    )
    retry_max: float = Field(60.0, ge=0, description="Longest wait between two retries.")
    max_retry_after: float = Field(
        3600.0, gt=0, description="Longest Retry-After (429/503) honoured; longer ones are capped."
    )
    feeds_reload_interval: float = Field(
        5.0, gt=0, description="Seconds between checks of the feeds file for edits (hot reload)."
    )
    metrics_port: int = Field(
        0, ge=0, le=65535, description="Port of each service's Prometheus /metrics (0: off)."
    )
    metrics_host: str = Field("127.0.0.1", description="Address the /metrics endpoint binds.")
    fetch_queue_max: int = Field(
        20_000, ge=1, description="Article URLs a Kafka fetcher holds waiting for their host's "
        "turn; past this it stops reading its partitions of news.articles.urls.v1 until some "
        "are done."
    )

    @field_validator("allowed_networks", mode="before")
    @classmethod
    def _split_networks(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",")]
            return [ipaddress.ip_network(p, strict=False) for p in parts if p]
        return value

    @field_validator("cleaner_keep_kinds", mode="before")
    @classmethod
    def _split_kinds(cls, value: object) -> object:
        if isinstance(value, str):
            return [p.strip() for p in value.split(",") if p.strip()]
        return value

    @property
    def template_state_url(self) -> str:
        """Database URL of the cleaner's per-site template memory."""
        return self.cleaner_state_url or self.database_url

    @property
    def ledger_url(self) -> str:
        """Database URL of the fetcher's ledger."""
        return self.fetcher_state_url or self.database_url


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment (and ``overrides``), or raise :class:`ConfigError`."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except (ValidationError, ValueError) as exc:
        raise ConfigError(f"invalid settings (environment NEWSFLOW_*): {exc}") from exc


def env_var_names() -> set[str]:
    """The environment variables the settings read (used to validate compose files)."""
    prefix = Settings.model_config.get("env_prefix", "")
    return {f"{prefix}{name}".upper() for name in Settings.model_fields}


#: ``NEWSFLOW_*`` variables read by something other than a running service, so not settings
#: and not misspellings either: the test fixtures and CI (``NEWSFLOW_REQUIRE_SERVICES``,
#: ``NEWSFLOW_TEST_DATABASE_URL``), the benchmarks (the latter too) and the scripts in
#: ``deploy/`` (``kafka.sh``, ``postgres.sh``). Add a name here when a new tool reads one.
READ_ELSEWHERE: Final = frozenset({
    "NEWSFLOW_REQUIRE_SERVICES",
    "NEWSFLOW_TEST_DATABASE_URL",
    "NEWSFLOW_KAFKA_HOME",
    "NEWSFLOW_KAFKA_START_TIMEOUT",
    "NEWSFLOW_POSTGRES_START_TIMEOUT",
})


def unknown_env_vars(environ: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """``NEWSFLOW_*`` names in ``environ`` that nothing reads, each with the closest setting.

    Names compare case-insensitively, as the settings read them. The closest
    setting is difflib's best match on the part after the prefix (which every
    name shares, and would make anything look alike), else None.
    """
    prefix = str(Settings.model_config.get("env_prefix", "")).upper()
    known = env_var_names()
    suffixes = sorted(name.removeprefix(prefix) for name in known)
    unknown: list[tuple[str, str | None]] = []
    for name in sorted(environ):
        upper = name.upper()
        if not upper.startswith(prefix) or upper in known or upper in READ_ELSEWHERE:
            continue
        close = difflib.get_close_matches(upper.removeprefix(prefix), suffixes, n=1)
        unknown.append((name, prefix + close[0] if close else None))
    return unknown
