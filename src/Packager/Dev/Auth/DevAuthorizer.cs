using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Dev.Hosting;

namespace LambdaRoutes.Packager.Dev.Auth;

/// <summary>
/// The dev server's stand-in for the app's JWT/Cognito authorizers: before a guarded route runs, the bearer token is
/// checked (<see cref="JwtCheck"/>); a failure gets API Gateway's own answer and the route does not run; a pass puts the
/// claims into the event where API Gateway does (<c>requestContext.authorizer.jwt</c> for an HTTP API,
/// <c>requestContext.authorizer.claims</c> for REST), so <c>req.Identity</c> reads them as deployed.
/// </summary>
internal sealed class DevAuthorizer(DevAuthOptions options, JwtCheck check, TimeProvider clock)
{
    /// <summary>The route is guarded and the token failed: the answer to send and why (for the log).</summary>
    internal sealed record Denial(GatewayResponse Response, string Reason);

    public DevAuthOptions Options => options;

    /// <summary>Loads the JWKS. Null (after printing why) when it cannot be used.</summary>
    public static async Task<DevAuthorizer?> CreateAsync(DevAuthOptions options, Action<string> log, CancellationToken cancel = default)
    {
        JsonWebKeySet? keys = null;
        if (options.NoVerify)
        {
            log("WARNING: --jwt-no-verify: JWT signatures are NOT checked; any well-formed token with the right claims gets in. Local use only.");
        }
        else
        {
            try
            {
                keys = await JsonWebKeySet.LoadAsync(options.Jwks!, cancel);
            }
            catch (InvalidDataException ex)
            {
                log("error: " + ex.Message);
                return null;
            }
        }

        return new DevAuthorizer(options, new JwtCheck(keys, options.Issuer, options.Audiences), TimeProvider.System);
    }

    /// <summary>Whether <paramref name="route"/> needs a token: it chose an authorizer, or chose none and the app has a default.</summary>
    public bool Guards(DevRoute route) => (route.Authorizer ?? options.DefaultAuthorizer) is { } name && name != "none";

    /// <summary>
    /// Null when the request may go on (<paramref name="eventJson"/> then carries the claims of a guarded route), else
    /// API Gateway's answer for the refusal (<see cref="JwtRefusal"/>).
    /// </summary>
    public Denial? Authorize(IncomingRequest request, DevRoute route, ApiKind flavor, ref byte[] eventJson)
    {
        if (!Guards(route)) return null;
        var header = request.Header("authorization")?.Trim();
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return new Denial(JwtRefusal.NoToken(flavor), "no bearer token");

        var outcome = check.Check(header[7..].Trim(), route.AuthorizationScopes ?? [], clock.GetUtcNow());
        if (!outcome.Valid) return new Denial(JwtRefusal.For(flavor, outcome.Problem), "token refused: " + outcome.Reason);

        eventJson = Stamp(eventJson, flavor, outcome.Claims, outcome.Scopes);
        return null;
    }

    /// <summary>The event with <c>requestContext.authorizer</c> as API Gateway writes it for a JWT or Cognito authorizer.</summary>
    internal static byte[] Stamp(byte[] eventJson, ApiKind flavor, JsonElement claims, IReadOnlyList<string> scopes)
    {
        var root = JsonNode.Parse(eventJson)!.AsObject();
        var context = root["requestContext"]!.AsObject();
        var claimMap = new JsonObject();
        foreach (var claim in claims.EnumerateObject()) claimMap[claim.Name] = ClaimText(claim.Value);
        JsonNode? scopeList = scopes.Count > 0 ? new JsonArray(scopes.Select(s => (JsonNode?)s).ToArray()) : null;
        context["authorizer"] = flavor == ApiKind.Http
            ? new JsonObject { ["jwt"] = new JsonObject { ["claims"] = claimMap, ["scopes"] = scopeList } }
            : new JsonObject { ["claims"] = claimMap, ["scopes"] = scopeList };
        return EventJson.Bytes(root);
    }

    /// <summary>API Gateway passes every claim as a string: numbers and booleans as their text, arrays as <c>[a b]</c>.</summary>
    private static string ClaimText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => "[" + string.Join(' ', value.EnumerateArray().Select(ClaimText)) + "]",
        _ => value.GetRawText(),
    };
}
