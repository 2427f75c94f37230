namespace LambdaRoutes;

/// <summary>The <c>SameSite</c> attribute of a cookie.</summary>
public enum SameSiteMode
{
    /// <summary>No attribute is written (the browser default applies).</summary>
    Unspecified = 0,
    /// <summary><c>SameSite=Lax</c>.</summary>
    Lax,
    /// <summary><c>SameSite=Strict</c>.</summary>
    Strict,
    /// <summary><c>SameSite=None</c> (browsers also require <see cref="CookieOptions.Secure"/>).</summary>
    None,
}

/// <summary>Attributes of a cookie set with <see cref="ApiResponse.SetCookie"/> (the attributes of the <c>cookie</c> package's <c>serialize</c>).</summary>
public sealed class CookieOptions
{
    /// <summary><c>Path=</c>; null writes none.</summary>
    public string? Path { get; init; }

    /// <summary><c>Domain=</c>; null writes none.</summary>
    public string? Domain { get; init; }

    /// <summary><c>Expires=</c> as an HTTP date (UTC); null writes none.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary><c>Max-Age=</c> in whole seconds; null writes none.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Writes <c>HttpOnly</c>.</summary>
    public bool HttpOnly { get; init; }

    /// <summary>Writes <c>Secure</c>.</summary>
    public bool Secure { get; init; }

    /// <summary><c>SameSite=</c>.</summary>
    public SameSiteMode SameSite { get; init; }
}
