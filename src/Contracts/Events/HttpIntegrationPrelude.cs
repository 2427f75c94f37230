using System.Text.Json;

namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// The prelude of a streamed HTTP integration response (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): the JSON object before the 8-NUL delimiter,
/// read the way a function URL in <c>RESPONSE_STREAM</c> mode reads it.
/// </summary>
/// <param name="StatusCode">The HTTP status (200 when the prelude has none).</param>
/// <param name="Headers">From <c>headers</c>, then every value of <c>multiValueHeaders</c>; a name may repeat.</param>
/// <param name="Cookies">The <c>cookies</c> array: one <c>Set-Cookie</c> each.</param>
internal sealed record HttpIntegrationPrelude(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<string> Cookies)
{
    /// <summary>Reads the prelude JSON.</summary>
    /// <exception cref="MalformedPreludeException">It is not a prelude; the message says what is wrong.</exception>
    public static HttpIntegrationPrelude Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException ex)
        {
            throw new MalformedPreludeException($"the prelude is not JSON ({ex.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new MalformedPreludeException($"the prelude is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            var status = 200;
            if (root.TryGetProperty("statusCode", out var code) && (code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out status) || status is < 100 or > 599))
                throw new MalformedPreludeException($"statusCode {code.GetRawText()} is not an integer from 100 to 599");
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var header in Properties(root, "headers"))
                headers.Add(new(header.Name, Text(header.Value, $"headers.{header.Name}")));
            foreach (var header in Properties(root, "multiValueHeaders"))
                foreach (var value in Items(header.Value, $"multiValueHeaders.{header.Name}"))
                    headers.Add(new(header.Name, Text(value, $"multiValueHeaders.{header.Name}")));
            var cookies = Items(root.TryGetProperty("cookies", out var c) ? c : default, "cookies").Select(v => Text(v, "cookies")).ToList();
            return new HttpIntegrationPrelude(status, headers, cookies);
        }
    }

    private static IEnumerable<JsonProperty> Properties(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Object) throw new MalformedPreludeException($"{name} is not an object");
        return value.EnumerateObject();
    }

    private static IEnumerable<JsonElement> Items(JsonElement value, string where)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) throw new MalformedPreludeException($"{where} is not an array");
        return value.EnumerateArray();
    }

    private static string Text(JsonElement value, string where) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : throw new MalformedPreludeException($"{where} is {value.GetRawText()}, not a string");
}

/// <summary>A streamed response whose prelude cannot be read (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming).</summary>
internal sealed class MalformedPreludeException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public MalformedPreludeException()
    {
    }

    /// <summary>Creates the exception with what is wrong.</summary>
    public MalformedPreludeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what is wrong and its cause.</summary>
    public MalformedPreludeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
