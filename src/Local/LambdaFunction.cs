namespace LambdaRoutes.Local;

/// <summary>
/// One function the emulator can run: the process that plays its custom runtime (a <c>bootstrap</c> binary, or e.g.
/// <c>node index.mjs</c>) and the configuration Lambda would give it. Nothing here is specific to LambdaRoutes routes.
/// </summary>
public sealed record LambdaFunction
{
    /// <summary>The function name: <c>AWS_LAMBDA_FUNCTION_NAME</c>, the ARN, the log group.</summary>
    public required string Name { get; init; }

    /// <summary>The executable started for every instance (for a custom runtime, the <c>bootstrap</c> file).</summary>
    public required string Executable { get; init; }

    /// <summary>Command-line arguments of <see cref="Executable"/>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The working directory and <c>LAMBDA_TASK_ROOT</c>; defaults to the folder of <see cref="Executable"/>.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c> in MB (reported, not enforced).</summary>
    public int MemorySizeMb { get; init; } = 128;

    /// <summary>The function timeout: an invocation still running after it is killed with its instance (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html, <c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long an instance may take to reach its first <c>/next</c> (Lambda's on-demand init limit is 10 s).</summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>_HANDLER</c>: free-form for custom runtimes (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html).</summary>
    public string Handler { get; init; } = "bootstrap";

    /// <summary><c>AWS_LAMBDA_FUNCTION_VERSION</c>.</summary>
    public string Version { get; init; } = "$LATEST";

    /// <summary>Extra environment variables (the function's configuration); they win over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
