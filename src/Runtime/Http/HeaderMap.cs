using System.Collections;

namespace LambdaRoutes;

/// <summary>
/// Request headers: case-insensitive names (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html — API Gateway does not reliably lowercase them),
/// several values per name. REST <c>multiValueHeaders</c> keep every value; HTTP API joins duplicates with commas
/// before the runtime sees them, so there a repeated header is one comma-joined value.
/// </summary>
public sealed class HeaderMap : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly Dictionary<string, List<string>> _values;
    private readonly List<string> _order;

    /// <summary>An empty map.</summary>
    public HeaderMap() : this(0) { }

    /// <summary>An empty map sized for <paramref name="capacity"/> names, so a mapper that knows the count does not grow it step by step.</summary>
    internal HeaderMap(int capacity)
    {
        _values = new Dictionary<string, List<string>>(capacity, StringComparer.OrdinalIgnoreCase);
        _order = new List<string>(capacity);
    }

    /// <summary>The first value of header <paramref name="name"/>, or null when absent.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>Every value of header <paramref name="name"/>; empty when absent.</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        _values.TryGetValue(name, out var v) ? v : Array.Empty<string>();

    /// <summary>True when the header is present.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>Header names as they arrived, in order.</summary>
    public IEnumerable<string> Names => _order;

    /// <summary>The number of distinct header names.</summary>
    public int Count => _order.Count;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        _order.Select(n => new KeyValuePair<string, IReadOnlyList<string>>(n, _values[n])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            list = new List<string>(1); // most names have one value
            _values[name] = list;
            _order.Add(name);
        }
        list.Add(value);
    }
}
