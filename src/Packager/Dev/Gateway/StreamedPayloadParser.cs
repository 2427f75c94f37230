using System.Text.Json;

namespace LambdaRoutes.Packager.Dev.Gateway;

/// <summary>
/// A streaming route's whole output as one buffer (<c>--aot</c>: the emulator collects the chunks): the HTTP integration
/// prelude JSON, 8 NUL bytes, then the body (aws.md §1.6). Null when the output has no prelude.
/// </summary>
internal static class StreamedPayloadParser
{
    public static GatewayResponse? Parse(byte[] payload)
    {
        var delimiter = payload.AsSpan().IndexOf(new byte[8]);
        if (delimiter < 0) return null;
        try
        {
            using var prelude = JsonDocument.Parse(payload.AsMemory(0, delimiter));
            var root = prelude.RootElement;
            var headers = new List<KeyValuePair<string, string>>();
            if (root.TryGetProperty("headers", out var single))
                foreach (var h in single.EnumerateObject()) headers.Add(new(h.Name, h.Value.GetString() ?? ""));
            if (root.TryGetProperty("multiValueHeaders", out var multi))
                foreach (var h in multi.EnumerateObject())
                    foreach (var v in h.Value.EnumerateArray()) headers.Add(new(h.Name, v.GetString() ?? ""));
            if (root.TryGetProperty("cookies", out var cookies))
                foreach (var c in cookies.EnumerateArray()) headers.Add(new("Set-Cookie", c.GetString() ?? ""));
            var status = root.TryGetProperty("statusCode", out var s) ? s.GetInt32() : 200;
            return new GatewayResponse(status, headers, payload[(delimiter + 8)..]);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
