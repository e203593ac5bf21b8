#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) into the Markdown table of docs/benchmarks.md.

Each figure is the median of every measured iteration over all forks, with JMH's own mean and
99.9% error beside it, its CPU time per operation (with -prof
dev.chaos4j.bench.middleware.CpuTimeProfiler) and allocation per operation (with -prof gc) when
measured, and its ratio to the baseline of the same run. Usage: python3 bench/jmh/summarize.py result.json
"""
import json
import statistics
import sys

# Which baseline stands beside which benchmark (Baselines.* themselves are left as they are).
BASELINE = {
    "InboundDecisionBench.plan": "Baselines.request",
    "OutboundDecisionBench.planOutbound": "Baselines.call",
    "FilterBench.chaosFilter": "Baselines.passThroughFilter",
}


def short(name):
    return ".".join(name.split(".")[-2:])


def main(path):
    runs = json.load(open(path))
    rows = []
    medians = {}
    for run in runs:
        name = short(run["benchmark"])
        params = run.get("params", {})
        metric = run["primaryMetric"]
        values = [v for fork in metric["rawData"] for v in fork]
        median = statistics.median(values)
        secondary = run.get("secondaryMetrics", {})
        alloc = secondary.get("gc.alloc.rate.norm", {}).get("score")
        cpu = secondary.get("cpu.time.norm", {}).get("score")
        key = (name, params.get("mapping", "root"))
        if name.startswith("Baselines."):
            medians[key] = median
        rows.append((name, params, median, metric["score"], metric["scoreError"], alloc, cpu,
                     len(values)))
    print("| benchmark | state | median ns/op | mean ± error (99.9%) | CPU ns/op | B/op | baseline "
          "| ratio | over baseline |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, params, median, score, error, alloc, cpu, n in rows:
        mapping = params.get("mapping", "root")
        base = medians.get((BASELINE.get(name), mapping))
        state = params.get("state", "—") + ("" if mapping == "root" else f" ({mapping})")
        ratio = f"{median / base:.1f}" if base else "—"
        over = f"{median - base:.1f}" if base else "—"
        alloc_text = "—" if alloc is None else ("0" if alloc < 0.01 else f"{alloc:.1f}")
        cpu_text = "—" if cpu is None else f"{cpu:.1f}"
        print(f"| `{name}` | {state} | {median:.1f} | {score:.1f} ± {error:.1f} | {cpu_text} | {alloc_text} "
              f"| {short(BASELINE[name]) if name in BASELINE else '—'} | {ratio} | {over} |")
    print(f"\n({rows[0][7]} measured iterations per benchmark)")


if __name__ == "__main__":
    main(sys.argv[1])
