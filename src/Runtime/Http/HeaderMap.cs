using System.Collections;

namespace LambdaRoutes;

/// <summary>
/// Request headers: case-insensitive names (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html — API Gateway does not reliably lowercase them),
/// several values per name. REST <c>multiValueHeaders</c> keep every value; HTTP API joins duplicates with commas
/// before the runtime sees them, so there a repeated header is one comma-joined value.
/// </summary>
public sealed class HeaderMap : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    // Searched in order, not hashed: a request has a few dozen headers at most, and comparing lengths first rejects
    // nearly every other name at once. One value is held as a string; a list is made only for a name that repeats
    // (REST multiValueHeaders). A dictionary of lists cost two allocations per header and a case-insensitive hash per
    // lookup (bench/callgrind.sh).
    private readonly List<Entry> _entries;

    /// <summary>An empty map.</summary>
    public HeaderMap() : this(0) { }

    /// <summary>An empty map sized for <paramref name="capacity"/> names, so a mapper that knows the count does not grow it step by step.</summary>
    internal HeaderMap(int capacity) => _entries = new List<Entry>(capacity);

    /// <summary>The first value of header <paramref name="name"/>, or null when absent.</summary>
    public string? this[string name] => IndexOf(name) is var i and >= 0 ? _entries[i].First : null;

    /// <summary>Every value of header <paramref name="name"/>; empty when absent.</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        IndexOf(name) is var i and >= 0 ? _entries[i].Values : Array.Empty<string>();

    /// <summary>True when the header is present.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Header names as they arrived, in order.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Name);

    /// <summary>The number of distinct header names.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        _entries.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Name, e.Values)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(string name, string value)
    {
        var i = IndexOf(name);
        if (i < 0)
        {
            _entries.Add(new Entry(name, value, null));
            return;
        }
        var entry = _entries[i];
        var all = entry.More ?? new List<string>(2) { entry.First };
        all.Add(value);
        _entries[i] = entry with { More = all };
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            var known = _entries[i].Name;
            if (known.Length == name.Length && string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }

    /// <summary>A name, its first value, and every value once the name has repeated.</summary>
    private readonly record struct Entry(string Name, string First, List<string>? More)
    {
        public IReadOnlyList<string> Values => More ?? (IReadOnlyList<string>)new[] { First };
    }
}
