using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Packager.Diagnostics;

/// <summary>
/// Prints diagnostics in one stable plain-text shape (tests and CI logs read it):
/// <c>error LR1001: message</c>, then one indented <c>at file[:line]</c> line per location.
/// </summary>
internal static class DiagnosticPrinter
{
    public static string Format(Diagnostic diagnostic)
    {
        var severity = diagnostic.IsError ? "error" : "warning";
        var lines = new List<string> { $"{severity} {diagnostic.Code}: {diagnostic.Message}" };
        lines.AddRange(diagnostic.Locations.Select(location => $"  at {location}"));
        return string.Join(Environment.NewLine, lines);
    }

    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(Format(diagnostic));
        }
    }
}
