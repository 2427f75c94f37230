using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.RuntimeApi;
using LambdaRoutes.Local.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace LambdaRoutes.Runtime.Tests.RuntimeApi;

/// <summary>The socket HTTP/1.1 client against a real Runtime API server on 127.0.0.1 (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).</summary>
public sealed class RuntimeApiClientTests
{
    private static readonly List<string> Errors = new();

    private static RuntimeApiClient Client(QueuedRuntimeApi api) => new(api.Endpoint, e => { lock (Errors) Errors.Add(e); });

    [Fact]
    public async Task Next_returns_the_event_and_its_headers()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var client = Client(api);
        api.Enqueue("req-1", "{\"a\":1}"u8.ToArray(), deadlineMs: 1_700_000_000_000, traceId: "Root=1-abc");

        var invocation = client.GetNextInvocation(CancellationToken.None);

        Assert.Equal("req-1", invocation.RequestId);
        Assert.Equal(1_700_000_000_000, invocation.DeadlineMs);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:local", invocation.InvokedFunctionArn);
        Assert.Equal("Root=1-abc", invocation.TraceId);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(invocation.Payload));
    }

    [Fact]
    public async Task One_keep_alive_connection_serves_several_invocations()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var client = Client(api);
        for (var i = 0; i < 3; i++)
        {
            api.Enqueue("req-" + i, "{}"u8.ToArray());
            var invocation = client.GetNextInvocation(CancellationToken.None);
            client.SendResponse(invocation.RequestId, "{\"statusCode\":200}"u8.ToArray(), CancellationToken.None);
            var post = await api.NextPostAsync();
            Assert.Equal($"/2018-06-01/runtime/invocation/req-{i}/response", post.Path);
            Assert.Equal("application/json", post.Headers["Content-Type"]);
            Assert.Equal("{\"statusCode\":200}", post.Text);
        }

        Assert.Equal(1, api.ConnectionCount);
    }

    [Fact]
    public async Task Chunked_bodies_are_reassembled_exactly()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var client = Client(api);
        var payload = Encoding.UTF8.GetBytes("{\"body\":\"" + string.Concat(Enumerable.Repeat("héllo wörld ✓ ", 5000)) + "\"}");
        var chunkedOnce = 0;
        api.Fault = async context =>
        {
            if (Interlocked.Exchange(ref chunkedOnce, 1) == 1) return false;
            // No Content-Length: Kestrel sends the body chunked, one chunk per flush. Odd sizes so that chunk
            // boundaries fall inside multi-byte characters and the client's buffer edges.
            context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = "req-c";
            context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = "1700000000000";
            for (var offset = 0; offset < payload.Length; offset += 7777)
            {
                await context.Response.Body.WriteAsync(payload.AsMemory(offset, Math.Min(7777, payload.Length - offset)));
                await context.Response.Body.FlushAsync();
            }
            return true;
        };
        api.Enqueue("req-d", "{}"u8.ToArray());

        var first = client.GetNextInvocation(CancellationToken.None);
        var second = client.GetNextInvocation(CancellationToken.None);

        Assert.Equal(payload, first.Payload);
        Assert.Equal("req-d", second.RequestId); // the last chunk was consumed, the connection stayed in sync
    }

    [Fact]
    public async Task A_server_that_closes_connections_is_reconnected_to()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Fault = context =>
        {
            context.Response.Headers.Connection = "close"; // Kestrel closes the connection after this response
            return Task.FromResult(false);
        };
        using var client = Client(api);
        api.Enqueue("a", "{}"u8.ToArray());
        api.Enqueue("b", "{}"u8.ToArray());

        Assert.Equal("a", (client.GetNextInvocation(CancellationToken.None)).RequestId);
        Assert.Equal("b", (client.GetNextInvocation(CancellationToken.None)).RequestId);
        Assert.Equal(2, api.ConnectionCount);
    }

    [Fact]
    public async Task A_connection_dropped_without_notice_is_reopened_and_the_request_resent()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        var dropped = 0;
        api.Fault = context =>
        {
            // Once the first answer is out, Kestrel closes its connection (no "Connection: close" said): an idle
            // keep-alive connection the server dropped.
            if (Interlocked.Exchange(ref dropped, 1) == 0)
            {
                context.Response.OnCompleted(() =>
                {
                    context.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionLifetimeNotificationFeature>()!.RequestClose();
                    return Task.CompletedTask;
                });
            }

            return Task.FromResult(false);
        };
        using var client = Client(api);
        api.Enqueue("a", "{}"u8.ToArray());

        var invocation = client.GetNextInvocation(CancellationToken.None);
        client.SendResponse(invocation.RequestId, "{}"u8.ToArray(), CancellationToken.None);
        var post = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/a/response", post.Path);
        Assert.Equal(2, api.ConnectionCount);
    }

    [Fact]
    public async Task Invocation_error_is_posted_with_aws_error_json()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var client = Client(api);
        Exception error;
        try { throw new InvalidOperationException("outer", new ArgumentException("inner")); }
        catch (Exception ex) { error = ex; }

        api.Enqueue("req-e", "{}"u8.ToArray());
        client.GetNextInvocation(CancellationToken.None);
        client.ReportInvocationError("req-e", error, CancellationToken.None);
        var post = await api.NextPostAsync();
        var json = JsonNode.Parse(post.Text)!.AsObject();

        Assert.Equal("/2018-06-01/runtime/invocation/req-e/error", post.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.Headers["Content-Type"]);
        Assert.Equal("InvalidOperationException", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal(new[] { "errorType", "errorMessage", "stackTrace", "cause" }, json.Select(p => p.Key));
        Assert.Equal("InvalidOperationException", (string?)json["errorType"]);
        Assert.Equal("outer", (string?)json["errorMessage"]);
        Assert.Contains(json["stackTrace"]!.AsArray(), l => ((string?)l)!.Contains(nameof(Invocation_error_is_posted_with_aws_error_json)));
        Assert.Equal("ArgumentException", (string?)json["cause"]!["errorType"]);
        Assert.StartsWith("{\n  \"errorType\"", post.Text); // RuntimeSupport's 2-space indentation
    }

    [Fact]
    public async Task Init_error_goes_to_init_error()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var client = Client(api);

        client.ReportInitializationError(new AggregateException(new TimeoutException("t1"), new IOException("t2")), CancellationToken.None);
        var post = await api.NextPostAsync();
        var json = JsonNode.Parse(post.Text)!;

        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("AggregateException", post.Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Equal(new[] { "TimeoutException", "IOException" }, json["causes"]!.AsArray().Select(c => (string?)c!["errorType"]));
    }

    [Fact]
    public async Task Next_answering_500_is_a_runtime_api_exception()
    {
        await using var api = await QueuedRuntimeApi.StartAsync();
        api.Fault = async context =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{\"errorMessage\":\"fake\"}");
            return true;
        };
        using var client = Client(api);

        var ex = Assert.Throws<RuntimeApiException>(() => client.GetNextInvocation(CancellationToken.None));
        Assert.Equal(500, ex.StatusCode);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("host:")]
    [InlineData("host:70000")]
    public void Endpoint_must_be_host_and_port(string endpoint)
    {
        Assert.Throws<FormatException>(() => RuntimeApiClient.ParseEndpoint(endpoint));
    }
}
