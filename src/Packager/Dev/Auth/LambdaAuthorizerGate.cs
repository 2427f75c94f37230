using System.Collections.Concurrent;
using System.Diagnostics;
using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Dev.Hosting;

namespace LambdaRoutes.Packager.Dev.Auth;

/// <summary>
/// How the dev server stands in for a Lambda authorizer the app writes itself (<c>authorizers/&lt;name&gt;.cs</c>,
/// docs/dev.md): the identity sources must be present (else 401 without calling it); a decision cached for the same
/// identity within the TTL is reused; otherwise the authorizer runs through the route host, like a route, on
/// API Gateway's authorizer event. Allow → the route's event carries the context; deny → 403; failure → 500.
/// </summary>
/// <remarks>The one seam with the host: <see cref="IRouteHost.InvokeAsync"/> on the authorizer's <see cref="DevRoute"/>.</remarks>
internal sealed class LambdaAuthorizerGate(IRouteHost host, ApiKind flavor, LambdaAuthorizerOptions options, string? defaultAuthorizer, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (LambdaAuthorizerAnswer Answer, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    /// <summary><c>Refused</c> null: the route may go on with <c>EventJson</c> (stamped); else API Gateway's answer and why.</summary>
    internal sealed record Verdict(byte[] EventJson, GatewayResponse? Refused, string? Reason, RouteRun? Run);

    /// <summary>The app authorizer guarding <paramref name="route"/>: its own choice, else the default; null when it is not an app file.</summary>
    public DevRoute? AuthorizerOf(DevRoute route) =>
        (route.Authorizer ?? defaultAuthorizer) is { } name && name != "none" ? host.Routes.FindAuthorizer(name) : null;

    public async Task<Verdict> AuthorizeAsync(IncomingRequest request, DevRoute authorizer, byte[] eventJson)
    {
        var sources = options.IdentitySourcesFor(flavor);
        var identity = sources.Select(source => IdentitySource.Read(source, request)).ToList();
        if (identity.Any(string.IsNullOrEmpty))
            return new Verdict(eventJson, GatewayResponse.Message(flavor, 401, "Unauthorized"), $"identity source missing: {string.Join(", ", sources)}", null);

        var token = flavor == ApiKind.Rest && options.RestToken;
        var authorizerEvent = LambdaAuthorizerEvent.Build(flavor, token, eventJson, identity!);
        var methodArn = System.Text.Json.Nodes.JsonNode.Parse(authorizerEvent)![flavor == ApiKind.Http ? "routeArn" : "methodArn"]!.GetValue<string>();
        var key = authorizer.Route + "\n" + string.Join("\n", identity);
        var now = clock.GetUtcNow();
        RouteRun? run = null;
        string? cached = null;
        var started = Stopwatch.GetTimestamp();
        LambdaAuthorizerAnswer? answer;
        if (options.CacheTtlSeconds > 0 && _cache.TryGetValue(key, out var hit) && hit.Expires > now)
        {
            answer = hit.Answer;
            cached = "cached";
        }
        else
        {
            run = await host.InvokeAsync(authorizer, authorizerEvent);
            if (run.Outcome != RunOutcome.Success)
                return new Verdict(eventJson, LambdaAuthorizerAnswer.Failure(flavor), $"authorizer {authorizer.Route} failed: {run.Outcome} {run.ErrorType}".TrimEnd(), run);
            answer = LambdaAuthorizerAnswer.Parse(run.Payload, simple: flavor == ApiKind.Http, methodArn, out var problem);
            if (answer is null)
                return new Verdict(eventJson, LambdaAuthorizerAnswer.Failure(flavor), $"authorizer {authorizer.Route}: {problem}", run);
            if (options.CacheTtlSeconds > 0) _cache[key] = (answer, now.AddSeconds(options.CacheTtlSeconds));
        }

        var how = cached is null ? "" : " (" + cached + ")";
        if (!answer.Allowed)
            return new Verdict(eventJson, LambdaAuthorizerAnswer.Refusal(flavor, answer.ExplicitDeny), $"authorizer {authorizer.Route} denied{how}", run);

        var latency = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new Verdict(answer.Stamp(eventJson, flavor, latency), null, null, run);
    }
}

/// <summary>
/// What the CDK construct declares for a Lambda authorizer and the dev server cannot read, with the construct's defaults:
/// the identity sources (the <c>Authorization</c> header), the decision cache TTL (300 s) and, on REST, TOKEN or REQUEST.
/// </summary>
internal sealed record LambdaAuthorizerOptions(int CacheTtlSeconds = 300, bool RestToken = false, IReadOnlyList<string>? IdentitySources = null)
{
    public IReadOnlyList<string> IdentitySourcesFor(ApiKind flavor) =>
        IdentitySources ?? [flavor == ApiKind.Http ? "$request.header.Authorization" : "method.request.header.Authorization"];
}

/// <summary>Reads one identity source expression from a request: <c>$request.header.X</c> / <c>$request.querystring.X</c> (HTTP API), <c>method.request.header.X</c> / <c>method.request.querystring.X</c> (REST).</summary>
internal static class IdentitySource
{
    public static string? Read(string source, IncomingRequest request)
    {
        foreach (var prefix in new[] { "$request.", "method.request." })
        {
            if (!source.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = source[prefix.Length..];
            if (rest.StartsWith("header.", StringComparison.Ordinal)) return request.Header(rest["header.".Length..]);
            if (rest.StartsWith("querystring.", StringComparison.Ordinal))
                return QueryString.Parse(request.RawQuery).Where(p => p.Key == rest["querystring.".Length..]).Select(p => p.Value).FirstOrDefault();
        }

        return null;
    }
}
