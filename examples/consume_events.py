"""Read coded events from newsflow's `news.events.v1` topic and print the ones you want.

A downstream consumer in thirty lines: it needs only aiokafka and the JSON of the
topic (its schema is schemas/news.events.v1.json). For example, material conflict
involving Ukraine:

    python examples/consume_events.py --bootstrap 127.0.0.1:9092 --quad-class 4 --country UKR

Events arrive at least once: key your own storage on `event_id`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import Any

from aiokafka import AIOKafkaConsumer


def wanted(event: dict[str, Any], quad_class: int | None, country: str | None) -> bool:
    """Whether an event passes the filters: its quad class, and a country on either side."""
    if quad_class is not None and event["quad_class"] != quad_class:
        return False
    if country is None:
        return True
    sides = [a.get("country") for a in event["actor"] + event["target"]]
    location = event.get("location") or {}
    return country in sides or location.get("country") == country


def line(event: dict[str, Any]) -> str:
    """One readable line: date, actor, CAMEO code, target, place, evidence."""
    actor = ",".join(a.get("country") or a["name"] for a in event["actor"]) or "-"
    target = ",".join(a.get("country") or a["name"] for a in event["target"]) or "-"
    place = (event.get("location") or {}).get("name", "-")
    return (f"{event['event_date']} {actor} {event['cameo_code']} {target} @ {place}: "
            f"{event['evidence']['sentence']}")


async def consume(args: argparse.Namespace) -> None:
    """Print matching events until --max-messages matched or --idle seconds pass quietly."""
    consumer = AIOKafkaConsumer(args.topic, bootstrap_servers=args.bootstrap,
                                group_id=args.group, auto_offset_reset="earliest")
    await consumer.start()
    printed = 0
    try:
        while args.max_messages is None or printed < args.max_messages:
            batch = await consumer.getmany(timeout_ms=int(args.idle * 1000))
            if not batch:
                break
            for records in batch.values():
                for record in records:
                    event = json.loads(record.value)
                    if wanted(event, args.quad_class, args.country):
                        print(line(event), flush=True)
                        printed += 1
    finally:
        await consumer.stop()


def main() -> None:
    """Parse the command line and consume."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:9092", help="Kafka bootstrap servers")
    parser.add_argument("--topic", default="news.events.v1")
    parser.add_argument("--group", default="events-example", help="consumer group id")
    parser.add_argument("--quad-class", type=int, choices=(1, 2, 3, 4),
                        help="1 verbal cooperation .. 4 material conflict")
    parser.add_argument("--country", help="ISO 3166-1 alpha-3 code on either side or the place")
    parser.add_argument("--max-messages", type=int, help="stop after printing this many")
    parser.add_argument("--idle", type=float, default=5.0,
                        help="stop after this many seconds without a message")
    asyncio.run(consume(parser.parse_args()))


if __name__ == "__main__":
    main()
