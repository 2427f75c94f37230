using System.Text.Json;

namespace LambdaRoutes.Dev.Tests.Support;

/// <summary>
/// Compares an event the dev server built with genuine AWS events of the same kind (fixtures/events), field by field:
/// every property we write exists in the genuine events at the same place, every property all genuine events have we
/// have too, and values have a kind the genuine events show there. Maps whose keys are data (headers, query, path
/// parameters, stage variables) are checked for their value kinds only.
/// </summary>
internal static class JsonShape
{
    private static readonly HashSet<string> DataMaps =
    [
        "headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables",
    ];

    /// <summary>Present in genuine events only when the API has mTLS or an authorizer, which the dev server does not emulate.</summary>
    private static readonly HashSet<string> ConfigurationDependent = ["clientCert", "authentication", "authorizer"];

    public static List<string> Differences(JsonElement ours, IReadOnlyList<JsonElement> genuine, string path = "$")
    {
        var problems = new List<string>();
        Compare(ours, genuine, path, problems);
        return problems;
    }

    private static void Compare(JsonElement ours, IReadOnlyList<JsonElement> genuine, string path, List<string> problems)
    {
        var kinds = genuine.Select(g => Kind(g.ValueKind)).ToHashSet();
        if (!kinds.Contains(Kind(ours.ValueKind)))
        {
            problems.Add($"{path}: we write {ours.ValueKind}, AWS has {string.Join("/", kinds)}");
            return;
        }

        var objects = genuine.Where(g => g.ValueKind == JsonValueKind.Object).ToList();
        if (ours.ValueKind == JsonValueKind.Object && objects.Count > 0)
        {
            var name = path[(path.LastIndexOf('.') + 1)..];
            if (DataMaps.Contains(name))
            {
                CompareMapValues(ours, objects, path, problems);
                return;
            }

            var ourNames = ours.EnumerateObject().Select(p => p.Name).ToList();
            foreach (var property in ourNames)
            {
                var theirs = objects.Where(o => o.TryGetProperty(property, out _)).Select(o => o.GetProperty(property)).ToList();
                if (theirs.Count == 0)
                {
                    problems.Add($"{path}.{property}: not in any genuine event");
                    continue;
                }

                Compare(ours.GetProperty(property), theirs, $"{path}.{property}", problems);
            }

            var required = objects.Select(o => o.EnumerateObject().Select(p => p.Name).ToHashSet())
                .Aggregate((a, b) => { a.IntersectWith(b); return a; });
            foreach (var missing in required.Except(ourNames).Except(ConfigurationDependent))
            {
                problems.Add($"{path}.{missing}: every genuine event has it, we do not");
            }
        }
        else if (ours.ValueKind == JsonValueKind.Array)
        {
            var items = genuine.Where(g => g.ValueKind == JsonValueKind.Array).SelectMany(g => g.EnumerateArray()).ToList();
            foreach (var item in ours.EnumerateArray().Where(_ => items.Count > 0))
            {
                Compare(item, items, path + "[]", problems);
            }
        }
    }

    private static void CompareMapValues(JsonElement ours, List<JsonElement> genuine, string path, List<string> problems)
    {
        var values = genuine.SelectMany(o => o.EnumerateObject().Select(p => p.Value)).ToList();
        foreach (var property in ours.EnumerateObject())
        {
            Compare(property.Value, values, $"{path}[{property.Name}]", problems);
        }
    }

    private static string Kind(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False ? "Boolean" : kind.ToString();
}
