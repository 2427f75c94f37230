using System.Security.Cryptography;
using System.Text;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// The inputs of one route's binary, each named (<c>app:api/_lib/Greeting.cs</c>, <c>ref:LambdaRoutes.Runtime/…</c>,
/// <c>entry:Program.cs</c>, <c>packager</c>) with the SHA-256 of its content. Its <see cref="Hash"/> is the route's input
/// hash; kept beside the artifacts (<c>.inputs</c>), it lets the next build say which input changed.
/// </summary>
internal sealed class InputSet
{
    public const string FileName = ".inputs";

    private readonly SortedDictionary<string, string> _entries;

    public InputSet(IEnumerable<KeyValuePair<string, string>> entries)
    {
        _entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, sha) in entries)
        {
            _entries[name] = sha;
        }

        Hash = ComputeHash(_entries);
    }

    public string Hash { get; }

    public IReadOnlyDictionary<string, string> Entries => _entries;

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static string Sha256(string content) => Sha256(Encoding.UTF8.GetBytes(content));

    /// <summary>One <c>sha256 name</c> line per input (the packager's version stands where a SHA-256 would).</summary>
    public string ToText() => string.Concat(_entries.Select(e => $"{e.Value} {e.Key}\n"));

    /// <summary>The inputs recorded by a previous build, or null when there are none (or the file is not ours).</summary>
    public static InputSet? Read(string path)
    {
        try
        {
            var entries = new List<KeyValuePair<string, string>>();
            foreach (var line in File.ReadLines(path))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space <= 0)
                {
                    return null;
                }

                entries.Add(new(line[(space + 1)..], line[..space]));
            }

            return new InputSet(entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The names whose content differs, that are new, and that are gone, compared with <paramref name="previous"/>.</summary>
    public (IReadOnlyList<string> Changed, IReadOnlyList<string> Added, IReadOnlyList<string> Removed) Compare(InputSet previous) => (
        [.. _entries.Where(e => previous._entries.TryGetValue(e.Key, out var sha) && sha != e.Value).Select(e => e.Key)],
        [.. _entries.Keys.Where(k => !previous._entries.ContainsKey(k))],
        [.. previous._entries.Keys.Where(k => !_entries.ContainsKey(k))]);

    private static string ComputeHash(SortedDictionary<string, string> entries)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, sha) in entries)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(sha));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
