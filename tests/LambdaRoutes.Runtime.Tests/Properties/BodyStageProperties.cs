using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Properties;

/// <summary>
/// The body stage is total: whatever the Content-Type (media type, charset, boundary) and whatever the bytes, an
/// invocation is answered — a handler-style route with 200 or one of the parser's documented 400s, a verb-style route
/// (which parses nothing until asked) always by its handler. An exception escaping <see cref="RouteInvoker.InvokeAsync"/>
/// is what makes the loop post <c>/invocation/error</c> (a 502 at API Gateway), so none may.
/// </summary>
public sealed class BodyStageProperties
{
    private static readonly RouteInvoker HandlerStyle = new(
        new InlineRoute((req, res) => res.Json(new JsonObject { ["kind"] = req.Body.Kind.ToString(), ["text"] = req.Body.Text })),
        new RouteOptions { Route = "/api/x" });

    private static readonly RouteInvoker VerbStyle = new(
        new VerbRoute().Map("POST", req => NextResponse.Json(new JsonObject { ["length"] = req.Bytes().Length, ["text"] = req.Text() })),
        new RouteOptions { Route = "/api/x" });

    /// <summary>Charset names .NET knows, knows but refuses (UTF-7), and never heard of, in the spellings clients send.</summary>
    private static readonly Gen<string> Charset = Gen.OneOf(
        Gen.Elements("utf-8", "UTF-8", "\"utf-8\"", "utf8", "utf-7", "UTF-7", "\"utf-7\"", "utf-16", "utf-16be", "utf-16le", "utf-32",
            "utf-32be", "unicode", "latin1", "iso-8859-1", "us-ascii", "ascii", "windows-1252", "shift_jis", "gb2312", "cp65000",
            "65000", "x-unknown", "", "\"\"", "utf-8\u0000", "utf-8; charset=utf-7"),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static readonly Gen<string> MediaType = Gen.Elements(
        "application/json", "application/ld+json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
        "multipart/form-data", "text/plain", "application/octet-stream", "text/html", "Application/JSON", "");

    private static readonly Gen<byte[]> Body = Gen.OneOf(
        ArbMap.Default.GeneratorFor<byte[]>().Select(b => b ?? Array.Empty<byte>()),
        Gen.Elements("{\"a\":1}", "[1,2", "a=1&b=%zz", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--\r\n", "", "+/v8-")
            .Select(Encoding.UTF8.GetBytes),
        ArbMap.Default.GeneratorFor<string>().Select(s => Encoding.Unicode.GetBytes(s ?? "")));

    private static readonly Gen<(string ContentType, byte[] Body)> Request =
        from media in MediaType
        from charset in Charset
        from withCharset in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from body in Body
        select (withCharset ? $"{media}; charset={charset}" : media, body);

    private static JsonObject Invoke(RouteInvoker invoker, (string ContentType, byte[] Body) request) =>
        JsonNode.Parse(invoker.InvokeAsync(
            new HttpApiEventBuilder().Post("/api/x").Body(request.Body, request.ContentType).ToJson(), new TestLambdaContext())
            .GetAwaiter().GetResult())!.AsObject();

    [Fact]
    public void A_handler_style_route_answers_every_content_type_and_charset_with_200_or_a_documented_400()
    {
        Prop.ForAll(Request.ToArbitrary(), request =>
        {
            var answer = Invoke(HandlerStyle, request);
            var status = (int)answer["statusCode"]!;
            var body = (string?)answer["body"] ?? "";
            return (status == 200 || (status == 400 && (body is "Invalid body" or "Invalid JSON"
                                                        || body.StartsWith("Invalid multipart/form-data body: ", StringComparison.Ordinal))))
                .Label($"{request.ContentType} → {status} {body}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_verb_style_route_runs_its_handler_for_every_content_type_and_charset()
    {
        Prop.ForAll(Request.ToArbitrary(), request =>
        {
            var answer = Invoke(VerbStyle, request);
            var status = (int)answer["statusCode"]!;
            var body = JsonNode.Parse((string)answer["body"]!)!;
            return (status == 200 && (int)body["length"]! == request.Body.Length).Label($"{request.ContentType} → {status}");
        }).QuickCheckThrowOnFailure();
    }
}
