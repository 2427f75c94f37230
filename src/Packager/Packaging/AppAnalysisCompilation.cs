using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// A Roslyn compilation of the app's own sources, for reading which source file uses which (<see cref="SourceClosure"/>),
/// never for emitting. It references the framework and LambdaRoutes assemblies the packager itself runs on: close enough to
/// bind the app's code, and any name that still does not bind is matched by name against the app's declarations, so a
/// reference the compilation misses can only widen a route's closure, never narrow it.
/// </summary>
internal static class AppAnalysisCompilation
{
    /// <summary>The global usings <c>ImplicitUsings</c> gives a <c>Microsoft.NET.Sdk</c> project (added whether or not the app enables them: more imports can only bind more names).</summary>
    private static readonly string[] SdkImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The name of the synthetic tree that carries the global usings; it is no app file.</summary>
    public const string UsingsTreePath = "<lambda-routes global usings>";

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static CSharpCompilation Create(string appDir, string? appProject, IReadOnlyDictionary<string, string> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => CSharpSyntaxTree.ParseText(s.Value, parse, path: s.Key))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsingsText(appDir, appProject), parse, path: UsingsTreePath));
        return CSharpCompilation.Create("lambda-routes-analysis", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The SDK's implicit usings plus the project file's own <c>&lt;Using&gt;</c> items.</summary>
    private static string GlobalUsingsText(string appDir, string? appProject)
    {
        var lines = SdkImplicitUsings.Select(u => $"global using global::{u};").ToList();
        var path = appProject is null ? null : Path.Combine(appDir, appProject);
        if (path is not null && File.Exists(path))
        {
            try
            {
                foreach (var item in XDocument.Load(path).Descendants("Using"))
                {
                    if ((string?)item.Attribute("Include") is not { Length: > 0 } include)
                    {
                        continue;
                    }

                    lines.Add((string?)item.Attribute("Alias") is { Length: > 0 } alias ? $"global using {alias} = {include};"
                        : string.Equals((string?)item.Attribute("Static"), "true", StringComparison.OrdinalIgnoreCase) ? $"global using static {include};"
                        : $"global using {include};");
                }
            }
            catch (System.Xml.XmlException)
            {
                // A broken project file fails the app compile with its own error; here the SDK's usings are enough.
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The framework and LambdaRoutes assemblies of the running packager (the trusted platform assemblies).</summary>
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return paths
            .Where(p => Path.GetFileNameWithoutExtension(p) is var name &&
                (name is "mscorlib" or "netstandard" or "System" or "LambdaRoutes.Runtime" or "LambdaRoutes.Contracts" || name.StartsWith("System.", StringComparison.Ordinal)))
            .Where(File.Exists)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }
}
