namespace LambdaRoutes.Local.Instances;

/// <summary>
/// The environment Lambda gives a custom runtime (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html). The emulator's own environment is not inherited (Lambda's
/// is not the caller's either), except <c>PATH</c> and <c>HOME</c>, which interpreters such as Node.js need to start.
/// Public so that a host which starts runtime processes itself (the bench driver) gives them exactly what the emulator does.
/// </summary>
public static class LambdaEnvironment
{
    /// <summary>The complete environment of one instance of <paramref name="function"/>; the caller clears the inherited one first.</summary>
    /// <param name="function">Supplies <c>_HANDLER</c>, the name, version and memory size; its <see cref="LambdaFunction.Environment"/> wins over every default.</param>
    /// <param name="options">Supplies <c>AWS_REGION</c> and <c>AWS_DEFAULT_REGION</c>.</param>
    /// <param name="runtimeApi"><c>AWS_LAMBDA_RUNTIME_API</c>: the <c>host:port</c> of the Runtime API the instance polls.</param>
    /// <param name="taskRoot"><c>LAMBDA_TASK_ROOT</c> and <c>LAMBDA_RUNTIME_DIR</c>.</param>
    /// <returns>Variable names to values, ordinal-keyed.</returns>
    public static IReadOnlyDictionary<string, string> For(LambdaFunction function, EmulatorOptions options, string runtimeApi, string taskRoot)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["_HANDLER"] = function.Handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.Name,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = function.Version,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + function.Name,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[{function.Version}]{Guid.NewGuid():N}",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_REGION"] = options.Region,
            ["AWS_DEFAULT_REGION"] = options.Region,
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["LAMBDA_RUNTIME_DIR"] = taskRoot,
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = "UTC",
        };
        foreach (var name in new[] { "PATH", "HOME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                env[name] = value;
            }
        }

        foreach (var (name, value) in function.Environment)
        {
            env[name] = value;
        }

        return env;
    }

    /// <summary><c>LAMBDA_TASK_ROOT</c>: <see cref="LambdaFunction.WorkingDirectory"/>, or the folder of <see cref="LambdaFunction.Executable"/>.</summary>
    internal static string TaskRoot(LambdaFunction function) =>
        function.WorkingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(function.Executable)) ?? Environment.CurrentDirectory;

    /// <summary>An X-Ray trace header of the documented shape (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): <c>Root=1-{epoch hex}-{24 hex};Parent={16 hex};Sampled=0</c>.</summary>
    internal static string NewTraceId()
    {
        var epoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var id = Guid.NewGuid().ToString("N");
        return $"Root=1-{epoch}-{id[..24]};Parent={Guid.NewGuid().ToString("N")[..16]};Sampled=0";
    }

    internal static string FunctionArn(LambdaFunction function, EmulatorOptions options) =>
        $"arn:aws:lambda:{options.Region}:{options.AccountId}:function:{function.Name}";
}
