namespace LambdaRoutes.Contracts.Events;

/// <summary>Headers as a request carries them: in order, a name may repeat, names compare case-insensitively.</summary>
internal static class HeaderList
{
    /// <summary>The first value of header <paramref name="name"/>, or null.</summary>
    public static string? First(IEnumerable<KeyValuePair<string, string>> headers, string name) =>
        headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}
