using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Which of the app's source files a route's binary can depend on: the route file, every file declaring a symbol it
/// uses (types, members, extension methods, attributes, operators and conversions, the members behind foreach/await/
/// deconstruction/query/collection-initializer patterns — with every part of a partial type), and so on transitively.
/// The app's JSON context is reached by every route (the entry project passes it), and through it the files declaring
/// the types in its <c>[JsonSerializable]</c> attributes, since those attributes are in its declaration.
/// Files that can affect code they do not name reach every route: global usings, <c>[assembly:]</c>/<c>[module:]</c>
/// attributes, module initializers, top-level statements, and any file that cannot be read or analysed. A name that
/// does not bind (a package the analysis compilation does not reference) reaches every app declaration of that name.
/// Over-approximation is the rule: rebuilding a route needlessly costs time, missing one deploys stale code.
/// </summary>
internal sealed class SourceClosure
{
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _uses;
    private readonly IReadOnlySet<string> _everyRoute;

    private SourceClosure(IReadOnlyDictionary<string, IReadOnlySet<string>> uses, IReadOnlySet<string> everyRoute)
    {
        _uses = uses;
        _everyRoute = everyRoute;
    }

    /// <summary>The files every route reaches, whatever it uses (the closure of the global files and the JSON context).</summary>
    public IReadOnlySet<string> EveryRoute => _everyRoute;

    /// <summary>
    /// Analyses the app. <paramref name="sources"/> maps app-relative .cs paths to their text (null: unreadable);
    /// <paramref name="jsonContext"/> is the full name of the context every route is given, if any.
    /// </summary>
    public static SourceClosure Analyse(string appDir, string? appProject, IReadOnlyDictionary<string, string?> sources, string? jsonContext)
    {
        var readable = sources.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!, StringComparer.Ordinal);
        var compilation = AppAnalysisCompilation.Create(appDir, appProject, readable);
        var declarations = DeclaredNames(compilation);
        var uses = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var global = new SortedSet<string>(sources.Where(s => s.Value is null).Select(s => s.Key), StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees.Where(t => readable.ContainsKey(t.FilePath)))
        {
            var root = tree.GetCompilationUnitRoot();
            if (ReachesEveryRoute(root))
            {
                global.Add(tree.FilePath);
            }

            try
            {
                uses[tree.FilePath] = new FileUses(compilation.GetSemanticModel(tree), declarations).Collect(root);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // Roslyn could not answer for some node: the file may use anything, and anything may reach it.
                global.Add(tree.FilePath);
                uses[tree.FilePath] = readable.Keys.ToHashSet(StringComparer.Ordinal);
            }
        }

        if (jsonContext is not null)
        {
            global.UnionWith(FilesDeclaring(compilation, jsonContext, declarations));
        }

