using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>
/// A minimal Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) on 127.0.0.1, enough to make a built bootstrap answer a real event:
/// <c>GET /2018-06-01/runtime/invocation/next</c> hands out queued events with their request-id headers;
/// <c>…/invocation/{id}/response</c>, <c>…/invocation/{id}/error</c> and <c>…/init/error</c> are recorded.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Base = "/2018-06-01/runtime/";
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string RequestId, string Event)> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(string Kind, string Body)>> _outcomes = new();
    private readonly Task _loop;

    public RuntimeApiServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public ConcurrentBag<string> InitErrors { get; } = [];

    /// <summary>Queues an event; the task completes with ("response" or "error", body) when the bootstrap answers it.</summary>
    public Task<(string Kind, string Body)> Enqueue(string eventJson)
    {
        var requestId = Guid.NewGuid().ToString();
        var outcome = new TaskCompletionSource<(string, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _outcomes[requestId] = outcome;
        _events.Enqueue((requestId, eventJson));
        return outcome.Task;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath ?? "";
        var response = context.Response;
        if (context.Request.HttpMethod == "GET" && path == Base + "invocation/next" && _events.TryDequeue(out var next))
        {
            response.StatusCode = 200;
            response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
            response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds().ToString();
            response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:test";
            response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1";
            await WriteAsync(response, next.Event);
            return;
        }

        var body = await new StreamReader(context.Request.InputStream, Encoding.UTF8).ReadToEndAsync();
        var parts = path.Length > Base.Length ? path[Base.Length..].Split('/') : [];
        if (context.Request.HttpMethod == "POST" && parts is ["invocation", var id, var kind and ("response" or "error")] && _outcomes.TryGetValue(id, out var outcome))
        {
            response.StatusCode = 202;
            await WriteAsync(response, "{\"status\":\"OK\"}");
            outcome.TrySetResult((kind, body));
            return;
        }

        if (context.Request.HttpMethod == "POST" && parts is ["init", "error"])
        {
            InitErrors.Add(body);
            response.StatusCode = 202;
            await WriteAsync(response, "{\"status\":\"OK\"}");
            return;
        }

        // No queued event: a real Runtime API would block; the tests always queue before starting a bootstrap.
        response.StatusCode = 404;
        await WriteAsync(response, "{\"errorMessage\":\"not found\"}");
    }

    private static async Task WriteAsync(HttpListenerResponse response, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
