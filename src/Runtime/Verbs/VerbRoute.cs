using LambdaRoutes.Contracts.Verbs;

namespace LambdaRoutes;

/// <summary>
/// Adapts a verb-style route file (a static class with <c>GET</c>, <c>POST</c>, … methods, Next's App Router
/// <c>route.ts</c>) to <see cref="IApiRoute"/>. The packager generates
/// <c>new VerbRoute("api/x.cs").Map("GET", X.GET).Map("POST", X.POST)</c>: static method groups become delegates, so
/// there is no reflection and Native AOT sees every handler.
/// </summary>
/// <remarks>
/// The App Router's method rules (Next.js packages/next/src/server/route-modules/app-route/helpers/auto-implement-methods.ts): a method outside the supported list → 400, empty body;
/// a supported method that is not exported → 405, empty body, no <c>Allow</c>; HEAD runs GET when HEAD is not exported
/// (the body is stripped); OPTIONS answers 204 with the sorted <c>Allow</c> list when not exported; a handler that
/// throws or returns null → 500, empty body, and a log line — except a body read the handler lets fail, which is the
/// client's fault: 400 <c>Invalid JSON</c> (or the multipart parser's message), as handler style answers (docs/routes.md).
/// </remarks>
public sealed class VerbRoute : IApiRoute
{
    private readonly Dictionary<string, Func<ApiRequest, Task<RouteResult>>> _handlers = new(StringComparer.Ordinal);
    private string? _allow;

    /// <param name="source">The route file, for log messages (e.g. <c>api/users/[id].cs</c>).</param>
    public VerbRoute(string source = "route")
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
    }

    /// <summary>The route file named in log messages.</summary>
    public string Source { get; }

    /// <summary>The exported methods, upper case, sorted (what the manifest's <c>methods</c> lists).</summary>
    public IReadOnlyList<string> Methods => _handlers.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Registers a handler taking the request.</summary>
    public VerbRoute Map(string method, Func<ApiRequest, RouteResult> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(method, req => Task.FromResult(handler(req)));
    }

    /// <summary>Registers an async handler taking the request.</summary>
    public VerbRoute Map(string method, Func<ApiRequest, Task<RouteResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(method, handler);
    }

    /// <summary>Registers a handler taking the request and the route params (Next's <c>context.params</c>).</summary>
    public VerbRoute Map(string method, Func<ApiRequest, ParamMap, RouteResult> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(method, req => Task.FromResult(handler(req, req.Params)));
    }

    /// <summary>Registers an async handler taking the request and the route params.</summary>
    public VerbRoute Map(string method, Func<ApiRequest, ParamMap, Task<RouteResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(method, req => handler(req, req.Params));
    }

    /// <summary>Registers a handler taking the request, the route params and the Lambda context.</summary>
    public VerbRoute Map(string method, Func<ApiRequest, ParamMap, ILambdaContext, RouteResult> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(method, req => Task.FromResult(handler(req, req.Params, req.Context)));
    }

    /// <summary>Registers an async handler taking the request, the route params and the Lambda context.</summary>
    public VerbRoute Map(string method, Func<ApiRequest, ParamMap, ILambdaContext, Task<RouteResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(method, req => handler(req, req.Params, req.Context));
    }

    /// <inheritdoc />
    public async Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        if (!HttpVerbs.Supported.Contains(req.Method)) { res.Status(400).End(); return; }       // e.g. HEADER → 400
        if (!_handlers.TryGetValue(req.Method, out var handler))
        {
            if (req.Method == "HEAD" && _handlers.TryGetValue("GET", out var get)) handler = get; // GET serves HEAD (body stripped by the invoker)
            else if (req.Method == "OPTIONS") { res.Status(204).SetHeader("Allow", AllowHeader()).End(); return; } // automatic OPTIONS
            else { res.Status(405).End(); return; }                                              // 405 without an Allow header
        }

        RouteResult? result;
        try
        {
            result = await handler(req).ConfigureAwait(false);
        }
        catch (Exception ex) when (req.Body.RejectionFor(ex) is { } rejection)
        {
            // The handler let a body read fail (req.Json<T>() on invalid JSON, req.FormData() on a malformed multipart
            // body): the client sent a bad body, so it gets the 400 a handler-style route would give before its handler.
            req.Context.Logger.LogWarning($"{rejection}: route handler '{Source}' could not read the body of {req.Method} {req.Url} ({ex.Message})");
            res.Reset(400, rejection);
            return;
        }
        catch (Exception ex)
        {
            // A throwing handler: 500 with an empty body; the error only in the log.
            req.Context.Logger.LogError(ex, $"Error in route handler '{Source}' for {req.Method} {req.Url} (request {req.Context.AwsRequestId})");
            res.Status(500).End();
            return;
        }

        if (result is null)
        {
            // No response returned: Next's message, with our type names.
            req.Context.Logger.LogError($"No response is returned from route handler '{Source}'. Ensure you return a " +
                                        "`RouteResult` (e.g. `NextResponse.Json(...)`) in all branches of your handler.");
            res.Status(500).End();
            return;
        }

        try
        {
            result.WriteTo(res);
        }
        catch (Exception ex)
        {
            // E.g. a type missing from the app's JsonSerializerContext: the body is made before res is touched.
            req.Context.Logger.LogError(ex, $"Error writing the response of route handler '{Source}' for {req.Method} {req.Url}");
            if (!res.HasEnded) res.Status(500).End();
        }
    }

    /// <summary>Next's auto-OPTIONS <c>Allow</c>: the exported methods plus OPTIONS, plus HEAD when GET exists, sorted, <c>", "</c>.</summary>
    internal string AllowHeader() => _allow ??= string.Join(", ",
        _handlers.Keys.Append("OPTIONS").Concat(_handlers.ContainsKey("GET") ? new[] { "HEAD" } : Array.Empty<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private VerbRoute Add(string method, Func<ApiRequest, Task<RouteResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!HttpVerbs.Supported.Contains(method))
            throw new ArgumentException($"'{method}' is not a route handler method; export one of {string.Join(", ", HttpVerbs.InNextOrder)} (upper case).", nameof(method));
        if (!_handlers.TryAdd(method, handler))
            throw new ArgumentException($"{method} is mapped twice in route '{Source}'.", nameof(method));
        _allow = null;
        return this;
    }
}
