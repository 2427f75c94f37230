using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LambdaRoutes.Packager.Dev.Auth;

/// <summary>
/// Validates a bearer JWT the way an HTTP API JWT authorizer does
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html): RS256 signature by a key
/// of the JWKS (RFC 7515, RFC 7518 §3.3), <c>iss</c>, <c>aud</c> or <c>client_id</c>, <c>exp</c>, <c>nbf</c>, then the
/// route's scopes (<c>scope</c> or <c>scp</c>). Unverified mode skips only the signature.
/// </summary>
internal sealed class JwtCheck(JsonWebKeySet? keys, string? issuer, IReadOnlyList<string> audiences)
{
    /// <summary>What the check found: the claims and scopes of a valid token, or why it is not one (<see cref="Problem"/> for the answer, <see cref="Reason"/> for the log).</summary>
    internal sealed record Outcome(bool Valid, string Reason, JsonElement Claims, IReadOnlyList<string> Scopes, JwtProblem Problem = JwtProblem.None);

    public Outcome Check(string token, IReadOnlyList<string> requiredScopes, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return Invalid(JwtProblem.Malformed, "not a JWT (three base64url parts)");
        JsonElement header, claims;
        try
        {
            header = JsonDocument.Parse(Base64Url.Decode(parts[0])).RootElement;
            claims = JsonDocument.Parse(Base64Url.Decode(parts[1])).RootElement;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Invalid(JwtProblem.Malformed, "not a JWT: " + ex.Message);
        }
        if (claims.ValueKind != JsonValueKind.Object || header.ValueKind != JsonValueKind.Object) return Invalid(JwtProblem.Malformed, "not a JWT: header or claims not a JSON object");

        if (keys is not null)
        {
            if (String(header, "alg") != "RS256") return Invalid(JwtProblem.Signature, $"alg {String(header, "alg") ?? "(none)"} is not RS256");
            if (keys.Find(String(header, "kid")) is not { } key) return Invalid(JwtProblem.Signature, $"no key with kid {String(header, "kid") ?? "(none)"} in the JWKS");
            using var rsa = RSA.Create(key);
            byte[] signature;
            try { signature = Base64Url.Decode(parts[2]); }
            catch (FormatException) { return Invalid(JwtProblem.Signature, "signature is not base64url"); }
            if (!rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                return Invalid(JwtProblem.Signature, "bad signature");
        }

        if (issuer is not null && String(claims, "iss") != issuer) return Invalid(JwtProblem.Issuer, $"iss {String(claims, "iss") ?? "(none)"} is not {issuer}");
        if (audiences.Count > 0 && !Audiences(claims).Any(audiences.Contains)) return Invalid(JwtProblem.Audience, "aud/client_id is none of " + string.Join(", ", audiences));
        var seconds = now.ToUnixTimeSeconds();
        if (Number(claims, "exp") is not { } exp) return Invalid(JwtProblem.Malformed, "no exp claim");
        if (exp <= seconds) return Invalid(JwtProblem.Expired, $"expired {seconds - exp} s ago");
        if (Number(claims, "nbf") is { } nbf && nbf > seconds) return Invalid(JwtProblem.NotYetValid, "not valid before nbf");

        var scopes = Scopes(claims);
        var missing = requiredScopes.Count > 0 && !requiredScopes.Any(scopes.Contains);
        return new Outcome(!missing, missing ? "none of the scopes " + string.Join(" ", requiredScopes) : "", claims, scopes,
            missing ? JwtProblem.MissingScope : JwtProblem.None);

        Outcome Invalid(JwtProblem problem, string reason) => new(false, reason, default, [], problem);
    }

    private static IEnumerable<string> Audiences(JsonElement claims)
    {
        if (claims.TryGetProperty("aud", out var aud))
        {
            if (aud.ValueKind == JsonValueKind.String) yield return aud.GetString()!;
            else if (aud.ValueKind == JsonValueKind.Array)
                foreach (var a in aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String)) yield return a.GetString()!;
        }
        if (String(claims, "client_id") is { } client) yield return client;   // Cognito access tokens carry no aud
    }

    private static List<string> Scopes(JsonElement claims)
    {
        if (String(claims, "scope") is { } scope) return [.. scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        if (claims.TryGetProperty("scp", out var scp) && scp.ValueKind == JsonValueKind.Array)
            return [.. scp.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)];
        return [];
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;
}
