using LambdaRoutes.Bootstrap;
using LambdaRoutes.Runtime.Tests.Support;

namespace LambdaRoutes.Runtime.Tests.Bootstrap;

/// <summary>The GC heap cap from the function's memory (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs); its effect is checked in the AOT bootstrap test.</summary>
public sealed class MemoryLimitTests
{
    [Theory]
    [InlineData("256", null, 268435456UL)]
    [InlineData("10240", "false", 10737418240UL)]
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
