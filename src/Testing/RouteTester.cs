using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaRoutes.Events;

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
        return Read(payload, context);
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

        if (writes.Count == 0) throw new InvalidOperationException("The route wrote no prelude.", error);
        var first = writes[0];
        var delimiter = first.AsSpan().IndexOf(new byte[8]);
        if (delimiter < 0) throw new InvalidOperationException("The first chunk holds no 8-NUL prelude delimiter.");
        using var prelude = JsonDocument.Parse(first.AsMemory(0, delimiter));
        var root = prelude.RootElement;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in root.GetProperty("headers").EnumerateObject()) headers[h.Name] = h.Value.GetString() ?? "";
        if (root.TryGetProperty("multiValueHeaders", out var multi))
            foreach (var h in multi.EnumerateObject()) headers[h.Name] = string.Join(", ", h.Value.EnumerateArray().Select(v => v.GetString()));
        var cookies = root.GetProperty("cookies").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
        var chunks = new List<byte[]>();
        if (first.Length > delimiter + 8) chunks.Add(first[(delimiter + 8)..]);
        chunks.AddRange(writes.Skip(1));
        return new StreamedTestResponse(root.GetProperty("statusCode").GetInt32(), headers, cookies, chunks, error, context);
    }

    /// <summary>Reads a response payload of either format (the two differ only in <c>multiValueHeaders</c> vs <c>cookies</c>).</summary>
    internal static RouteTestResponse Read(byte[] payload, TestLambdaContext context)
    {
        var text = Encoding.UTF8.GetString(payload);
        var v1 = JsonSerializer.Deserialize(payload, EventJsonContext.Wire.APIGatewayProxyResponse)
                 ?? throw new InvalidOperationException("The runtime returned an empty response payload.");
        var v2 = JsonSerializer.Deserialize(payload, EventJsonContext.Wire.APIGatewayHttpApiV2ProxyResponse)!;

        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var cookies = new List<string>();
        void Add(string name, string value)
        {
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)) { cookies.Add(value); return; }
            if (!headers.TryGetValue(name, out var list)) headers[name] = list = new List<string>();
            list.Add(value);
        }
        foreach (var (name, values) in v1.MultiValueHeaders ?? new()) foreach (var v in values) Add(name, v);
        foreach (var (name, value) in v1.Headers ?? new())
            if (v1.MultiValueHeaders?.ContainsKey(name) != true) Add(name, value); // same name in both: multiValueHeaders wins (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html)
        cookies.AddRange(v2.Cookies ?? new());

        var body = v1.Body is null ? Array.Empty<byte>()
            : v1.IsBase64Encoded ? Convert.FromBase64String(v1.Body) : Encoding.UTF8.GetBytes(v1.Body);
        return new RouteTestResponse(v1.StatusCode,
            headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value, StringComparer.OrdinalIgnoreCase),
            cookies, body, v1.IsBase64Encoded, text, context);
    }
}
