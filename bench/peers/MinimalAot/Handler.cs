// The route logic of the minimal loop (also linked into bench/peers/MappingCost to time it in-process).
using System.Buffers;
using System.Text;
using System.Text.Json;

/// <summary>The route logic on the raw event.</summary>
internal static class Handler
{
    public static void Handle(ReadOnlySpan<byte> payload, ArrayBufferWriter<byte> inner, ArrayBufferWriter<byte> output)
    {
        string? body = null;
        var base64 = false;
        string? greeting = null;
        string session = "";
        var reader = new Utf8JsonReader(payload);
        reader.Read(); // {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("body"u8))
            {
                reader.Read();
                body = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("isBase64Encoded"u8))
            {
                reader.Read();
                base64 = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("queryStringParameters"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isGreeting = reader.ValueTextEquals("greeting"u8);
                        reader.Read();
                        if (isGreeting) greeting = reader.GetString();
                    }
                }
            }
            else if (reader.ValueTextEquals("cookies"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        var cookie = reader.GetString()!;
                        var eq = cookie.IndexOf('=');
                        if (session.Length == 0 && eq > 0 && cookie.AsSpan(0, eq).Trim().SequenceEqual("session"))
                        {
                            session = Uri.UnescapeDataString(cookie[(eq + 1)..].Trim());
                        }
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var bytes = body is null ? [] : base64 ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        string? name = null;
        var count = 0;
        var status = 200;
        try
        {
            var json = new Utf8JsonReader(bytes);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) status = 400;
            while (status == 200 && json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.ValueTextEquals("name"u8)) { json.Read(); name = json.GetString(); }
                else if (json.ValueTextEquals("count"u8)) { json.Read(); count = json.GetInt32(); }
                else { json.Read(); json.Skip(); }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            status = 400;
        }

        using (var w = new Utf8JsonWriter(inner))
        {
            w.WriteStartObject();
            w.WriteString("message"u8, (greeting ?? "hello") + ", " + name);
            w.WriteNumber("count"u8, count + 1);
            w.WriteString("session"u8, session);
            w.WriteEndObject();
        }

        using var o = new Utf8JsonWriter(output);
        o.WriteStartObject();
        o.WriteNumber("statusCode"u8, status);
        o.WriteStartObject("headers"u8);
        o.WriteString("content-type"u8, "application/json; charset=utf-8"u8);
        o.WriteEndObject();
        if (status == 200) o.WriteString("body"u8, inner.WrittenSpan);
        else o.WriteString("body"u8, "Invalid JSON"u8);
        o.WriteBoolean("isBase64Encoded"u8, false);
        o.WriteEndObject();
    }
}
