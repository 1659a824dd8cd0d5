"""Settings from the environment, with clear errors."""

import ipaddress

import pytest

from newsflow.errors import ConfigError
from newsflow.settings import Settings, env_var_names, load_settings


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
