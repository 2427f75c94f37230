using System.Text.RegularExpressions;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>One error or warning line of MSBuild's canonical format: <c>file(line,col): error CS1002: message [project]</c>.</summary>
internal sealed record BuildMessage(bool IsError, string Code, string? File, int? Line, string Text)
{
    public bool IsAotWarning => !IsError && (Code.StartsWith("IL", StringComparison.Ordinal) || Code.StartsWith("ILC", StringComparison.Ordinal));

    public string Location => File is null ? "" : Line is { } line ? $"{File}:{line}" : File;

    /// <summary>The location with a file under <paramref name="appDir"/> made app-relative, as every other diagnostic is.</summary>
    public string LocationIn(string appDir)
    {
        if (File is null || !Path.IsPathRooted(File))
        {
            return Location;
        }

        var relative = Path.GetRelativePath(appDir, File).Replace('\\', '/');
        var file = relative.StartsWith("..", StringComparison.Ordinal) ? File : relative;
        return Line is { } line ? $"{file}:{line}" : file;
    }
}

/// <summary>Picks the canonical error and warning lines out of <c>dotnet</c> output, once each (MSBuild repeats them in its summary).</summary>
internal static partial class BuildMessageParser
{
    public static IReadOnlyList<BuildMessage> Parse(IEnumerable<string> lines)
    {
        var messages = new List<BuildMessage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var match = Canonical().Match(line);
            if (!match.Success || !seen.Add(match.Groups["body"].Value))
            {
                continue;
            }

            var origin = match.Groups["origin"].Value.Trim();
            string? file = null;
            int? lineNumber = null;
            var position = Position().Match(origin);
            if (position.Success)
            {
                file = position.Groups["file"].Value;
                lineNumber = int.Parse(position.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (origin.Length > 0)
            {
                file = origin;
            }

            messages.Add(new BuildMessage(match.Groups["severity"].Value == "error", match.Groups["code"].Value, file, lineNumber,
                match.Groups["text"].Value.Trim()));
        }

        return messages;
    }

    // MSBuild's canonical form allows a subcategory before the category: ILC writes "Trim analysis warning IL2026".
    [GeneratedRegex(@"^(?<body>(?<origin>.*?):\s*(?:[A-Za-z ]*?\s)?(?<severity>error|warning)\s+(?<code>[A-Z]+\d+)\s*:\s*(?<text>.*?))(\s+\[[^\]]+\])?$")]
    private static partial Regex Canonical();

    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+)(,\d+)*\)$")]
    private static partial Regex Position();
}
