"""Static checks of the compose file (no Docker engine here): it parses and agrees with the code."""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.main import get_command

from newsflow.cli import app
from newsflow.settings import env_var_names


@pytest.fixture(scope="module")
def compose(repo_root: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((repo_root / "deploy" / "docker-compose.yml").read_text())
    return data


def _newsflow_services(compose: dict[str, Any]) -> dict[str, Any]:
    return {name: svc for name, svc in compose["services"].items()
            if svc.get("image", "").startswith("newsflow")}


def test_every_service_command_exists_in_the_cli(compose: dict[str, Any]) -> None:
    cli = get_command(app)
    commands = set(cli.commands)  # type: ignore[attr-defined]
    services = _newsflow_services(compose)
    assert {"fetcher", "cleaner", "extractor", "store"} <= set(services)
    for name, svc in services.items():
        assert svc["command"][0] == "newsflow", name
        assert svc["command"][1] in commands, f"{name}: unknown command {svc['command'][1]}"


def test_every_environment_variable_is_a_known_setting(compose: dict[str, Any]) -> None:
    known = env_var_names()
    for name, svc in _newsflow_services(compose).items():
        env = svc.get("environment", {})
        assert env, name
        unknown = set(env) - known
        assert not unknown, f"{name} sets unknown variables {unknown}"


def test_dependencies_wait_for_health_and_init(compose: dict[str, Any]) -> None:
    services = compose["services"]
    for name in ("kafka", "postgres"):
        assert "healthcheck" in services[name]
    for name in ("fetcher", "cleaner", "extractor", "store"):
        deps = services[name]["depends_on"]
        assert deps["topic-init"]["condition"] == "service_completed_successfully"
        assert deps["migrate"]["condition"] == "service_completed_successfully"
        assert "healthcheck" in services[name]
    assert services["topic-init"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name, svc in services.items():
        for dep in svc.get("depends_on", {}):
            assert dep in services, f"{name} depends on missing service {dep}"


def test_feeds_file_is_mounted_where_settings_look(compose: dict[str, Any],
                                                   repo_root: Path) -> None:
    for svc in _newsflow_services(compose).values():
        mounts = [m.split(":") for m in svc["volumes"]]
        target = Path(svc["environment"]["NEWSFLOW_FEEDS_FILE"])
        assert any(target.parent == Path(dst) and (repo_root / "deploy" / src).resolve()
                   == (repo_root / "config").resolve() for src, dst, *_ in mounts)


def test_kafka_image_matches_the_pinned_broker(compose: dict[str, Any], repo_root: Path) -> None:
    script = (repo_root / "deploy" / "kafka.sh").read_text()
    match = re.search(r"^KAFKA_VERSION=([\d.]+)$", script, re.M)
    assert match
    assert compose["services"]["kafka"]["image"] == f"apache/kafka:{match.group(1)}"


def test_image_builds_from_the_repo_dockerfile(compose: dict[str, Any], repo_root: Path) -> None:
    for svc in _newsflow_services(compose).values():
        build = svc["build"]
        assert (repo_root / "deploy" / build["context"] / build["dockerfile"]).is_file()
    dockerfile = (repo_root / "Dockerfile").read_text()
    assert "pip install '.[compile]'" in dockerfile
    assert "python deploy/compile_extractor.py" in dockerfile, "the image compiles the extractor"
    copied = [line.split()[1:-1] for line in dockerfile.splitlines() if line.startswith("COPY ")]
    for sources in copied:
        for source in sources:
            assert (repo_root / source).exists(), f"Dockerfile copies {source}, which is missing"
