using System.Text.Json.Nodes;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>Each built bootstrap, run as Lambda runs it, answers real events over the Runtime API protocol.</summary>
[Collection(BuiltAppCollection.Name)]
public sealed class BootstrapAnswerTests(BuiltAppFixture built)
{
    private string Bootstrap(string id) => Path.Combine(built.OutDir, id, "bootstrap");

    /// <summary>HTTP header names are case-insensitive; the response keeps whatever case the route used.</summary>
    private static string? Header(JsonObject response, string name) =>
        (string?)response["headers"]!.AsObject().FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Fact]
    public async Task The_static_route_answers_an_HTTP_API_event_with_a_user_type_from_the_apps_JSON_context()
    {
        built.AssertBuilt();

        var invocation = await BootstrapRunner.InvokeAsync(Bootstrap("ApiHello"), GatewayEvents.HttpApi("GET", "/api/hello"));

        Assert.Equal(0, invocation.ExitCode);
        Assert.Equal("response", invocation.Kind);
        Assert.Equal(200, (int)invocation.Response["statusCode"]!);
        Assert.Equal("yes", Header(invocation.Response, "x-shop"));
        Assert.StartsWith("application/json", Header(invocation.Response, "content-type"));
        Assert.Equal("""{"message":"hello","items":2}""", (string?)invocation.Response["body"]);
    }

    [Theory]
    [InlineData("/api/items/2", 200, """{"id":"2","name":"Coffee","price":4.25}""")]
    [InlineData("/api/items/99", 404, """{"error":"no item 99"}""")]
    public async Task The_dynamic_route_reads_its_param_and_answers_with_the_right_status(string path, int status, string body)
    {
        built.AssertBuilt();

        var invocation = await BootstrapRunner.InvokeAsync(Bootstrap("ApiItemsId"), GatewayEvents.HttpApi("GET", path));

        Assert.Equal(0, invocation.ExitCode);
        Assert.Equal(status, (int)invocation.Response["statusCode"]!);
        Assert.Equal(body, (string?)invocation.Response["body"]);
    }

    [Fact]
    public async Task The_dynamic_route_answers_a_REST_API_event_too()
    {
        built.AssertBuilt();

        var invocation = await BootstrapRunner.InvokeAsync(Bootstrap("ApiItemsId"), GatewayEvents.RestApi("GET", "/api/items/1", "/api/items/{id}"));

        Assert.Equal(0, invocation.ExitCode);
        Assert.Equal(200, (int)invocation.Response["statusCode"]!);
        Assert.Equal("""{"id":"1","name":"Tea","price":3.5}""", (string?)invocation.Response["body"]);
    }
}
