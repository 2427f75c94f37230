using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LambdaRoutes.Mapping;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Security;

/// <summary>
/// Security, as properties over the production path (<see cref="RouteInvoker"/>, both buffered and streaming):
/// whatever a handler throws — secrets in the message, in an inner exception, in the process environment — the answer
/// is Next's bare 500 and carries none of it; CR, LF and NUL never reach a response header, cookie or status line;
/// cookie values are encoded and round-trip.
/// </summary>
public sealed class LeakAndInjectionProperties
{
    private const string EnvName = "LAMBDA_ROUTES_TEST_SECRET";
    private static readonly string EnvSecret = "envsecret-" + Guid.NewGuid().ToString("N");

    static LeakAndInjectionProperties() => Environment.SetEnvironmentVariable(EnvName, EnvSecret);

    private static readonly Gen<string> Secret =
        Gen.ArrayOf(Gen.Elements("A", "b", "7", "Z", "q", "_", "9")).Select(p => "sk_live_" + string.Concat(p) + "X");

    private sealed class SecretException(string secret) : Exception("db password " + secret)
    {
        public override string ToString() => "SecretException: " + secret + "\n   at Db.Connect()";
        public override string? StackTrace => "   at Db.Connect(" + secret + ")";
    }

    /// <summary>The ways a handler can fail, each leaving something secret within reach of the response.</summary>
    private static IApiRoute Failing(int style, string secret) => style switch
    {
        0 => new InlineRoute((_, _) => throw new InvalidOperationException(secret)),
        1 => new InlineRoute(async (_, _) => { await Task.Yield(); throw new SecretException(secret); }),
        2 => new InlineRoute((_, _) => throw new InvalidOperationException("outer", new ArgumentException(secret))),
        3 => new InlineRoute((_, _) => throw new AggregateException(new Exception(secret), new Exception(Environment.GetEnvironmentVariable(EnvName)))),
        4 => new InlineRoute((_, res) =>
        {
            res.Status(201).SetHeader("x-partial", secret);
            res.Write("partial " + secret);
            throw new SecretException(secret);
        }),
        5 => new InlineRoute((_, res) => res.Stream(async s =>
        {
            await s.WriteAsync("chunk ");
            throw new SecretException(secret);
        }, "text/plain")),
        6 => new VerbRoute("api/x.cs").Map("GET", (Func<ApiRequest, RouteResult>)(_ => throw new SecretException(secret))),
        7 => new VerbRoute("api/x.cs").Map("GET", async _ => { await Task.Yield(); throw new InvalidOperationException(Environment.GetEnvironmentVariable(EnvName) + secret); }),
        _ => new InlineRoute((_, res) => { res.Json(new JsonObject { ["ok"] = true }); throw new SecretException(secret); }),
    };

    private static readonly Gen<byte[]> AnyEvent = Gen.Elements(
        new HttpApiEventBuilder().Get("/api/x?q=1").Header("x-trace", "t").ToJson(),
        new HttpApiEventBuilder().AsFunctionUrl().Get("/api/x").ToJson(),
        new RestApiEventBuilder().Get("/api/x").ToJson());

