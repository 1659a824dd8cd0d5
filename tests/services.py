"""Start and probe the real services (Kafka, PostgreSQL) that integration tests and benchmarks use.

A thin layer over ``deploy/kafka.sh`` and ``deploy/postgres.sh``, which hold the actual know-how,
so that a developer at a shell and a pytest fixture start the services the same way. Importable
from benchmarks as well as from ``tests/conftest.py``::

    bootstrap, stop = start_kafka(tmp_dir)
    try:
        ...
    finally:
        stop()
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
KAFKA_SH = REPO_ROOT / "deploy" / "kafka.sh"
POSTGRES_SH = REPO_ROOT / "deploy" / "postgres.sh"

Stop = Callable[[], None]


class ServiceError(RuntimeError):
    """A service could not be started, stopped or reached."""


def free_port(host: str = "127.0.0.1") -> int:
    """Return a TCP port on ``host`` that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 1.0) -> bool:
    """Return whether something accepts TCP connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def wait_for_port(port: int, host: str = "127.0.0.1", timeout: float = 30.0) -> None:
    """Wait until ``host:port`` accepts TCP connections, or raise ``ServiceError``."""
    deadline = time.monotonic() + timeout
    while not port_open(port, host):
        if time.monotonic() >= deadline:
            raise ServiceError(f"nothing accepts TCP connections on {host}:{port} after {timeout}s")
        time.sleep(0.2)


def parse_host_port(address: str, default_port: int) -> tuple[str, int]:
    """Split ``host[:port]`` (IPv6 in brackets) into host and port."""
    address = address.strip()
    host, sep, port = address.rpartition(":")
    if not sep or "]" in port:  # no port at all, or a bare "[v6]"
        return address.strip("[]"), default_port
    return host.strip("[]"), int(port)


def _run(script: Path, *args: str) -> str:
    """Run one of the deploy scripts; return its last line of output, or raise ``ServiceError``."""
    # A session of its own, so that on Ctrl-C or a timeout we can kill the script together with
    # whatever it was running (initdb, a JVM formatting storage): killing only the script would
    # leave those behind, writing into a directory that is about to be removed.
    with subprocess.Popen(
        [str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=300)
        except BaseException:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
    if proc.returncode != 0:
        raise ServiceError(
            f"{script.name} {' '.join(args)} failed (exit {proc.returncode}):\n{stdout}{stderr}"
        )
    lines = stdout.strip().splitlines()
    return lines[-1] if lines else ""


def _started(stop: Stop, script: Path, *args: str) -> str:
    """Run a start command; if it is interrupted (Ctrl-C, timeout), stop what it may have left."""
    try:
        return _run(script, *args)
    except BaseException:
        # The server runs detached from the script: killing the script does not stop it.
        with contextlib.suppress(ServiceError):
            stop()
        raise


def kafka_installed() -> bool:
    """Return whether ``deploy/kafka.sh install`` has fetched the broker's jars."""
    return subprocess.run([str(KAFKA_SH), "installed"], check=False).returncode == 0


def postgres_installed() -> bool:
    """Return whether the PostgreSQL server binaries (initdb, pg_ctl) are installed."""
    return subprocess.run([str(POSTGRES_SH), "installed"], check=False).returncode == 0


def start_kafka(directory: Path) -> tuple[str, Stop]:
    """Start a single-node broker keeping its files in ``directory``; return (bootstrap, stop).

    The broker listens on free ports of 127.0.0.1 and is ready when this returns.
    """
    port = free_port()
    controller_port = free_port()
    while controller_port == port:
        controller_port = free_port()

    def stop() -> None:
        _run(KAFKA_SH, "stop", "--dir", str(directory))

    bootstrap = _started(
        stop,
        KAFKA_SH,
        "start",
        "--port", str(port),
        "--controller-port", str(controller_port),
        "--dir", str(directory),
    )  # fmt: skip
    return bootstrap, stop


def start_postgres(directory: Path) -> tuple[str, Stop]:
    """Start a throwaway PostgreSQL cluster in ``directory``; return (SQLAlchemy URL, stop).

    When run as root the cluster belongs to the ``postgres`` user, which must be able to reach
    ``directory``: pass one made by :func:`postgres_dir`, not one under pytest's private tmp.
    """

    def stop() -> None:
        _run(POSTGRES_SH, "stop", "--dir", str(directory))

    url = _started(stop, POSTGRES_SH, "start", "--port", str(free_port()), "--dir", str(directory))
    return url, stop


def postgres_dir() -> Path:
    """Make a new directory for :func:`start_postgres` that the ``postgres`` user can reach."""
    # /tmp itself is open to every user, whereas pytest's basetemp is private to its owner.
    return Path(tempfile.mkdtemp(prefix="newsflow-pg-", dir="/tmp"))


class Processes:
    """newsflow services as child processes (``python -m newsflow <name>``), logs in files.

    The integration tests start services as separate OS processes, as a deployment does.
    """

    def __init__(self, env: dict[str, str], log_dir: Path, deadline: float = 180.0) -> None:
        self.env = env
        self.log_dir = log_dir
        self.deadline = deadline  # seconds wait_until allows; bounded, never a timing assertion
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, **env: str) -> None:
        """Start service ``name``, with ``env`` added to the shared environment."""
        with (self.log_dir / f"{name}.log").open("ab") as log:  # the child keeps its own copy
            self.procs[name] = subprocess.Popen(
                [sys.executable, "-m", "newsflow", name], env={**self.env, **env}, stdout=log,
                stderr=subprocess.STDOUT)

    def stop(self, name: str) -> int:
        """SIGTERM service ``name`` and return its exit code (-9 if it had to be killed)."""
        proc = self.procs.pop(name)
        proc.send_signal(signal.SIGTERM)
        try:
            return proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return -9

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)

    def assert_alive(self) -> None:
        for name, proc in self.procs.items():
            assert proc.poll() is None, f"{name} exited:\n{self.log(name)}"

    def log(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text(errors="replace")[-6000:]

    def wait_until(self, check: Callable[[], bool], what: str) -> None:
        """Poll ``check`` until true, the processes alive; fail with their logs at the deadline."""
        end = time.monotonic() + self.deadline
        while time.monotonic() < end:
            self.assert_alive()
            if check():
                return
            time.sleep(0.5)
        logs = "\n".join(f"--- {n}\n{self.log(n)}" for n in self.procs)
        raise AssertionError(f"timed out waiting for {what}\n{logs}")
