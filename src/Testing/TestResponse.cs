namespace LambdaRoutes.Testing;

/// <summary>
/// What a buffered (<see cref="RouteTestResponse"/>) and a streamed (<see cref="StreamedTestResponse"/>) answer have in
/// common, so that a test helper can read the status, a header, the cookies or the log of either.
/// </summary>
public abstract class TestResponse
{
    // Only this assembly derives: RouteTester produces the two kinds above and nothing else.
    private protected TestResponse(int statusCode, IReadOnlyList<string> cookies, TestLambdaContext context)
    {
        StatusCode = statusCode;
        Cookies = cookies;
        Context = context;
    }

    /// <summary>HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>Every <c>Set-Cookie</c> value, in order (kept out of the headers).</summary>
    public IReadOnlyList<string> Cookies { get; }

    /// <summary>The context the route ran with; its <see cref="TestLambdaContext.Logger"/> holds what was logged.</summary>
    public TestLambdaContext Context { get; }

    /// <summary>The captured log of the invocation.</summary>
    public TestLambdaLogger Log => Context.Logger;

    /// <summary>The value of header <paramref name="name"/> (case-insensitive), or null when the response has none.</summary>
    public abstract string? Header(string name);
}
