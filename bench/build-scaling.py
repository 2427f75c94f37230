#!/usr/bin/env python3
"""Build scaling bench: how `lambda-routes build` grows with the number of routes (docs/packager.md "Incremental builds").

Generates apps of N routes (default 1, 8, 24) under bench/.work/scaling/, each route calling its own helper under
api/_lib plus a shared JSON context, and times with the packager given by --packager (a built lambda-routes.dll):

  full         first build of the app (the runtime project already compiled once, as in a developer's checkout)
  noop         the same build again: nothing changed
  route-edit   one route file edited
  lib-edit     one api/_lib file edited that exactly one route uses
  cache-hit    a clean copy of the app as generated (no obj/, no output) in another folder, built with the artifact
               cache folder that the full build filled: a teammate's fresh clone or a CI runner

Every build of the app passes --cache bench/.work/scaling/cache-N (a fresh folder per app), so the full build fills it;
the edits that follow make new input hashes, which the cache does not hold.

Each cell: wall seconds, CPU seconds of every process the build started (getrusage of waited-for children; the C#
compiler server is turned off with UseSharedCompilation=false so that its work is counted), routes compiled (not those
restored from the cache).
Results merge into bench/results/build-scaling.json under --label and bench/results/build-scaling.md is rewritten.
Not part of `bench/run.sh` (a 24-route run takes several CPU-minutes).
"""
import argparse, json, os, re, resource, shutil, subprocess, sys, time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results"
SCENARIOS = ["full", "noop", "route-edit", "lib-edit", "cache-hit"]


def generate(app: Path, routes: int) -> None:
    if app.exists():
        shutil.rmtree(app)
    (app / "api" / "_lib").mkdir(parents=True)
    runtime = REPO / "src" / "Runtime" / "LambdaRoutes.Runtime.csproj"
    (app / f"{app.name}.csproj").write_text(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <IsAotCompatible>true</IsAotCompatible>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="{runtime}" />
  </ItemGroup>
</Project>
""")
    (app / "AppJson.cs").write_text("""using System.Text.Json.Serialization;
namespace Scale;
[JsonSerializable(typeof(Scale.Api.Lib.Reply))]
public sealed partial class AppJson : JsonSerializerContext;
""")
    (app / "api" / "_lib" / "Reply.cs").write_text("namespace Scale.Api.Lib;\npublic sealed record Reply(string Route, string Message);\n")
    for i in range(routes):
        (app / "api" / "_lib" / f"Helper{i}.cs").write_text(
            f"namespace Scale.Api.Lib;\npublic static class Helper{i}\n{{\n    public static string Message() => \"route {i}\";\n}}\n")
        (app / "api" / f"r{i}.cs").write_text(f"""using LambdaRoutes;
using Scale.Api.Lib;
namespace Scale.Api;
public sealed class R{i} : IApiRoute
{{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {{
        res.Status(200).Json(new Reply("r{i}", Helper{i}.Message()));
        return Task.CompletedTask;
    }}
}}
""")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{path}: '{old}' not found"
    path.write_text(text.replace(old, new, 1))


def build(packager: Path, app: Path, cache: Path, log: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    env = dict(os.environ, CI="1", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", UseSharedCompilation="false")
    proc = subprocess.run(["dotnet", str(packager), "build", str(app), "--cache", str(cache)], capture_output=True, text=True, env=env)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    log.write_text(proc.stdout + proc.stderr)
    if proc.returncode != 0:
        sys.exit(f"build of {app} failed; see {log}")
    # "2 built, 1 cached" before the restored count existed (restored routes counted as built), "0 built, 3 restored, 0 cached" since
    totals = re.search(r"(\d+) built(, (\d+) restored)?, (\d+) cached", proc.stdout)
    restored_line = re.search(r"restored (\d+) route\(s\) from the artifact cache", proc.stdout)
    restored = int(restored_line.group(1)) if restored_line else 0
    built = None if not totals else int(totals.group(1)) - (0 if totals.group(2) else restored)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": round(wall, 1), "cpu": round(cpu, 1), "built": built, "restored": restored}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--packager", required=True, help="path to a built lambda-routes.dll")
    parser.add_argument("--label", required=True, help="name of this run in the results (e.g. before, after)")
    parser.add_argument("--routes", default="1,8,24", help="comma-separated app sizes")
    args = parser.parse_args()
    packager = Path(args.packager).resolve()
    work = BENCH / ".work" / "scaling"
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    for n in [int(x) for x in args.routes.split(",")]:
        app, clean, cache = work / f"Scale{n}-{args.label}", work / f"Scale{n}-{args.label}-clean", work / f"cache-{n}-{args.label}"
        generate(app, n)
        for folder in (clean, cache):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(app, clean)
        row = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "nproc": os.cpu_count(),
               "loadStart": open("/proc/loadavg").read().split()[:3], "packager": str(packager)}

        def step(name: str, folder: Path = app) -> None:
            # Saved after every step, so a run cut short (a shared machine, a deadline) keeps what it measured.
            row[name] = build(packager, folder, cache, logs / f"{args.label}-{n}-{name}.log")
            row["loadEnd"] = open("/proc/loadavg").read().split()[:3]
            print(f"{args.label} {n} routes {name}: {json.dumps(row[name])} load {row['loadEnd'][0]}", flush=True)
            save(args.label, n, row)

        step("full")
        step("noop")
        edit(app / "api" / "r0.cs", "Status(200)", "Status(201)")
        step("route-edit")
        edit(app / "api" / "_lib" / f"Helper{n - 1}.cs", f"\"route {n - 1}\"", f"\"route {n - 1}, edited\"")
        step("lib-edit")
        step("cache-hit", clean)


def save(label: str, n: int, row: dict) -> None:
    """Re-reads the results file first: a before and an after run may write it in turn."""
    results_file = RESULTS / "build-scaling.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {"runs": {}}
    results["runs"].setdefault(label, {})[str(n)] = row
    results_file.write_text(json.dumps(results, indent=2) + "\n")
    write_table(results)


def write_table(results: dict) -> None:
    lines = ["# Build scaling (bench/build-scaling.sh)", "",
             "Each cell: wall s / CPU s (every process the build started) / routes compiled; `+r` = routes restored from the "
             "artifact cache. Load = 1-minute load average at the start and end of the row (2 cores).", ""]
    for label, run in results["runs"].items():
        lines += [f"## {label}", "", "| routes | " + " | ".join(SCENARIOS) + " | load | date |", "|---" * (len(SCENARIOS) + 3) + "|"]
        for n, row in sorted(run.items(), key=lambda kv: int(kv[0])):
            cells = [cell(row[s]) if s in row else "—" for s in SCENARIOS]
            load = f"{row['loadStart'][0]} → {row['loadEnd'][0]}"
            lines.append(f"| {n} | " + " | ".join(cells) + f" | {load} | {row['date']} |")
        lines.append("")
    table = RESULTS / "build-scaling.md"
    # Notes written by hand below the tables ("## Notes" to the end) outlive the rewrite.
    notes = table.read_text().partition("\n## Notes")[2] if table.exists() else ""
    table.write_text("\n".join(lines) + ("\n## Notes" + notes if notes else ""))


def cell(figures: dict) -> str:
    restored = f" +{figures['restored']}r" if figures.get("restored") else ""
    return f"{figures['wall']} / {figures['cpu']} / {figures['built']}{restored}"


if __name__ == "__main__":
    main()
