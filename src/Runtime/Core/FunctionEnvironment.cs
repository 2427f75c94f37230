using System.Globalization;
using LambdaRoutes.Bootstrap;

namespace LambdaRoutes.Core;

/// <summary>The function-level context fields Lambda passes through the environment (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html).</summary>
internal sealed record FunctionEnvironment(
    string FunctionName, string FunctionVersion, int MemoryLimitInMB, string LogGroupName, string LogStreamName)
{
    public static FunctionEnvironment From(IEnvironmentVariables env) => new(
        env.Get("AWS_LAMBDA_FUNCTION_NAME") ?? "",
        env.Get("AWS_LAMBDA_FUNCTION_VERSION") ?? "",
        int.TryParse(env.Get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) ? mb : 0,
        env.Get("AWS_LAMBDA_LOG_GROUP_NAME") ?? "",
        env.Get("AWS_LAMBDA_LOG_STREAM_NAME") ?? "");
}
