using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LambdaRoutes.Mapping;
using LambdaRoutes.Routing;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Properties;

/// <summary>
/// Property tests: genuine events mutated at random, and random paths, queries and cookie headers, never make the
/// runtime throw; every invocation is answered with a well-formed response and a status, and nothing of an exception
/// reaches the body (docs/runtime.md).
/// </summary>
public sealed class MutatedEventProperties
{
    private static readonly byte[][] Events = Fixtures.EventNames().Select(Fixtures.Event).ToArray();

    private static readonly RouteInvoker Invoker = new(
        new InlineRoute((req, res) => res.Json(new JsonObject
        {
            ["query"] = req.Query.ToJson(),
            ["cookies"] = req.Cookies.Count,
            ["body"] = req.Body.Kind.ToString(),
        })),
        new RouteOptions { Route = "/[[...rest]]" });

    /// <summary>A fixture and a handful of byte overwrites, insertions of JSON-significant bytes, or a truncation.</summary>
    private static readonly Gen<byte[]> MutatedEvent =
        from index in Gen.Choose(0, Events.Length - 1)
        from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Elements<byte>(
            (byte)'"', (byte)'{', (byte)'}', (byte)'[', (byte)',', (byte)':', (byte)'\\', (byte)'%', (byte)'/', 0x00, 0x0D, 0x0A,
            0x80, 0xC3, 0xE2, 0xFF, (byte)'a', (byte)'0', (byte)'n')))
        from truncate in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Mutate(Events[index], edits, truncate);

    private static byte[] Mutate(byte[] source, IEnumerable<(int, byte)> edits, bool truncate)
    {
        var bytes = source.ToList();
        foreach (var (at, value) in edits.Take(8))
        {
            var i = at % bytes.Count;
            if (at % 2 == 0) bytes[i] = value;
            else bytes.Insert(i, value);
        }
        return truncate ? bytes.Take(bytes.Count / 2).ToArray() : bytes.ToArray();
    }

    [Fact]
    public void Any_mutated_event_gets_a_well_formed_answer_and_leaks_nothing()
    {
        Prop.ForAll(MutatedEvent.ToArbitrary(), evt =>
        {
            var context = new TestLambdaContext();
            var payload = Invoker.InvokeAsync(evt, context).GetAwaiter().GetResult();
            var json = JsonNode.Parse(payload)!.AsObject();
            var status = (int)json["statusCode"]!;
            var body = (string?)json["body"] ?? "";
            return status is >= 200 and < 600
                   && json.ContainsKey("isBase64Encoded")
                   && !body.Contains("Exception", StringComparison.Ordinal)
                   && !body.Contains("   at ", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decoding_never_throws_on_arbitrary_bytes()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var decoded = EventDecoder.Decode(bytes);
            return decoded is DecodedEvent.InvalidJson or DecodedEvent.UnknownShape or DecodedEvent.Request;
        }).QuickCheckThrowOnFailure();
    }

    private static readonly Gen<string> PathLike =
        Gen.ListOf(Gen.Elements("api", "users", "a%2Fb", "%E2%9C%93", "%zz", "%", "..", ".", "", "x y", "%00", "\\", "é"))
            .Select(parts => "/" + string.Join("/", parts));

    [Fact]
    public void Route_matching_and_normalising_never_throw_and_catch_alls_keep_segments_as_data()
    {
        var patterns = new[] { "/api/[id]", "/api/users/[...slug]", "/api/[[...rest]]", "/api", "/[a]/[b]" }.Select(RoutePattern.Parse).ToArray();
        Prop.ForAll(PathLike.ToArbitrary(), path =>
        {
            var normal = PathNormalizer.RedirectTarget(path) ?? path;
            foreach (var pattern in patterns)
            {
                var match = pattern.Match(normal);
                // "..", "%2F" and "%00" stay inside their own segment: a catch-all has exactly as many values as segments it took.
                if (match.Kind == RouteMatchKind.Matched && pattern.Text == "/api/[[...rest]]" && match.Params.ContainsKey("rest")
                    && match.Params.GetAll("rest").Count != normal.Split('/').Length - 2)
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Query_and_cookie_parsing_never_throw()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var query = QueryStringParser.Parse(text);
            var cookies = CookieParser.Parse(new[] { text ?? "" });
            return query.Count >= 0 && cookies.Count >= 0 && query.ToJson() is not null;
        }).QuickCheckThrowOnFailure();
    }
}
