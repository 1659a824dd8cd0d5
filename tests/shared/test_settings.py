"""Settings from the environment, with clear errors."""

import ipaddress
import logging

import pytest
from typer.testing import CliRunner

from newsflow.cli import app
from newsflow.errors import ConfigError
from newsflow.settings import (
    READ_ELSEWHERE,
    Settings,
    env_var_names,
    load_settings,
    unknown_env_vars,
)


def test_defaults_are_the_embedded_single_machine_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in env_var_names():
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert settings.database_url.startswith("sqlite:///")
    assert settings.allowed_networks == []
    assert settings.ledger_url == settings.database_url


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFLOW_ALLOWED_NETWORKS", "127.0.0.0/8, 10.0.0.0/8")
    monkeypatch.setenv("NEWSFLOW_TOPIC_PARTITIONS", "12")
    settings = load_settings()
    assert ipaddress.ip_address("127.0.0.5") in settings.allowed_networks[0]
    assert settings.topic_partitions == 12


def test_bad_value_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFLOW_TOPIC_PARTITIONS", "zero")
    with pytest.raises(ConfigError, match="topic_partitions"):
        load_settings()


def test_every_field_is_documented() -> None:
    assert all(info.description for info in Settings.model_fields.values())


def test_misspelt_variables_are_named_with_the_setting_they_probably_meant() -> None:
    environ = {
        "NEWSFLOW_FEED_FILE": "feeds.yaml",            # one letter short
        "newsflow_topic_partitons": "3",               # lower case, letters swapped
        "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS": "k:9092",  # a setting
        "NEWSFLOW_ZEBRA": "1",                         # like nothing at all
        "PATH": "/usr/bin",                            # not ours
    }
    assert unknown_env_vars(environ) == [
        ("NEWSFLOW_FEED_FILE", "NEWSFLOW_FEEDS_FILE"),
        ("NEWSFLOW_ZEBRA", None),
        ("newsflow_topic_partitons", "NEWSFLOW_TOPIC_PARTITIONS"),
    ]


def test_variables_read_by_tests_ci_and_scripts_are_not_misspellings() -> None:
    environ = dict.fromkeys(READ_ELSEWHERE, "1") | dict.fromkeys(env_var_names(), "1")
    assert unknown_env_vars(environ) == []
    assert not READ_ELSEWHERE & env_var_names()  # a setting need not be listed twice


def test_the_cli_warns_about_a_misspelt_variable_and_still_runs(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("NEWSFLOW_DATABSE_URL", "sqlite:///elsewhere.sqlite")
    monkeypatch.setenv("NEWSFLOW_REQUIRE_SERVICES", "1")
    with caplog.at_level(logging.WARNING, logger="newsflow.cli"):
        result = CliRunner().invoke(app, ["settings"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    [warning] = [r.getMessage() for r in caplog.records if r.name == "newsflow.cli"]
    assert "NEWSFLOW_DATABSE_URL" in warning and "NEWSFLOW_DATABASE_URL" in warning
