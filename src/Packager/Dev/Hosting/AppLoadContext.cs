using System.Reflection;
using System.Runtime.Loader;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// A collectible load context for one build of the app, so a rebuild can load the new code and let the old one go.
/// <c>LambdaRoutes.Runtime</c> (and the <c>LambdaRoutes.Contracts</c> it is built on) is deliberately not loaded here: it resolves to the tool's own copy, so the app's
/// <c>IApiRoute</c> is the tool's <c>IApiRoute</c> and the tool calls the runtime's <c>RouteInvoker</c> directly.
/// Assemblies are read from bytes, so the build output stays free to be overwritten.
/// </summary>
internal sealed class AppLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> Shared = new(StringComparer.Ordinal)
    {
        typeof(IApiRoute).Assembly.GetName().Name!,
        typeof(LambdaRoutes.Contracts.Verbs.HttpVerbs).Assembly.GetName().Name!,
    };
    private readonly AssemblyDependencyResolver _resolver;

    public AppLoadContext(string mainAssemblyPath)
        : base("lambda-routes-dev:" + Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
        MainAssembly = LoadFromBytes(mainAssemblyPath);
    }

    public Assembly MainAssembly { get; }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && Shared.Contains(name))
        {
            return null;
        }

        // Framework assemblies are not in the app's deps.json: null falls back to the tool's (default) context.
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromBytes(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private Assembly LoadFromBytes(string path)
    {
        using var assembly = new MemoryStream(File.ReadAllBytes(path));
        var pdbPath = Path.ChangeExtension(path, ".pdb");
        using var pdb = File.Exists(pdbPath) ? new MemoryStream(File.ReadAllBytes(pdbPath)) : null;
        return LoadFromStream(assembly, pdb);
    }
}
