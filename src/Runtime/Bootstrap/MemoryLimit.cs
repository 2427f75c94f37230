using System.Globalization;

namespace LambdaRoutes.Bootstrap;

/// <summary>
/// Caps the GC heap at the function's configured memory, as RuntimeSupport does at start-up (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/): inside
/// Lambda's VM .NET may see more memory than the function is allowed and size its heap for it
/// (dotnet/runtime#70601). Opt out with <c>AWS_LAMBDA_DOTNET_DISABLE_MEMORY_LIMIT_CHECK=true</c>.
/// </summary>
internal static class MemoryLimit
{
    /// <summary>The heap limit in bytes the environment asks for, or null for none.</summary>
    public static ulong? FromEnvironment(IEnvironmentVariables env)
    {
        if (string.Equals(env.Get("AWS_LAMBDA_DOTNET_DISABLE_MEMORY_LIMIT_CHECK"), "true", StringComparison.OrdinalIgnoreCase))
            return null;
        return ulong.TryParse(env.Get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb > 0
            ? mb * 1024 * 1024
            : null;
    }

    /// <summary>Applies <paramref name="limitBytes"/> to this process's GC.</summary>
    public static void Apply(ulong limitBytes)
    {
        AppContext.SetData("GCHeapHardLimit", limitBytes);
        GC.RefreshMemoryLimit();
    }
}
