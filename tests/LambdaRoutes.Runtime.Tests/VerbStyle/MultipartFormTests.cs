using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.VerbStyle;

/// <summary><c>FormData()</c> for urlencoded and <c>multipart/form-data</c> bodies, in both route styles; limits and malformed bodies.</summary>
public sealed class MultipartFormTests
{
    private const string Boundary = "----lr-boundary-7MA4YWxk";

    /// <summary>Describes the form as JSON: fields, then each file's name, filename, content type and bytes (base64).</summary>
    private static RouteResult Describe(ApiRequest req)
    {
        var form = req.FormData();
        var files = new JsonArray();
        foreach (var f in form.Files)
            files.Add(new JsonObject
            {
                ["name"] = f.Name, ["fileName"] = f.FileName, ["type"] = f.ContentType, ["length"] = f.Length,
                ["base64"] = Convert.ToBase64String(f.Bytes.Span),
            });
        return NextResponse.Json(new JsonObject { ["fields"] = form.Fields.ToJson(), ["files"] = files });
    }

    private static readonly RouteTester Upload = new(new VerbRoute("api/upload.cs").Map("POST", Describe),
        new RouteOptions { Route = "/api/upload", BodySizeLimit = "64kb" });

    private static byte[] Multipart(params string[] parts) =>
        Encoding.UTF8.GetBytes(string.Concat(parts.Select(p => "--" + Boundary + "\r\n" + p + "\r\n")) + "--" + Boundary + "--\r\n");

    private static string MultipartType => "multipart/form-data; boundary=" + Boundary;

    [Fact]
    public async Task Two_files_and_fields_with_names_filenames_types_and_exact_bytes()
    {
        // The second file holds CRLF and a "--" line that is not the boundary: only CRLF--boundary ends a part.
        var body = Multipart(
            "Content-Disposition: form-data; name=\"title\"\r\n\r\nHoliday",
            "Content-Disposition: form-data; name=\"tag\"\r\n\r\nsea",
            "Content-Disposition: form-data; name=\"photos\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfirst file",
            "Content-Disposition: form-data; name=\"photos\"; filename=\"b;\\\"q\\\".bin\"\r\nContent-Type: application/octet-stream\r\n\r\nline1\r\n--not-the-boundary\r\nline3",
            "Content-Disposition: form-data; name=\"tag\"\r\n\r\nsun");

        var res = await Upload.SendAsync(new HttpApiEventBuilder().Post("/api/upload").Body(body, MultipartType));

        Assert.Equal(200, res.StatusCode);
        var json = res.Json()!;
        Assert.Equal("{\"title\":\"Holiday\",\"tag\":[\"sea\",\"sun\"]}", json["fields"]!.ToJsonString());
        var files = json["files"]!.AsArray();
        Assert.Equal(2, files.Count);
        Assert.Equal(("photos", "a.txt", "text/plain", "first file"),
            ((string)files[0]!["name"]!, (string)files[0]!["fileName"]!, (string)files[0]!["type"]!,
             Encoding.UTF8.GetString(Convert.FromBase64String((string)files[0]!["base64"]!))));
        Assert.Equal("b;\"q\".bin", (string)files[1]!["fileName"]!);
        Assert.Equal("line1\r\n--not-the-boundary\r\nline3", Encoding.UTF8.GetString(Convert.FromBase64String((string)files[1]!["base64"]!)));
    }

    [Fact]
    public async Task A_body_written_by_dotnets_own_multipart_encoder_round_trips_binary_files()
    {
        var png = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        using var content = new MultipartFormDataContent("x-boundary");
        content.Add(new StringContent("Grace Hopper"), "name");
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "avatar", "grace ☕.png");
        content.Add(new ByteArrayContent("second"u8.ToArray()), "notes", "notes.txt");
        var bytes = await content.ReadAsByteArrayAsync();

        var res = await Upload.SendAsync(new RestApiEventBuilder().Post("/api/upload").Body(bytes, content.Headers.ContentType!.ToString()));

