using System.Reflection;
using System.Text.RegularExpressions;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Contracts;

/// <summary>
/// src/Contracts/Diagnostics/DiagnosticCatalogue.cs is the one list of LR (tool) and LRC (construct) codes: each code
/// once, every code the sources write listed there, and every listed code in the docs section its entry names.
/// </summary>
public sealed partial class DiagnosticCatalogueTests
{
    [Fact]
    public void No_code_is_listed_twice_and_every_entry_is_in_All()
    {
        var declared = typeof(DiagnosticCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        var twice = DiagnosticCatalogue.All.GroupBy(d => d.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "codes listed twice: " + string.Join(", ", twice));
        Assert.Equal(declared.Select(d => d.Code).Order(StringComparer.Ordinal), DiagnosticCatalogue.All.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.All(DiagnosticCatalogue.All, d => Assert.Matches(CodePattern(), d.Code));
    }

    [Fact]
    public void Every_code_the_sources_write_is_in_the_catalogue()
    {
        var catalogued = DiagnosticCatalogue.All.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var sources = new[] { "src", "cdk" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);

        var strays = sources
            .SelectMany(file => CodePattern().Matches(File.ReadAllText(file))
                .Select(m => (Code: m.Value, File: Path.GetRelativePath(RepoPaths.Root, file))))
            .Where(use => !catalogued.Contains(use.Code))
            .Select(use => $"{use.Code} in {use.File}")
            .Distinct()
            .ToList();

        Assert.True(strays.Count == 0, "codes the catalogue does not list: " + string.Join("; ", strays));
    }

    [Fact]
    public void Every_code_is_documented_in_the_section_its_entry_names_and_the_docs_list_no_other()
    {
        var problems = new List<string>();
        foreach (var page in DiagnosticCatalogue.All.GroupBy(d => d.Docs))
        {
            var documented = DocumentedCodes(page.Key);
            problems.AddRange(page.Where(d => !documented.Contains(d.Code)).Select(d => $"{d.Code} is not in {d.Docs}"));
            problems.AddRange(documented.Where(code => page.All(d => d.Code != code)).Select(code => $"{page.Key} lists {code}, which is no entry of this page's"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_construct_finding_keeps_its_code_wording_file_and_route_as_users_see_them()
    {
        var diagnostic = ConstructDiagnostics.DuplicateId("Api", "api/index.cs").About("api/users/[id].cs", "/api/users/[id]");

        Assert.Equal(DiagnosticCatalogue.DuplicateId.Code, diagnostic.Code);
        Assert.Equal("LRC112", diagnostic.Code);
        Assert.Equal("id 'Api' is also used by api/index.cs.", diagnostic.Message);
        Assert.Equal("api/users/[id].cs", Assert.Single(diagnostic.Locations).File);
        Assert.Equal("/api/users/[id]", diagnostic.Route);
    }

    /// <summary>
    /// The codes in the first column of the tables under the heading <paramref name="docs"/> points at
    /// (<c>docs/deploy.md#synth-time-errors</c>), up to the next heading of the same or a higher level. A row may give a
    /// range (<c>LR0001–LR0005</c>, <c>LRC100–104</c>), which covers every number in it.
    /// </summary>
    private static HashSet<string> DocumentedCodes(string docs)
    {
        var (page, anchor) = (docs.Split('#')[0], docs.Split('#')[1]);
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, page));
        var start = Array.FindIndex(lines, l => l.StartsWith('#') && Slug(l.TrimStart('#').Trim()) == anchor);
        Assert.True(start >= 0, $"{page} has no heading for #{anchor}");
        var level = lines[start].TakeWhile(c => c == '#').Count();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#') && lines[i].TakeWhile(c => c == '#').Count() <= level) break;
            if (!lines[i].StartsWith('|')) continue;
            var cell = lines[i].Split('|')[1];
            foreach (Match row in CodeRange().Matches(cell))
            {
                var prefix = row.Groups["prefix"].Value;
                var width = row.Groups["from"].Value.Length;
                var from = int.Parse(row.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var to = row.Groups["to"].Success ? int.Parse(row.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
                for (var n = from; n <= to; n++) codes.Add(prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0'));
            }
        }

        return codes;
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation but '-' dropped, spaces to '-'.</summary>
    private static string Slug(string heading) =>
        new string(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or ' ' or '_').ToArray()).Replace(' ', '-');

    [GeneratedRegex(@"\bLR\d{4}\b|\bLRC\d{3}\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"(?<prefix>LRC|LR)(?<from>\d{3,4})(?:–(?:LRC|LR)?(?<to>\d{3,4}))?")]
    private static partial Regex CodeRange();
}