        return new SourceClosure(uses, Reach(global, uses));
    }

    /// <summary>Every app file a route file's binary can depend on: its own closure plus <see cref="EveryRoute"/>.</summary>
    public IReadOnlySet<string> For(string routeFile)
    {
        var reached = Reach([routeFile], _uses);
        reached.UnionWith(_everyRoute);
        return reached;
    }

    /// <summary>The analysis as JSON (which file uses which, and what reaches every route), to reuse while no source changes.</summary>
    public string ToJson() => new JsonObject
    {
        ["everyRoute"] = new JsonArray([.. _everyRoute.Select(f => JsonValue.Create(f))]),
        ["uses"] = new JsonObject(_uses.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u =>
            new KeyValuePair<string, JsonNode?>(u.Key, new JsonArray([.. u.Value.Order(StringComparer.Ordinal).Select(f => JsonValue.Create(f))])))),
    }.ToJsonString();

    /// <summary>An analysis saved by <see cref="ToJson"/>, or null when the text is not one.</summary>
    public static SourceClosure? FromJson(string json)
    {
        try
        {
            var root = JsonNode.Parse(json)!.AsObject();
            var every = root["everyRoute"]!.AsArray().Select(f => (string)f!).ToHashSet(StringComparer.Ordinal);
            var uses = root["uses"]!.AsObject().ToDictionary(u => u.Key,
                u => (IReadOnlySet<string>)u.Value!.AsArray().Select(f => (string)f!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            return new SourceClosure(uses, every);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return null;
        }
    }

    private static SortedSet<string> Reach(IEnumerable<string> seeds, IReadOnlyDictionary<string, IReadOnlySet<string>> uses)
    {
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(seeds);
        while (pending.TryPop(out var file))
        {
            if (reached.Add(file) && uses.TryGetValue(file, out var next))
            {
                foreach (var used in next)
                {
                    pending.Push(used);
                }
            }
        }

        return reached;
    }

    /// <summary>Syntax whose effect is not limited to the code that names it.</summary>
    private static bool ReachesEveryRoute(CompilationUnitSyntax root) =>
        root.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)) ||
        root.Externs.Count > 0 ||
        root.AttributeLists.Count > 0 || // [assembly: …] and [module: …]
        root.Members.OfType<GlobalStatementSyntax>().Any() ||
        root.DescendantNodes().OfType<AttributeSyntax>().Any(a => SimpleName(a.Name) is "ModuleInitializer" or "ModuleInitializerAttribute");

    /// <summary>The JSON context's files: by full metadata name, or by simple name when that does not resolve.</summary>
    private static IEnumerable<string> FilesDeclaring(CSharpCompilation compilation, string fullName, DeclaredNameIndex declarations)
    {
        var type = compilation.GetTypeByMetadataName(fullName);
        var files = type?.DeclaringSyntaxReferences.Select(r => r.SyntaxTree.FilePath).ToList();
        return files is { Count: > 0 } ? files : declarations.FilesDeclaring(fullName[(fullName.LastIndexOf('.') + 1)..]);
    }

    private static DeclaredNameIndex DeclaredNames(CSharpCompilation compilation)
    {
        var index = new DeclaredNameIndex();
        foreach (var tree in compilation.SyntaxTrees.Where(t => t.FilePath != AppAnalysisCompilation.UsingsTreePath))
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var name = node switch
                {
                    BaseTypeDeclarationSyntax t => t.Identifier.Text,
                    DelegateDeclarationSyntax d => d.Identifier.Text,
                    MethodDeclarationSyntax m => m.Identifier.Text,
                    PropertyDeclarationSyntax p => p.Identifier.Text,
                    EventDeclarationSyntax e => e.Identifier.Text,
                    VariableDeclaratorSyntax v when v.Parent?.Parent is BaseFieldDeclarationSyntax => v.Identifier.Text,
                    EnumMemberDeclarationSyntax e => e.Identifier.Text,
                    ParameterSyntax p when p.Parent?.Parent is TypeDeclarationSyntax => p.Identifier.Text, // a primary constructor's parameter
                    _ => null,
                };
                if (name is not null)
                {
                    index.Add(name, tree.FilePath);
                }
            }
        }

        return index;
    }

    internal static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.Text,
        AliasQualifiedNameSyntax a => a.Name.Identifier.Text,
        SimpleNameSyntax s => s.Identifier.Text,
        _ => name.ToString(),
    };
}

/// <summary>The app files declaring a type or member of each simple name: the answer for a name the compilation cannot bind.</summary>
internal sealed class DeclaredNameIndex
{
    private readonly Dictionary<string, SortedSet<string>> _files = new(StringComparer.Ordinal);

    public void Add(string name, string file)
    {
        if (!_files.TryGetValue(name, out var files))
        {
            _files[name] = files = new SortedSet<string>(StringComparer.Ordinal);
        }

        files.Add(file);
    }

    public IEnumerable<string> FilesDeclaring(string name) => _files.TryGetValue(name, out var files) ? files : [];
}
