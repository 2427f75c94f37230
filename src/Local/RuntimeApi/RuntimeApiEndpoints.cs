using Microsoft.AspNetCore.Http;
using LambdaRoutes.Local.Instances;

namespace LambdaRoutes.Local.RuntimeApi;

/// <summary>
/// The server side of the Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) for one instance:
/// <c>GET /2018-06-01/runtime/invocation/next</c>, <c>POST …/invocation/{id}/response</c>, <c>POST …/invocation/{id}/error</c>
/// and <c>POST …/runtime/init/error</c>. A streamed response goes to <see cref="StreamedResponseReader"/> when its caller
/// takes it as it arrives, and is collected whole otherwise. Success is <c>202 {"status":"OK"}</c>; a wrong request id is a 400, an oversized
/// response a 413 (Lambda's 6 MB + 100 bytes, the RIE's <c>MaxPayloadSize</c>, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
/// </summary>
internal static class RuntimeApiEndpoints
{
    private const int MaxResponseBytes = LambdaLimits.MaxResponseBytes;
    private const string Prefix = "/2018-06-01/runtime/";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private const string ResponseModeHeader = "Lambda-Runtime-Function-Response-Mode";

    public static RequestDelegate For(IRuntimeApiBackend backend) => context => HandleAsync(context, backend);

    internal static async Task HandleAsync(HttpContext context, IRuntimeApiBackend backend)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, 404, "InvalidRequest", $"Unknown Runtime API path {path}");
            return;
        }

        var rest = path[Prefix.Length..];
        if (rest == "invocation/next" && HttpMethods.IsGet(method))
        {
            await NextAsync(context, backend);
        }
        else if (rest == "init/error" && HttpMethods.IsPost(method))
        {
            var body = await ReadBodyAsync(context, MaxResponseBytes) ?? [];
            backend.InitFailed(ErrorTypeOf(context, body, "Runtime.Unknown"), body);
            await WriteAcceptedAsync(context);
        }
        else if (rest.StartsWith("invocation/", StringComparison.Ordinal) && HttpMethods.IsPost(method) &&
                 rest.Split('/') is [_, var requestId, var action and ("response" or "error")])
        {
            await PostResultAsync(context, backend, Uri.UnescapeDataString(requestId), action == "response");
        }
        else
        {
            await WriteErrorAsync(context, 404, "InvalidRequest", $"Unknown Runtime API endpoint {method} {path}");
        }
    }

    private static async Task NextAsync(HttpContext context, IRuntimeApiBackend backend)
    {
        // No timeout on this long poll (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): it lasts until an event arrives or the instance is stopped.
        var next = await backend.NextAsync(context.RequestAborted);
        if (next is null)
        {
            return;
        }

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = next.DeadlineMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = next.FunctionArn;
        response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
        if (next.ClientContext is { } clientContext)
        {
            response.Headers["Lambda-Runtime-Client-Context"] = clientContext;
        }

        if (next.CognitoIdentity is { } identity)
        {
            response.Headers["Lambda-Runtime-Cognito-Identity"] = identity;
        }

        response.ContentLength = next.Payload.Length;
        await response.Body.WriteAsync(next.Payload);
    }

    private static async Task PostResultAsync(HttpContext context, IRuntimeApiBackend backend, string requestId, bool isResponse)
    {
        if (isResponse && IsStreamed(context) && backend.OpenStream(requestId, context.Request.ContentType) is { } stream)
        {
            await StreamedResponseReader.ReadAsync(context, backend, requestId, stream);
            return;
        }

        // Collected whole: a buffered response, or a stream whose caller wants it whole (the chunks before a trailer
        // error are then dropped, as Lambda does).
        var body = await ReadBodyAsync(context, MaxResponseBytes);
        if (body is null)
        {
            // The runtime learns of the 413; the caller sees Lambda's error for it (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
            backend.Fail(requestId, "Function.ResponseSizeTooLarge",
                ErrorJson.Create("Function.ResponseSizeTooLarge", $"Response payload size exceeded maximum allowed payload size ({MaxResponseBytes} bytes)."));
            await WriteErrorAsync(context, 413, "RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({MaxResponseBytes} bytes).");
            return;
        }

        var accepted = isResponse
            ? StreamedResponseReader.TrailerError(context) is { } streamError
                ? backend.Fail(requestId, streamError.Type, streamError.Body)
                : backend.Respond(requestId, body)
            : backend.Fail(requestId, ErrorTypeOf(context, body, "Function.Unknown"), body);
        if (accepted)
        {
            await WriteAcceptedAsync(context);
        }
        else
        {
            await WriteErrorAsync(context, 400, "InvalidRequestID", $"Invalid request ID: {requestId} is not the invocation in flight");
        }
    }

    private static bool IsStreamed(HttpContext context) =>
        string.Equals(context.Request.Headers[ResponseModeHeader].ToString(), "streaming", StringComparison.OrdinalIgnoreCase);

    /// <summary>The header names the type; the body's <c>errorType</c> is the fallback (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).</summary>
    private static string ErrorTypeOf(HttpContext context, byte[] body, string fallback)
    {
        var header = context.Request.Headers[ErrorTypeHeader].ToString();
        return !string.IsNullOrEmpty(header) ? header : ErrorJson.TypeOf(body) ?? fallback;
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, int limit)
    {
        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            // The usual case (a buffered post says its length): one array of the exact size, no copies.
            if (length > limit)
            {
                return null;
            }

            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, context.RequestAborted);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static readonly byte[] Accepted = "{\"status\":\"OK\"}"u8.ToArray();

    internal static Task WriteAcceptedAsync(HttpContext context) => WriteJsonAsync(context, 202, Accepted);

    internal static Task WriteErrorAsync(HttpContext context, int status, string type, string message) =>
        WriteJsonAsync(context, status, ErrorJson.Create(type, message));

    /// <summary>With its Content-Length: a chunked answer would cost the runtime a second read for the last chunk.</summary>
    private static Task WriteJsonAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}
