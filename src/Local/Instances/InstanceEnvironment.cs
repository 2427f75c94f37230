using LambdaRoutes.Bootstrap;

namespace LambdaRoutes.Local.Instances;

/// <summary>
/// The environment variables of one in-process instance: what Lambda would give its process, private to it (the runtime
/// sets <c>_X_AMZN_TRACE_ID</c> per invocation; instances must not see each other's). The handler's own
/// <see cref="Environment"/> calls still see the tool's: statics and process state are shared in-process.
/// </summary>
internal sealed class InstanceEnvironment(IReadOnlyDictionary<string, string> initial) : IEnvironmentVariables
{
    private readonly Dictionary<string, string> _variables = new(initial, StringComparer.Ordinal);

    public string? Get(string name)
    {
        lock (_variables)
        {
            return _variables.GetValueOrDefault(name);
        }
    }

    public void Set(string name, string? value)
    {
        lock (_variables)
        {
            if (value is null)
            {
                _variables.Remove(name);
            }
            else
            {
                _variables[name] = value;
            }
        }
    }
}
