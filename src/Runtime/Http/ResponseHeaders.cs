namespace LambdaRoutes.Http;

/// <summary>Response headers: ordered, case-insensitive, the spelling of the first <c>Set</c> kept for the wire.</summary>
internal sealed class ResponseHeaders
{
    private readonly List<(string Name, List<string> Values)> _entries = new();

    /// <summary>The list itself, not an interface: the encoder walks it with List's struct enumerator, no interface dispatch per header.</summary>
    public List<(string Name, List<string> Values)> Entries => _entries;

    public void Set(string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        var i = IndexOf(name);
        if (i >= 0) _entries[i] = (_entries[i].Name, list);
        else _entries.Add((name, list));
    }

    public void Append(string name, string value)
    {
        var i = IndexOf(name);
        if (i >= 0) _entries[i].Values.Add(value);
        else _entries.Add((name, new List<string> { value }));
    }

    public IReadOnlyList<string>? Get(string name)
    {
        var i = IndexOf(name);
        return i >= 0 ? _entries[i].Values : null;
    }

    public bool Remove(string name)
    {
        var i = IndexOf(name);
        if (i < 0) return false;
        _entries.RemoveAt(i);
        return true;
    }

    public void Clear() => _entries.Clear();

    /// <summary>A plain loop: FindIndex with a lambda allocated a closure for every header set.</summary>
    private int IndexOf(string name)
    {
        for (var i = 0; i < _entries.Count; i++)
            if (string.Equals(_entries[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
