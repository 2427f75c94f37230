#!/usr/bin/env python3
"""Where a warm invocation's time goes on a loaded machine: CPU run vs waiting for a CPU.

    python3 bench/runqueue_wait.py <bootstrap> [invocations]     (default 2000)

Serves bench/driver/event.json to <bootstrap> through bench/runtime_api.py and reads the process's
/proc/<pid>/task/*/schedstat (time on a CPU, time runnable but waiting in the run queue, timeslices) before and after
the warm invocations (the first 50 are left out). Prints one JSON object with both per invocation. Latency is not
reported: the Python server is itself waiting for a CPU on a loaded machine, so its clock measures the load.
"""
import json
import os
import subprocess
import sys
import threading
import time

from runtime_api import RuntimeApi

bench = os.path.dirname(os.path.abspath(__file__))
bootstrap = os.path.abspath(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
skipped = 50
answered = []
finished = threading.Event()


def on_response(n):
    answered.append(n)
    if n == count:
        finished.set()


api = RuntimeApi(open(os.path.join(bench, "driver", "event.json"), "rb").read(), count, on_response)
process = subprocess.Popen([bootstrap], env=api.environment(dict(os.environ), os.path.dirname(bootstrap)), stdout=subprocess.DEVNULL)


def schedstat():
    total = [0, 0, 0]
    for task in os.listdir(f"/proc/{process.pid}/task"):
        with open(f"/proc/{process.pid}/task/{task}/schedstat") as f:
            for i, value in enumerate(f.read().split()[:3]):
                total[i] += int(value)
    return total


while len(answered) < skipped:
    time.sleep(0.01)
before = schedstat()
first = len(answered)
ok = finished.wait(timeout=1800)
after = schedstat()
process.kill()
api.close()
if not ok:
    sys.exit(f"{bootstrap} did not answer {count} invocations")
n = count - first
print(json.dumps({
    "invocations": n,
    "cpuUsPerInvocation": round((after[0] - before[0]) / n / 1000, 1),
    "runQueueWaitUsPerInvocation": round((after[1] - before[1]) / n / 1000, 1),
    "timeslicesPerInvocation": round((after[2] - before[2]) / n, 2),
    "load": open("/proc/loadavg").read().split()[:3],
}))