    private static bool Leaks(string text, string secret) =>
        text.Contains(secret, StringComparison.Ordinal) || text.Contains(EnvSecret, StringComparison.Ordinal)
        || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal);

    /// <summary>The payload as text plus its body decoded, so a base64 body cannot hide anything.</summary>
    private static string Visible(byte[] payload)
    {
        var text = Encoding.UTF8.GetString(payload);
        try
        {
            var json = JsonNode.Parse(payload)!;
            if ((bool?)json["isBase64Encoded"] == true && (string?)json["body"] is { } b) text += Encoding.UTF8.GetString(Convert.FromBase64String(b));
        }
        catch (Exception) { /* the streaming prelude is not JSON on its own; the raw text is checked */ }
        return text;
    }

    [Fact]
    public void A_throwing_handler_never_leaks_its_exception_or_the_environment_into_the_response()
    {
        Prop.ForAll(Gen.Choose(0, 8).ToArbitrary(), Secret.ToArbitrary(), AnyEvent.ToArbitrary(), (style, secret, evt) =>
        {
            var invoker = new RouteInvoker(Failing(style, secret), new RouteOptions { Route = "/api/x" });
            var context = new TestLambdaContext();
            var payload = invoker.InvokeAsync(evt, context).GetAwaiter().GetResult();
            var json = JsonNode.Parse(payload)!;
            var status = (int)json["statusCode"]!;
            var text = Visible(payload);
            // Style 8 ended the response before throwing: what it sent stands (Next), and it held no secret.
            var expected = style == 8 ? 200 : 500;
            return (status == expected && !Leaks(text, secret)
                    // Pages-style handlers answer Next's text, verb routes the App Router's empty body (docs/routes.md).
                    && (style == 8 || (string?)json["body"] == (style is 6 or 7 ? "" : "Internal Server Error"))
                    && !text.Contains("x-partial", StringComparison.Ordinal))
                .Label($"style {style}: {status} {text}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_streaming_route_that_throws_sends_the_client_nothing_of_the_exception()
    {
        Prop.ForAll(Gen.Choose(0, 8).ToArbitrary(), Secret.ToArbitrary(), AnyEvent.ToArbitrary(), (style, secret, evt) =>
        {
            var invoker = new RouteInvoker(Failing(style, secret), new RouteOptions { Route = "/api/x", Streaming = true });
            var sent = new MemoryStream();
            try
            {
                invoker.InvokeStreamingAsync(evt, new TestLambdaContext(), b => { sent.Write(b.Span); return Task.CompletedTask; })
                    .GetAwaiter().GetResult();
            }
            catch (SecretException)
            {
                // Mid-stream (style 5): the loop reports it to the Runtime API in the error trailers, not to the client.
            }
            var text = Encoding.UTF8.GetString(sent.ToArray());
            return (!Leaks(text, secret) && text.Length > 0).Label($"style {style}: {text}");
        }).QuickCheckThrowOnFailure();
    }

    // ----- header injection -----

    private static readonly Gen<string> Hostile =
        Gen.ArrayOf(Gen.Elements("a", "X-Ok", " ", "\r", "\n", "\0", "\r\nSet-Cookie: pwned=1", "é", "\t", ";", "=", ":", "\u2028", "\u0085"))
            .Select(string.Concat);

    private static bool HasControl(string s) => s.Any(c => c is '\r' or '\n' or '\0' || (c < 0x20 && c != '\t') || c == 0x7F);

    /// <summary>Every string of the response JSON except the body: header names and values, cookies.</summary>
    private static IEnumerable<string> HeaderStrings(JsonNode json)
    {
        foreach (var key in new[] { "headers", "multiValueHeaders" })
            if (json[key] is JsonObject map)
                foreach (var (name, value) in map)
                {
                    yield return name;
                    if (value is JsonArray arr) foreach (var v in arr) yield return (string?)v ?? "";
                    else if (value is not null) yield return (string?)value ?? "";
                }
        if (json["cookies"] is JsonArray cookies) foreach (var c in cookies) yield return (string?)c ?? "";
    }

    private static readonly string[] Setters = { "SetHeader", "AppendHeader", "SetHeaderArray", "SetCookie", "CookiePath", "Redirect", "VerbHeader", "VerbCookie", "VerbRedirect" };

    private static IApiRoute Setting(string setter, string name, string value) => setter switch
    {
        "SetHeader" => new InlineRoute((_, res) => res.SetHeader(name, value).Send("ok")),
        "AppendHeader" => new InlineRoute((_, res) => res.AppendHeader(name, value).Send("ok")),
        "SetHeaderArray" => new InlineRoute((_, res) => res.SetHeader("x-list", new[] { "fine", value }).Send("ok")),
        "SetCookie" => new InlineRoute((_, res) => res.SetCookie(name, value).Send("ok")),
        "CookiePath" => new InlineRoute((_, res) => res.SetCookie("c", "v", new CookieOptions { Path = value, Domain = name }).Send("ok")),
        "Redirect" => new InlineRoute((_, res) => res.Redirect(value)),
        "VerbHeader" => new VerbRoute("api/x.cs").Map("GET", _ => NextResponse.Text("ok").WithHeader(name, value)),
        "VerbCookie" => new VerbRoute("api/x.cs").Map("GET", _ => NextResponse.Text("ok").WithCookie(name, value)),
        _ => new VerbRoute("api/x.cs").Map("GET", _ => NextResponse.Redirect(value)),
    };

    [Fact]
    public void Cr_lf_and_nul_never_reach_a_response_header_or_cookie()
    {
        Prop.ForAll(Gen.Elements(Setters).ToArbitrary(), Gen.Zip(Hostile, Hostile).ToArbitrary(), AnyEvent.ToArbitrary(),
            (setter, header, evt) =>
            {
                var (name, value) = header;
                var payload = new RouteInvoker(Setting(setter, name, value), new RouteOptions { Route = "/api/x" })
                    .InvokeAsync(evt, new TestLambdaContext()).GetAwaiter().GetResult();
                var json = JsonNode.Parse(payload)!;
                var status = (int)json["statusCode"]!;
                var clean = HeaderStrings(json).All(s => !HasControl(s));
                // A value with CR/LF/NUL is refused (500) unless the setter encodes it (a cookie value).
                var encodes = setter is "SetCookie" or "VerbCookie";
                var mustRefuse = !encodes && setter != "CookiePath" && HasControl(value);
                return (clean && (!mustRefuse || status == 500) && status is 200 or 307 or 500)
                    .Label($"{setter}({Show(name)}, {Show(value)}) → {status} {Encoding.UTF8.GetString(payload)}");
            }).QuickCheckThrowOnFailure();
    }

    private static string Show(string s) => System.Text.Json.JsonSerializer.Serialize(s, Json.RuntimeJsonContext.Default.String);

    [Fact]
    public void Cookie_values_are_percent_encoded_and_read_back_unchanged()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), wrapped =>
        {
            var value = wrapped.Get;
            if (value.Any(char.IsSurrogate) && !IsWellFormed(value)) return true.Label("lone surrogate: not a string a cookie can carry");
            var payload = new RouteInvoker(new InlineRoute((_, res) => res.SetCookie("session", value).Send("ok")), new RouteOptions { Route = "/api/x" })
                .InvokeAsync(new HttpApiEventBuilder().Get("/api/x").ToJson(), new TestLambdaContext()).GetAwaiter().GetResult();
            var cookie = (string)JsonNode.Parse(payload)!["cookies"]![0]!;
            var pair = cookie.Split("; ")[0];
            // RFC 6265 cookie-octets only: no CTLs, whitespace, DQUOTE, comma, semicolon or backslash.
            var octets = pair["session=".Length..].All(c => c is '!' or (>= '#' and <= '+') or (>= '-' and <= ':') or (>= '<' and <= '[') or (>= ']' and <= '~'));
            var back = CookieParser.Parse(new[] { pair })["session"];
            return (octets && back == value).Label($"{Show(value)} → {cookie} → {Show(back)}");
        }).QuickCheckThrowOnFailure();
    }

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }
}