        Assert.Equal(200, res.StatusCode);
        var json = res.Json()!;
        Assert.Equal("Grace Hopper", (string?)json["fields"]!["name"]);
        var avatar = json["files"]![0]!;
        Assert.Equal("grace ☕.png", (string?)avatar["fileName"]); // sent as filename*=utf-8''…
        Assert.Equal("image/png", (string?)avatar["type"]);
        Assert.Equal(png, Convert.FromBase64String((string)avatar["base64"]!));
        Assert.Equal("application/octet-stream", (string?)json["files"]![1]!["type"]); // no Content-Type on the part
    }

    [Fact]
    public async Task Handler_style_sees_multipart_fields_in_Body_Form_and_the_files_in_Body_Files()
    {
        var tester = new RouteTester(new InlineRoute((req, res) =>
            res.Json(new JsonObject { ["kind"] = req.Body.Kind.ToString(), ["title"] = req.Body.Form["title"], ["file"] = req.Body.Files[0].Text() })), "/api/x");
        var body = Multipart(
            "Content-Disposition: form-data; name=\"title\"\r\n\r\nHi",
            "Content-Disposition: form-data; name=\"doc\"; filename=\"d.txt\"\r\n\r\ncontent");

        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(body, MultipartType));

        Assert.Equal("{\"kind\":\"Form\",\"title\":\"Hi\",\"file\":\"content\"}", res.Body);
    }

    [Fact]
    public async Task Urlencoded_bodies_are_form_data_too()
    {
        var res = await Upload.SendAsync(new HttpApiEventBuilder().Post("/api/upload").Body("a=1&b=two+words&a=3", "application/x-www-form-urlencoded"));
        Assert.Equal("{\"fields\":{\"a\":[\"1\",\"3\"],\"b\":\"two words\"},\"files\":[]}", res.Body);
    }

    [Theory]
    [InlineData("multipart/form-data", "the Content-Type has no boundary parameter")]
    [InlineData("multipart/form-data; boundary=other", "does not contain the boundary \"other\"")]
    public async Task A_bad_boundary_is_400_with_a_clear_message(string contentType, string message)
    {
        var handlerStyle = new RouteTester(new InlineRoute((_, res) => res.End()), "/api/upload");
        var res = await handlerStyle.SendAsync(new HttpApiEventBuilder().Post("/api/upload")
            .Body(Multipart("Content-Disposition: form-data; name=\"a\"\r\n\r\n1"), contentType));
        Assert.Equal(400, res.StatusCode);
        Assert.StartsWith("Invalid multipart/form-data body: ", res.Body);
        Assert.Contains(message, res.Body);
    }

    [Theory]
    [InlineData("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue without the closing boundary", "the closing boundary")]
    [InlineData("--" + Boundary + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + Boundary + "--", "has no Content-Disposition header")]
    [InlineData("--" + Boundary + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--" + Boundary + "--", "Content-Disposition has no name")]
    [InlineData("--" + Boundary + "\r\nContent-Disposition: form-data; name=\"a\"", "headers do not end with a blank line")]
    [InlineData("--" + Boundary + "\r\nbroken header\r\n\r\nx\r\n--" + Boundary + "--", "malformed header line")]
    public async Task A_malformed_multipart_body_is_400_and_a_handler_style_route_does_not_run(string body, string message)
    {
        // Handler style parses before the handler; a verb-style route reads on demand (VerbBodyTests).
        var ran = false;
        var tester = new RouteTester(new InlineRoute((_, res) => { ran = true; res.End(); }), "/api/x");
        var res = await tester.SendAsync(new HttpApiEventBuilder().Post("/api/x").Body(body, MultipartType));
        Assert.Equal(400, res.StatusCode);
        Assert.Contains(message, res.Body);
        Assert.False(ran);
    }

    [Fact]
    public async Task The_route_body_limit_applies_before_parsing()
    {
        // Over the 64kb limit and malformed too: the limit answers first, so the parser never sees it.
        var body = Encoding.UTF8.GetBytes("--" + Boundary + "\r\n" + new string('x', 70_000));
        var res = await Upload.SendAsync(new HttpApiEventBuilder().Post("/api/upload").Body(body, MultipartType));
        Assert.Equal(413, res.StatusCode);
        Assert.Equal("Body exceeded 64kb limit", res.Body);
    }

    [Fact]
    public async Task FormData_on_a_json_body_throws_which_a_verb_route_turns_into_a_logged_500()
    {
        var res = await Upload.SendAsync(new HttpApiEventBuilder().Post("/api/upload").Body("{}", "application/json"));
        Assert.Equal(500, res.StatusCode);
        Assert.True(res.Log.Contains("The request body is not a form"), res.Log.Buffer);
    }
}
