// A tiny custom runtime in Node.js for the emulator tests (a stand-in for any non-.NET runtime the bench will measure).
// Behaviour comes from the event or from TEST_MODE: "init-error", "crash-at-init", or per event {"action": ...}.
import http from "node:http";
import { existsSync } from "node:fs";

const api = process.env.AWS_LAMBDA_RUNTIME_API;
const [host, port] = api.split(":");

function call(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: "/2018-06-01/runtime/" + path, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

if (process.env.TEST_MODE === "crash-at-init") process.exit(3);
if (process.env.TEST_MODE === "init-error") {
  await call("POST", "init/error", JSON.stringify({ errorType: "Runtime.TestInit", errorMessage: "bad config" }),
    { "Lambda-Runtime-Function-Error-Type": "Runtime.TestInit" });
  process.exit(1);
}

let count = 0;
for (;;) {
  const next = await call("GET", "invocation/next");
  const id = next.headers["lambda-runtime-aws-request-id"];
  const event = JSON.parse(next.body);
  count++;
  if (event.action === "sleep") await new Promise((r) => setTimeout(r, event.ms));
  if (event.action === "exit") process.exit(7);
  if (event.action === "fail") {
    await call("POST", `invocation/${id}/error`, JSON.stringify({ errorType: "TestError", errorMessage: "boom" }),
      { "Lambda-Runtime-Function-Error-Type": "TestError" });
    continue;
  }
  if (event.action === "huge") {
    const r = await call("POST", `invocation/${id}/response`, "x".repeat(7 * 1024 * 1024));
    console.log("huge response answered " + r.status);
    continue;
  }
  if (event.action === "stream" || event.action === "stream-error") {
    // A streamed response (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): chunked, and on failure the error in trailers with a base64 body.
    // With event.signal, "part1;" is sent and then nothing more until that file exists.
    const req = http.request({ host, port, method: "POST", path: `/2018-06-01/runtime/invocation/${id}/response`,
      headers: { "Lambda-Runtime-Function-Response-Mode": "streaming", "Transfer-Encoding": "chunked",
        "Trailer": "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body" } });
    const answered = new Promise((resolve) => {
      req.on("response", (res) => { console.log("stream answered " + res.statusCode); res.resume(); res.on("end", resolve); });
      req.on("error", (e) => { console.log("stream failed " + e.message); resolve(); });
    });
    req.write("part1;");
    while (event.signal && !existsSync(event.signal)) await new Promise((r) => setTimeout(r, 20));
    req.write("part2");
    if (event.action === "stream-error") {
      req.addTrailers({ "Lambda-Runtime-Function-Error-Type": "StreamFailed",
        "Lambda-Runtime-Function-Error-Body": Buffer.from(JSON.stringify({ errorType: "StreamFailed", errorMessage: "mid-stream" })).toString("base64") });
    }
    req.end();
    await answered;
    continue;
  }
  if (event.action === "wrong-id") {
    const r = await call("POST", `invocation/not-${id}/response`, "{}");
    await call("POST", `invocation/${id}/response`, JSON.stringify({ wrongIdStatus: r.status }));
    continue;
  }
  const env = process.env;
  console.log(`handled ${id}`);
  await call("POST", `invocation/${id}/response`, JSON.stringify({
    requestId: id, deadline: Number(next.headers["lambda-runtime-deadline-ms"]), arn: next.headers["lambda-runtime-invoked-function-arn"],
    trace: next.headers["lambda-runtime-trace-id"], pid: process.pid, count, event,
    env: { name: env.AWS_LAMBDA_FUNCTION_NAME, memory: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, version: env.AWS_LAMBDA_FUNCTION_VERSION,
      handler: env._HANDLER, region: env.AWS_REGION, logGroup: env.AWS_LAMBDA_LOG_GROUP_NAME, custom: env.CUSTOM ?? null },
  }));
}
