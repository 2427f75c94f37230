using LambdaRoutes.Contracts.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Finds the app's source-generated JSON context (docs/architecture.md): the one class deriving from
/// <c>JsonSerializerContext</c>, or the one named by <c>[assembly: LambdaRoutes.ApiJsonContext(typeof(X))]</c> when there are several.
/// Returns its full name, or null when the app has none (routes then use <c>JsonNode</c> only).
/// </summary>
internal static class JsonContextFinder
{
    public static string? Find(string appDir, IEnumerable<string> sourceFiles, DiagnosticList diagnostics)
    {
        var contexts = new List<(string Name, SourceLocation Location)>();
        string? chosen = null;
        foreach (var file in sourceFiles.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(appDir, file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // a broken link or unreadable file: RouteFileWalker reports route files, the compiler the rest
            }

            if (!text.Contains("JsonSerializerContext", StringComparison.Ordinal) && !text.Contains("ApiJsonContext", StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(text, path: file).GetCompilationUnitRoot();
            foreach (var type in root.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (type.BaseList?.Types.Any(b => RouteTypeReader.RightmostName(b.Type) == "JsonSerializerContext") == true)
                {
                    contexts.Add((RouteTypeReader.FullName(type), RouteTypeReader.LocationOf(file, type.Identifier.GetLocation())));
                }
            }

            chosen ??= root.AttributeLists
                .Where(list => list.Target?.Identifier.Text == "assembly")
                .SelectMany(list => list.Attributes)
                .Where(a => RouteTypeReader.RightmostName(a.Name) is "ApiJsonContext" or "ApiJsonContextAttribute")
                .Select(a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression)
                .OfType<TypeOfExpressionSyntax>()
                .Select(t => t.Type.ToString())
                .FirstOrDefault();
        }

        if (chosen is not null)
        {
            // The attribute may name the type short or qualified; match on the end of the full name.
            return contexts.Select(c => c.Name).FirstOrDefault(n => n == chosen || n.EndsWith("." + chosen, StringComparison.Ordinal)) ?? chosen;
        }

        if (contexts.Count > 1)
        {
            diagnostics.Add(RouteDiagnostics.SeveralJsonContexts(contexts.Select(c => c.Name), contexts.Select(c => c.Location)));
            return null;
        }

        return contexts.Count == 1 ? contexts[0].Name : null;
    }
}
