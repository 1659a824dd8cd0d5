"""The fetch benchmark's site: many hosts on loopback, one process, its own request log.

``python -m benchmarks.fetch_server --hosts 200 --pages-per-host 50`` listens on
127.0.0.2 .. 127.0.0.(hosts+1), one port for all, and prints that port on its
first line. Each host serves ``/robots.txt``, ``/rss.xml`` (an RSS 2.0 feed of
its pages) and ``/a/<i>.html`` (a ~4 kB article page). ``GET /_stats`` on
127.0.0.1 answers with what the server saw: requests per kind, and per host the
smallest gap between two consecutive arrivals (the politeness the fetcher
actually showed, measured where it matters). Plain asyncio streams, so that the
server costs little of the two cores the fetcher and Kafka also need.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import socket
import sys
import time
from collections import Counter, defaultdict

WORDS = (
    "harbour", "council", "ministers", "agreed", "talks", "border", "ceasefire", "trade",
    "officials", "said", "regional", "governor", "confirmed", "statement", "report", "weekend",
    "residents", "evacuated",
)


def _paragraph(seed: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(60)).capitalize() + "."


def article(host: str, index: int) -> bytes:
    """A small article page, different per host and index."""
    paras = "".join(f"<p>{_paragraph(index + k)}</p>" for k in range(6))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {index} on {host}"
            f"</title></head><body><article><h1>Story {index}</h1>{paras}</article>"
            "</body></html>").encode()


def feed(base: str, pages: int) -> bytes:
    """RSS 2.0 listing every page of one host."""
    items = "".join(f"<item><title>Story {i}</title><link>{base}/a/{i}.html</link>"
                    f"<guid>{base}/a/{i}.html</guid></item>" for i in range(pages))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{base}</title><link>{base}/</link><description>bench</description>"
            f"{items}</channel></rss>").encode()


class Server:
    """Answers requests and keeps the arrival times of each host's requests."""

    def __init__(self, hosts: list[str], port: int, pages: int) -> None:
        self.hosts = hosts
        self.port = port
        self.pages = pages
        self.arrivals: dict[str, list[float]] = defaultdict(list)
        self.kinds: Counter[str] = Counter()
        self.paths: Counter[str] = Counter()
        self.feeds = {h: feed(f"http://{h}:{port}", pages) for h in hosts}

    def stats(self) -> dict[str, object]:
        gaps, means = {}, []
        for host, times in self.arrivals.items():
            ordered = sorted(times)
            if len(ordered) > 1:
                steps = [b - a for a, b in zip(ordered, ordered[1:], strict=False)]
                gaps[host] = min(steps)
                means.append(sum(steps) / len(steps))
        return {
            "requests": dict(self.kinds),
            "hosts_seen": len(self.arrivals),
            "duplicate_pages": sum(1 for p, n in self.paths.items() if n > 1),
            "min_gap_per_host_s": min(gaps.values()) if gaps else None,
            "median_of_host_min_gaps_s": sorted(gaps.values())[len(gaps) // 2] if gaps else None,
            "mean_gap_s": sum(means) / len(means) if means else None,
            "first_request_at": min((t[0] for t in self.arrivals.values()), default=None),
            "last_request_at": max((t[-1] for t in self.arrivals.values()), default=None),
        }

    def answer(self, host: str, path: str) -> tuple[int, str, bytes]:
        if path == "/_stats":
            return 200, "application/json", json.dumps(self.stats()).encode()
        self.arrivals[host].append(time.monotonic())
        if path == "/robots.txt":
            self.kinds["robots"] += 1
            return 200, "text/plain", b"User-agent: *\nAllow: /\n"
        if path == "/rss.xml":
            self.kinds["feed"] += 1
            return 200, "application/rss+xml", self.feeds[host]
        if path.startswith("/a/") and path.endswith(".html"):
            self.kinds["article"] += 1
            self.paths[f"{host}{path}"] += 1
            return 200, "text/html; charset=utf-8", article(host, int(path[3:-5]))
        self.kinds["other"] += 1
        return 404, "text/plain", b"not found"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                method, path, _ = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
                status, kind, body = self.answer(host, path)
                writer.write(
                    f"HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()


def _free_port(hosts: list[str]) -> int:
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((hosts[0], 0))
            port = int(probe.getsockname()[1])
        ok = True
        for host in [*hosts, "127.0.0.1"]:
            with socket.socket() as probe:
                try:
                    probe.bind((host, port))
                except OSError:
                    ok = False
                    break
        if ok:
            return port
    raise SystemExit("no port free on every benchmark address")


async def serve(hosts: list[str], pages: int) -> None:
    """Listen on every host address and 127.0.0.1 until SIGTERM."""
    port = _free_port(hosts)
    server = Server(hosts, port, pages)
    listeners = [await asyncio.start_server(server.handle, h, port, backlog=256)
                 for h in [*hosts, "127.0.0.1"]]
    print(port, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    for listener in listeners:
        listener.close()


def main() -> int:
    """Parse arguments and serve."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hosts", type=int, default=200)
    parser.add_argument("--pages-per-host", type=int, default=50)
    args = parser.parse_args()
    if not 1 <= args.hosts <= 250:
        parser.error("--hosts must be 1..250 (127.0.0.2 .. 127.0.0.251)")
    hosts = [f"127.0.0.{i + 2}" for i in range(args.hosts)]
    asyncio.run(serve(hosts, args.pages_per_host))
    return 0


if __name__ == "__main__":
    sys.exit(main())
