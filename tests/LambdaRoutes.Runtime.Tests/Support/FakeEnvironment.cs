using LambdaRoutes.Bootstrap;

namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>An environment held in a dictionary.</summary>
internal sealed class FakeEnvironment : IEnvironmentVariables
{
    private readonly Dictionary<string, string?> _values = new();

    public FakeEnvironment(params (string Name, string Value)[] values)
    {
        foreach (var (n, v) in values) _values[n] = v;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public void Set(string name, string? value) => _values[name] = value;
}
