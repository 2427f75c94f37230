using LambdaRoutes.Bootstrap;
using LambdaRoutes.Runtime.Tests.Support;

namespace LambdaRoutes.Runtime.Tests.Bootstrap;

/// <summary>
/// The GC heap cap from the function's memory, 16 MB below it so the whole process fits; its effect is checked in the
/// AOT bootstrap tests (the heap limit the process reports, and peak RSS at the payload limit).
/// </summary>
public sealed class MemoryLimitTests
{
    [Theory]
    [InlineData("128", null, 112UL * 1024 * 1024)]
    [InlineData("256", null, 240UL * 1024 * 1024)]
    [InlineData("10240", "false", 10224UL * 1024 * 1024)]
    [InlineData("32", null, 24UL * 1024 * 1024)]
    [InlineData("256", "true", null)]
    [InlineData(null, null, null)]
    [InlineData("lots", null, null)]
    public void Limit_comes_from_the_function_memory_unless_disabled(string? memory, string? disable, ulong? expected)
    {
        var env = new FakeEnvironment();
        if (memory is not null) env.Set("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memory);
        if (disable is not null) env.Set("AWS_LAMBDA_DOTNET_DISABLE_MEMORY_LIMIT_CHECK", disable);

        Assert.Equal(expected, MemoryLimit.FromEnvironment(env));
    }
}
