using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Cdk;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Mapping;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Events;

/// <summary>
/// The local API Gateway (<c>lambda-routes dev</c>) and the Testing kit's builders write the same event for the same
/// request, byte for byte, and the runtime reads it as a genuine event of its kind (tests/fixtures/events). Only what
/// API Gateway stamps (ids, time, domain, client address, the headers it adds) is handed from the gateway to the kit.
/// </summary>
public sealed class GatewayAndKitEventTests
{
    /// <summary>One client request: what the gateway receives on the wire and what a test writes with the builders.</summary>
    public sealed record ClientRequest(
        string Name, string Method, string RouteMethod, string Template, string RawPath, string RawQuery,
        (string Name, string Value)[] Headers, (string Name, string Value)[] Cookies, byte[] Body)
    {
        public override string ToString() => Name;
    }

    private static readonly byte[] EveryByte = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

    public static TheoryData<ApiKind, ClientRequest> Requests()
    {
        ClientRequest[] requests =
        [
            new("repeated query keys, + and %20", "GET", "ANY", "/api/search", "/api/search", "tag=a&tag=b&q=x%20y+z&empty=&flag",
                [("Accept", "application/json"), ("User-Agent", "kit-vs-gateway/1")], [], []),
            new("cookies, a JSON body, a path parameter", "POST", "ANY", "/api/users/{id}", "/api/users/42", "",
                [("Content-Type", "application/json")], [("session", "abc"), ("theme", "dark mode")], Encoding.UTF8.GetBytes("{\"name\":\"Adá\"}")),
            new("a binary body on a catch-all", "PUT", "PUT", "/api/files/{proxy+}", "/api/files/2024/a%20b/c.png", "v=1",
                [("Content-Type", "image/png")], [], EveryByte),
            new("repeated headers, no body, a bare optional catch-all parent", "DELETE", "ANY", "/api/docs", "/api/docs", "",
                [("X-Multi", "one"), ("x-multi", "two"), ("X-Other", "3")], [], []),
            new("an encoded slash in a parameter and a form body", "PATCH", "ANY", "/api/items/{id}", "/api/items/a%2Fb", "x=%26",
                [("Content-Type", "application/x-www-form-urlencoded")], [("c", "1")], Encoding.UTF8.GetBytes("a=1&b=2")),
        ];
        var data = new TheoryData<ApiKind, ClientRequest>();
        foreach (var kind in new[] { ApiKind.Http, ApiKind.Rest })
            foreach (var request in requests) data.Add(kind, request);
        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Gateway_and_kit_write_the_same_bytes(ApiKind kind, ClientRequest client)
    {
        var (gateway, kit) = BothEvents(kind, client);

        Assert.Equal(Encoding.UTF8.GetString(gateway), Encoding.UTF8.GetString(kit));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_event_reads_as_a_genuine_one_of_its_kind(ApiKind kind, ClientRequest client)
    {
        var (written, _) = BothEvents(kind, client);

        var decoded = Assert.IsType<DecodedEvent.Request>(EventDecoder.Decode(written)).Data;
        Assert.Equal(kind == ApiKind.Rest ? ApiEventSource.RestApi : ApiEventSource.HttpApi, decoded.Source);
        Assert.Equal(client.Method, decoded.Method);
        Assert.Equal(client.Body, decoded.Body);
        var genuine = Fixtures.EventNames().Where(n => n.StartsWith(kind == ApiKind.Rest ? "rest-v1-" : "http-v2-", StringComparison.Ordinal))
            .Select(n => JsonNode.Parse(Fixtures.Event(n))!.AsObject()).ToList();
        var ours = JsonNode.Parse(written)!.AsObject();
        Assert.Empty(ours.Select(p => p.Key).Except(genuine.SelectMany(g => g.Select(p => p.Key))));
        Assert.Empty(ours["requestContext"]!.AsObject().Select(p => p.Key)
            .Except(genuine.SelectMany(g => g["requestContext"]!.AsObject().Select(p => p.Key))));
    }

    [Fact]
    public void A_changed_request_changes_the_bytes()
    {
        // The comparison above can fail: the same request with one more query value is another event.
        var client = (ClientRequest)Requests().First()[1];
        var (gateway, _) = BothEvents(ApiKind.Http, client);
        var (_, kit) = BothEvents(ApiKind.Http, client with { RawQuery = client.RawQuery + "&tag=c" });

        Assert.NotEqual(Encoding.UTF8.GetString(gateway), Encoding.UTF8.GetString(kit));
    }

    private static (byte[] Gateway, byte[] Kit) BothEvents(ApiKind kind, ClientRequest client)
    {
        var headers = client.Headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList();
        if (client.Cookies.Length > 0)
            headers.Add(new("Cookie", string.Join("; ", client.Cookies.Select(c => c.Name + "=" + Uri.EscapeDataString(c.Value)))));
        var incoming = new IncomingRequest(client.Method, client.RawPath, client.RawQuery, headers, client.Body, "10.1.2.3", "HTTP/1.1",
            "localhost:3000", 3000, new DateTimeOffset(2026, 3, 10, 5, 16, 23, 123, TimeSpan.Zero));
        var router = new GatewayRouter([new GatewayRoute("Route", client.Template, client.RouteMethod)]);
        var match = router.Match(client.Method, client.RawPath) ?? throw new InvalidOperationException($"{client.Template} does not match {client.RawPath}");
        var proxy = GatewayEvent.Request(kind, incoming, match, new GatewayStamp("req-1", "ext-1", "Root=1-00000000-000000000000000000000000"));
        var gateway = GatewayEvent.Write(kind, proxy);

        var target = client.RawPath + (client.RawQuery.Length > 0 ? "?" + client.RawQuery : "");
        byte[] kit;
        if (kind == ApiKind.Rest)
        {
            var rest = new RestApiEventBuilder().Request(client.Method, target).Resource(client.Template);
            Fill(rest, client);
            rest.Stamp = proxy.Context;
            kit = rest.ToJson();
        }
        else
        {
            var http = new HttpApiEventBuilder().Request(client.Method, target).Route(client.Template, client.RouteMethod);
            Fill(http, client);
            http.Stamp = proxy.Context;
            kit = http.ToJson();
        }

        return (gateway, kit);
    }

    private static void Fill<T>(EventBuilder<T> builder, ClientRequest client) where T : EventBuilder<T>
    {
        // A body comes with its Content-Type header, where the client sent it.
        foreach (var (name, value) in client.Headers)
        {
            if (name == "Content-Type" && client.Body.Length > 0) builder.Body(client.Body, value);
            else builder.Header(name, value);
        }
        foreach (var (name, value) in client.Cookies) builder.Cookie(name, value);
    }
}
