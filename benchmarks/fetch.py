"""Fetch benchmark: thousands of pages on hundreds of hosts, fetched politely, published to Kafka.

``make bench-fetch`` (``python -m benchmarks.fetch --pages 10000 --hosts 200``)
starts the benchmark site in its own process (:mod:`benchmarks.fetch_server`:
an RSS feed per host on 127.0.0.2 and up), a private Kafka broker (or uses
``KAFKA_BOOTSTRAP_SERVERS``), and ``newsflow fetcher`` as real processes (two by
default, one per core, sharing one ledger and splitting the hosts between them
by the partitions of ``news.articles.urls.v1``) with a feeds file naming every
host's feed. It watches the topic's end offsets until every page
is on ``news.articles.raw.v1``, then prints pages/s from the server's first
request to the broker's acknowledgement of the last page, the count on the
topic, and the server's own record of the smallest gap between two requests to
one host, which must not be below the per-host delay. Figures go to a JSON
file. Timings on a shared two-core machine are noisy; the gap and the counts
are not, and the command fails when either is wrong.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
from aiokafka import AIOKafkaConsumer, TopicPartition

from newsflow import topics
from newsflow.kafka import ensure_topics
from newsflow.settings import Settings
from tests.services import start_kafka

TARGET_PAGES_PER_S = 500.0


async def _end_offsets(consumer: AIOKafkaConsumer, parts: list[TopicPartition]) -> int:
    offsets = await consumer.end_offsets(parts)
    return sum(offsets.values())


async def _watch(bootstrap: str, topic: str, want: int, deadline: float) -> tuple[int, float]:
    """Poll the topic's end offsets until ``want`` messages are on it; return (count, when)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        if not parts:
            await consumer._client.force_metadata_update()  # noqa: SLF001 - fresh topic
            parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        count, when = 0, time.monotonic()
        while time.monotonic() < deadline:
            now = await _end_offsets(consumer, parts)
            if now != count:
                count, when = now, time.monotonic()
            if count >= want:
                break
            await asyncio.sleep(0.05)
        return count, when
    finally:
        await consumer.stop()


async def _dead_letters(bootstrap: str, topic: str) -> int:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()  # noqa: SLF001
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return await _end_offsets(consumer, parts)
    finally:
        await consumer.stop()


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of a running process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)


def _fetchers(args: argparse.Namespace, env: dict[str, str], logs: Path) -> list[
        subprocess.Popen[bytes]]:
    procs = []
    for n in range(args.fetchers):
        with (logs / f"fetcher-{n}.log").open("wb") as log:
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "newsflow", "fetcher"], stdout=log,
                stderr=subprocess.STDOUT, env=env))
    return procs


def run(args: argparse.Namespace, bootstrap: str, port: int, tmp: Path,
        server_pid: int) -> dict[str, Any]:
    """Start the fetchers, wait for every page on the topic, stop them; return the figures."""
    per_host = math.ceil(args.pages / args.hosts)
    want = per_host * args.hosts
    namespace = f"bench{uuid.uuid4().hex[:8]}."
    raw = namespace + topics.RAW_ARTICLES
    feeds = tmp / "feeds.yaml"
    feeds.write_text("feeds:\n" + "".join(
        f"  - {{id: host-{i + 2}, url: 'http://127.0.0.{i + 2}:{port}/rss.xml', kind: rss, "
        "poll_interval: 3600}\n" for i in range(args.hosts)))
    env = {**os.environ,
           "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS": bootstrap, "NEWSFLOW_TOPIC_NAMESPACE": namespace,
           "NEWSFLOW_FEEDS_FILE": str(feeds), "NEWSFLOW_ALLOWED_NETWORKS": "127.0.0.0/8",
           "NEWSFLOW_HOST_DELAY": str(args.delay), "NEWSFLOW_HOST_CONCURRENCY": "1",
           "NEWSFLOW_FETCH_CONCURRENCY": str(args.concurrency),
           "NEWSFLOW_TOPIC_PARTITIONS": str(args.partitions),
           "NEWSFLOW_CONSUMER_GROUP_PREFIX": namespace.rstrip("."),
           "NEWSFLOW_FETCHER_STATE_URL": f"sqlite:///{tmp / 'fetcher.sqlite'}",
           "NEWSFLOW_LOG_LEVEL": "WARNING"}
    settings = Settings(kafka_bootstrap_servers=bootstrap, topic_namespace=namespace,
                        topic_partitions=args.partitions)
    asyncio.run(ensure_topics(settings))
    started = time.monotonic()
    procs = _fetchers(args, env, tmp)
    try:
        count, last = asyncio.run(_watch(bootstrap, raw, want, started + args.timeout))
        alive = [proc.poll() is None for proc in procs]
        cpu = [_cpu_seconds(proc.pid) if up else None for proc, up in zip(procs, alive,
                                                                           strict=True)]
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGINT)
        codes = [proc.wait(timeout=60) for proc in procs]
    server_cpu = _cpu_seconds(server_pid)
    stats = httpx.get(f"http://127.0.0.1:{port}/_stats", timeout=10).json()
    dlq = namespace + topics.dead_letter("fetcher")
    dead = asyncio.run(_dead_letters(bootstrap, dlq))
    first = stats["first_request_at"] or started
    elapsed = last - first
    logs = {p.name: p.read_text(errors="replace")[-2000:] for p in tmp.glob("fetcher-*.log")}
    return {
        "pages": want, "hosts": args.hosts, "pages_per_host": per_host,
        "per_host_delay_s": args.delay, "per_host_concurrency": 1,
        "global_concurrency_per_process": args.concurrency, "fetcher_processes": args.fetchers,
        "url_topic_partitions": args.partitions,
        "messages_on_topic": count, "dead_letters": dead,
        "seconds_first_request_to_last_ack": round(elapsed, 3),
        "seconds_process_start_to_last_ack": round(last - started, 3),
        "pages_per_s": round(count / elapsed, 1) if elapsed > 0 else None,
        "target_pages_per_s": TARGET_PAGES_PER_S,
        "server": stats,
        "min_gap_ok": stats["min_gap_per_host_s"] is not None
        and stats["min_gap_per_host_s"] >= args.delay,
        "fetcher_cpu_s": cpu,
        "server_cpu_s": server_cpu,
        "load_average_1m_at_end": os.getloadavg()[0],
        "fetcher_exit_codes": codes,
        "fetchers_alive_to_the_end": all(alive),
        "fetcher_log_tails": {k: v for k, v in logs.items() if v.strip()},
    }


