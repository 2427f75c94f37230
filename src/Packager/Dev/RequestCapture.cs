using LambdaRoutes.Local.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LambdaRoutes.Packager.Dev;

/// <summary>Reads a Kestrel request into an <see cref="IncomingRequest"/>, enforcing API Gateway's 10 MB payload limit (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).</summary>
internal static class RequestCapture
{
    public const int MaxGatewayPayloadBytes = 10 * 1024 * 1024;

    /// <summary>Null when the body is over the limit.</summary>
    public static async Task<IncomingRequest?> ReadAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request.Body, context.RequestAborted);
        if (body is null)
        {
            return null;
        }

        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var query = rawTarget.IndexOf('?');
        var rawPath = query < 0 ? rawTarget : rawTarget[..query];
        var headers = request.Headers
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")))
            .ToList();
        return new IncomingRequest(
            request.Method,
            rawPath,
            query < 0 ? "" : rawTarget[(query + 1)..],
            headers,
            body,
            context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            request.Protocol,
            request.Host.HasValue ? request.Host.Value! : $"127.0.0.1:{context.Connection.LocalPort}",
            context.Connection.LocalPort,
            DateTimeOffset.UtcNow);
    }

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > MaxGatewayPayloadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
