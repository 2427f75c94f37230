using System.Security.Cryptography;
using System.Text.Json;

namespace LambdaRoutes.Packager.Dev.Auth;

/// <summary>
/// The RSA signing keys of a JSON Web Key Set (RFC 7517 §5; RSA members: RFC 7518 §6.3), from a file or an http(s) URL
/// (an issuer's <c>jwks_uri</c>), read once when the dev server starts.
/// </summary>
internal sealed class JsonWebKeySet
{
    private readonly Dictionary<string, RSAParameters> _keys;

    private JsonWebKeySet(Dictionary<string, RSAParameters> keys) => _keys = keys;

    public int Count => _keys.Count;

    /// <exception cref="InvalidDataException">Unreadable, not a JWKS, or without RSA keys; the message says which.</exception>
    public static async Task<JsonWebKeySet> LoadAsync(string source, CancellationToken cancel = default)
    {
        string json;
        try
        {
            if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                json = await http.GetStringAsync(uri, cancel);
            }
            else
            {
                json = await File.ReadAllTextAsync(source, cancel);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException)
        {
            throw new InvalidDataException($"--jwks {source}: {ex.Message}", ex);
        }

        return Parse(json, source);
    }

    public static JsonWebKeySet Parse(string json, string source)
    {
        var keys = new Dictionary<string, RSAParameters>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("keys", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"--jwks {source}: not a JSON Web Key Set (no \"keys\" array)");
            foreach (var key in list.EnumerateArray())
            {
                if (Member(key, "kty") != "RSA" || Member(key, "use") is not (null or "sig")) continue;
                if (Member(key, "n") is not { } n || Member(key, "e") is not { } e) continue;
                keys[Member(key, "kid") ?? ""] = new RSAParameters { Modulus = Base64Url.Decode(n), Exponent = Base64Url.Decode(e) };
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new InvalidDataException($"--jwks {source}: {ex.Message}", ex);
        }

        if (keys.Count == 0) throw new InvalidDataException($"--jwks {source}: no RSA signing key (kty \"RSA\") in \"keys\"");
        return new JsonWebKeySet(keys);
    }

    /// <summary>The key a token's header names (<c>kid</c>), or the only key when the token names none.</summary>
    public RSAParameters? Find(string? kid) =>
        kid is not null ? (_keys.TryGetValue(kid, out var key) ? key : null) : _keys.Count == 1 ? _keys.Values.First() : null;

    private static string? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>base64url without padding (RFC 7515 §2), as JWTs and JWKs write binary values.</summary>
internal static class Base64Url
{
    /// <exception cref="FormatException">Not base64url.</exception>
    public static byte[] Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
