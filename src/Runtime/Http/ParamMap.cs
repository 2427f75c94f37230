using System.Collections;
using System.Text.Json.Nodes;

namespace LambdaRoutes;

/// <summary>
/// Ordered, multi-valued string parameters: the query string, route params and urlencoded forms
/// (Next's <c>req.query</c> / <c>req.body</c> objects, Next.js packages/next/src/server/api-utils/node/parse-body.ts). Keys are case-sensitive, as in Next.
/// A key is an <em>array</em> when it was repeated or comes from a catch-all segment; <see cref="ToJson"/>
/// renders it the way Next's object would serialise.
/// </summary>
public sealed class ParamMap : IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly List<Entry> _entries = new();

    /// <summary>An empty map.</summary>
    public static ParamMap Empty { get; } = new();

    /// <summary>The first value of <paramref name="name"/>, or null when absent.</summary>
    public string? this[string name] => Find(name) is { } e && e.Values.Count > 0 ? e.Values[0] : null;

    /// <summary>Every value of <paramref name="name"/> in order; empty when absent.</summary>
    public IReadOnlyList<string> GetAll(string name) => Find(name)?.Values ?? (IReadOnlyList<string>)Array.Empty<string>();

    /// <summary>True when <paramref name="name"/> was repeated or is a catch-all param (Next gives an array).</summary>
    public bool IsArray(string name) => Find(name)?.IsArray ?? false;

    /// <summary>True when <paramref name="name"/> is present.</summary>
    public bool ContainsKey(string name) => Find(name) is not null;

    /// <summary>The keys, in first-seen order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Name);

    /// <summary>The number of distinct keys.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The Next-shaped JSON object: a string for a single value, an array for repeated keys and catch-alls
    /// (<c>?a=1&amp;b=2&amp;a=3</c> → <c>{"a":["1","3"],"b":"2"}</c>, Next.js test/integration/api-support/test/index.test.ts).
    /// </summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var e in _entries)
        {
            if (e.IsArray)
            {
                var array = new JsonArray();
                foreach (var v in e.Values) array.Add((JsonNode?)JsonValue.Create(v));
                json[e.Name] = array;
            }
            else
            {
                json[e.Name] = JsonValue.Create(e.Values.Count > 0 ? e.Values[0] : "");
            }
        }
        return json;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        _entries.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Name, e.Values)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds one occurrence of <paramref name="name"/>; a second occurrence makes the key an array.</summary>
    internal void Add(string name, string value)
    {
        if (Find(name) is { } existing)
        {
            existing.Values.Add(value);
            existing.IsArray = true;
            return;
        }
        _entries.Add(new Entry(name, new List<string> { value }, isArray: false));
    }

    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="values"/>, replacing any earlier value in place
    /// (JavaScript's <c>{...query, ...params}</c> keeps the first key's position, so params win but order holds).
    /// </summary>
    internal void Set(string name, IEnumerable<string> values, bool isArray)
    {
        var list = values.ToList();
        var index = _entries.FindIndex(e => e.Name == name);
        var entry = new Entry(name, list, isArray || list.Count > 1);
        if (index >= 0) _entries[index] = entry;
        else _entries.Add(entry);
    }

    /// <summary>A copy of this map with <paramref name="overrides"/> merged on top (Next: params win over query).</summary>
    internal ParamMap MergedWith(ParamMap overrides)
    {
        // Most routes have no params: the query itself is the answer (maps are not changed once the request is built).
        if (overrides._entries.Count == 0) return this;
        var merged = new ParamMap();
        foreach (var e in _entries) merged.Set(e.Name, e.Values, e.IsArray);
        foreach (var e in overrides._entries) merged.Set(e.Name, e.Values, e.IsArray);
        return merged;
    }

    private Entry? Find(string name) => _entries.Find(e => e.Name == name);

    private sealed class Entry(string name, List<string> values, bool isArray)
    {
        public string Name { get; } = name;
        public List<string> Values { get; } = values;
        public bool IsArray { get; set; } = isArray;
    }
}
