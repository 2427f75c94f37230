using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;
using LambdaRoutes.Local;
using LambdaRoutes.Local.Gateway;
using Microsoft.AspNetCore.Http;

namespace LambdaRoutes.Packager.Dev;

/// <summary>
/// Passes a streamed Lambda response through to the client as a function URL in <c>RESPONSE_STREAM</c> mode would
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): the bytes up to the 8-NUL delimiter are the prelude JSON (<c>statusCode</c>, <c>headers</c>,
/// <c>multiValueHeaders</c>, <c>cookies</c>) and become the status line and headers; every later chunk is written and
/// flushed at once, so the client sees it before the handler finishes. Both dev modes feed it the same raw chunks.
/// </summary>
internal sealed class StreamingResponseWriter(HttpContext context, ApiKind flavor, string requestId)
{
    private readonly PreludeSplitter _splitter = new();

    /// <summary>True once the prelude was read and the status and headers sent.</summary>
    public bool Started { get; private set; }

    /// <summary>The status from the prelude (0 until started).</summary>
    public int StatusCode { get; private set; }

    /// <summary>Why the prelude could not be sent; nothing reached the client then.</summary>
    public string? PreludeError { get; private set; }

    /// <exception cref="MalformedPreludeException">The prelude is unreadable or unsendable (<see cref="PreludeError"/>).</exception>
    public async Task WriteAsync(ReadOnlyMemory<byte> chunk)
    {
        if (PreludeError is not null) throw new MalformedPreludeException(PreludeError);
        if (!Started)
        {
            if (!_splitter.TryAdd(chunk, out var preludeJson, out var body)) return;
            await StartAsync(preludeJson);
            chunk = body;
        }

        if (chunk.IsEmpty || HttpMethods.IsHead(context.Request.Method)) return;
        await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private async Task StartAsync(ReadOnlyMemory<byte> preludeJson)
    {
        var http = context.Response;
        try
        {
            var prelude = HttpIntegrationPrelude.Parse(preludeJson.Span);
            foreach (var (name, value) in prelude.Headers) http.Headers.Append(name, value);
            foreach (var cookie in prelude.Cookies) http.Headers.Append("Set-Cookie", cookie);
            StatusCode = prelude.StatusCode;
        }
        catch (Exception ex) when (ex is MalformedPreludeException or InvalidOperationException)
        {
            // InvalidOperationException: a header Kestrel refuses (e.g. a control character); no gateway would send it.
            http.Headers.Clear();
            PreludeError = ex.Message;
            throw new MalformedPreludeException(ex.Message, ex);
        }

        http.StatusCode = StatusCode;
        http.Headers.Remove("Content-Length");
        if (flavor == ApiKind.Rest) http.Headers["x-amzn-RequestId"] = requestId;
        else http.Headers["apigw-requestid"] = requestId;
        Started = true;
        await http.StartAsync(context.RequestAborted);
    }

    /// <summary>Bytes held while no prelude delimiter has come.</summary>
    public long PendingBytes => _splitter.BufferedBytes;
}
