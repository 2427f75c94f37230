#!/usr/bin/env python3
"""Instruction counts of one Lambda bootstrap under callgrind, served by bench/runtime_api.py.

    python3 bench/callgrind_api.py <bootstrap> <event.json> <warm> <out-dir>

Starts <bootstrap> under `valgrind --tool=callgrind`, serves it <event.json> 1 + <warm> times, and asks callgrind to
dump (and zero) its counters twice through `callgrind_control -d` while the process waits in /next, which is held
unanswered until the dump is done: once after the first response (process start -> first response) and once after the
warm invocations. Prints one JSON
object: {"firstResponseIr": N, "warmIrPerInvocation": N, "warm": W}. Wall-clock time under valgrind means nothing.
"""
import glob
import json
import os
import re
import subprocess
import sys
import threading

from runtime_api import RuntimeApi

bootstrap, event_path, warm, out_dir = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
os.makedirs(out_dir, exist_ok=True)
for old in glob.glob(os.path.join(out_dir, "callgrind.out*")):
    os.remove(old)

process = None
finished = threading.Event()
if os.path.exists(bootstrap + ".dbg"):
    sys.exit(f"{bootstrap}.dbg is beside the binary: valgrind 3.19 gives up on its compressed debug sections; remove it")


def on_next(n):
    # The n-th /next has arrived and is not answered yet: the process is blocked in it, where vgdb reaches it, and the
    # counters hold exactly process start -> first response (n = 2) or the warm invocations (n = 2 + warm). Dumping from
    # another thread while the next event is already being served would move invocations from one part to the other.
    if n in (2, 2 + warm):
        subprocess.run(["callgrind_control", "-d", str(process.pid)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if n == 2 + warm:
            finished.set()


api = RuntimeApi(open(event_path, "rb").read(), 1 + warm, on_next=on_next)
# Native AOT reserves a 256 GB GC region range by default, which valgrind cannot map.
env = api.environment(dict(os.environ, DOTNET_GCRegionRange="40000000"), os.path.dirname(bootstrap))
process = subprocess.Popen(
    ["valgrind", "--tool=callgrind", "--vgdb=yes", f"--callgrind-out-file={out_dir}/callgrind.out", bootstrap],
    env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(out_dir, "valgrind.log"), "wb"))
ok = finished.wait(timeout=1800)
process.terminate()
process.wait(timeout=60)
api.close()
if not ok:
    sys.exit(f"callgrind run of {bootstrap} did not finish (see {out_dir}/valgrind.log)")


def total(path):
    return int(re.search(r"^(?:summary|totals):\s*(\d+)", open(path, encoding="utf-8", errors="replace").read(), re.M).group(1))


parts = sorted(glob.glob(os.path.join(out_dir, "callgrind.out.*")), key=lambda p: int(p.rsplit(".", 1)[1]))
print(json.dumps({"firstResponseIr": total(parts[0]), "warmIrPerInvocation": round(total(parts[1]) / warm), "warm": warm}))
