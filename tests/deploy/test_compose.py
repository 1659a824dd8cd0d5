"""Static checks of the compose file (no Docker engine here): it parses and agrees with the code.

Where a piece of the compose file is a command (the services' healthcheck), it is run
here against the real thing it probes.
"""

import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.main import get_command

from newsflow.app import serve_metrics
from newsflow.cli import app
from newsflow.settings import Settings, env_var_names

SERVICES = ("fetcher", "cleaner", "extractor", "store")


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
    for name in SERVICES:
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
    assert "pip install -q '.[compile]'" in dockerfile
    assert "python deploy/compile_extractor.py --require" in dockerfile, (
        "the image compiles the extractor, and a failed compile fails the build")
    copied = [line.split()[1:-1] for line in dockerfile.splitlines()
              if line.startswith("COPY ") and "--from=" not in line]
    for sources in copied:
        for source in sources:
            assert (repo_root / source).exists(), f"Dockerfile copies {source}, which is missing"


def _stages(dockerfile: str) -> list[list[str]]:
    """The Dockerfile's instructions (continuation lines joined), one list per FROM stage."""
    joined = re.sub(r"\\\n\s*", " ", dockerfile)
    stages: list[list[str]] = []
    for line in joined.splitlines():
        line = line.strip()
        if line.startswith("FROM "):
            stages.append([])
        if line and not line.startswith("#") and stages:
            stages[-1].append(line)
    return stages


def test_the_running_image_has_no_compiler_mypy_or_build_inputs(repo_root: Path) -> None:
    stages = _stages((repo_root / "Dockerfile").read_text())
    assert len(stages) >= 2, "compile in a build stage, run from another"
    build, runtime = "\n".join(stages[0]), stages[-1]
    assert "gcc" in build and "compile_extractor.py" in build
    # mypy goes after compiling, and nothing left needs it
    assert re.search(r"pip uninstall .*\bmypy\b", build) and "pip check" in build
    runtime_text = "\n".join(runtime)
    for absent in ("gcc", "mypy", "[compile]", "apt-get install"):
        assert absent not in runtime_text, f"the runtime stage has {absent}"
    copies = [line.split()[1:] for line in runtime if line.startswith("COPY ")]
    # the installed virtualenv from the build stage, and the default feeds file; no sources,
    # tests, benchmarks or deploy scripts
    assert copies == [["--from=build", "/venv", "/venv"], ["config", "./config"]]
    assert runtime[-1] == 'CMD ["newsflow", "--help"]'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_service_healthchecks_probe_the_metrics_endpoint(compose: dict[str, Any]) -> None:
    """The probe is run as compose would run it inside the container: it passes while the
    service serves /metrics on the port its environment names, and fails once it stops."""
    services = compose["services"]
    probes = {name: services[name]["healthcheck"]["test"] for name in SERVICES}
    assert all(probe == probes["fetcher"] for probe in probes.values())
    kind, program, *args = probes["fetcher"]
    assert kind == "CMD" and program == "python"
    assert "os.kill" not in " ".join(args), "os.kill(1, 0) cannot fail while the container runs"
    for name in SERVICES:
        assert int(services[name]["environment"]["NEWSFLOW_METRICS_PORT"]) > 0, name

    port = _free_port()
    env = {**os.environ, "NEWSFLOW_METRICS_PORT": str(port)}
    stop = serve_metrics(Settings(metrics_port=port))
    try:
        alive = subprocess.run([sys.executable, *args], env=env, capture_output=True, timeout=30)
    finally:
        stop()
    dead = subprocess.run([sys.executable, *args], env=env, capture_output=True, timeout=30)
    assert alive.returncode == 0, alive.stderr
    assert dead.returncode != 0


def _listeners(value: str) -> dict[str, tuple[str, int]]:
    """``NAME://host:port,...`` as {name: (host, port)}."""
    out = {}
    for item in value.split(","):
        name, address = item.split("://")
        host, port = address.rsplit(":", 1)
        out[name] = (host, int(port))
    return out


def test_kafka_keeps_its_log_in_the_mounted_volume(compose: dict[str, Any]) -> None:
    kafka = compose["services"]["kafka"]
    mounts = {dst: src for src, dst in (m.split(":")[:2] for m in kafka["volumes"])}
    log_dirs = kafka["environment"]["KAFKA_LOG_DIRS"].split(",")
    assert log_dirs and all(d in mounts for d in log_dirs), (log_dirs, mounts)
    assert all(mounts[d] in compose["volumes"] for d in log_dirs), "a named volume"


def test_clients_on_the_host_and_services_in_compose_each_reach_the_broker(
        compose: dict[str, Any], repo_root: Path) -> None:
    kafka = compose["services"]["kafka"]["environment"]
    bound = _listeners(kafka["KAFKA_LISTENERS"])
    advertised = _listeners(kafka["KAFKA_ADVERTISED_LISTENERS"])
    protocols = dict(p.split(":") for p in kafka["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    assert set(bound) == set(protocols)
    assert kafka["KAFKA_INTER_BROKER_LISTENER_NAME"] in advertised
    # services inside compose: their bootstrap address is an advertised listener on the
    # compose network (the service name), not the host's loopback
    inside = _newsflow_services(compose)["fetcher"]["environment"][
        "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS"]
    internal = [n for n, (h, p) in advertised.items() if f"{h}:{p}" == inside]
    assert internal and inside.split(":")[0] == "kafka"
    # the host: the README's consumer connects to 127.0.0.1:9092, which a published port maps
    # to a listener that advertises that same address back
    readme = (repo_root / "README.md").read_text()
    match = re.search(r'bootstrap_servers="([^"]+)"', readme)
    assert match
    outside = match.group(1)
    external = [n for n, (h, p) in advertised.items() if f"{h}:{p}" == outside]
    assert len(external) == 1 and external != internal
    host_ip, host_port, container_port = compose["services"]["kafka"]["ports"][0].split(":")
    assert f"{host_ip}:{host_port}" == outside
    assert bound[external[0]][1] == int(container_port)
    assert bound[internal[0]][1] == int(inside.split(":")[1])
