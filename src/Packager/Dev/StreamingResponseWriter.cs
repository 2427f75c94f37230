using System.Text.Json;
using LambdaRoutes.Packager.Dev.Gateway;
using Microsoft.AspNetCore.Http;

namespace LambdaRoutes.Packager.Dev;

/// <summary>
/// Passes a streamed Lambda response through to the client as a function URL in <c>RESPONSE_STREAM</c> mode would
/// (aws.md §1.6): the bytes up to the 8-NUL delimiter are the prelude JSON (<c>statusCode</c>, <c>headers</c>,
/// <c>multiValueHeaders</c>, <c>cookies</c>) and become the status line and headers; every later chunk is written and
/// flushed at once, so the client sees it before the handler finishes.
/// </summary>
internal sealed class StreamingResponseWriter(HttpContext context, ApiFlavor flavor, string requestId)
{
    private const int DelimiterLength = 8;
    private readonly MemoryStream _prelude = new();

    /// <summary>True once the prelude was read and the status and headers sent.</summary>
    public bool Started { get; private set; }

    /// <summary>The status from the prelude (0 until started).</summary>
    public int StatusCode { get; private set; }

    public async Task WriteAsync(ReadOnlyMemory<byte> chunk)
    {
        if (!Started)
        {
            _prelude.Write(chunk.Span);
            var buffered = _prelude.GetBuffer().AsMemory(0, (int)_prelude.Length);
            var delimiter = buffered.Span.IndexOf(new byte[DelimiterLength]);
            if (delimiter < 0) return;
            await StartAsync(buffered[..delimiter]);
            chunk = buffered[(delimiter + DelimiterLength)..].ToArray();
        }

        if (chunk.IsEmpty || HttpMethods.IsHead(context.Request.Method)) return;
        await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private async Task StartAsync(ReadOnlyMemory<byte> preludeJson)
    {
        using var prelude = JsonDocument.Parse(preludeJson);
        var root = prelude.RootElement;
        var http = context.Response;
        StatusCode = root.TryGetProperty("statusCode", out var status) ? status.GetInt32() : 200;
        http.StatusCode = StatusCode;
        if (root.TryGetProperty("headers", out var headers))
            foreach (var h in headers.EnumerateObject()) http.Headers.Append(h.Name, h.Value.GetString());
        if (root.TryGetProperty("multiValueHeaders", out var multi))
            foreach (var h in multi.EnumerateObject())
                foreach (var v in h.Value.EnumerateArray()) http.Headers.Append(h.Name, v.GetString());
        if (root.TryGetProperty("cookies", out var cookies))
            foreach (var c in cookies.EnumerateArray()) http.Headers.Append("Set-Cookie", c.GetString());
        http.Headers.Remove("Content-Length");
        if (flavor == ApiFlavor.RestApi) http.Headers["x-amzn-RequestId"] = requestId;
        else http.Headers["apigw-requestid"] = requestId;
        Started = true;
        await http.StartAsync(context.RequestAborted);
    }
}
