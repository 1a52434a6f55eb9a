#!/usr/bin/env python3
"""Summarises JMH JSON results (jmh-<variant>-<scenario>.json) into a Markdown table.

Usage: summarize.py RESULTS_DIR [OUTPUT.md]

Each row: scenario, variant, time per operation (us, with JMH's 99.9% error), bytes allocated per
operation (gc.alloc.rate.norm, from -prof gc), and both as ratios to the hand-written handler of
the same scenario. DESIGN.md section 8 sets the warm-invocation target: at most 1.1x in both.
"""

import glob
import json
import math
import os
import sys

SCENARIOS = ["http-json", "http-text", "sqs-10", "direct", "noop"]
VARIANTS = ["handwritten", "fn4j", "fn4j-spring", "scf", "quarkus"]
TARGET = 1.1


def metric(result, name):
    """A secondary metric by name; JMH 1.36 and older put a middle dot before gc metrics."""
    for key, value in result.get("secondaryMetrics", {}).items():
        if key.lstrip("\u00b7") == name:
            return value
    return None


def to_micros(score, unit):
    factor = {"ns/op": 1e-3, "us/op": 1.0, "ms/op": 1e3, "s/op": 1e6}.get(unit)
    if factor is None:
        raise ValueError("unexpected time unit " + unit)
    return score * factor


def load(results_dir):
    rows = {}
    for path in sorted(glob.glob(os.path.join(results_dir, "jmh-*.json"))):
        name = os.path.basename(path)[len("jmh-") : -len(".json")]
        # The longest known variant name that prefixes the file name ("fn4j-spring" before "fn4j").
        known = [v for v in VARIANTS if name.startswith(v + "-")]
        variant = max(known, key=len) if known else name.partition("-")[0]
        scenario = name[len(variant) + 1 :]
        try:
            with open(path, encoding="utf-8") as file:
                data = json.load(file)
        except (OSError, ValueError):
            continue
        if not data:
            continue
        result = data[0]
        primary = result["primaryMetric"]
        unit = primary["scoreUnit"]
        error = primary.get("scoreError")
        alloc = metric(result, "gc.alloc.rate.norm")
        rows[(scenario, variant)] = {
            "time": to_micros(primary["score"], unit),
            "error": (
                to_micros(error, unit)
                if isinstance(error, (int, float)) and not math.isnan(error)
                else None
            ),
            "alloc": alloc["score"] if alloc else None,
            "handler": result.get("params", {}).get("handler", ""),
        }
    return rows


def fmt_ratio(value, base):
    if value is None or not base:
        return ""
    ratio = value / base
    mark = "" if ratio <= TARGET else " (over)"
    return f"{ratio:.2f}x{mark}"


def order(items, known):
    return sorted(items, key=lambda x: (known.index(x) if x in known else len(known), x))


def table(rows):
    lines = [
        "| scenario | variant | time/op (us) | alloc/op (B) | time vs hand-written | alloc vs hand-written |",
        "|---|---|---:|---:|---:|---:|",
    ]
    scenarios = order({s for s, _ in rows}, SCENARIOS)
    for scenario in scenarios:
        base = rows.get((scenario, "handwritten"))
        variants = order({v for s, v in rows if s == scenario}, VARIANTS)
        for variant in variants:
            row = rows[(scenario, variant)]
            time = f"{row['time']:.2f}"
            if row["error"] is not None:
                time += f" ± {row['error']:.2f}"
            alloc = f"{row['alloc']:,.0f}" if row["alloc"] is not None else "n/a"
            lines.append(
                f"| {scenario} | {variant} | {time} | {alloc} | "
                f"{fmt_ratio(row['time'], base and base['time'])} | "
                f"{fmt_ratio(row['alloc'], base and base['alloc'])} |"
            )
    return "\n".join(lines)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    results_dir = argv[1]
    rows = load(results_dir)
    text = ["# Warm invocation (JMH)", ""]
    text.append(
        "In-process `RequestStreamHandler.handleRequest` per operation, as the Lambda Java runtime "
        "calls it (`benchmarks/jmh.sh`). Ratios are to the hand-written handler of the same "
        f"scenario; DESIGN.md section 8 sets the target at {TARGET}x in time and in allocation, "
        "and \"(over)\" marks a ratio above it. Time error is JMH's 99.9% confidence half-width "
        "(none with fewer than 3 iterations). The noop row is the harness floor: a hand-written "
        "handler that reads the event's bytes and answers `{}`."
    )
    text.append("")
    if rows:
        text.append(table(rows))
    else:
        text.append("No results.")
    settings = os.path.join(results_dir, "jmh-settings.txt")
    if os.path.exists(settings):
        with open(settings, encoding="utf-8") as file:
            text += ["", "Settings:", "", "```", file.read().rstrip(), "```"]
    failures = os.path.join(results_dir, "jmh-failures.txt")
    if os.path.exists(failures):
        with open(failures, encoding="utf-8") as file:
            lines = [line.rstrip() for line in file if line.strip()]
        if lines:
            text += ["", "Not measured:", ""] + [f"- {line}" for line in lines]
    output = "\n".join(text) + "\n"
    if len(argv) > 2:
        with open(argv[2], "w", encoding="utf-8") as file:
            file.write(output)
    sys.stdout.write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
