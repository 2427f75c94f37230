using LambdaRoutes.Local;

namespace LambdaRoutes.Dev.Tests.Emulator;

/// <summary>Functions backed by node-runtime.mjs, a real (non-.NET) custom runtime process.</summary>
internal static class NodeRuntime
{
    public static string Script => Path.Combine(AppContext.BaseDirectory, "Emulator", "node-runtime.mjs");

    public static LambdaFunction Function(string name, string? mode = null, double timeoutSeconds = 5, int memory = 128) => new()
    {
        Name = name,
        Executable = "node",
        Arguments = [Script],
        WorkingDirectory = Path.GetDirectoryName(Script),
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        MemorySizeMb = memory,
        Handler = "index.handler",
        Environment = mode is null ? new Dictionary<string, string> { ["CUSTOM"] = "yes" } : new Dictionary<string, string> { ["TEST_MODE"] = mode },
    };
}
