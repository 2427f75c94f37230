using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.RuntimeApi;
using LambdaRoutes.Testing;
using LambdaRoutes.Local.RuntimeApi;

namespace LambdaRoutes.Runtime.Tests.Streaming;

/// <summary>
/// Response streaming through the real loop and socket client against a Runtime API on 127.0.0.1 (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): the
/// request headers, the prelude and its 8 NUL bytes, one chunk per write arriving while the handler still runs, and
/// the error trailers with base64 error JSON — checked as bytes on the wire.
/// </summary>
public sealed class ResponseStreamingTests
{
    private static (Task<int> Host, CancellationTokenSource Stop) Start(QueuedRuntimeApi api, IApiRoute route, string pattern, CapturedLog log)
    {
        var stop = new CancellationTokenSource();
        // The loop blocks its thread on the Runtime API, as in production: give it one of its own.
        var host = Task.Run(() => LambdaHost.RunAsync(() => route, new RouteOptions { Route = pattern, Streaming = true }, null,
            new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", api.Endpoint)), log.Sink,
            (endpoint, logError) => new RuntimeApiClient(endpoint, logError), stop.Token));
        return (host, stop);
    }

    private static (JsonNode Prelude, byte[] Body) SplitPrelude(byte[] firstChunk)
    {
        var nuls = firstChunk.AsSpan().IndexOf(new byte[8]);
        Assert.True(nuls > 0, "no 8-NUL delimiter in the first chunk");
        return (JsonNode.Parse(firstChunk.AsSpan(0, nuls))!, firstChunk[(nuls + 8)..]);
    }

    /// <summary>A streamed answer that was one chunk on the wire (prelude and body together), split at the prelude's end.</summary>
    private static (JsonNode Prelude, byte[] Body) SingleChunk(QueuedRuntimeApi api, RuntimeApiPost post)
    {
        ChunkedFraming.AssertSent(api, [post.Body]);
        return SplitPrelude(post.Body);
    }

    [Fact]
    public async Task Each_write_is_a_chunk_that_arrives_while_the_handler_still_runs()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var route = new VerbRoute("api/events.cs").Map("GET", _ => NextResponse.EventStream(async stream =>
        {
            await stream.WriteEventAsync("one");
            await gate.Task; // held until the test has seen "one" on the socket
            await stream.WriteEventAsync("two", "tick");
        }).WithCookie("seen", "1"));
        await using var api = await QueuedRuntimeApi.StartAsync(recordWire: true);
        var log = new CapturedLog();
        var (host, stop) = Start(api, route, "/api/events", log);

        api.Enqueue("s-1", new HttpApiEventBuilder().AsFunctionUrl().Get("/api/events").ToJson());
        var arrived = new List<byte>();
        while (!Encoding.UTF8.GetString(arrived.ToArray()).EndsWith("data: one\n\n", StringComparison.Ordinal))
        {
            arrived.AddRange(await api.NextChunkAsync()); // "one" arrives before the handler is allowed to finish
        }

        var prelude = arrived.ToArray()[..(arrived.Count - "data: one\n\n".Length)];
        var one = "data: one\n\n"u8.ToArray();
        gate.SetResult();
        var post = await api.NextPostAsync();
        stop.Cancel();
        Assert.Equal(0, await host);

        Assert.Equal("/2018-06-01/runtime/invocation/s-1/response", post.Path);
        Assert.Equal("application/vnd.awslambda.http-integration-response", post.Headers["Content-Type"]);
        Assert.Equal("streaming", post.Headers["Lambda-Runtime-Function-Response-Mode"]);
        Assert.Equal("chunked", post.Headers["Transfer-Encoding"]);
        Assert.Equal("Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body", post.Headers["Trailer"]);
        Assert.False(post.Headers.ContainsKey("Content-Length"));

        var (json, rest) = SplitPrelude(prelude);
        Assert.Empty(rest); // the prelude and its delimiter are the whole first chunk
        Assert.Equal(200, (int)json["statusCode"]!);
        Assert.Equal("text/event-stream", (string?)json["headers"]!["Content-Type"]);
        Assert.Equal("no-cache", (string?)json["headers"]!["Cache-Control"]);
        Assert.Equal("[\"seen=1; Path=/\"]", json["cookies"]!.ToJsonString());

