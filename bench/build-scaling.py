#!/usr/bin/env python3
"""Build scaling bench: how `lambda-routes build` grows with the number of routes (docs/packager.md "Incremental builds").

Generates apps of N routes (default 1, 8, 24) under bench/.work/scaling/, each route calling its own helper under
api/_lib plus a shared JSON context, and times with the packager given by --packager (a built lambda-routes.dll):

  full         first build of the app (the runtime project already compiled once, as in a developer's checkout)
  noop         the same build again: nothing changed
  route-edit   one route file edited
  lib-edit     one api/_lib file edited that exactly one route uses
  cache-hit    left empty here: filled in once the artifact cache exists

Each cell: wall seconds, CPU seconds of every process the build started (getrusage of waited-for children; the C#
compiler server is turned off with UseSharedCompilation=false so that its work is counted), routes built.
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


def build(packager: Path, app: Path, log: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    env = dict(os.environ, CI="1", DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", UseSharedCompilation="false")
    proc = subprocess.run(["dotnet", str(packager), "build", str(app)], capture_output=True, text=True, env=env)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    log.write_text(proc.stdout + proc.stderr)
    if proc.returncode != 0:
        sys.exit(f"build of {app} failed; see {log}")
    totals = re.search(r"(\d+) built, (\d+) cached", proc.stdout)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": round(wall, 1), "cpu": round(cpu, 1), "built": int(totals.group(1)) if totals else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--packager", required=True, help="path to a built lambda-routes.dll")
    parser.add_argument("--label", required=True, help="name of this run in the results (e.g. before, after)")
    parser.add_argument("--routes", default="1,8,24", help="comma-separated app sizes")
    args = parser.parse_args()
    work = BENCH / ".work" / "scaling"
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    results_file = RESULTS / "build-scaling.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {"runs": {}}
    run = results["runs"].setdefault(args.label, {})
    run["machine"] = {"nproc": os.cpu_count(), "loadStart": open("/proc/loadavg").read().split()[:3],
                      "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    for n in [int(x) for x in args.routes.split(",")]:
        app = work / f"Scale{n}"
        generate(app, n)
        row = {}
        step = lambda name: build(Path(args.packager), app, logs / f"{args.label}-{n}-{name}.log")
        row["full"] = step("full")
        row["noop"] = step("noop")
        edit(app / "api" / "r0.cs", "Status(200)", "Status(201)")
        row["route-edit"] = step("route-edit")
        edit(app / "api" / "_lib" / f"Helper{n - 1}.cs", f"\"route {n - 1}\"", f"\"route {n - 1}, edited\"")
        row["lib-edit"] = step("lib-edit")
        run[str(n)] = row
        print(f"{args.label} {n} routes: {json.dumps(row)}", flush=True)
        results_file.write_text(json.dumps(results, indent=2) + "\n")
    write_table(results)


def write_table(results: dict) -> None:
    lines = ["# Build scaling (bench/build-scaling.sh)", "",
             "Each cell: wall s / CPU s (all child processes) / routes built. `cache-hit` is left for the artifact cache.", ""]
    for label, run in results["runs"].items():
        machine = run.get("machine", {})
        lines += [f"## {label}", "", f"{machine.get('date', '')}, {machine.get('nproc', '?')} cores, load average at start "
                  f"{' '.join(machine.get('loadStart', []))}", "",
                  "| routes | " + " | ".join(SCENARIOS) + " |", "|---" * (len(SCENARIOS) + 1) + "|"]
        for n, row in sorted(((k, v) for k, v in run.items() if k.isdigit()), key=lambda kv: int(kv[0])):
            cells = [f"{row[s]['wall']} / {row[s]['cpu']} / {row[s]['built']}" if s in row else "—" for s in SCENARIOS]
            lines.append(f"| {n} | " + " | ".join(cells) + " |")
        lines.append("")
    (RESULTS / "build-scaling.md").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