def main() -> int:
    """Run the benchmark; exit 1 if politeness or a count was wrong."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000, help="pages in all (default 10000)")
    parser.add_argument("--hosts", type=int, default=200, help="host names (default 200)")
    parser.add_argument("--delay", type=float, default=0.2,
                        help="per-host delay in seconds (default 0.2)")
    parser.add_argument("--concurrency", type=int, default=128,
                        help="global concurrency of each fetcher process (default 128)")
    parser.add_argument("--fetchers", type=int, default=2,
                        help="fetcher processes, splitting the hosts between them (default 2)")
    parser.add_argument("--partitions", type=int, default=8,
                        help="partitions of each topic, so of the hosts (default 8)")
    parser.add_argument("--timeout", type=float, default=300, help="give up after (s)")
    parser.add_argument("--out", type=Path, default=Path("bench-results/fetch.json"))
    args = parser.parse_args()
    per_host = math.ceil(args.pages / args.hosts)
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "").strip()
        if not bootstrap:
            bootstrap, stop_kafka = start_kafka(Path(tmp) / "kafka")
            stack.callback(stop_kafka)
        server = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.fetch_server", "--hosts", str(args.hosts),
             "--pages-per-host", str(per_host)], stdout=subprocess.PIPE, text=True)
        stack.callback(server.wait, 30)
        stack.callback(server.terminate)
        assert server.stdout is not None
        port = int(server.stdout.readline())
        work = Path(tmp) / "run"
        work.mkdir()
        result = run(args, bootstrap, port, work, server.pid)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    stats = result["server"]
    print(f"{result['messages_on_topic']} of {result['pages']} pages from {args.hosts} hosts "
          f"fetched and published to Kafka in {result['seconds_first_request_to_last_ack']} s "
          f"(first request to last ack, {args.fetchers} fetcher processes): "
          f"{result['pages_per_s']} pages/s (target {TARGET_PAGES_PER_S:.0f})")
    gap = stats["min_gap_per_host_s"]
    print(f"server: smallest gap between two requests to one host "
          f"{gap if gap is None else round(gap, 4)} s (per-host delay {args.delay} s): "
          f"{'respected' if result['min_gap_ok'] else 'VIOLATED'}; requests {stats['requests']}, "
          f"pages asked twice {stats['duplicate_pages']}, dead letters {result['dead_letters']}")
    print(f"fetcher CPU seconds {result['fetcher_cpu_s']}; exit codes "
          f"{result['fetcher_exit_codes']}"
          f"{'' if result['fetchers_alive_to_the_end'] else ' (a fetcher DIED before the end)'}")
    print(f"figures in {args.out}")
    ok = (result["min_gap_ok"] and stats["duplicate_pages"] == 0 and result["dead_letters"] == 0
          and result["messages_on_topic"] == result["pages"]
          and result["fetchers_alive_to_the_end"] and result["fetcher_exit_codes"] == [0] * len(
              result["fetcher_exit_codes"]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
