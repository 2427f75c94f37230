namespace LambdaRoutes.Bootstrap;

/// <summary>
/// The process environment behind an interface, so the loop's logic never reads <see cref="Environment"/>
/// directly and tests can hand it a dictionary (as RuntimeSupport's aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Context/IEnvironmentVariables.cs does).
/// </summary>
internal interface IEnvironmentVariables
{
    string? Get(string name);

    void Set(string name, string? value);
}

/// <summary>The real process environment.</summary>
internal sealed class SystemEnvironmentVariables : IEnvironmentVariables
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
