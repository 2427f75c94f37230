namespace LambdaRoutes.Contracts.Manifest;

/// <summary>
/// Lambda's two architecture names, as the manifest, <c>[RouteConfig(Architecture = …)]</c>, <c>--arch</c> and the
/// function's <c>Architectures</c> property spell them
/// (https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html).
/// </summary>
internal static class LambdaArchitectures
{
    public const string X86_64 = "x86_64";

    public const string Arm64 = "arm64";

    /// <summary>What an absent architecture means, in the manifest and in a route's settings.</summary>
    public const string Default = X86_64;

    public static bool IsKnown(string? name) => name is X86_64 or Arm64;
}
