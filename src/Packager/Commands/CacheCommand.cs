using System.CommandLine;
using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Output;

namespace LambdaRoutes.Packager.Commands;

/// <summary>
/// <c>lambda-routes cache prune [--cache DIR] [--max-size 2GB] [--older-than 30d]</c>: keeps a folder artifact cache in bounds
/// (<see cref="CachePruner"/>). An S3 cache is bounded by a lifecycle rule on the bucket instead (docs/packager.md).
/// </summary>
internal static class CacheCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cache = new Option<string?>("--cache")
        {
            Description = $"The cache folder (default: ${CacheSetting.EnvironmentVariable}, else {CacheSetting.DefaultFolder()}).",
        };
        var maxSize = new Option<long?>("--max-size")
        {
            Description = "Remove the least recently used entries until the folder holds at most this much: bytes, or with KB, MB or GB (1024-based).",
            CustomParser = result => Parse<long>(result, CacheLimits.TryParseSize),
        };
        var olderThan = new Option<TimeSpan?>("--older-than")
        {
            Description = "Remove entries not used for longer than this: a number with d (days), h (hours) or m (minutes).",
            CustomParser = result => Parse<TimeSpan>(result, CacheLimits.TryParseAge),
        };
        var prune = new Command("prune", "Remove artifact cache entries: those unused for --older-than, then the least recently used beyond --max-size.")
        {
            cache, maxSize, olderThan,
        };
        prune.SetAction(parse => Prune(parse.GetValue(cache), parse.GetValue(maxSize), parse.GetValue(olderThan), stdout, stderr));
        return new Command("cache", "Manage the artifact cache of `build`.") { prune };
    }

    private static int Prune(string? option, long? maxSize, TimeSpan? olderThan, TextWriter stdout, TextWriter stderr)
    {
        if (maxSize is null && olderThan is null)
        {
            stderr.WriteLine("error: cache prune needs --max-size, --older-than or both (nothing would be removed).");
            return 1;
        }

        var folder = option ?? (Environment.GetEnvironmentVariable(CacheSetting.EnvironmentVariable) is { Length: > 0 } env ? env : CacheSetting.DefaultFolder());
        if (folder == CacheSetting.Off || folder.StartsWith("s3://", StringComparison.Ordinal))
        {
            stderr.WriteLine($"error: cache prune works on a cache folder, not '{folder}'; bound an S3 cache with a lifecycle rule on the bucket.");
            return 1;
        }

        try
        {
            var result = CachePruner.Prune(folder, maxSize, olderThan, DateTime.UtcNow);
            stdout.WriteLine($"removed {result.RemovedEntries} entries ({BuildTable.Bytes(result.RemovedBytes)}) from {Path.GetFullPath(folder)}; " +
                             $"kept {result.KeptEntries} ({BuildTable.Bytes(result.KeptBytes)})");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot prune {Path.GetFullPath(folder)}: {e.Message}");
            return 1;
        }
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Parse<T>(System.CommandLine.Parsing.ArgumentResult result, TryParse<T> parse) where T : struct
    {
        var text = result.Tokens.Single().Value;
        if (parse(text, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a valid value for {((System.CommandLine.Parsing.OptionResult)result.Parent!).Option.Name}.");
        return null;
    }
}
