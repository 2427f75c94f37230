using System.Text.Json;

namespace LambdaRoutes.Local.Instances;

/// <summary>The error JSON of https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html (<c>errorType</c>, <c>errorMessage</c>) for failures the emulator itself detects.</summary>
internal static class ErrorJson
{
    public static byte[] Create(string errorType, string errorMessage)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", errorType);
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The <c>errorType</c> of an error body, when it is JSON that has one.</summary>
    public static string? TypeOf(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errorType", out var type) &&
                   type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
