#!/usr/bin/env python3
"""Markdown rows comparing two `run.sh --summary` files of one eval: ours and GradBench's `manual`, run back to back.

usage: compare-summaries.py OURS.json MANUAL.json

One row per workload (description): our primal and derivative medians, our derivative/primal ratio, the same for
the reference, and our times over the reference's. The primal is the eval's first function (objective, primal,
cost), the derivative its second (jacobian, gradient, dir). Medians are of the `evaluate` timings.
"""
import json
import sys


def medians(path):
    summary = json.load(open(path))
    table, functions, workloads = {}, [], []
    for e in summary["evaluations"]:
        key = (e["function"], e["description"])
        table[key] = e.get("median_evaluate_ns") if e.get("valid") else None
        if e["function"] not in functions:
            functions.append(e["function"])
        if e["description"] not in workloads:
            workloads.append(e["description"])
    return table, functions, workloads


def time(ns):
    if ns is None:
        return "—"
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "—"


ours, functions, workloads = medians(sys.argv[1])
reference = medians(sys.argv[2])[0] if len(sys.argv) > 2 else {}
primal, derivative = functions[0], functions[1]
print(f"| workload | ours {primal} | ours {derivative} | ours ratio | manual {primal} | manual {derivative} | manual ratio "
      f"| ours / manual, {primal} | ours / manual, {derivative} |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for w in workloads:
    op, od = ours.get((primal, w)), ours.get((derivative, w))
    rp, rd = reference.get((primal, w)), reference.get((derivative, w))
    print(f"| {w} | {time(op)} | {time(od)} | **{ratio(od, op)}** | {time(rp)} | {time(rd)} | {ratio(rd, rp)} "
          f"| {ratio(op, rp)} | {ratio(od, rd)} |")