        var two = "event: tick\ndata: two\n\n"u8.ToArray();
        Assert.Equal([.. prelude, .. one, .. two], post.Body);
        ChunkedFraming.AssertSent(api, [prelude, one, two]); // one chunk per write
        Assert.Empty(post.Trailers);
    }

    [Fact]
    public async Task A_failure_mid_stream_ends_with_error_trailers_and_the_loop_goes_on()
    {
        var calls = 0;
        var route = new InlineRoute((req, res) => res.Stream(async stream =>
        {
            await stream.WriteAsync("partial");
            if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("disk on fire");
            await stream.WriteAsync(" and complete");
        }, "text/plain"));
        await using var api = await QueuedRuntimeApi.StartAsync(recordWire: true);
        var log = new CapturedLog();
        var (host, stop) = Start(api, route, "/api/download", log);

        api.Enqueue("bad-1", new RestApiEventBuilder().Get("/api/download").ToJson());
        api.Enqueue("good-2", new RestApiEventBuilder().Get("/api/download").ToJson());
        var failed = await api.NextPostAsync();
        var good = await api.NextPostAsync();
        stop.Cancel();
        Assert.Equal(0, await host);

        Assert.Equal("/2018-06-01/runtime/invocation/bad-1/response", failed.Path);
        var sent = failed.StreamedPieces.SelectMany(p => p).ToArray();
        var prelude = sent[..(sent.AsSpan().IndexOf(new byte[8]) + 8)];
        Assert.Equal("partial", Encoding.UTF8.GetString(sent[prelude.Length..]));
        var type = failed.Trailers["Lambda-Runtime-Function-Error-Type"];
        var body = failed.Trailers["Lambda-Runtime-Function-Error-Body"];
        Assert.Equal("InvalidOperationException", type);
        var error = JsonNode.Parse(Convert.FromBase64String(body))!;
        Assert.Equal("InvalidOperationException", (string?)error["errorType"]);
        Assert.Equal("disk on fire", (string?)error["errorMessage"]);
        var expectedEnd = $"0\r\nLambda-Runtime-Function-Error-Type: {type}\r\nLambda-Runtime-Function-Error-Body: {body}\r\n\r\n";
        ChunkedFraming.AssertSent(api, [prelude, "partial"u8.ToArray()], expectedEnd);
        Assert.Contains("failed mid-stream", log.Text);
        Assert.Contains("disk on fire", log.Text);

        Assert.Equal("/2018-06-01/runtime/invocation/good-2/response", good.Path);
        Assert.Equal("partial and complete", Encoding.UTF8.GetString(good.Body[prelude.Length..]));
        Assert.Empty(good.Trailers);
        Assert.Equal(1, api.ConnectionCount); // the keep-alive connection survives a failed stream
    }

    [Fact]
    public async Task An_IOException_from_the_handler_is_a_stream_error_not_a_runtime_api_failure()
    {
        var route = new InlineRoute((_, res) => res.Stream(async s =>
        {
            await s.WriteAsync("head");
            throw new IOException("the file being streamed vanished");
        }));
        await using var api = await QueuedRuntimeApi.StartAsync(recordWire: true);
        var (host, stop) = Start(api, route, "/api/file", new CapturedLog());
        api.Enqueue("io", new HttpApiEventBuilder().Get("/api/file").ToJson());
        api.Enqueue("next", new HttpApiEventBuilder().Get("/api/elsewhere").ToJson());
        var io = await api.NextPostAsync();
        var next = await api.NextPostAsync();
        stop.Cancel();

        Assert.Equal(0, await host); // the loop did not exit with a Runtime API failure
        Assert.Equal("IOException", io.Trailers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal("/2018-06-01/runtime/invocation/next/response", next.Path);
    }

    [Fact]
    public async Task Plain_answers_on_a_streaming_route_are_one_chunk_prelude_plus_body()
    {
        var route = new VerbRoute().Map("GET", _ => NextResponse.Json(new JsonObject { ["ok"] = true }).WithHeader("x-a", "1"));
        await using var api = await QueuedRuntimeApi.StartAsync(recordWire: true);
        var (host, stop) = Start(api, route, "/api/plain", new CapturedLog());

        api.Enqueue("json", new HttpApiEventBuilder().Get("/api/plain").ToJson());
        api.Enqueue("missing", new HttpApiEventBuilder().Get("/api/elsewhere").ToJson());
        api.Enqueue("junk", "not json"u8.ToArray());
        var json = await api.NextPostAsync();
        var missing = await api.NextPostAsync();
        var junk = await api.NextPostAsync();
        stop.Cancel();
        await host;

        var (prelude, body) = SingleChunk(api, json);
        Assert.Equal(200, (int)prelude["statusCode"]!);
        Assert.Equal("application/json", (string?)prelude["headers"]!["Content-Type"]);
        Assert.Equal("1", (string?)prelude["headers"]!["x-a"]);
        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(body));

        (prelude, body) = SingleChunk(api, missing);
        Assert.Equal(404, (int)prelude["statusCode"]!);
        Assert.Equal("Not Found", Encoding.UTF8.GetString(body));

        (prelude, body) = SingleChunk(api, junk);
        Assert.Equal(400, (int)prelude["statusCode"]!);
        Assert.StartsWith("Invalid event", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task Head_on_a_streaming_route_sends_the_prelude_and_no_body()
    {
        var ran = false;
        var route = new VerbRoute().Map("GET", _ => NextResponse.Stream(s => { ran = true; return s.WriteAsync("body"); }, "text/plain"));
        await using var api = await QueuedRuntimeApi.StartAsync(recordWire: true);
        var (host, stop) = Start(api, route, "/api/h", new CapturedLog());
        api.Enqueue("head", new HttpApiEventBuilder().Request("HEAD", "/api/h").ToJson());
        var head = await api.NextPostAsync();
        stop.Cancel();
        await host;

        var (prelude, body) = SingleChunk(api, head);
        Assert.Equal(200, (int)prelude["statusCode"]!);
        Assert.Empty(body);
        Assert.False(ran);
    }
}

/// <summary>The Testing kit's view of a streaming route: prelude and chunks, without sockets.</summary>
public sealed class RouteTesterStreamingTests
{
    [Fact]
    public async Task StreamAsync_gives_the_prelude_and_each_chunk()
    {
        var route = new VerbRoute().Map("GET", _ => NextResponse.EventStream(async s =>
        {
            await s.WriteEventAsync("a");
            await s.WriteEventAsync("b\nc", "multi");
        }).WithCookie("k", "v"));
        var res = await new RouteTester(route, new RouteOptions { Route = "/api/sse", Streaming = true }).StreamAsync(new HttpApiEventBuilder().Get("/api/sse"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("text/event-stream", res.Header("content-type"));
        Assert.Equal(new[] { "k=v; Path=/" }, res.Cookies);
        Assert.Equal(new[] { "data: a\n\n", "event: multi\ndata: b\ndata: c\n\n" }, res.TextChunks);
        Assert.Null(res.Error);
    }

    [Fact]
    public async Task StreamAsync_reports_a_mid_stream_failure_and_keeps_the_chunks_before_it()
    {
        var route = new InlineRoute((_, res) => res.Stream(async s => { await s.WriteAsync("part"); throw new TimeoutException("upstream"); }));
        var res = await new RouteTester(route, new RouteOptions { Route = "/api/x", Streaming = true }).StreamAsync(new RestApiEventBuilder().Get("/api/x"));

        Assert.Equal("part", res.Body);
        Assert.IsType<TimeoutException>(res.Error);
        Assert.True(res.Log.Contains("failed mid-stream"), res.Log.Buffer);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Stream_without_a_content_type_is_application_octet_stream_like_Next_piping_a_stream(bool streamingRoute)
    {
        var route = new InlineRoute((_, res) => res.Stream(s => s.WriteAsync("bytes")));
        var tester = new RouteTester(route, new RouteOptions { Route = "/api/x", Streaming = streamingRoute });

        var contentType = streamingRoute
            ? (await tester.StreamAsync(new HttpApiEventBuilder().Get("/api/x"))).Header("content-type")
            : (await tester.GetAsync("/api/x")).Header("content-type");

        Assert.Equal("application/octet-stream", contentType);
    }

    [Fact]
    public async Task Stream_keeps_a_content_type_the_handler_set_before_it()
    {
        var route = new InlineRoute((_, res) => res.SetHeader("Content-Type", "text/csv").Stream(s => s.WriteAsync("a,b\n")));
        var res = await new RouteTester(route, "/api/x").GetAsync("/api/x");

        Assert.Equal("text/csv", res.Header("content-type"));
        Assert.Equal("a,b\n", res.Body);
    }
}
