using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Runtime.Tests.Mapping;

/// <summary>
/// The one-pass event reader binds like AWS's event models did with JsonSerializer (aws-lambda-dotnet Libraries/src/Amazon.Lambda.Serialization.SystemTextJson/AbstractLambdaJsonSerializer.cs): names are
/// case-insensitive, null means absent, unknown fields are skipped at any depth, and a known field of the wrong type
/// is refused with its name.
/// </summary>
public sealed class EventReaderTests
{
    private static EventFields Read(string json) => EventReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Names_match_case_insensitively_and_escaped_names_are_decoded()
    {
        var fields = Read("{\"VERSION\":\"2.0\",\"RawPath\":\"/a\",\"raw\\u0051ueryString\":\"x=1\"," +
                          "\"requestContext\":{\"HTTP\":{\"Method\":\"PUT\"},\"domainname\":\"d.example\",\"Stage\":\"beta\"}}");

        Assert.Equal(("2.0", "/a", "x=1"), (fields.Version, fields.RawPath, fields.RawQueryString));
        Assert.Equal(("PUT", "d.example", "beta"), (fields.RequestMethod, fields.DomainName, fields.Stage));
    }

    [Theory]
    [InlineData("plain ascii /a?b=c")]
    [InlineData("")]
    [InlineData("caf\u00e9 \u00fcber \ud83d\ude00")]
    [InlineData("quote \\\" backslash \\\\ tab \\t escaped \\u0041")]
    public void Strings_and_names_decode_exactly_as_GetString_does(string quoted)
    {
        // quoted is the text between the quotes as it appears in the event (escapes still escaped).
        var text = $"\"{quoted}\"";
        var expected = JsonSerializer.Deserialize<string>(text)!;
        var fields = Read($"{{\"rawPath\":{text},\"headers\":{{{text}:{text}}},\"cookies\":[{text}]}}");

        Assert.Equal(expected, fields.RawPath);
        Assert.Equal(new KeyValuePair<string, string>(expected, expected), Assert.Single(fields.Headers!));
        Assert.Equal(expected, Assert.Single(fields.Cookies!));
    }

    [Fact]
    public void Unknown_fields_are_skipped_at_any_depth_and_nulls_are_absent()
    {
        var fields = Read("{\"extra\":{\"a\":[1,{\"headers\":5}]},\"httpMethod\":\"GET\",\"path\":null,\"headers\":{\"h\":null}," +
                          "\"multiValueHeaders\":{\"m\":[\"1\",null],\"n\":null},\"cookies\":null,\"isBase64Encoded\":null," +
                          "\"requestContext\":{\"authorizer\":{\"http\":{\"method\":\"NO\"}},\"http\":null}}");

        Assert.Equal("GET", fields.HttpMethod);
        Assert.Null(fields.Path);
        Assert.Null(fields.Cookies);
        Assert.False(fields.IsBase64Encoded);
        Assert.Null(fields.RequestMethod); // requestContext.authorizer.http.method is not requestContext.http.method
        Assert.Equal(new KeyValuePair<string, string>("h", ""), Assert.Single(fields.Headers!));
        Assert.Equal(new[] { "1", "" }, fields.MultiValueHeaders![0].Value);
        Assert.Empty(fields.MultiValueHeaders[1].Value);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40_000)]
    public void An_escaped_body_is_the_unescaped_utf8_of_the_json_string_at_any_size(int repeat)
    {
        var text = string.Concat(Enumerable.Repeat("{\"é\":\"a\\b\"}\n", repeat));
        var fields = Read("{\"body\":" + JsonSerializer.Serialize(text) + "}");

        Assert.Equal(Encoding.UTF8.GetBytes(text), fields.Body.ToArray());
    }

    [Fact]
    public void An_unescaped_body_is_the_slice_of_the_payload_it_occupies_not_a_copy()
    {
        var payload = Encoding.UTF8.GetBytes("{\"isBase64Encoded\":true, \"body\" :  \"aGVsbG8=\",\"version\":\"2.0\"}");

        var body = EventReader.Read(payload).Body;

        Assert.True(MemoryMarshal.TryGetArray(body, out var segment));
        Assert.Same(payload, segment.Array);
        Assert.Equal("aGVsbG8=", Encoding.UTF8.GetString(body.Span));
    }

    [Theory]
    [InlineData("{\"headers\":5}", "\"headers\" must be an object")]
    [InlineData("{\"headers\":{\"h\":1}}", "\"headers\" must be a string")]
    [InlineData("{\"cookies\":\"a=1\"}", "\"cookies\" must be an array of strings")]
    [InlineData("{\"cookies\":[1]}", "\"cookies\" must be an array of strings")]
    [InlineData("{\"isBase64Encoded\":\"true\"}", "\"isBase64Encoded\" must be true or false")]
    [InlineData("{\"requestContext\":[]}", "\"requestContext\" must be an object")]
    [InlineData("{\"requestContext\":{\"http\":{\"method\":7}}}", "\"requestContext.http.method\" must be a string")]
    [InlineData("{\"multiValueQueryStringParameters\":{\"q\":\"1\"}}", "\"multiValueQueryStringParameters\" must be an array of strings")]
    public void A_known_field_of_the_wrong_type_is_refused_by_name(string json, string message)
    {
        var error = Assert.Throws<EventReader.WrongTypeException>(() => Read(json));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"version\":\"2.0\"} {}")]
    [InlineData("{\"version\":")]
    public void Not_one_json_object_is_invalid_json(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Read(json));
    }

    [Fact]
    public void Decoder_reports_a_wrong_type_as_an_unknown_shape_naming_the_field()
    {
        var decoded = EventDecoder.Decode("{\"version\":\"2.0\",\"cookies\":{},\"requestContext\":{\"http\":{\"method\":\"GET\"}}}"u8.ToArray());

        var unknown = Assert.IsType<DecodedEvent.UnknownShape>(decoded);
        Assert.Equal("a field has the wrong type: \"cookies\" must be an array of strings", unknown.Reason);
    }
}
