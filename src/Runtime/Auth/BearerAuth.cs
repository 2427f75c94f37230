using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LambdaRoutes;

/// <summary>
/// A small guard for bearer-token protected routes (RFC 6750): reads <c>Authorization: Bearer &lt;token&gt;</c>, asks
/// your validator, and answers 401 with a JSON error and <c>WWW-Authenticate: Bearer</c> when it fails.
/// </summary>
/// <example>
/// <code>
/// // verb style
/// public static RouteResult GET(ApiRequest req) =>
///     BearerAuth.Check(req, token => BearerAuth.Matches(token, Secret)) ?? NextResponse.Json(new JsonObject { ["ok"] = true });
/// // handler style
/// if (!BearerAuth.Authorize(req, res, IsValid)) return Task.CompletedTask;
/// </code>
/// </example>
public static class BearerAuth
{
    /// <summary>The bearer token of the request, or null when there is no <c>Authorization: Bearer</c> header.</summary>
    public static string? Token(ApiRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var header = req.Headers["authorization"]?.Trim();
        if (header is null || header.Length <= 7 || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[7..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>Verb style: null when the token is valid, otherwise the 401 result to return.</summary>
    public static RouteResult? Check(ApiRequest req, Func<string, bool> isValid)
    {
        ArgumentNullException.ThrowIfNull(isValid);
        var token = Token(req);
        if (token is not null && isValid(token)) return null;
        var (error, header) = Denial(token);
        return NextResponse.Json(error, 401).WithHeader("WWW-Authenticate", header);
    }

    /// <summary>Handler style: true when the token is valid; otherwise sends the 401 and returns false.</summary>
    public static bool Authorize(ApiRequest req, ApiResponse res, Func<string, bool> isValid)
    {
        ArgumentNullException.ThrowIfNull(res);
        ArgumentNullException.ThrowIfNull(isValid);
        var token = Token(req);
        if (token is not null && isValid(token)) return true;
        var (error, header) = Denial(token);
        res.Status(401).SetHeader("WWW-Authenticate", header).Json(error);
        return false;
    }

    /// <summary>Compares a token with the expected secret in constant time (no timing leak of how much matched).</summary>
    public static bool Matches(string token, string expected)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(expected);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>RFC 6750 §3: no credentials → a bare challenge; a rejected token → <c>error="invalid_token"</c>.</summary>
    private static (JsonObject Body, string Header) Denial(string? token) => token is null
        ? (new JsonObject { ["error"] = "unauthorized", ["message"] = "Missing bearer token" }, "Bearer")
        : (new JsonObject { ["error"] = "invalid_token", ["message"] = "Invalid bearer token" }, "Bearer error=\"invalid_token\"");
}
