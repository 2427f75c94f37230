#!/usr/bin/env python3
"""net8.0 vs net10.0 table for bench/frameworks.sh: run.json (machine, builds) + the driver's raw.json -> json + markdown."""
import json
import sys

run_path, raw_path, json_out, md_out = sys.argv[1:5]
run = json.load(open(run_path))
raw = json.load(open(raw_path))
peers = {p["name"].removeprefix("LambdaRoutes "): p for p in raw["peers"]}
frameworks = list(run["builds"].keys())

rows = [
    ("Cold start p50 (process start → first response)", lambda p, b: f'{p["coldTotalMs"]["p50"]:.1f} ms'),
    ("Cold start p90", lambda p, b: f'{p["coldTotalMs"]["p90"]:.1f} ms'),
    ("Init p50 (start → first /next)", lambda p, b: f'{p["coldInitMs"]["p50"]:.1f} ms'),
    ("First invocation p50", lambda p, b: f'{p["coldFirstInvokeMs"]["p50"]:.2f} ms'),
    ("CPU of a cold start p50", lambda p, b: f'{p["coldCpuMs"]["p50"]:.1f} ms'),
    ("Warm p50", lambda p, b: f'{p["warmUs"]["p50"]:.0f} µs'),
    ("Warm p99", lambda p, b: f'{p["warmUs"]["p99"]:.0f} µs'),
    ("CPU per warm invocation", lambda p, b: f'{p["warmCpuUsPerInvocation"]:.0f} µs'),
    ("RSS after 1st invocation", lambda p, b: f'{p["rssAfterFirstKb"] / 1024:.1f} MB'),
    (f'RSS after {run["warmInvocations"]:,} invocations', lambda p, b: f'{p["rssAfterWarmKb"] / 1024:.1f} MB'),
    ("Threads after warm", lambda p, b: f'{p["threadsAfterWarm"]}'),
    ("bootstrap", lambda p, b: f'{b["bootstrapBytes"] / 1e6:.2f} MB'),
    ("zip", lambda p, b: f'{b["zipBytes"] / 1e6:.2f} MB'),
    ("Cold build of bench/apps/BenchApp (fresh copy)", lambda p, b: f'{b["buildSeconds"]:.0f} s'),
]

lines = [
    "# Route binaries: net8.0 vs net10.0",
    "",
    f'`bash bench/frameworks.sh`, run of {run["date"]} on {run["cpu"]}, {run["nproc"]} vCPUs, load average '
    f'{run["loadStart"]} at start and {run["loadEnd"]} at the end (a machine shared with other work: compare the columns with '
    f'each other, not with other runs). The route `bench/apps/BenchApp/api/echo.cs` built by `lambda-routes build --framework <tfm>`; '
    f'{run["coldStarts"]} cold starts and {run["warmInvocations"]:,} warm invocations per framework, interleaved.',
    "",
    "| | " + " | ".join(frameworks) + " |",
    "| --- | " + " | ".join("---:" for _ in frameworks) + " |",
]
for label, cell in rows:
    lines.append(f"| {label} | " + " | ".join(cell(peers[f], run["builds"][f]) for f in frameworks) + " |")

json.dump({"run": run, "measurements": raw}, open(json_out, "w"), indent=2)
open(md_out, "w").write("\n".join(lines) + "\n")
