using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Events;

/// <summary>
/// Every event of tests/fixtures/events-corpus (where each came from: its SOURCES.md) through the production mapping,
/// one theory case per file: it decodes, the handler sees the request the event describes (<see cref="CorpusEvent"/>),
/// and the answer goes back in the event's own response shape. Events that are none of REST v1, HTTP API 2.0 or
/// function URL get the runtime's defined 400, never a crash.
/// </summary>
public sealed class CorpusMappingTests
{
    /// <summary>An optional catch-all matches every path, so each event reaches the handler (or Next's 308).</summary>
    private const string PathParam = "corpusPath";

    public static TheoryData<string> Files => new(Fixtures.CorpusNames());

    [Fact]
    public void The_corpus_is_there()
    {
        Assert.True(Fixtures.CorpusNames().Count() >= 100, Fixtures.CorpusDirectory);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Event_maps_to_the_request_it_describes(string file)
    {
        var expected = CorpusEvent.From(Fixtures.CorpusEvent(file));
        var (req, res) = await SendAsync(file);

        if (!expected.Recognised)
        {
            Assert.Null(req);
            Assert.Equal(400, res.StatusCode);
            Assert.StartsWith("Unrecognised event", res.Body);
            return;
        }
        if (expected.InvalidBody)
        {
            Assert.Null(req);
            Assert.Equal((400, "Invalid body"), (res.StatusCode, res.Body));
            return;
        }
        if (expected.Path.Length > 1 && expected.Path.EndsWith('/'))
        {
            Assert.Null(req); // Next's trailing-slash redirect answers before any route runs
            Assert.Equal(308, res.StatusCode);
            Assert.StartsWith(expected.Path.TrimEnd('/'), res.Header("location"));
            return;
        }

        Assert.True(req is not null, $"handler did not run: {res.StatusCode} {res.Body}");
        Assert.Equal(expected.Source, req.SourceEvent);
        Assert.Equal(expected.Method, req.Method);
        Assert.Equal(expected.Path, req.Path);
        if (expected.RawQuery is { } raw) Assert.Equal(raw.Length > 0 ? expected.Path + "?" + raw : expected.Path, req.Url);

        var query = req.Query.Where(q => q.Key != PathParam).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        Assert.Equal(Grouped(expected.Query), Grouped(query));

        foreach (var (name, values) in expected.Headers)
            Assert.Equal(values, req.Headers.GetAll(name));
        if (expected.CookieHeader is { } cookie)
        {
            Assert.Equal(cookie, string.Join("; ", req.Headers.GetAll("cookie")));
            foreach (var name in CookieNames(cookie)) Assert.True(req.Cookies.ContainsKey(name), $"cookie {name}");
        }
        else
        {
            Assert.Empty(req.Cookies);
        }

        Assert.Equal(expected.Body, req.Body.Bytes.ToArray());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Answer_goes_back_in_the_events_own_shape(string file)
    {
        var expected = CorpusEvent.From(Fixtures.CorpusEvent(file));
        var (req, res) = await SendAsync(file);
        var payload = JsonNode.Parse(res.Payload)!.AsObject();
        var keys = payload.Select(p => p.Key).ToArray();

        Assert.True(payload["statusCode"] is JsonValue, res.Payload);
        Assert.True(payload["isBase64Encoded"] is JsonValue, res.Payload);
        if (req is null) return; // the refusals above: status and body checked there

        Assert.Equal(201, res.StatusCode);
        Assert.Equal("{\"ok\":true}", (string?)payload["body"]);
        Assert.False((bool)payload["isBase64Encoded"]!);
        if (expected.Source == ApiEventSource.RestApi)
        {
            Assert.Equal(["statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded"], keys);
            Assert.Equal(["a=1; Path=/; HttpOnly", "b=2%203"], payload["multiValueHeaders"]!["Set-Cookie"]!.AsArray().Select(n => (string?)n));
            Assert.Equal(["2", "3"], payload["multiValueHeaders"]!["x-b"]!.AsArray().Select(n => (string?)n));
        }
        else
        {
            Assert.Equal(["statusCode", "headers", "cookies", "body", "isBase64Encoded"], keys);
            Assert.Equal(["a=1; Path=/; HttpOnly", "b=2%203"], payload["cookies"]!.AsArray().Select(n => (string?)n));
            Assert.Equal("2,3", (string?)payload["headers"]!["x-b"]);
            Assert.Null(payload["headers"]!["Set-Cookie"]);
        }
    }

    public static TheoryData<string> FilesWithRouteVariables =>
        new(Fixtures.CorpusNames().Where(f => CorpusEvent.From(Fixtures.CorpusEvent(f)) is { Recognised: true, NextPattern: not null }));

    /// <summary>
    /// Served by the route the event's own template describes (<c>resource</c> or <c>routeKey</c>), the params are the
    /// ones API Gateway computed in <c>pathParameters</c> (decoded, as Next decodes them); a path that does not fit the
    /// template gets Next's answer instead: 308 for a trailing slash, else 404.
    /// </summary>
    [Theory]
    [MemberData(nameof(FilesWithRouteVariables))]
    public async Task Route_params_are_the_ones_api_gateway_computed(string file)
    {
        var expected = CorpusEvent.From(Fixtures.CorpusEvent(file));
        var pattern = expected.NextPattern!;
        var (req, res) = await SendAsync(file, pattern);

        if (!Fits(pattern, expected.Path))
        {
            Assert.Null(req);
            Assert.Equal(expected.Path.Length > 1 && expected.Path.EndsWith('/') ? 308 : 404, res.StatusCode);
            return;
        }
        Assert.True(req is not null, $"{pattern} did not match {expected.Path}: {res.StatusCode} {res.Body}");
        if (PathParametersCopiedFromAnotherEvent.Contains(file))
        {
            // The params come from the path the runtime was given, whatever pathParameters says.
            Assert.Equal(Uri.UnescapeDataString(expected.Path.TrimStart('/')), string.Join('/', req.Params.GetAll("proxy")));
            return;
        }
        foreach (var (name, value) in expected.PathParameters)
        {
            if (pattern.Contains($"[...{name}]", StringComparison.Ordinal))
            {
                Assert.True(req.Params.IsArray(name), name);
                Assert.Equal(Uri.UnescapeDataString(value), string.Join('/', req.Params.GetAll(name)));
            }
            else if (pattern.Contains($"[{name}]", StringComparison.Ordinal))
            {
                Assert.Equal(Uri.UnescapeDataString(value), req.Params[name]);
            }
        }
        Assert.Equal(pattern.Count(c => c == '['), req.Params.Count);
    }

    /// <summary>
    /// Events edited by hand in their source repository so that <c>pathParameters</c> no longer describes the path:
    /// <c>/api/mtlstest</c> with <c>proxy: "api/authtest"</c>, <c>/api/resourcepath/string/foo+bar</c> with <c>proxy: "foo+bar"</c>.
    /// </summary>
    private static readonly HashSet<string> PathParametersCopiedFromAnotherEvent =
        ["dotnet--mtls-request-httpapi-v2.json", "dotnet--encode-plus-in-resource-path.json"];

    /// <summary>Whether a path fits a pattern segment by segment: literals equal, <c>[x]</c> one segment, <c>[...x]</c> at least one.</summary>
    private static bool Fits(string pattern, string path)
    {
        if (!path.StartsWith('/') || (path.Length > 1 && path.EndsWith('/'))) return false;
        var want = pattern.Split('/')[1..];
        var have = path.Split('/')[1..];
        for (var i = 0; i < want.Length; i++)
        {
            if (want[i].StartsWith("[...", StringComparison.Ordinal)) return have.Length > i && have[i].Length > 0;
            if (i >= have.Length || have[i].Length == 0) return false;
            if (!want[i].StartsWith('[') && want[i] != have[i]) return false;
        }
        return want.Length == have.Length;
    }

    /// <summary>Runs a handler that records the request and answers with status, headers, cookies and JSON.</summary>
    private static async Task<(ApiRequest? Request, RouteTestResponse Response)> SendAsync(string file, string pattern = "/[[..." + PathParam + "]]")
    {
        ApiRequest? seen = null;
        var route = new InlineRoute((req, res) =>
        {
            seen = req;
            res.Status(201).AppendHeader("x-b", "2").AppendHeader("x-b", "3");
            res.SetCookie("a", "1", new CookieOptions { Path = "/", HttpOnly = true }).SetCookie("b", "2 3");
            res.Json(new JsonObject { ["ok"] = true });
        });
        var response = await new RouteTester(route, pattern).SendAsync(Fixtures.CorpusEvent(file));
        return (seen, response);
    }

    private static Dictionary<string, string[]> Grouped(IEnumerable<KeyValuePair<string, string>> pairs) =>
        pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToArray());

    /// <summary>Names of the <c>name=value</c> pairs of a Cookie header (pairs without <c>=</c> are not cookies).</summary>
    private static IEnumerable<string> CookieNames(string header) => header
        .Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim().Length > 0).Select(p => p[0].Trim());
}
