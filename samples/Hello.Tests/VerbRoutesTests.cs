using System.Net.Http.Headers;
using Hello.Api;
using LambdaRoutes.Testing;

namespace Hello.Tests;

/// <summary>The sample's verb-style routes: notes (CORS), upload (bearer + multipart), events (streaming).</summary>
public class VerbRoutesTests
{
    // ForVerbs builds the same VerbRoute the packager generates, with the class's [RouteConfig].
    private readonly RouteTester _notes = RouteTester.ForVerbs(typeof(Notes), "/api/notes", AppJson.Default);
    private readonly RouteTester _upload = RouteTester.ForVerbs(typeof(Upload), "/api/upload", AppJson.Default);
    private readonly RouteTester _events = RouteTester.ForVerbs(typeof(Events), "/api/events", AppJson.Default);

    [Fact]
    public async Task Notes_lists_as_plain_application_json()
    {
        var res = await _notes.GetAsync("/api/notes");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("application/json", res.Header("content-type"));
        Assert.Equal("Buy milk", res.Json()!["notes"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Notes_creates_from_typed_json_and_validates()
    {
        var created = await _notes.SendAsync(new HttpApiEventBuilder().Post("/api/notes").Body("""{"text":" Call Ada "}""", "application/json"));
        Assert.Equal(201, created.StatusCode);
        Assert.Equal("""{"id":"3","text":"Call Ada"}""", created.Body);
        Assert.Equal("/api/notes/3", created.Header("location"));

        var invalid = await _notes.SendAsync(new HttpApiEventBuilder().Post("/api/notes").Body("{}", "application/json"));
        Assert.Equal(400, invalid.StatusCode);
    }

    [Fact]
    public async Task Notes_refuses_an_empty_or_null_body_with_the_reason_not_a_500()
    {
        var empty = await _notes.SendAsync(new HttpApiEventBuilder().Post("/api/notes"));
        var jsonNull = await _notes.SendAsync(new HttpApiEventBuilder().Post("/api/notes").Body("null", "application/json"));

        Assert.Equal(400, empty.StatusCode);
        Assert.Equal("Expected a JSON body", empty.Json()!["error"]!.GetValue<string>());
        Assert.Equal(400, jsonNull.StatusCode);
        Assert.Equal("Expected a JSON object, not null", jsonNull.Json()!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{oops", "application/json")]
    [InlineData("{oops", "text/plain")]
    [InlineData("""{"text":5}""", "application/json")]
    [InlineData("[]", "application/json")]
    public async Task Notes_refuses_a_body_that_is_not_a_note_with_400(string body, string contentType)
    {
        var res = await _notes.SendAsync(new HttpApiEventBuilder().Post("/api/notes").Body(body, contentType));

        Assert.Equal(400, res.StatusCode);
        Assert.NotEmpty(res.Body);
    }

    [Fact]
    public async Task Notes_answers_cors_preflights_and_the_runtime_does_head_options_and_405()
    {
        var preflight = await _notes.SendAsync(new HttpApiEventBuilder().Request("OPTIONS", "/api/notes")
            .Header("Origin", "https://app.example.com").Header("Access-Control-Request-Method", "POST"));
        Assert.Equal(204, preflight.StatusCode);
        Assert.Equal("*", preflight.Header("access-control-allow-origin"));

        var options = await _notes.SendAsync(new HttpApiEventBuilder().Request("OPTIONS", "/api/notes"));
        Assert.Equal("GET, HEAD, OPTIONS, POST", options.Header("allow"));

        var put = await _notes.SendAsync(new HttpApiEventBuilder().Put("/api/notes"));
        Assert.Equal(405, put.StatusCode);
    }

    private static async Task<(byte[] Body, string ContentType)> TwoFiles()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("holiday"), "title");
        var photo = new ByteArrayContent(new byte[1234]);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "photo", "beach.jpg");
        form.Add(new ByteArrayContent("notes"u8.ToArray()), "notes", "notes.txt");
        return (await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Upload_without_a_token_is_401_json()
    {
        var (body, type) = await TwoFiles();
        var res = await _upload.SendAsync(new HttpApiEventBuilder().Post("/api/upload").Body(body, type));

        Assert.Equal(401, res.StatusCode);
        Assert.Equal("Bearer", res.Header("www-authenticate"));
        Assert.Equal("unauthorized", res.Json()!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_with_the_token_lists_the_fields_and_files()
    {
        var (body, type) = await TwoFiles();
        var res = await _upload.SendAsync(new RestApiEventBuilder().Post("/api/upload").Header("Authorization", "Bearer " + Upload.Token).Body(body, type));

        Assert.Equal(201, res.StatusCode);
        Assert.Equal(
            """{"title":"holiday","files":[{"field":"photo","fileName":"beach.jpg","contentType":"image/jpeg","bytes":1234},{"field":"notes","fileName":"notes.txt","contentType":"application/octet-stream","bytes":5}]}""",
            res.Body);
    }

    [Fact]
    public async Task Upload_of_something_that_is_not_a_form_is_400_with_the_reason()
    {
        var res = await _upload.SendAsync(new HttpApiEventBuilder().Post("/api/upload")
            .Header("Authorization", "Bearer " + Upload.Token).Body("""{"title":"x"}""", "application/json"));

        Assert.Equal(400, res.StatusCode);
        Assert.Equal("expected a multipart/form-data body with at least one file", res.Json()!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_stream_server_sent_events()
    {
        // RouteTester collects a streamed body (the streaming wire format is tested in the runtime's own tests).
        var res = await _events.GetAsync("/api/events?count=2&delayMs=0");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("text/event-stream", res.Header("content-type"));
        Assert.Equal("event: tick\ndata: {\"tick\":1}\n\nevent: tick\ndata: {\"tick\":2}\n\n", res.Body);
    }
}
