using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>What a binary needs of glibc: the highest symbol version and the symbols that need more than allowed.</summary>
internal sealed record GlibcReport(Version? Highest, IReadOnlyList<string> TooNew, string? Problem)
{
    public bool Ok => Problem is null && TooNew.Count == 0;
}

/// <summary>
/// Checks the glibc symbol versions a bootstrap needs (docs/packager.md): Amazon Linux 2023, which <c>provided.al2023</c>
/// runs, has glibc 2.34, and a binary linked on a newer host can fail at start with <c>GLIBC_2.38 not found</c> (https://docs.aws.amazon.com/lambda/latest/dg/dotnet-native-aot.html).
/// Reads the dynamic symbol table with <c>objdump -T</c>.
/// </summary>
internal static partial class GlibcCheck
{
    public static readonly Version AmazonLinux2023 = new(2, 34);

    public static GlibcReport Check(string binary, Version? limit = null)
    {
        limit ??= AmazonLinux2023;
        string output;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("objdump", ["-T", binary]) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException("objdump did not start");
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                return new GlibcReport(null, [], $"objdump -T failed with exit code {process.ExitCode}");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new GlibcReport(null, [], "objdump was not found (install binutils) so the glibc versions could not be checked");
        }

        return FromObjdump(output, limit);
    }

    public static GlibcReport FromObjdump(string objdumpOutput, Version limit)
    {
        Version? highest = null;
        var tooNew = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in SymbolVersion().Matches(objdumpOutput))
        {
            var version = Version.Parse(match.Groups["version"].Value);
            if (highest is null || version > highest)
            {
                highest = version;
            }

            if (version > limit)
            {
                tooNew.Add($"{match.Groups["symbol"].Value}@GLIBC_{version}");
            }
        }

        return new GlibcReport(highest, [.. tooNew], null);
    }

    [GeneratedRegex(@"\(?GLIBC_(?<version>\d+\.\d+(?:\.\d+)?)\)?\s+(?<symbol>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SymbolVersion();
}
