"""A minimal Lambda Runtime API on 127.0.0.1 for bench scripts: serves one event a given number of times, records the
responses, and calls back after each one. Paths and headers: https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
"""
import http.server
import socketserver
import threading


class RuntimeApi:
    """Serves `event` `count` times; later /next calls wait until close(). `on_response(n)` runs after the n-th response;
    `on_next(n)` runs when the n-th /next arrives, before it is answered (the process is then blocked waiting for it)."""

    def __init__(self, event, count, on_response=lambda n: None, on_next=lambda n: None):
        self.event, self.count, self.on_response, self.on_next = event, count, on_response, on_next
        self.served, self.responses = 0, []
        self.closed = threading.Event()
        self.lock = threading.Lock()
        api = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                if not self.path.endswith("/runtime/invocation/next"):
                    return self.answer(404, b"{}")
                with api.lock:
                    api.served += 1
                    served = api.served
                api.on_next(served)
                if served > api.count:
                    api.closed.wait()  # nothing more to serve: hold the long-poll until the process is stopped
                    return
                self.send_response(200)
                for name, value in (("Content-Type", "application/json"), ("Content-Length", str(len(api.event))),
                                    ("Lambda-Runtime-Aws-Request-Id", f"bench-{served}"),
                                    ("Lambda-Runtime-Deadline-Ms", "9999999999999"),
                                    ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:bench"),
                                    ("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000")):
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(api.event)

            def do_POST(self):
                body = self.read_body()
                self.answer(202, b'{"status":"OK"}')
                if "/response" in self.path or "/error" in self.path:
                    with api.lock:
                        api.responses.append((self.path, body))
                        n = len(api.responses)
                    api.on_response(n)

            def read_body(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    return self.rfile.read(length)
                chunks = []
                while self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    size = int(self.rfile.readline().split(b";")[0], 16)
                    chunks.append(self.rfile.read(size + 2)[:size])
                    if size == 0:
                        break
                return b"".join(chunks)

            def answer(self, status, body):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def endpoint(self):
        return f"127.0.0.1:{self.server.server_address[1]}"

    def environment(self, base, task_root):
        """The environment Lambda gives a custom runtime, pointed at this Runtime API."""
        return dict(base, AWS_LAMBDA_RUNTIME_API=self.endpoint, AWS_LAMBDA_FUNCTION_NAME="bench",
                    AWS_LAMBDA_FUNCTION_MEMORY_SIZE="256", AWS_LAMBDA_FUNCTION_VERSION="$LATEST", _HANDLER="bootstrap",
                    LAMBDA_TASK_ROOT=task_root)

    def close(self):
        self.closed.set()
        self.server.shutdown()
