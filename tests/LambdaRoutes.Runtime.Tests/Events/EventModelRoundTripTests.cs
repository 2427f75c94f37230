using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaRoutes.Events;
using LambdaRoutes.Mapping;
using LambdaRoutes.Runtime.Tests.Support;

namespace LambdaRoutes.Runtime.Tests.Events;

/// <summary>
/// The event models (what the Testing kit's builders emit) carry every field of the genuine events under AWS's exact
/// names: bind, re-encode and compare property by property (nulls aside — the wire contract omits them, aws-lambda-dotnet Libraries/src/Amazon.Lambda.Serialization.SystemTextJson/AbstractLambdaJsonSerializer.cs).
/// The runtime itself reads events with <see cref="EventReader"/>; the decoder picks the model to bind here.
/// </summary>
public sealed class EventModelRoundTripTests
{
    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Fixtures.EventNames()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Decoded_model_re_encodes_to_the_same_json(string fixture)
    {
        var bytes = Fixtures.Event(fixture);
        var decoded = EventDecoder.Decode(bytes);

        var reencoded = decoded switch
        {
            DecodedEvent.Request { Data.Source: ApiEventSource.RestApi } => JsonSerializer.SerializeToNode(
                JsonSerializer.Deserialize(bytes, EventJsonContext.Wire.APIGatewayProxyRequest)!, EventJsonContext.Wire.APIGatewayProxyRequest),
            DecodedEvent.Request => JsonSerializer.SerializeToNode(
                JsonSerializer.Deserialize(bytes, EventJsonContext.Wire.APIGatewayHttpApiV2ProxyRequest)!, EventJsonContext.Wire.APIGatewayHttpApiV2ProxyRequest),
            _ => throw new Xunit.Sdk.XunitException($"{fixture} decoded as {decoded}"),
        };

        var expected = WithoutNulls(JsonNode.Parse(bytes)!);
        // REST events without isBase64Encoded still get the (false) flag written back; that is the only addition.
        if (expected is JsonObject o && !o.ContainsKey("isBase64Encoded") && reencoded is JsonObject r2 && !(bool)r2["isBase64Encoded"]!)
            r2.Remove("isBase64Encoded");
        // Free-form objects (authorizer) are kept verbatim, nulls included; compare both sides without nulls.
        AssertSameJson(expected, WithoutNulls(reencoded!), "$");
    }

    [Theory]
    [InlineData("function-url-get-cookies.json", true)]
    [InlineData("http-v2-cookies.json", false)]
    [InlineData("http-v2-post-json.json", false)]
    [InlineData("http-v2-proxy-put-json.json", false)]
    public void Function_urls_are_told_from_http_apis_by_their_domain(string fixture, bool isFunctionUrl)
    {
        var decoded = Assert.IsType<DecodedEvent.Request>(EventDecoder.Decode(Fixtures.Event(fixture)));
        Assert.Equal(isFunctionUrl ? ApiEventSource.FunctionUrl : ApiEventSource.HttpApi, decoded.Data.Source);
    }

    [Fact]
    public void Http_api_payload_1_0_is_read_as_the_rest_shape()
    {
        var v1 = "{\"version\":\"1.0\",\"httpMethod\":\"GET\",\"path\":\"/x\",\"requestContext\":{\"stage\":\"$default\"}}"u8.ToArray();
        Assert.Equal(ApiEventSource.RestApi, Assert.IsType<DecodedEvent.Request>(EventDecoder.Decode(v1)).Data.Source);
    }

    private static JsonNode WithoutNulls(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                    if (value is not null) copy[key] = WithoutNulls(value);
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(v => v is null ? null : WithoutNulls(v)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private static void AssertSameJson(JsonNode expected, JsonNode actual, string path)
    {
        switch (expected)
        {
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.True(e.Select(p => p.Key).Order().SequenceEqual(a.Select(p => p.Key).Order()),
                    $"{path}: expected keys [{string.Join(",", e.Select(p => p.Key))}] got [{string.Join(",", a.Select(p => p.Key))}]");
                foreach (var (key, value) in e) AssertSameJson(value!, a[key]!, path + "." + key);
                break;
            case JsonArray e:
                var arr = Assert.IsType<JsonArray>(actual);
                Assert.Equal(e.Count, arr.Count);
                for (var i = 0; i < e.Count; i++) AssertSameJson(e[i]!, arr[i]!, $"{path}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()} got {actual.ToJsonString()}");
                break;
        }
    }
}
