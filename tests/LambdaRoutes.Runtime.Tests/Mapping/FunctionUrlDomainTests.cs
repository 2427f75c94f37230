using System.Text;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Runtime.Tests.Mapping;

/// <summary>
/// A 2.0 event is a function URL's when its domain holds <c>.lambda-url.</c> in any ASCII case
/// (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html); anything else is an HTTP API's.
/// </summary>
public sealed class FunctionUrlDomainTests
{
    [Theory]
    [InlineData("abcdefg.lambda-url.us-east-1.on.aws", ApiEventSource.FunctionUrl)]
    [InlineData("ABCDEFG.LAMBDA-URL.US-EAST-1.ON.AWS", ApiEventSource.FunctionUrl)]
    [InlineData("a.b.Lambda-Url.x", ApiEventSource.FunctionUrl)]
    [InlineData(".lambda-url.", ApiEventSource.FunctionUrl)]
    [InlineData("id.execute-api.us-east-1.amazonaws.com", ApiEventSource.HttpApi)]
    [InlineData("x.lambda-url", ApiEventSource.HttpApi)]
    [InlineData("x.lambda-urlx.example", ApiEventSource.HttpApi)]
    [InlineData("x.lambdaxurl.example", ApiEventSource.HttpApi)]
    [InlineData("x.lambda-\u00fcrl.example", ApiEventSource.HttpApi)]
    [InlineData("", ApiEventSource.HttpApi)]
    public void The_domain_decides_the_source(string domain, ApiEventSource expected)
    {
        var json = "{\"version\":\"2.0\",\"rawPath\":\"/\",\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/\"}," +
                   $"\"domainName\":\"{domain}\"}}}}";

        var decoded = Assert.IsType<DecodedEvent.Request>(EventDecoder.Decode(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(expected, decoded.Data.Source);
    }
}
