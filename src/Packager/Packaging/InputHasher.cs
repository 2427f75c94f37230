using System.Xml.Linq;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// The inputs that decide whether a route must be rebuilt (docs/packager.md "Incremental builds"). A route's
/// <see cref="InputSet"/> covers:
///   - the app's source files its binary can depend on: its route file and that file's closure (<see cref="SourceClosure"/>),
///     plus the files that reach every route (global usings, assembly attributes, the JSON context and its types);
///   - every project and MSBuild file of the app (<c>.csproj</c>, <c>.props</c>, <c>.targets</c>): they can change anything;
///   - the projects the app references (the runtime), transitively, by content;
///   - the generated entry project (route, settings, JSON context, framework, RID) and the packager version.
/// So an edit under <c>api/_lib</c> rebuilds the routes that reach the edited file and no others. An app project that
/// names its own analyzers (source generators may read every file) makes every source file an input of every route.
/// Paths enter relative, so a moved app keeps its hashes.
/// </summary>
internal sealed class InputHasher
{
    private readonly RouteTable _table;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _shared;
    private readonly IReadOnlyDictionary<string, string> _sourceShas;
    private readonly SourceClosure? _closure;

    private InputHasher(RouteTable table, IReadOnlyList<KeyValuePair<string, string>> shared, IReadOnlyDictionary<string, string> sourceShas, SourceClosure? closure)
    {
        _table = table;
        _shared = shared;
        _sourceShas = sourceShas;
        _closure = closure;
    }

