using LambdaRoutes;
using MyApi.Api.Lib;

namespace MyApi.Api;

/// <summary>
/// <c>/api/notes</c>, verb style (Next's App Router <c>route.ts</c>): one static method per HTTP method. HEAD, OPTIONS
/// and the 405 for other methods come from the runtime. POST reads a typed JSON body through <see cref="AppJson"/>.
/// </summary>
[RouteConfig(BodySizeLimit = "16kb")]
public static class Notes
{
    private static readonly Note[] Seed = [new("1", "Write a route"), new("2", "Deploy it")];

    public static RouteResult GET(ApiRequest req) => NextResponse.Json(new NoteList(Seed));

    public static RouteResult POST(ApiRequest req)
    {
        var input = req.Json<NewNote>();
        if (string.IsNullOrWhiteSpace(input?.Text)) return NextResponse.Json(new ApiError("text is required"), 400);
        var note = new Note((Seed.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), input.Text.Trim());
        return NextResponse.Json(note, 201).WithHeader("Location", "/api/notes/" + note.Id);
    }
}
