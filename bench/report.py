#!/usr/bin/env python3
"""Turns bench/.work/{machine,sizes,raw,builds,mapping,memory}.json into bench/results/results.{md,json} and chart.png."""
import argparse
import json
import os
import sys

OURS, NODE, JIT, FLOOR = "LambdaRoutes", "Node.js (aws-lambda-ric)", ".NET JIT", "Minimal AOT loop"
ASYNC_FLOOR = "Minimal AOT loop, async socket I/O"
BEFORE_PREFIX = "LambdaRoutes before ("


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def mb(value_bytes):
    if value_bytes is None:
        return "n/a"
    if value_bytes < 100_000:
        return f"{value_bytes / 1000:.1f} kB"
    return f"{value_bytes / 1_000_000:.2f} MB"


def kb_to_mb(kb):
    return f"{kb / 1024:.1f} MB"


def verdict(ok):
    return "**met**" if ok else "**missed**"


def add_memory(add, memory):
    """Peak RSS per payload size and kind, and over a stream of the largest (PayloadMemory.cs)."""
    add(f"## Memory at the payload limit ({memory['memorySizeMb']} MB)")
    add("")
    add("The route `bench/apps/BenchApp/api/payload.cs` echoes its body, so each invocation is as large in as out; "
        f"`AWS_LAMBDA_FUNCTION_MEMORY_SIZE={memory['memorySizeMb']}` (measured {memory['date']}, {memory['mode']} mode: "
        f"{memory['sizes'][0]['invocations']} invocations per row), a fresh process per row, peak RSS = VmHWM of "
        "/proc/<pid>/status after the invocations (Lambda kills a function whose process passes its memory size). "
        "The 6 MB rows are the largest bodies whose events fit in Lambda's 6 MB (base64: 4.5 MB of bytes as 6 MB of text).")
    add("")
    kinds = sorted({m["kind"] for m in memory["sizes"]}, reverse=True)
    body_sizes = sorted({m["bodyMb"] for m in memory["sizes"]})
    add("| Body in the event | " + " | ".join(f"{s} MB" for s in body_sizes) + " |")
    add("| --- |" + " ---: |" * len(body_sizes))
    for kind in kinds:
        row = {m["bodyMb"]: m for m in memory["sizes"] if m["kind"] == kind}
        label = "text (echoed as text)" if kind == "text" else "base64 (echoed as base64)"
        add(f"| {label} | " + " | ".join(f"{row[s]['peakRssMb']:.1f} MB" if s in row else "—" for s in body_sizes) + " |")
    add("")
    stream = memory["stream"]
    rss = stream["rssAfterEachMb"]
    tenth = max(1, len(rss) // 10)
    add(f"Stream: {stream['invocations']} invocations of 6 MB in one process, base64 and text alternating: peak RSS "
        f"{stream['peakRssMb']:.1f} MB; RSS after each invocation {min(rss):.1f}–{max(rss):.1f} MB (first {tenth}: "
        f"{max(rss[:tenth]):.1f} MB at most, last {tenth}: {max(rss[-tenth:]):.1f} MB at most).")
    add("")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--results", required=True)
    args = parser.parse_args()

    machine = load(os.path.join(args.work, "machine.json"))
    sizes = load(os.path.join(args.work, "sizes.json"))
    raw = load(os.path.join(args.work, "raw.json"))
    builds = load(os.path.join(args.work, "builds.json"))
    mapping_path = os.path.join(args.work, "mapping.json")
    mapping = load(mapping_path) if os.path.exists(mapping_path) else None
    memory_path = os.path.join(args.work, "memory.json")
    memory = load(memory_path) if os.path.exists(memory_path) else None
    peers = {p["name"]: p for p in raw["peers"]}
    order = [OURS, NODE, JIT, FLOOR]

    lines = []
    add = lines.append
    add(f"# LambdaRoutes bench — {machine['date']} ({machine['mode']} run)")
    add("")
    add(f"Machine: {machine['cpu']}, {machine['nproc']} CPUs, {machine['memTotalMb']} MB RAM, Linux {machine['kernel']}; "
        f".NET SDK {machine['dotnet']}, Node.js {machine['node']}. Load average (1/5/15 min) at start {machine['loadStart']}, "
        f"at end {machine.get('loadEnd', '?')} — other work was running on this machine when the load is above ~0.5; "
        f"absolute numbers are noisy, the peers were interleaved so that noise hits them alike.")
    add("")
    add(f"Method: `bash bench/run.sh{' --quick' if machine['mode'] == 'quick' else ''}`. Every peer serves the same request "
        "(HTTP API 2.0 event `POST /api/echo?greeting=hi`, cookie `session`, JSON body; answer JSON) and is checked for the "
        f"right answer. Cold start = `Process.Start` → first response body received, {raw['coldStarts']} starts per peer "
        "(interleaved round-robin), on a Runtime API server kept running (bench/driver/FocusedRuntimeApi.cs). Warm = event "
        f"written → response received, {raw['warmInvocations']} sequential invocations on one instance; throughput = "
        "invocations per second of that closed loop (one instance, one at a time, server included). RSS = VmRSS from "
        "/proc/<pid>/status. Sizes: `bootstrap` = the executable (JIT: the publish folder without pdb/xml); zip = what "
        "is deployed (Node.js: index.mjs only, the runtime and aws-lambda-ric are Lambda's).")
    add("")
    add("| Peer | Cold start p50 | Cold p90 | Init p50 (→ 1st /next) | Cold CPU p50 | Warm p50 | Warm p99 | Warm CPU / inv | "
        f"Throughput / instance | RSS after 1st | RSS after {raw['warmInvocations']} | bootstrap | zip |")
    add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name in order:
        p = peers[name]
        s = sizes[name]
        boot = mb(s["bootstrap"]) + (" ¹" if name == JIT else "")
        add(f"| {name} | {p['coldTotalMs']['p50']:.1f} ms | {p['coldTotalMs']['p90']:.1f} ms | {p['coldInitMs']['p50']:.1f} ms | "
            f"{p['coldCpuMs']['p50']:.1f} ms | {p['warmUs']['p50']:.0f} µs | {p['warmUs']['p99']:.0f} µs | {p['warmCpuUsPerInvocation']:.0f} µs | "
            f"{p['throughputPerSecond']:.0f}/s | {kb_to_mb(p['rssAfterFirstKb'])} | {kb_to_mb(p['rssAfterWarmKb'])} | {boot} | {mb(s['zip'])} |")
    add("")
    add("¹ framework-dependent publish folder (the .NET runtime is the Lambda managed runtime's, not counted). "
        "Node.js: the zip holds index.mjs only; Node and aws-lambda-ric are the managed runtime's "
        f"(aws-lambda-ric with its native addon: {mb(sizes[NODE].get('runtimeOnDisk'))} on disk). "
        "CPU = sum over the process's live threads of /proc/<pid>/task/*/schedstat: at the first response (cold) and "
        "per warm invocation (idle spinning of runtime threads included).")
    add("")

    ours, node, jit, floor = (peers[n] for n in order)
    cold = lambda p: p["coldTotalMs"]["p50"]
    warm_delta = ours["warmUs"]["p50"] - floor["warmUs"]["p50"]
    add("## Targets")
    add("")
    add("| Target | Measured | Verdict |")
    add("| --- | --- | --- |")
    add(f"| Cold start ≤ 0.15× Node.js | {cold(ours):.1f} / {cold(node):.1f} ms = {cold(ours) / cold(node):.2f}× "
        f"(the minimal AOT loop itself: {cold(floor) / cold(node):.2f}×) | {verdict(cold(ours) <= 0.15 * cold(node))} |")
    add(f"| Cold start ≤ 0.15× .NET JIT | {cold(ours):.1f} / {cold(jit):.1f} ms = {cold(ours) / cold(jit):.2f}× | {verdict(cold(ours) <= 0.15 * cold(jit))} |")
    add(f"| Cold start ≤ 1.5× minimal AOT loop | {cold(ours):.1f} / {cold(floor):.1f} ms = {cold(ours) / cold(floor):.2f}× "
        f"(fastest starts: {ours['coldTotalMs']['min']:.1f} / {floor['coldTotalMs']['min']:.1f} ms = "
        f"{ours['coldTotalMs']['min'] / floor['coldTotalMs']['min']:.2f}×) | {verdict(cold(ours) <= 1.5 * cold(floor))} |")
    add(f"| Warm overhead ≤ 25 µs over the minimal loop (p50) | {ours['warmUs']['p50']:.0f} − {floor['warmUs']['p50']:.0f} = {warm_delta:.0f} µs | {verdict(warm_delta <= 25)} |")
    rss_max = max(ours["rssAfterFirstKb"], ours["rssAfterWarmKb"]) / 1024
    add(f"| RSS ≤ 20 MB | {kb_to_mb(ours['rssAfterFirstKb'])} after 1st, {kb_to_mb(ours['rssAfterWarmKb'])} after {raw['warmInvocations']} | {verdict(rss_max <= 20)} |")
    add(f"| `bootstrap` ≤ 5 MB | {mb(sizes[OURS]['bootstrap'])} | {verdict(sizes[OURS]['bootstrap'] <= 5_000_000)} |")
    if memory:
        worst = max(memory["sizes"] + [memory["stream"]], key=lambda m: m["peakRssMb"])["peakRssMb"]
        add(f"| Peak RSS ≤ {memory['targetPeakMb']} MB at {memory['memorySizeMb']} MB with 6 MB in and 6 MB out | "
            f"{worst:.1f} MB (worst of every size and the stream of {memory['stream']['invocations']}) | "
            f"{verdict(worst <= memory['targetPeakMb'])} |")
    if builds.get("quick"):
        noop = builds['benchAppNoopSeconds'] - builds.get('benchAppNoopLockWait', 0)
        add(f"| No-op rebuild ≤ 3 s | bench app: {noop:.1f} s (quick mode: samples/Hello not timed) | {verdict(noop <= 3)} |")
    else:
        pr, single = builds["perRoute"], builds["single"]
        net = lambda b, k: b[k] - b.get(k + "LockWait", 0)
        add(f"| No-op rebuild ≤ 3 s | samples/Hello per-route {net(pr, 'noop'):.1f} s, single {net(single, 'noop'):.1f} s | {verdict(max(net(pr, 'noop'), net(single, 'noop')) <= 3)} |")
        per_route = list(pr["coldPerRoute"].values())
        one = list(pr["oneChangedPerRoute"].values())
        if per_route and one:
            mean_route = sum(per_route) / len(per_route)
            add(f"| One changed route ≈ one route's AOT time | {net(pr, 'oneChanged'):.1f} s end to end, {len(one)} route(s) republished "
                f"({one[0]:.1f} s); cold build: {mean_route:.1f} s per route on average | "
                f"{verdict(len(one) == 1)} (one route republished; end to end adds restore + app compile) |")
    add("")
    add(f"Where the cold start goes (p50, LambdaRoutes vs the minimal loop): process start → first `/next` "
        f"{ours['coldInitMs']['p50']:.1f} vs {floor['coldInitMs']['p50']:.1f} ms; first invocation (event sent → answer) "
        f"{ours['coldFirstInvokeMs']['p50']:.1f} vs {floor['coldFirstInvokeMs']['p50']:.1f} ms; CPU used by then "
        f"{ours['coldCpuMs']['p50']:.1f} vs {floor['coldCpuMs']['p50']:.1f} ms. Threads after the warm run: "
        f"{ours['threadsAfterWarm']} vs {floor['threadsAfterWarm']}.")
    add("")

    if mapping:
        lr, mn = mapping["lambdaRoutes"], mapping["minimal"]
        delta_map = lr["p50Us"] - mn["p50Us"]
        add(f"Where the warm time goes: the mapping alone, in-process without I/O (bench/peers/MappingCost, "
            f"{mapping['iterations']} invocations, AOT): LambdaRoutes' `RouteInvoker` {lr['p50Us']:.1f} µs p50 "
            f"({lr['allocatedBytesPerInvocation']} bytes allocated per invocation) vs the minimal loop's handler "
            f"{mn['p50Us']:.1f} µs ({mn['allocatedBytesPerInvocation']} bytes); first call {lr['firstUs']:.0f} vs "
            f"{mn['firstUs']:.0f} µs. End to end the difference is {warm_delta:.0f} µs p50; the mapping's {delta_map:.0f} µs "
            "of extra in-process work (Next semantics: headers, query, cookies, body parsing, ETag, the app's "
            "source-generated JSON) is the part that is ours, since the Runtime API client is the same kind of blocking "
            "socket as the floor's.")
        add("")

    if memory:
        add_memory(add, memory)

    summary_end = len(lines)

    before_name = next((n for n in peers if n.startswith(BEFORE_PREFIX)), None)
    if before_name:
        b = peers[before_name]
        commit = before_name[len(BEFORE_PREFIX):].rstrip(")")
        add(f"## Before / after the runtime's performance work (measured in the same run)")
        add("")
        add(f"\"before\" is the same route built by the packager and runtime of commit `{commit}` (a git worktree built by "
            "run.sh). What changed since, each found by profiling (perf, strace) and measured here: the Runtime API client "
            "blocks on its socket on the loop's own thread instead of awaiting async socket calls (every read went epoll "
            "thread → thread pool); events are read in one pass with `Utf8JsonReader` straight into the mapped fields and the "
            "response is written with `Utf8JsonWriter` (binding AWS's event models with JsonSerializer built their metadata "
            "at the first invocation and allocated 3 KB more per invocation); one reusable deadline timer, armed only when a "
            "handler goes asynchronous (a Task.Delay per invocation before; creating the timer's thread during the first "
            "invocation cost 2–4 ms of it); a 2 MiB gen0 budget and no background GC thread baked into each `bootstrap` "
            "(RSS grew to 24 MB before the first GC).")
        add("")
        add("The last row is the minimal loop built with `-p:BenchAsync=true`: the same code with `await socket.SendAsync/"
            "ReceiveAsync` instead of blocking calls. It isolates what .NET's async socket engine (epoll thread, thread-pool "
            "hand-offs) costs by itself, without any mapping layer.")
        add("")
        add("| Variant | Cold p50 | Init p50 | First invoke p50 | Cold CPU | Warm p50 | Warm p99 | Warm CPU / inv | Throughput | Threads | "
            f"RSS after 1st | RSS after {raw['warmInvocations']} | bootstrap |")
        add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        rows = [(f"before (`{commit}`)", b, sizes.get(before_name, {}).get("bootstrap")), ("after (this version)", ours, sizes[OURS]["bootstrap"]),
                ("minimal AOT loop (floor)", floor, sizes[FLOOR]["bootstrap"])]
        if ASYNC_FLOOR in peers:
            rows.append(("minimal AOT loop with awaited socket I/O (diagnostic)", peers[ASYNC_FLOOR], sizes.get(ASYNC_FLOOR, {}).get("bootstrap")))
        for label, p, boot in rows:
            add(f"| {label} | {p['coldTotalMs']['p50']:.1f} ms | {p['coldInitMs']['p50']:.1f} ms | {p['coldFirstInvokeMs']['p50']:.2f} ms | "
                f"{p['coldCpuMs']['p50']:.1f} ms | {p['warmUs']['p50']:.0f} µs | {p['warmUs']['p99']:.0f} µs | "
                f"{p['warmCpuUsPerInvocation']:.0f} µs | {p['throughputPerSecond']:.0f}/s | {p['threadsAfterWarm']} | {kb_to_mb(p['rssAfterFirstKb'])} | "
                f"{kb_to_mb(p['rssAfterWarmKb'])} | {mb(boot)} |")
        add("")

    add("## Build time of samples/Hello (`lambda-routes build`)")
    add("")
    if builds.get("quick"):
        add(f"Quick mode: only the no-op rebuild of bench/apps/BenchApp was timed: {builds['benchAppNoopSeconds']:.2f} s.")
    else:
        pr, single = builds["perRoute"], builds["single"]
        add(f"{builds['routes']} routes; a private copy of samples/Hello and src/Runtime without obj/ or bin/ (only the NuGet "
            "cache is warm), built under its own build lock; one route changed = a comment appended to api/health.cs. Per-route times are the packager's own "
            "(each route's AOT publish, 2 at a time on this machine).")
        add("")
        net = lambda b, k: b[k] - b.get(k + "LockWait", 0)
        add("Times exclude any wait for another build's machine-wide lock (measured from the packager's timestamped output "
            "and listed in results.json).")
        add("")
        add("| Mode | Cold build | No-op rebuild | One route changed | Largest bootstrap |")
        add("| --- | ---: | ---: | ---: | ---: |")
        add(f"| per route | {net(pr, 'cold'):.1f} s | {net(pr, 'noop'):.2f} s | {net(pr, 'oneChanged'):.1f} s | {mb(pr['bootstrapBytes'])} |")
        add(f"| `--mode single` | {net(single, 'cold'):.1f} s | {net(single, 'noop'):.2f} s | {net(single, 'oneChanged'):.1f} s | {mb(single['bootstrapBytes'])} |")
        add("")
        add("Per-route AOT publish (cold build): " + ", ".join(f"{k} {v:.1f} s" for k, v in pr["coldPerRoute"].items()) + ".")
    if builds.get("waitedForLock"):
        add("")
        add("Note: at least one build waited for another `lambda-routes build` on this machine (the machine-wide lock); "
            "the wait is subtracted above, but the other build also competed for the CPUs.")
    add("")

    add("## Cross-check through the emulator (src/Local)")
    add("")
    probe = raw["emulatorOverheadMs"]["p50"]
    add(f"Same peers through `LambdaEmulator` (Kestrel Runtime API server per instance). Its cold start includes starting that "
        f"server (the probe without a process — server start + stop — takes {probe:.1f} ms p50); its warm Duration is "
        "measured inside Kestrel's request handling.")
    add("")
    add("| Peer | Cold start p50 (emulator) | Warm p50 (emulator Duration) |")
    add("| --- | ---: | ---: |")
    for name in order + [n for n in peers if n not in order]:
        p = peers[name]
        add(f"| {name} | {p['emulatorColdTotalMs']['p50']:.1f} ms | {p['emulatorWarmDurationUs']['p50']:.0f} µs |")
    add("")
    add("Published reference (maxday lambda-perf, real Lambda, Init duration): .NET 8 AOT ≈ 86 ms, Node.js 22 ≈ 140 ms, "
        "managed .NET 8 ≈ 251 ms, Rust ≈ 16 ms. Local numbers have no Firecracker/sandbox start and no network; compare the ratios.")
    text = "\n".join(lines) + "\n"

    os.makedirs(args.results, exist_ok=True)
    with open(os.path.join(args.results, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(args.results, "summary.md"), "w", encoding="utf-8") as f:
        # README-ready: the headline table, the targets and where the time goes (no build or emulator details).
        f.write("\n".join(lines[:summary_end]).replace(lines[0], "## Benchmarks (bench/, `bash bench/run.sh`)", 1) + "\n\n"
                "Full results, build times and the chart: [bench/results/results.md](bench/results/results.md), "
                "![bench chart](bench/results/chart.png)\n")
    with open(os.path.join(args.results, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"machine": machine, "sizes": sizes, "measurements": raw, "builds": builds, "memory": memory}, f, indent=2)
    print(text)

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: matplotlib not available; chart.png not written (apt-get install -y python3-matplotlib)", file=sys.stderr)
        return 0

    labels = ["LambdaRoutes", "Node.js\n(aws-lambda-ric)", ".NET JIT", "Minimal\nAOT loop"]
    colors = ["#2b6cb0", "#68a063", "#8a5cc2", "#888888"]
    fig, axes = plt.subplots(2, 4, figsize=(19, 8.5))
    fig.suptitle(f"LambdaRoutes bench — {machine['date']} — {machine['cpu']}, {machine['nproc']} CPUs, load {machine['loadStart']}",
                 fontsize=11)

    def bars(ax, values, title, unit, errors=None, log=False):
        positions = range(len(values))
        ax.bar(positions, values, color=colors, yerr=errors, capsize=4)
        ax.set_xticks(list(positions))
        ax.set_xticklabels(labels, fontsize=8)
        ax.set_title(title, fontsize=10)
        ax.set_ylabel(unit)
        if log:
            ax.set_yscale("log")
        for x, v in zip(positions, values):
            ax.annotate(f"{v:.1f}" if v < 100 else f"{v:.0f}", (x, v), ha="center", va="bottom", fontsize=8)

    def pair(ax, first, second, first_label, second_label, title, unit):
        xs = range(len(first))
        ax.bar([x - 0.2 for x in xs], first, width=0.4, label=first_label, color=colors, alpha=0.95)
        ax.bar([x + 0.2 for x in xs], second, width=0.4, label=second_label, color=colors, alpha=0.5, hatch="//")
        ax.set_xticks(list(xs))
        ax.set_xticklabels(labels, fontsize=8)
        ax.set_title(title, fontsize=10)
        ax.set_ylabel(unit)
        ax.legend(fontsize=7)
        for x, a, b in zip(xs, first, second):
            ax.annotate(f"{a:.1f}" if a < 100 else f"{a:.0f}", (x - 0.2, a), ha="center", va="bottom", fontsize=7)
            ax.annotate(f"{b:.1f}" if b < 100 else f"{b:.0f}", (x + 0.2, b), ha="center", va="bottom", fontsize=7)

    ps = [peers[n] for n in order]
    bars(axes[0][0], [p["coldTotalMs"]["p50"] for p in ps], "Cold start p50 (bar) → p90 (whisker)", "ms",
         errors=[[0] * 4, [p["coldTotalMs"]["p90"] - p["coldTotalMs"]["p50"] for p in ps]], log=True)
    bars(axes[0][1], [p["warmUs"]["p50"] for p in ps], "Warm latency p50 (bar) → p99 (whisker)", "µs",
         errors=[[0] * 4, [p["warmUs"]["p99"] - p["warmUs"]["p50"] for p in ps]], log=True)
    pair(axes[0][2], [p["rssAfterFirstKb"] / 1024 for p in ps], [p["rssAfterWarmKb"] / 1024 for p in ps],
         "after 1st", f"after {raw['warmInvocations']}", "RSS", "MB")
    pair(axes[0][3], [(sizes[n]["bootstrap"] or 0) / 1e6 for n in order], [(sizes[n]["zip"] or 0) / 1e6 for n in order],
         "bootstrap", "zip", "Size (JIT: without the framework; Node: index.mjs)", "MB")
    bars(axes[1][0], [p["throughputPerSecond"] for p in ps], "Throughput, one instance (closed loop)", "invocations/s")
    bars(axes[1][1], [p["warmCpuUsPerInvocation"] for p in ps], "CPU per warm invocation (all threads)", "µs")
    bars(axes[1][2], [p["coldCpuMs"]["p50"] for p in ps], "CPU used by the first response (p50)", "ms", log=True)
    ax = axes[1][3]
    if builds.get("quick"):
        ax.axis("off")
        ax.text(0.5, 0.5, f"quick mode\nno-op rebuild (bench app): {builds['benchAppNoopSeconds']:.1f} s", ha="center", va="center")
    else:
        pr0, single0 = builds["perRoute"], builds["single"]
        kinds = ["cold", "noop", "oneChanged"]
        pr = {k: pr0[k] - pr0.get(k + "LockWait", 0) for k in kinds}
        single = {k: single0[k] - single0.get(k + "LockWait", 0) for k in kinds}
        xs = range(len(kinds))
        ax.bar([x - 0.2 for x in xs], [pr[k] for k in kinds], width=0.4, label="per route", color="#2b6cb0")
        ax.bar([x + 0.2 for x in xs], [single[k] for k in kinds], width=0.4, label="--mode single", color="#d69e2e")
        ax.set_xticks(list(xs))
        ax.set_xticklabels(["cold build", "no-op rebuild", "one route changed"], fontsize=8)
        ax.set_title(f"Build time, samples/Hello ({builds['routes']} routes)", fontsize=10)
        ax.set_ylabel("s")
        ax.legend(fontsize=8)
        for x, k in zip(xs, kinds):
            ax.annotate(f"{pr[k]:.1f}", (x - 0.2, pr[k]), ha="center", va="bottom", fontsize=8)
            ax.annotate(f"{single[k]:.1f}", (x + 0.2, single[k]), ha="center", va="bottom", fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(args.results, "chart.png"), dpi=110)
    print(f"wrote {os.path.join(args.results, 'results.md')}, results.json, chart.png", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
