using System.Net;
using LambdaRoutes.Dev.Tests.Support;

namespace LambdaRoutes.Dev.Tests.Dev;

/// <summary>The default mode (in-process, HTTP API 2.0): the shared behaviour, plus what only this mode has.</summary>
public sealed class InProcessHttpApiTests(InProcessHttpApiFixture fixture) : RouteBehaviourTests(fixture), IClassFixture<InProcessHttpApiFixture>
{
    [Fact]
    public async Task Routes_run_in_this_process_with_their_settings()
    {
        using var response = await Client.GetAsync("/api/echo");
        var body = await JsonOf(response);

        Assert.Equal(Environment.ProcessId, body["pid"]!.GetValue<int>());
        Assert.Equal("Hello-ApiEcho", body["function"]!.GetValue<string>());
        Assert.Equal(256, body["memory"]!.GetValue<int>());
        Assert.Equal("HttpApi", body["source"]!.GetValue<string>());
    }
}

/// <summary>The default mode with <c>--rest</c>: payload v1 and REST's error answers.</summary>
public sealed class InProcessRestApiTests(InProcessRestApiFixture fixture) : IClassFixture<InProcessRestApiFixture>
{
    [Fact]
    public async Task Rest_events_reach_the_route_and_map_back()
    {
        using var response = await fixture.Client.GetAsync("/api/echo?tag=a&tag=b");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("RestApi", body["source"]!.GetValue<string>());
        Assert.Equal(2, body["query"]!["tag"]!.AsArray().Count);
        Assert.Equal(2, response.Headers.GetValues("Set-Cookie").Count());
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task Function_error_is_rests_502()
    {
        using var response = await fixture.Client.GetAsync("/api/broken");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("{\"message\": \"Internal server error\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_path_is_rests_403_missing_authentication_token()
    {
        using var response = await fixture.Client.GetAsync("/nowhere");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("{\"message\":\"Missing Authentication Token\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task A_response_without_a_content_type_gets_rests_application_json()
    {
        // The runtime's automatic 405 of a verb route has no body and names no content type.
        using var response = await fixture.Client.DeleteAsync("/api/notes");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Binary_upload_arrives_base64_and_decoded()
    {
        var bytes = new byte[] { 0, 1, 2, 250, 251, 252 };
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("image/png");

        using var response = await fixture.Client.PostAsync("/api/echo", content);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(Convert.ToBase64String(bytes), body["bytes"]!.GetValue<string>());
        var sent = System.Text.Json.JsonDocument.Parse(fixture.LastEvent("/api/echo")).RootElement;
        Assert.True(sent.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(Convert.ToBase64String(bytes), sent.GetProperty("body").GetString());
    }
}
