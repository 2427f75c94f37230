using System.Reflection;
using System.Text.Json.Serialization;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// One build of the app, loaded, and the handler factories of its routes. A route object is created when an instance of
/// the route starts (its init; the emulator's pool decides when, as for a process) by reflection (fine in a tool, never
/// in the runtime), with the app's JSON context, and wrapped in the runtime's own <see cref="RouteInvoker"/> (or
/// <see cref="AuthorizerInvoker"/>), so the mapping is exactly production's.
/// </summary>
internal sealed class LoadedApp
{
    private readonly AppLoadContext _context;
    private readonly JsonSerializerContext? _json;
    private readonly Dictionary<string, RouteEntry> _routes;

    private LoadedApp(AppLoadContext context, JsonSerializerContext? json, RouteTable table)
    {
        _context = context;
        _json = json;
        _routes = table.Routes.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Table = table;
    }

    public RouteTable Table { get; }

    public static LoadedApp Load(string assemblyPath, RouteTable table)
    {
        var context = new AppLoadContext(assemblyPath);
        JsonSerializerContext? json = null;
        if (table.JsonContext is { } name)
        {
            var type = context.MainAssembly.GetType(name, throwOnError: true)!;
            json = type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as JsonSerializerContext
                   ?? throw new InvalidOperationException($"{name} has no static Default property of its own type.");
        }

        return new LoadedApp(context, json, table);
    }

    /// <summary>
    /// What one new instance of the route runs, made when its runtime starts (its init): a constructor that throws is
    /// the instance's init error, which the runtime reports to <c>/init/error</c> as a bootstrap does.
    /// </summary>
    public Func<LambdaRoutes.Bootstrap.IInvocationHandler> HandlerFactory(string routeId)
    {
        var entry = _routes[routeId];
        return () => CreateInvoker(entry);
    }

    /// <summary>A new instance of the route: its object and an invoker around it.</summary>
    /// <exception cref="Exception">Whatever the route's constructor threw (an init error).</exception>
    private LambdaRoutes.Bootstrap.IInvocationHandler CreateInvoker(RouteEntry entry)
    {
        var type = _context.MainAssembly.GetType(entry.Handler, throwOnError: true)!;
        if (entry.Style == RouteStyle.Authorizer) return new AuthorizerInvoker((ILambdaAuthorizer)Construct(type));
        IApiRoute route;
        try
        {
            route = entry.Style == RouteStyle.Verbs
                ? VerbRouteReflection.Build(type, entry.File, entry.Methods)
                : (IApiRoute)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }

        return new RouteInvoker(route, RouteEntryOptions.For(entry), _json);
    }

    /// <summary>A new object of <paramref name="type"/>; its constructor's exception, not reflection's wrapper, when it throws.</summary>
    private static object Construct(Type type)
    {
        try
        {
            return Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    /// <summary>Lets the old code go once its in-flight requests finish (a collectible context unloads when unreferenced).</summary>
    public void Unload() => _context.Unload();
}
