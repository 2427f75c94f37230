using System.Text;
using System.Text.Json;
using LambdaRoutes.Events;
using LambdaRoutes.Http;
using LambdaRoutes.Json;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Runtime.Tests.Mapping;

/// <summary>
/// The hand-written response encoder (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html): exact JSON text, and the same objects AWS's response models
/// read back from it.
/// </summary>
public sealed class ProxyResponseWriterTests
{
    private static ApiResponse Response() => new(new HeaderMap(), new JsonResolver(null));

    private static string Text(byte[] payload) => Encoding.UTF8.GetString(payload);

    [Fact]
    public void Http_api_response_joins_repeated_headers_and_moves_set_cookie_to_cookies()
    {
        var res = Response();
        res.SetHeader("X-Multi", new[] { "a", "b" });
        res.SetHeader("Set-Cookie", new[] { "a=1; Path=/", "b=2" });
        res.Status(201).Send("<p>é</p>");

        var json = Text(ProxyResponseWriter.Write(ApiEventSource.HttpApi, res));

        var etag = res.Headers.Single(h => h.Name == "ETag").Values[0]; // "\"<hash>\"", quotes escaped as \" (relaxed)
        Assert.Equal("{\"statusCode\":201,\"headers\":{\"X-Multi\":\"a,b\",\"ETag\":\"\\\"" + etag[1..^1] + "\\\"\"}," +
                     "\"cookies\":[\"a=1; Path=/\",\"b=2\"],\"body\":\"<p>é</p>\"," +
                     "\"isBase64Encoded\":false}", json);
    }

    [Fact]
    public void Rest_response_puts_single_values_in_headers_and_set_cookie_in_multi_value_headers()
    {
        var res = Response();
        res.SetHeader("X-One", "1");
        res.SetHeader("X-Two", new[] { "a", "b" });
        res.SetHeader("Set-Cookie", "s=1");
        res.Status(200);
        res.End();

        var back = JsonSerializer.Deserialize(ProxyResponseWriter.Write(ApiEventSource.RestApi, res), EventJsonContext.Wire.APIGatewayProxyResponse)!;

        Assert.Equal(200, back.StatusCode);
        Assert.Equal("1", back.Headers!["X-One"]);
        Assert.False(back.Headers.ContainsKey("Set-Cookie"));
        Assert.Equal(new[] { "a", "b" }, back.MultiValueHeaders!["X-Two"]);
        Assert.Equal(new[] { "s=1" }, back.MultiValueHeaders["Set-Cookie"]);
        Assert.Equal("", back.Body);
        Assert.False(back.IsBase64Encoded);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_go_out_as_base64_and_no_headers_means_no_headers_object()
    {
        var res = Response();
        // Written as chunks, so not marked binary: only the UTF-8 check sends it as base64.
        res.Status(200).Write(new byte[] { 0xFF, 0x00, 0x41 });
        res.End();

        var json = Text(ProxyResponseWriter.Write(ApiEventSource.HttpApi, res));

        Assert.Equal("{\"statusCode\":200,\"body\":\"/wBB\",\"isBase64Encoded\":true}", json);
    }

    [Fact]
    public void Unknown_event_answer_is_plain_text_both_integrations_accept()
    {
        var json = Text(ProxyResponseWriter.WriteText(400, "Unrecognised \"event\""));

        Assert.Equal("{\"statusCode\":400,\"headers\":{\"Content-Type\":\"text/plain; charset=utf-8\"},\"body\":\"Unrecognised \\\"event\\\"\",\"isBase64Encoded\":false}", json);
    }
}
