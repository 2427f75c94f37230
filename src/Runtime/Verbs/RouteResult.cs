using LambdaRoutes.Http;
using LambdaRoutes.Json;

namespace LambdaRoutes;

/// <summary>
/// What a verb-style handler returns: the C# shape of a Web <c>Response</c> / <c>NextResponse</c> (Next.js packages/next/src/server/route-modules/app-route/module.ts).
/// Made by <see cref="NextResponse"/>; status, headers and cookies can be changed fluently before it is returned.
/// </summary>
/// <example>
/// <code>
/// public static RouteResult GET(ApiRequest req) =>
///     NextResponse.Json(new User("1", "Ada")).WithHeader("Cache-Control", "max-age=60").WithCookie("seen", "1");
/// </code>
/// </example>
public sealed class RouteResult
{
    private readonly Func<JsonResolver, byte[]>? _body;
    private readonly List<(string Name, string Value)> _headers = new();
    private readonly List<(string Name, string Value, CookieOptions? Options)> _cookies = new();

    internal RouteResult(int status, Func<JsonResolver, byte[]>? body, bool isBinary, string? contentType,
        Func<ResponseStream, Task>? stream = null)
    {
        Status = ValidStatus(status);
        _body = body;
        IsBinary = isBinary;
        Stream = stream;
        if (contentType is not null) _headers.Add(("Content-Type", contentType));
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; private set; }

    /// <summary>The headers set so far, in order (cookies excluded).</summary>
    public IReadOnlyList<(string Name, string Value)> Headers => _headers;

    /// <summary>Sets the status code (100–999). Returns this result.</summary>
    public RouteResult WithStatus(int status)
    {
        Status = ValidStatus(status);
        return this;
    }

    /// <summary>Sets header <paramref name="name"/>, replacing earlier values (Web <c>headers.set</c>). CR/LF is refused.</summary>
    /// <exception cref="ArgumentException">Not an HTTP token, or a control character in the value.</exception>
    public RouteResult WithHeader(string name, string value)
    {
        HeaderValidation.ValidateName(name);
        HeaderValidation.ValidateValue(name, value);
        _headers.RemoveAll(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        _headers.Add((name, value));
        return this;
    }

    /// <summary>
    /// Adds a <c>Set-Cookie</c> (NextResponse's <c>cookies.set</c>), serialised like <see cref="ApiResponse.SetCookie"/>.
    /// <c>Path=/</c> unless <paramref name="options"/> sets a path, as <c>cookies.set</c> does (<c>ResponseCookies</c> of the
    /// <c>@edge-runtime/cookies</c> package Next bundles): without it a browser scopes the cookie to the request's folder.
    /// </summary>
    public RouteResult WithCookie(string name, string value, CookieOptions? options = null)
    {
        options = WithRootPathByDefault(options);
        // Serialise now so a bad name fails inside the handler (a logged 500), not later.
        CookieSerializer.Serialize(name, value, options);
        _cookies.Add((name, value, options));
        return this;
    }

    /// <summary>Expires cookie <paramref name="name"/> (NextResponse's <c>cookies.delete</c>): empty value, <c>Max-Age=0</c>.</summary>
    public RouteResult WithoutCookie(string name, string path = "/") =>
        WithCookie(name, "", new CookieOptions { Path = path, MaxAge = TimeSpan.Zero, Expires = DateTimeOffset.UnixEpoch });

    private static CookieOptions WithRootPathByDefault(CookieOptions? options) => options is { Path: not null } ? options : new CookieOptions
    {
        Path = "/",
        Domain = options?.Domain,
        Expires = options?.Expires,
        MaxAge = options?.MaxAge,
        HttpOnly = options?.HttpOnly ?? false,
        Secure = options?.Secure ?? false,
        SameSite = options?.SameSite ?? SameSiteMode.Unspecified,
    };

    internal bool IsBinary { get; }

    internal Func<ResponseStream, Task>? Stream { get; }

    /// <summary>Copies the result onto the runtime's response. The body is produced first, so a failure leaves <paramref name="res"/> untouched.</summary>
    internal void WriteTo(ApiResponse res)
    {
        var body = _body?.Invoke(res.JsonResolver);
        res.Status(Status);
        foreach (var (name, value) in _headers) res.AppendHeader(name, value);
        foreach (var (name, value, options) in _cookies) res.SetCookie(name, value, options);
        if (Stream is not null) res.StreamWith(Stream);
        else res.EndWithBody(body ?? Array.Empty<byte>(), IsBinary);
    }

    private static int ValidStatus(int status) => status is >= 100 and <= 999
        ? status
        : throw new ArgumentOutOfRangeException(nameof(status), status, $"Invalid status code: {status}");
}
