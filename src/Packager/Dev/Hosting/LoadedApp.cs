using System.Reflection;
using System.Text.Json.Serialization;
using LambdaRoutes.Local.Instances;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// One build of the app, loaded, with a pool of instances per route. A route object is created when a request finds no
/// idle instance — that request is a cold start — by reflection (fine in a tool, never in the runtime), with the app's
/// JSON context, and wrapped in the runtime's own <see cref="RouteInvoker"/>, so the mapping is exactly production's. A
/// constructor that throws is an init error, retried on the next request as Lambda retries init in a fresh environment.
/// </summary>
internal sealed class LoadedApp
{
    private readonly AppLoadContext _context;
    private readonly JsonSerializerContext? _json;
    private readonly Dictionary<string, RouteEntry> _routes;
    private readonly Dictionary<string, InstancePool<RouteInstance>> _pools;

    private LoadedApp(AppLoadContext context, JsonSerializerContext? json, RouteTable table)
    {
        _context = context;
        _json = json;
        _routes = table.Routes.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _pools = table.Routes.ToDictionary(r => r.Id, _ => new InstancePool<RouteInstance>(), StringComparer.Ordinal);
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

    /// <summary>The route's instance pool; it lives as long as this build, so a reload starts every route cold.</summary>
    public InstancePool<RouteInstance> Pool(string routeId) => _pools[routeId];

    /// <summary>
    /// An idle instance of the route (warm) or a new one (cold). A constructor that throws is the new instance's init
    /// error: its number is used up and nothing is pooled, so the next request tries a fresh instance.
    /// </summary>
    public Rental Rent(string routeId)
    {
        var number = 0;
        try
        {
            // Creation is synchronous here (a constructor call), so the rent has completed when it returns.
            var (instance, cold, _) = Pool(routeId).RentAsync(n =>
            {
                number = n;
                return Task.FromResult(new RouteInstance(n, CreateInvoker(_routes[routeId])));
            }).GetAwaiter().GetResult();
            return new Rental(instance, instance.Number, cold, InitError: null);
        }
        catch (Exception ex) when (number > 0)
        {
            return new Rental(null, number, Cold: true, ex);
        }
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
