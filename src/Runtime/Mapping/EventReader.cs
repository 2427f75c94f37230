using System.Text;
using System.Text.Json;

namespace LambdaRoutes.Mapping;

/// <summary>
/// Reads an API Gateway event in one pass with <see cref="Utf8JsonReader"/> into <see cref="EventFields"/>, keeping only
/// what the runtime maps. Binding AWS's event models with JsonSerializer instead cost a millisecond of every cold start
/// (building their metadata) and 3 KB per invocation (bench/). Matches the models' binding rules (aws-lambda-dotnet Libraries/src/Amazon.Lambda.Serialization.SystemTextJson/AbstractLambdaJsonSerializer.cs): names
/// case-insensitive, a null value is an absent one, and a value of the wrong type is refused.
/// </summary>
internal static class EventReader
{
    /// <summary>The payload does not have the types an event's fields must have (e.g. <c>"headers": 5</c>).</summary>
    public sealed class WrongTypeException(string message) : Exception(message);

    /// <exception cref="JsonException">Not JSON, or not one JSON object.</exception>
    /// <exception cref="InvalidOperationException">A string that cannot be decoded (e.g. an escaped lone surrogate).</exception>
    /// <exception cref="WrongTypeException">A known field with a value of the wrong type.</exception>
    public static EventFields Read(ReadOnlyMemory<byte> payload)
    {
        var reader = new Utf8JsonReader(payload.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("the event is not a JSON object");
        var fields = new EventFields();
        var strings = RecurringStrings.ForNewEvent();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            if (Is(name, "version"u8)) fields.Version = String(ref reader, strings, "version");
            else if (Is(name, "httpMethod"u8)) fields.HttpMethod = String(ref reader, strings, "httpMethod");
            else if (Is(name, "path"u8)) fields.Path = String(ref reader, strings, "path");
            else if (Is(name, "rawPath"u8)) fields.RawPath = String(ref reader, strings, "rawPath");
            else if (Is(name, "rawQueryString"u8)) fields.RawQueryString = String(ref reader, strings, "rawQueryString");
            else if (Is(name, "body"u8)) fields.Body = Utf8String(ref reader, payload, "body");
            else if (Is(name, "isBase64Encoded"u8)) fields.IsBase64Encoded = Boolean(ref reader, "isBase64Encoded");
            else if (Is(name, "headers"u8)) fields.Headers = StringMap(ref reader, strings, "headers");
            else if (Is(name, "queryStringParameters"u8)) fields.QueryStringParameters = StringMap(ref reader, strings, "queryStringParameters");
            else if (Is(name, "multiValueHeaders"u8)) fields.MultiValueHeaders = ListMap(ref reader, strings, "multiValueHeaders");
            else if (Is(name, "multiValueQueryStringParameters"u8))
                fields.MultiValueQueryStringParameters = ListMap(ref reader, strings, "multiValueQueryStringParameters");
            else if (Is(name, "cookies"u8)) fields.Cookies = StringList(ref reader, strings, "cookies");
            else if (Is(name, "requestContext"u8)) RequestContext(ref reader, payload, fields, strings);
            else Skip(ref reader);
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            throw new JsonException("trailing data after the JSON object");
        return fields;
    }

    private static void RequestContext(ref Utf8JsonReader reader, ReadOnlyMemory<byte> payload, EventFields fields, RecurringStrings strings)
    {
        if (!StartObject(ref reader, "requestContext")) return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            if (Is(name, "domainName"u8)) fields.DomainName = String(ref reader, strings, "requestContext.domainName");
            else if (Is(name, "stage"u8)) fields.Stage = String(ref reader, strings, "requestContext.stage");
            else if (Is(name, "authorizer"u8)) fields.Authorizer = RawValue(ref reader, payload);
            else if (Is(name, "identity"u8)) fields.Identity = RawValue(ref reader, payload);
            else if (Is(name, "http"u8))
            {
                if (!StartObject(ref reader, "requestContext.http")) continue;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = Name(ref reader);
                    if (Is(field, "method"u8)) fields.RequestMethod = String(ref reader, strings, "requestContext.http.method");
                    else if (Is(field, "path"u8)) fields.RequestPath = String(ref reader, strings, "requestContext.http.path");
                    else Skip(ref reader);
                }
            }
            else Skip(ref reader);
        }
    }

    /// <summary>
    /// The current property name's UTF-8 bytes, read once per property: the value's bytes in the payload, or (rarely) an
    /// escaped name decoded into its own array. Decoding validates it as GetString does (a lone surrogate throws).
    /// </summary>
    private static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return reader.ValueSpan;
        var decoded = new byte[reader.ValueSpan.Length];
        return decoded.AsSpan(0, reader.CopyString(decoded));
    }

    /// <summary>Case-insensitive property name match, as the models bind (ASCII names); the length is compared first.</summary>
    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) =>
        name.Length == expected.Length && System.Text.Ascii.EqualsIgnoreCase(name, expected);

    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static string? String(ref Utf8JsonReader reader, RecurringStrings strings, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => Text(ref reader, strings),
            JsonTokenType.Null => null,
            _ => throw Wrong(field, "a string"),
        };
    }

    /// <summary>
    /// A string's unescaped UTF-8 bytes. A body can be megabytes and is almost never escaped (base64 never is): then it is
    /// the slice of the payload the value occupies, no copy; an escaped one is unescaped into its own array.
    /// </summary>
    private static ReadOnlyMemory<byte> Utf8String(ref Utf8JsonReader reader, ReadOnlyMemory<byte> payload, string field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return ReadOnlyMemory<byte>.Empty;
        if (reader.TokenType != JsonTokenType.String) throw Wrong(field, "a string");
        // TokenStartIndex is the opening quote; the reader runs over payload.Span, so offsets match.
        if (!reader.ValueIsEscaped) return payload.Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        // Unescaping only shrinks; CopyString validates escapes as GetString does (lone surrogates throw).
        var buffer = new byte[reader.ValueSpan.Length];
        return buffer.AsMemory(0, reader.CopyString(buffer));
    }

    /// <summary>The value's JSON text as a slice of the payload, parsed only if the route asks (LambdaRoutes.CallerIdentity).</summary>
    private static ReadOnlyMemory<byte> RawValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> payload)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return payload[start..(int)reader.BytesConsumed];
    }

    private static bool Boolean(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            _ => throw Wrong(field, "true or false"),
        };
    }

    /// <summary>Moves to the field's value: true at the start of an object, false for null.</summary>
    private static bool StartObject(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw Wrong(field, "an object"),
        };
    }

    /// <summary>An object of strings; a null value becomes "" (the mappers did <c>value ?? ""</c>).</summary>
    private static List<KeyValuePair<string, string>>? StringMap(ref Utf8JsonReader reader, RecurringStrings strings, string field)
    {
        if (!StartObject(ref reader, field)) return null;
        var map = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Text(ref reader, strings);
            map.Add(new(name, String(ref reader, strings, field) ?? ""));
        }
        return map;
    }

    /// <summary>An object of string arrays (REST <c>multiValue*</c>); null arrays are empty, null items "".</summary>
    private static List<KeyValuePair<string, List<string>>>? ListMap(ref Utf8JsonReader reader, RecurringStrings strings, string field)
    {
        if (!StartObject(ref reader, field)) return null;
        var map = new List<KeyValuePair<string, List<string>>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Text(ref reader, strings);
            map.Add(new(name, StringList(ref reader, strings, field) ?? new List<string>()));
        }
        return map;
    }

    private static List<string>? StringList(ref Utf8JsonReader reader, RecurringStrings strings, string field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw Wrong(field, "an array of strings");
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.TokenType switch
            {
                JsonTokenType.String => Text(ref reader, strings),
                JsonTokenType.Null => "",
                _ => throw Wrong(field, "an array of strings"),
            });
        }
        return list;
    }

    /// <summary>
    /// The current string or property name, as <see cref="Utf8JsonReader.GetString"/> returns it. Nearly every string in
    /// an event (header names and values, paths, ids) is ASCII without escapes and repeats from the previous event:
    /// <see cref="RecurringStrings"/> returns the previous string or widens the bytes straight into a new one.
    /// </summary>
    private static string Text(ref Utf8JsonReader reader, RecurringStrings strings)
    {
        var utf8 = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || !Ascii.IsValid(utf8)) return reader.GetString()!;
        return strings.Get(utf8);
    }

    private static WrongTypeException Wrong(string field, string expected) => new($"\"{field}\" must be {expected}");
}
