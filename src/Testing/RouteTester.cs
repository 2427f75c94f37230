using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Testing;

/// <summary>
/// Runs a route in-process on a built event through <see cref="RouteInvoker"/> — the same decode, routing, body parsing
/// and encoding code that runs on Lambda — and reads the answer back.
/// </summary>
/// <example>
/// <code>
/// var tester = new RouteTester(new UserById(), "/api/users/[id]", AppJson.Default);
/// var res = await tester.SendAsync(new HttpApiEventBuilder().Get("/api/users/42"));
/// Assert.Equal(200, res.StatusCode);
/// </code>
/// </example>
public sealed class RouteTester
{
    private readonly RouteInvoker _invoker;

    /// <summary>A tester for <paramref name="route"/> with full options.</summary>
    public RouteTester(IApiRoute route, RouteOptions options, JsonSerializerContext? json = null) =>
        _invoker = new RouteInvoker(route, options, json);

    /// <summary>
    /// A tester for <paramref name="route"/> at the Next-form <paramref name="pattern"/>, with the body settings of the
    /// route's <see cref="RouteConfigAttribute"/> — the values the packager would generate into its entry point.
    /// </summary>
    public RouteTester(IApiRoute route, string pattern, JsonSerializerContext? json = null)
        : this(route, OptionsFor(route, pattern), json)
    {
    }

    /// <summary>The <see cref="RouteOptions"/> the packager generates for <paramref name="route"/>: pattern plus its <see cref="RouteConfigAttribute"/>.</summary>
    public static RouteOptions OptionsFor(IApiRoute route, string pattern)
    {
        ArgumentNullException.ThrowIfNull(route);
        return OptionsFor(route.GetType(), pattern);
    }

    /// <summary>The <see cref="RouteOptions"/> for a route type (a handler class or a verb-style static class).</summary>
    public static RouteOptions OptionsFor(Type routeType, string pattern)
    {
        ArgumentNullException.ThrowIfNull(routeType);
        // Test-time only: on Lambda the packager reads the attribute from source and the runtime never looks for it.
        return RouteOptions.For(pattern, Attribute.GetCustomAttribute(routeType, typeof(RouteConfigAttribute)) as RouteConfigAttribute);
    }

    /// <summary>
    /// A tester for a verb-style route (a static class with <c>GET</c>, <c>POST</c>, … methods): the same
    /// <see cref="VerbRoute"/> the packager generates, with the class's <see cref="RouteConfigAttribute"/>.
    /// </summary>
    /// <example><c>var tester = RouteTester.ForVerbs(typeof(Things), "/api/things", AppJson.Default);</c></example>
    public static RouteTester ForVerbs([System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicMethods)] Type routeClass, string pattern, JsonSerializerContext? json = null) =>
        new(VerbRouteReflection.Build(routeClass, routeClass.Name), OptionsFor(routeClass, pattern), json);

    /// <summary>Sends a REST API (v1) event.</summary>
    public Task<RouteTestResponse> SendAsync(RestApiEventBuilder request, TestLambdaContext? context = null) =>
        SendAsync(request.ToJson(), context);

    /// <summary>Sends an HTTP API 2.0 or function URL event.</summary>
    public Task<RouteTestResponse> SendAsync(HttpApiEventBuilder request, TestLambdaContext? context = null) =>
        SendAsync(request.ToJson(), context);

    /// <summary><c>GET</c> through an HTTP API event.</summary>
    public Task<RouteTestResponse> GetAsync(string pathAndQuery, TestLambdaContext? context = null) =>
        SendAsync(new HttpApiEventBuilder().Get(pathAndQuery), context);

    /// <summary>Sends any event payload as is (e.g. a captured fixture, or malformed input).</summary>
    public async Task<RouteTestResponse> SendAsync(byte[] eventJson, TestLambdaContext? context = null)
    {
        context ??= new TestLambdaContext();
        var payload = await _invoker.InvokeAsync(eventJson, context).ConfigureAwait(false);
        return Read(eventJson, payload, context);
    }

    /// <summary>
    /// Runs the route in Lambda's response streaming mode (what a <c>[RouteConfig(Streaming = true)]</c> route does on
    /// Lambda) and returns the prelude and each chunk as written.
    /// </summary>
    public Task<StreamedTestResponse> StreamAsync(HttpApiEventBuilder request, TestLambdaContext? context = null) =>
        StreamAsync(request.ToJson(), context);

    /// <summary>Streaming mode with a REST API (v1) event.</summary>
    public Task<StreamedTestResponse> StreamAsync(RestApiEventBuilder request, TestLambdaContext? context = null) =>
        StreamAsync(request.ToJson(), context);

    /// <summary>Streaming mode with any event payload.</summary>
    public async Task<StreamedTestResponse> StreamAsync(byte[] eventJson, TestLambdaContext? context = null)
    {
        context ??= new TestLambdaContext();
        var writes = new List<byte[]>();
        Exception? error = null;
        try
        {
            await _invoker.InvokeStreamingAsync(eventJson, context, chunk => { writes.Add(chunk.ToArray()); return Task.CompletedTask; })
                .ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        // Read as the local API Gateway reads a stream: the prelude may end in any write, body bytes may follow it there.
        var splitter = new PreludeSplitter();
        var chunks = new List<byte[]>();
        HttpIntegrationPrelude? prelude = null;
        foreach (var write in writes)
        {
            if (prelude is not null) { chunks.Add(write); continue; }
            if (!splitter.TryAdd(write, out var json, out var rest)) continue;
            prelude = HttpIntegrationPrelude.Parse(json.Span);
            if (!rest.IsEmpty) chunks.Add(rest.ToArray());
        }

        if (prelude is null) throw new InvalidOperationException("The route wrote no prelude (JSON, then 8 NUL bytes).", error);
        var headers = prelude.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        return new StreamedTestResponse(prelude.StatusCode, headers, prelude.Cookies, chunks, error, context);
    }

    /// <summary>
    /// Reads the response payload the way API Gateway reads it (<see cref="ProxyResponseReader"/>, the local API Gateway's
    /// reader too), in the format of the event that was sent: 2.0 for an HTTP API or function URL event, REST otherwise.
    /// </summary>
    internal static RouteTestResponse Read(byte[] eventJson, byte[] payload, TestLambdaContext context)
    {
        var kind = IsPayload20(eventJson) ? ApiKind.Http : ApiKind.Rest;
        var read = ProxyResponseReader.Read(kind, payload, out var error)
                   ?? throw new InvalidOperationException($"API Gateway would reject the route's response ({error}): {Encoding.UTF8.GetString(payload)}");

        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var cookies = new List<string>();
        foreach (var (name, value) in read.Headers)
        {
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)) { cookies.Add(value); continue; }
            if (!headers.TryGetValue(name, out var list)) headers[name] = list = new List<string>();
            list.Add(value);
        }
        cookies.AddRange(read.Cookies);

        return new RouteTestResponse(read.StatusCode,
            headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value, StringComparer.OrdinalIgnoreCase),
            cookies, read.Body, read.IsBase64Encoded, Encoding.UTF8.GetString(payload), context);
    }

    /// <summary>Whether the runtime answered in payload 2.0: the event was an HTTP API or function URL one, as the runtime's own decoder tells.</summary>
    private static bool IsPayload20(byte[] eventJson) =>
        EventDecoder.Decode(eventJson) is DecodedEvent.Request { Data.Source: not ApiEventSource.RestApi };
}
