"""Pipeline benchmark: N generated pages through the four services on real Kafka and PostgreSQL.

An article counts as done once all four stages are through with it: its
annotation row (written from the extractor's output) and every event that row
names are stored. The store writes the article row itself straight from the
cleaner's topic, so counting article rows would leave extraction out.

Prints articles/s, p50 and p99 latency from publish (the raw page's
``fetched_at``) to done (the later of the annotation's and its events'
``stored_at``) and to the extractor's ``extracted_at``, the events stored, each
service's peak RSS and CPU seconds, and plain
trafilatura's throughput on the same pages in the same run; writes the figures
to a JSON file. Run with ``make bench N=300``. Not a test: timings on shared
machines are noisy, so compare the ratios of one run, not figures across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import trafilatura
from sqlalchemy import Connection, create_engine, func, select, text

from newsflow.demo import DemoSite
from services.store.models import AnnotationRow, ArticleRow, EventRow
from tests.services import postgres_dir, start_kafka, start_postgres

SERVICES = ("store", "extractor", "cleaner", "fetcher")


def _family(pid: int) -> list[int]:
    """``pid`` and its child processes (worker pools)."""
    pids = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return pids


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its live child processes."""
    ticks = 0
    for p in _family(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _peak_rss_mb(pid: int) -> float:
    """Peak resident set (VmHWM) of ``pid`` plus its child processes (worker pools), in MB."""
    total = 0
    for p in _family(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def extracted(conn: Connection) -> tuple[int, int]:
    """(articles whose annotation row and every event it names are stored, events stored)."""
    named: dict[str, set[str]] = {}
    for row in conn.execute(select(AnnotationRow.article_id, AnnotationRow.event_ids)):
        named[row.article_id] = set(row.event_ids)
    stored: dict[str, set[str]] = {}
    for event in conn.execute(select(EventRow.article_id, EventRow.event_id)):
        stored.setdefault(event.article_id, set()).add(event.event_id)
    done = sum(1 for aid, ids in named.items() if ids <= stored.get(aid, set()))
    return done, sum(len(ids) for ids in stored.values())


def latencies(conn: Connection) -> list[tuple[float, float]]:
    """(publish, done) as POSIX times per article: done is the later of its annotation's and
    its events' ``stored_at``."""
    published: dict[str, datetime] = {}
    for row in conn.execute(select(ArticleRow.article_id, ArticleRow.fetched_at)):
        published[row.article_id] = row.fetched_at
    last_event: dict[str, datetime] = {}
    for row in conn.execute(select(EventRow.article_id, EventRow.stored_at)):
        aid = row.article_id
        last_event[aid] = max(row.stored_at, last_event.get(aid, row.stored_at))
    out = []
    for row in conn.execute(select(AnnotationRow.article_id, AnnotationRow.stored_at)):
        if row.article_id in published:
            done = max(row.stored_at, last_event.get(row.article_id, row.stored_at))
            out.append((published[row.article_id].timestamp(), done.timestamp()))
    return out


def extraction_waits(conn: Connection) -> list[float]:
    """Seconds from publish to the extractor's ``extracted_at``, per article with events:
    with :func:`latencies`, tells queueing before extraction from the store's share."""
    published: dict[str, datetime] = {}
    for row in conn.execute(select(ArticleRow.article_id, ArticleRow.fetched_at)):
        published[row.article_id] = row.fetched_at
    extracted_at: dict[str, datetime] = {}
    for row in conn.execute(select(EventRow.article_id, EventRow.record)):
        extracted_at[row.article_id] = datetime.fromisoformat(row.record["extracted_at"])
    return [(at - published[aid]).total_seconds() for aid, at in extracted_at.items()
            if aid in published]


def plain_trafilatura(site: DemoSite, count: int) -> dict[str, float]:
    """Throughput of ``trafilatura.extract`` alone on the same pages, one process."""
    with httpx.Client(base_url=site.base_url) as client:
        pages = [client.get(f"/gen/{i}.html").text for i in range(count)]
    start_cpu, start = time.process_time(), time.perf_counter()
    for html in pages:
        trafilatura.extract(html)
    wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    return {"pages": count, "seconds": wall, "pages_per_s": count / wall,
            "cpu_ms_per_page": 1000 * cpu / count}


def run(pages: int, deadline: float) -> dict[str, Any]:
    """Run the benchmark and return its figures."""
    with ExitStack() as stack:
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if not bootstrap:
            kdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nf-kafka-")))
            bootstrap, stop_kafka = start_kafka(kdir)
            stack.callback(stop_kafka)
        db_url = os.environ.get("NEWSFLOW_TEST_DATABASE_URL")
        if not db_url:
            db_url, stop_pg = start_postgres(postgres_dir())
            stack.callback(stop_pg)
        site = stack.enter_context(DemoSite(generated_pages=pages))
        print(f"plain trafilatura on {pages} pages ...", file=sys.stderr)
        baseline = plain_trafilatura(site, pages)

        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="nf-bench-")))
        (work / "feeds.yaml").write_text(
            "feeds:\n"
            f"  - {{id: bench, url: '{site.base_url}/gen/rss.xml', kind: rss,"
            " poll_interval: 3600}\n")
        run_id = f"bench{int(time.time())}"
        env = {**os.environ, "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS": bootstrap,
               "NEWSFLOW_DATABASE_URL": db_url, "NEWSFLOW_FEEDS_FILE": str(work / "feeds.yaml"),
               "NEWSFLOW_ALLOWED_NETWORKS": "127.0.0.0/8", "NEWSFLOW_LOG_LEVEL": "WARNING",
               # one loopback host serves every page: politeness would measure only the delay
               "NEWSFLOW_HOST_DELAY": "0", "NEWSFLOW_HOST_CONCURRENCY": "8",
               "NEWSFLOW_TOPIC_NAMESPACE": f"{run_id}.",
               "NEWSFLOW_CONSUMER_GROUP_PREFIX": run_id, "NEWSFLOW_TOPIC_PARTITIONS": "4"}
        admin = create_engine(db_url)
        with admin.begin() as conn:  # a fresh schema per run, so counts are this run's
            conn.execute(text(f"CREATE SCHEMA {run_id}"))
        admin.dispose()
        engine = create_engine(db_url, connect_args={"options": f"-c search_path={run_id}"})
        env["PGOPTIONS"] = f"-c search_path={run_id}"
        subprocess.run([sys.executable, "-m", "newsflow", "migrate"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        procs = {}
        for name in SERVICES:
            with (work / f"{name}.log").open("wb") as log:  # the child keeps its own copy
                procs[name] = subprocess.Popen([sys.executable, "-m", "newsflow", name],
                                               env=env, stdout=log, stderr=subprocess.STDOUT)
        def terminate() -> None:
            for proc in procs.values():
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)

        stack.callback(terminate)
        print(f"pipeline on {pages} pages ...", file=sys.stderr)
        end = time.monotonic() + deadline
        done = events = 0
        with engine.connect() as conn:
            while time.monotonic() < end and done < pages:
                time.sleep(1)
                conn.rollback()
                done, events = extracted(conn)
                for name, proc in procs.items():
                    if proc.poll() is not None:
                        raise SystemExit(f"{name} died:\n{(work / f'{name}.log').read_text()}")
            rss = {name: round(_peak_rss_mb(p.pid), 1) for name, p in procs.items()}
            cpu = {name: round(_cpu_s(p.pid), 1) for name, p in procs.items()}
            conn.rollback()
            done, events = extracted(conn)
            times = latencies(conn)
            to_extraction = extraction_waits(conn)
            articles = conn.scalar(select(func.count(ArticleRow.article_id))) or 0
        for proc in procs.values():
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        engine.dispose()
    waits = [finished - published for published, finished in times]
    span = max(f for _, f in times) - min(p for p, _ in times) if times else 0.0
    rate = done / span if span else 0.0
    return {
        "pages": pages, "articles_stored": articles, "extracted": done,
        "complete": done == pages, "events_stored": events,
        "articles_per_s": round(rate, 2),
        "latency_s": {"p50": round(statistics.median(waits), 3) if waits else None,
                      "p99": round(_percentile(waits, 0.99), 3) if waits else None},
        "publish_to_extracted_s": {
            "p50": round(statistics.median(to_extraction), 3) if to_extraction else None,
            "p99": round(_percentile(to_extraction, 0.99), 3) if to_extraction else None},
        "cpu_s": cpu,
        "peak_rss_mb": rss,
        "plain_trafilatura": {k: round(v, 3) for k, v in baseline.items()},
        "ratio_to_plain_trafilatura": round(rate / baseline["pages_per_s"], 3),
        "cores": os.cpu_count(),
    }


def main() -> None:
    """Parse arguments, run, print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--deadline", type=float, default=600.0,
                        help="seconds to wait for every page to be extracted and stored")
    parser.add_argument("--out", type=Path, default=Path("bench-results/pipeline.json"))
    args = parser.parse_args()
    figures = run(args.pages, args.deadline)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n")
    p = figures["plain_trafilatura"]
    print(f"articles through all   {figures['extracted']}/{figures['pages']} "
          f"({figures['events_stored']} events stored)")
    print(f"pipeline throughput    {figures['articles_per_s']} articles/s "
          "(fetch, clean, extract, store: 4 services, Kafka, PG)")
    print(f"plain trafilatura      {p['pages_per_s']} pages/s (extract only, one process)")
    print(f"ratio                  {figures['ratio_to_plain_trafilatura']}")
    print(f"latency publish->done  p50 {figures['latency_s']['p50']} s, "
          f"p99 {figures['latency_s']['p99']} s")
    print(f"publish->extracted     p50 {figures['publish_to_extracted_s']['p50']} s, "
          f"p99 {figures['publish_to_extracted_s']['p99']} s")
    for name, mb in figures["peak_rss_mb"].items():
        print(f"{name:<10} peak RSS {mb} MB, CPU {figures['cpu_s'][name]} s")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
