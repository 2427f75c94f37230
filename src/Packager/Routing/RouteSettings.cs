namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Per-route settings from <c>[RouteConfig]</c> (docs/architecture.md), after defaults:
/// 256 MB, 10 s, Next's <c>"1mb"</c> body limit, body parsing on, no response streaming.
/// </summary>
internal sealed record RouteSettings(int MemorySize, int Timeout, string BodySizeLimit, long BodySizeLimitBytes, bool BodyParser, bool Streaming = false, string? Cors = null)
{
    public const int DefaultMemorySize = 256;
    public const int DefaultTimeout = 10;
    public const string DefaultBodySizeLimit = "1mb";

    public static RouteSettings Default { get; } = new(DefaultMemorySize, DefaultTimeout, DefaultBodySizeLimit, 1024 * 1024, BodyParser: true);
}
