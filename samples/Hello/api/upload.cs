using Hello.Api.Lib;
using LambdaRoutes;

namespace Hello.Api;

/// <summary>
/// <c>/api/upload</c>: a protected form + file upload. The bearer token must match <c>UPLOAD_TOKEN</c> (a 401 JSON error
/// otherwise); the <c>multipart/form-data</c> body is parsed before the handler, with the 5mb limit checked first.
/// </summary>
[RouteConfig(BodySizeLimit = "5mb", MemorySize = 512)]
public static class Upload
{
    /// <summary>The expected token; set <c>UPLOAD_TOKEN</c> on the function (the default is for local runs only).</summary>
    public static string Token => Environment.GetEnvironmentVariable("UPLOAD_TOKEN") ?? "dev-token";

    public static RouteResult POST(ApiRequest req)
    {
        if (BearerAuth.Check(req, token => BearerAuth.Matches(token, Token)) is { } denied) return denied;
        FormData form;
        try
        {
            form = req.FormData();
        }
        catch (InvalidOperationException)
        {
            // Not a form at all (e.g. no body, or JSON): the client's mistake, so a 400 that says what to send.
            return NextResponse.Json(new ApiError("expected a multipart/form-data body with at least one file"), 400);
        }

        var files = form.Files.Select(f => new UploadedFile(f.Name, f.FileName, f.ContentType, f.Length)).ToList();
        return files.Count == 0
            ? NextResponse.Json(new ApiError("attach at least one file"), 400)
            : NextResponse.Json(new UploadSummary(form["title"], files), 201);
    }
}
