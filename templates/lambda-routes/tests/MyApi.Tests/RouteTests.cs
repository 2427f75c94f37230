using LambdaRoutes.Testing;
using MyApi.Api;
using MyApi.Api.Files;

namespace MyApi.Tests;

/// <summary>Each route on API Gateway events built in memory: no server, no AWS.</summary>
public class RouteTests
{
    private readonly RouteTester _hello = new(new Hello(), "/api/hello", AppJson.Default);
    private readonly RouteTester _notes = RouteTester.ForVerbs(typeof(Notes), "/api/notes", AppJson.Default);
    private readonly RouteTester _files = new(new FileByPath(), "/api/files/[...path]", AppJson.Default);

    [Fact]
    public async Task Hello_greets_by_name()
    {
        var res = await _hello.GetAsync("/api/hello?name=Ada");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("Hello, Ada!", res.Json()!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hello_refuses_other_methods()
    {
        var res = await _hello.SendAsync(new HttpApiEventBuilder().Post("/api/hello"));

        Assert.Equal(405, res.StatusCode);
        Assert.Equal("GET, HEAD", res.Header("allow"));
    }

    [Fact]
    public async Task Notes_creates_a_note_from_a_typed_json_body()
    {
        var res = await _notes.SendAsync(new HttpApiEventBuilder().Post("/api/notes").Body("""{"text":" Ship it "}""", "application/json"));

        Assert.Equal(201, res.StatusCode);
        Assert.Equal("""{"id":"3","text":"Ship it"}""", res.Body);
        Assert.Equal("/api/notes/3", res.Header("location"));
    }

    [Fact]
    public async Task Notes_without_text_is_a_400()
    {
        var res = await _notes.SendAsync(new HttpApiEventBuilder().Post("/api/notes").Body("{}", "application/json"));

        Assert.Equal(400, res.StatusCode);
    }

    [Fact]
    public async Task The_catch_all_gets_every_segment()
    {
        var res = await _files.GetAsync("/api/files/docs/readme.md");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("docs/readme.md", res.Json()!["path"]!.GetValue<string>());
        Assert.Equal(2, res.Json()!["segments"]!.AsArray().Count);
    }
}
