using System.Globalization;

namespace LambdaRoutes.Bootstrap;

/// <summary>
/// Caps the GC heap below the function's configured memory. Inside Lambda's VM .NET may see more memory than the
/// function is allowed and size its heap for it (dotnet/runtime#70601), so AWS's .NET runtime caps the heap at the
/// memory size. That is still too high: Lambda counts the whole process (code, runtime, thread stacks, socket buffers)
/// against the memory size, and a GC that lets garbage pile up to a 128 MB heap takes the process past 128 MB of RSS, an
/// out-of-memory kill (bench/results, "Memory at the payload limit"). The cap leaves <see cref="NonHeapReserveMb"/> for
/// the rest of the process, so a heap that really is full ends in an <see cref="OutOfMemoryException"/> the invoker
/// answers with a 500 instead. Opt out with <c>AWS_LAMBDA_DOTNET_DISABLE_MEMORY_LIMIT_CHECK=true</c>, as with AWS's runtime.
/// </summary>
internal static class MemoryLimit
{
    /// <summary>
    /// Memory kept out of the heap for the rest of the process: an idle bootstrap is about 6 MB resident, heap included
    /// (bench/results); the rest is headroom for thread stacks, socket buffers and native allocations of handlers.
    /// </summary>
    internal const ulong NonHeapReserveMb = 16;

    /// <summary>The heap limit in bytes the environment asks for, or null for none.</summary>
    public static ulong? FromEnvironment(IEnvironmentVariables env)
    {
        if (string.Equals(env.Get("AWS_LAMBDA_DOTNET_DISABLE_MEMORY_LIMIT_CHECK"), "true", StringComparison.OrdinalIgnoreCase))
            return null;
        if (!ulong.TryParse(env.Get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) || mb == 0)
            return null;
        // Lambda's smallest size is 128 MB; below 64 MB (only outside Lambda) keep three quarters rather than a fixed amount.
        var heapMb = mb >= 4 * NonHeapReserveMb ? mb - NonHeapReserveMb : mb * 3 / 4;
        return heapMb * 1024 * 1024;
    }

    /// <summary>Applies <paramref name="limitBytes"/> to this process's GC.</summary>
    public static void Apply(ulong limitBytes)
    {
        AppContext.SetData("GCHeapHardLimit", limitBytes);
        GC.RefreshMemoryLimit();
    }
}