    /// <summary>Reads and hashes the app's files once and analyses which source file uses which.</summary>
    public static InputHasher Analyse(RouteTable table)
    {
        var shared = new List<KeyValuePair<string, string>> { new("packager", typeof(InputHasher).Assembly.GetName().Version?.ToString() ?? "") };
        var sources = new Dictionary<string, string?>(StringComparer.Ordinal);
        var sourceShas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in AppSources.Enumerate(table.AppDir))
        {
            var content = TryRead(Path.Combine(table.AppDir, file));
            var sha = content is null ? "unreadable" : InputSet.Sha256(content);
            if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                sources[file] = content is null ? null : System.Text.Encoding.UTF8.GetString(content);
                sourceShas[file] = sha;
            }
            else
            {
                shared.Add(new("app:" + file, sha));
            }
        }

        foreach (var project in ReferencedProjectDirs(table))
        {
            foreach (var file in AppSources.Enumerate(project))
            {
                var content = TryRead(Path.Combine(project, file));
                shared.Add(new($"ref:{Path.GetFileName(project)}/{file}", content is null ? "unreadable" : InputSet.Sha256(content)));
            }
        }

        var closure = NamesOwnAnalyzers(table) ? null : ClosureOf(table, shared, sources, sourceShas);
        return new InputHasher(table, shared, sourceShas, closure);
    }

    /// <summary>
    /// The source closure, reused from the previous build while every input of the analysis is the same (a no-op build then
    /// loads no compiler); otherwise analysed and saved for the next build (<c>obj/lambda-routes/closure.json</c>).
    /// </summary>
    private static SourceClosure ClosureOf(RouteTable table, IReadOnlyList<KeyValuePair<string, string>> shared, IReadOnlyDictionary<string, string?> sources, IReadOnlyDictionary<string, string> sourceShas)
    {
        var key = new InputSet(shared.Where(e => !e.Key.StartsWith("ref:", StringComparison.Ordinal))
            .Concat(sourceShas.Select(s => new KeyValuePair<string, string>("app:" + s.Key, s.Value)))
            .Append(new("json-context", table.JsonContext ?? ""))
            .Append(new("project", table.AppProject ?? ""))
            .Append(new("dotnet", Environment.Version.ToString()))).Hash;
        var path = Path.Combine(table.AppDir, EntryProject.EntryRoot, "closure.json");
        var saved = TryRead(path) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
        if (saved is not null && saved.StartsWith(key + "\n", StringComparison.Ordinal) && SourceClosure.FromJson(saved[(key.Length + 1)..]) is { } reused)
        {
            return reused;
        }

        var closure = SourceClosure.Analyse(table.AppDir, table.AppProject, sources, table.JsonContext);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, key + "\n" + closure.ToJson());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a saving lost: the next build analyses again.
        }

        return closure;
    }

    /// <summary>The app source files a route's binary can depend on (all of them when the app has its own analyzers).</summary>
    public IReadOnlySet<string> SourcesOf(RouteEntry route) =>
        _closure?.For(route.File) ?? _sourceShas.Keys.ToHashSet(StringComparer.Ordinal);

    public InputSet ForRoute(RouteEntry route, EntryProject entry) => Inputs(SourcesOf(route), entry);

    /// <summary>Every input of the app except the route files (each route reaches its own file, so a route edit rebuilds
    /// it and a deleted route only loses its output): what <see cref="AppCompileCheck"/> compares.</summary>
    public string SharedInputsHash
    {
        get
        {
            var routeFiles = _table.Routes.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
            return new InputSet(_shared.Concat(_sourceShas.Where(s => !routeFiles.Contains(s.Key))
                .Select(s => new KeyValuePair<string, string>("app:" + s.Key, s.Value)))).Hash;
        }
    }

    /// <summary>Every input of the app at once (all its sources, project files, referenced projects): the shards of one
    /// build must agree on it.</summary>
    public string WholeAppHash => new InputSet(_shared
        .Concat(_sourceShas.Select(s => new KeyValuePair<string, string>("app:" + s.Key, s.Value)))).Hash;

    /// <summary>Single-binary mode: what any route reaches feeds the one binary every route ships.</summary>
    public InputSet ForCombined(EntryProject combined) =>
        Inputs(_table.Routes.SelectMany(SourcesOf).ToHashSet(StringComparer.Ordinal), combined);

    private InputSet Inputs(IEnumerable<string> sources, EntryProject entry) => new(_shared
        .Concat(sources.Where(_sourceShas.ContainsKey).Select(f => new KeyValuePair<string, string>("app:" + f, _sourceShas[f])))
        .Append(new("entry:Program.cs", InputSet.Sha256(entry.ProgramText)))
        .Append(new("entry:" + Path.GetFileName(entry.ProjectPath), InputSet.Sha256(entry.ProjectText))));

    /// <summary><c>&lt;Analyzer&gt;</c> items or an analyzer project reference: generated code we cannot see may use any file.</summary>
    private static bool NamesOwnAnalyzers(RouteTable table)
    {
        var path = Path.Combine(table.AppDir, table.AppProject ?? "");
        try
        {
            return table.AppProject is not null && File.Exists(path) &&
                XDocument.Load(path).Descendants().Any(e => e.Name.LocalName == "Analyzer" ||
                    ((string?)e.Attribute("OutputItemType"))?.Contains("Analyzer", StringComparison.OrdinalIgnoreCase) == true);
        }
        catch (System.Xml.XmlException)
        {
            return true; // the compile will say what is wrong with it; meanwhile assume the worst
        }
    }

    /// <summary>The folders of projects the app references, followed transitively through their own ProjectReference items.</summary>
    public static IReadOnlyList<string> ReferencedProjectDirs(RouteTable table)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        if (table.AppProject is not null)
        {
            pending.Push(Path.Combine(table.AppDir, table.AppProject));
        }

        while (pending.TryPop(out var projectPath))
        {
            if (!File.Exists(projectPath))
            {
                continue;
            }

            foreach (var include in XDocument.Load(projectPath).Descendants("ProjectReference").Select(e => (string?)e.Attribute("Include")).OfType<string>())
            {
                var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, include.Replace('\\', '/')));
                if (seen.Add(Path.GetDirectoryName(referenced)!))
                {
                    pending.Push(referenced);
                }
            }
        }

        return [.. seen];
    }

    /// <summary>
    /// A source that cannot be read (a broken symbolic link under api/_lib, no permission) is not the hasher's to report: the
    /// app compile that follows names the file precisely (CS2001). Its hash records the fact, so the route rebuilds once the
    /// file is back, and it reaches every route (nobody can tell what it declares).
    /// </summary>
    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
