#!/usr/bin/env python3
"""Reads callstream's statistics and call records from Kafka without callstream's code.

Every record value on callstream's topics is Avro single-object encoding: the bytes C3 01, the
8-byte fingerprint of the writer's schema, then the Avro binary body. The schemas come from the
processor's API (GET /api/v1/schemas/{fingerprint}, with the API token), looked up once per
fingerprint, so records written with a newer schema version decode as well.

Prints two tables: the latest daily statistics of every site, queue and agent
(callstream.call-stats.v1), and the calls by outcome from the latest version of each call
(callstream.call-records.v1).

Needs Debian's python3-confluent-kafka (librdkafka 2.0: Kafka 4 protocol versions) and python3-avro.
"""

import argparse
import io
import json
import os
import sys
import time
import urllib.request
from collections import Counter
from zoneinfo import ZoneInfo

import avro.io
import avro.schema
from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaException, TopicPartition

STATS_TOPIC = "callstream.call-stats.v1"
RECORDS_TOPIC = "callstream.call-records.v1"
MAGIC = b"\xc3\x01"
FIGURES = ["offered", "answered", "missed", "abandoned_short", "rejected", "timed_out", "outbound",
           "outbound_connected"]
AVERAGES = ["asa_seconds", "aht_seconds", "service_level"]


class Schemas:
    """Writer schemas by fingerprint, fetched from the processor's API on first sight."""

    def __init__(self, api, token):
        self.api = api.rstrip("/")
        self.token = token
        self.readers = {}

    def decode(self, value):
        if value is None:
            return None  # a tombstone
        if value[:2] != MAGIC:
            raise ValueError("not Avro single-object encoding: " + value[:2].hex())
        fingerprint = value[2:10].hex()
        if fingerprint not in self.readers:
            self.readers[fingerprint] = avro.io.DatumReader(avro.schema.parse(self.fetch(fingerprint)))
        return self.readers[fingerprint].read(avro.io.BinaryDecoder(io.BytesIO(value[10:])))

    def fetch(self, fingerprint):
        request = urllib.request.Request(self.api + "/api/v1/schemas/" + fingerprint,
                                         headers={"Authorization": "Bearer " + self.token})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read().decode("utf-8")


def read_topic(bootstrap, topic, timeout):
    """Every record of the topic from the beginning to its end now, committed transactions only."""
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "callstream-example-%d" % os.getpid(),
        "enable.auto.commit": False,
        "isolation.level": "read_committed",
    })
    try:
        metadata = consumer.list_topics(topic, timeout=timeout)
        if metadata.topics[topic].error is not None:
            raise KafkaException(metadata.topics[topic].error)
        partitions = [TopicPartition(topic, p, OFFSET_BEGINNING) for p in metadata.topics[topic].partitions]
        ends = {tp.partition: consumer.get_watermark_offsets(tp, timeout=timeout)[1] for tp in partitions}
        consumer.assign(partitions)
        records = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            positions = consumer.position([TopicPartition(topic, p) for p in ends])
            if all(tp.offset >= ends[tp.partition] for tp in positions if ends[tp.partition] > 0):
                return records
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise KafkaException(message.error())
            records.append((message.key().decode("utf-8"), message.value()))
        raise TimeoutError("%s: not read to its end within %s s" % (topic, timeout))
    finally:
        consumer.close()


def latest_by_key(records, schemas):
    latest = {}
    for key, value in records:
        latest[key] = schemas.decode(value)
    return {key: value for key, value in latest.items() if value is not None}


def daily_stats_table(stats):
    """The newest day of every site, queue and agent, as a date in the site's time zone."""
    newest = {}
    for row in stats.values():
        if row["interval"] != "1d":
            continue
        dimension = (row["site"], row["dimension"].lower(), row["dimension_value"] or "-")
        if dimension not in newest or row["window_start"] > newest[dimension]["window_start"]:
            newest[dimension] = row
    header = ["site", "dimension", "value", "day"] + FIGURES + AVERAGES
    lines = []
    for (site, dimension, value), row in sorted(newest.items()):
        day = row["window_start"].astimezone(ZoneInfo(row["time_zone"])).date().isoformat()
        lines.append([site, dimension, value, day] + [str(row[f]) for f in FIGURES]
                     + ["-" if row[f] is None else "%.2f" % row[f] for f in AVERAGES])
    return header, lines


def outcomes_table(records):
    """Calls by site, direction and outcome, each call in its latest version; 'running' while it runs."""
    counts = Counter()
    for record in records.values():
        direction = (record.get("direction") or "?").lower()
        counts[(record["site"], direction, (record.get("outcome") or "running").lower())] += 1
    header = ["site", "direction", "outcome", "calls"]
    return header, [[site, direction, outcome, str(n)] for (site, direction, outcome), n in sorted(counts.items())]


def print_table(title, header, lines):
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines)] if lines else map(len, header)
    widths = list(widths)
    print(title)
    for line in [header] + lines:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bootstrap", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"))
    parser.add_argument("--api", default=os.environ.get("CALLSTREAM_API", "http://127.0.0.1:3000"),
                        help="the processor's (or ./callstream's) HTTP address, for the schemas")
    parser.add_argument("--timeout", type=float, default=30.0)
    arguments = parser.parse_args()
    token = os.environ.get("CALLSTREAM_API_TOKEN")
    if not token:
        sys.exit("Set CALLSTREAM_API_TOKEN to the processor's API token (./callstream: the admin token).")

    schemas = Schemas(arguments.api, token)
    stats = latest_by_key(read_topic(arguments.bootstrap, STATS_TOPIC, arguments.timeout), schemas)
    records = latest_by_key(read_topic(arguments.bootstrap, RECORDS_TOPIC, arguments.timeout), schemas)
    print_table(STATS_TOPIC + ": the newest day of each site, queue and agent", *daily_stats_table(stats))
    print_table(RECORDS_TOPIC + ": calls by outcome", *outcomes_table(records))


if __name__ == "__main__":
    main()
