#!/usr/bin/env python3
"""Serves one event to a bootstrap (LAMBDA_ROUTES_RUN_ONCE=true) through bench/runtime_api.py and prints its response.

    python3 bench/run_once.py <event.json> <command...>

The command may be an emulator in front of the binary (`qemu-aarch64 -L /usr/aarch64-linux-gnu bootstrap`): this is a
correctness check, not a timing. Exits non-zero when the process fails or posts no response within 120 s.
"""
import os
import subprocess
import sys

from runtime_api import RuntimeApi

event_path, command = sys.argv[1], sys.argv[2:]
api = RuntimeApi(open(event_path, "rb").read(), 1)
env = api.environment(dict(os.environ, LAMBDA_ROUTES_RUN_ONCE="true"), os.path.dirname(os.path.abspath(command[-1])))
result = subprocess.run(command, env=env, capture_output=True, timeout=120)
api.close()
if result.returncode != 0 or not api.responses:
    sys.exit(f"{' '.join(command)} exited {result.returncode} with {len(api.responses)} response(s):\n{result.stdout.decode()}{result.stderr.decode()}")
path, body = api.responses[0]
print(body.decode())
