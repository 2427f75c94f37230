using Hello.Api.Lib;
using LambdaRoutes;

namespace Hello.Api;

/// <summary>
/// <c>/api/notes</c>, verb style (Next's App Router <c>route.ts</c>): one static method per HTTP method. HEAD (from GET),
/// OPTIONS (204 + <c>Allow</c>) and the 405 for PUT/DELETE/PATCH come from the runtime. CORS is on for this route only:
/// a browser page on any origin may call it, and its preflights are answered before the handler runs.
/// </summary>
[RouteConfig(Cors = "*", BodySizeLimit = "4kb")]
public static class Notes
{
    private static readonly Note[] Seed = [new("1", "Buy milk"), new("2", "Ship the release")];

    public static RouteResult GET(ApiRequest req) =>
        NextResponse.Json(new NoteList(Seed)).WithHeader("Cache-Control", "max-age=10");

    public static RouteResult POST(ApiRequest req)
    {
        // Never trust the body: an empty, null or malformed one is the client's mistake, answered 400 with the reason.
        var input = JsonBody.Read<NewNote>(req, out var problem);
        if (input is null) return NextResponse.Json(new ApiError(problem!), 400);
        if (string.IsNullOrWhiteSpace(input.Text)) return NextResponse.Json(new ApiError("text is required"), 400);
        var note = new Note((Seed.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), input.Text.Trim());
        return NextResponse.Json(note, 201).WithHeader("Location", "/api/notes/" + note.Id);
    }
}
