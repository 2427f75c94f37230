using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using LambdaRoutes.Contracts.Verbs;

namespace LambdaRoutes.Testing;

/// <summary>
/// The one reflection-based discovery of a verb-style route class (a static class with <c>GET</c>, <c>POST</c>, …):
/// it binds each public static verb method to the runtime's <see cref="VerbRoute.Map(string, Func{ApiRequest, RouteResult})"/>
/// overloads, exactly the calls the packager generates from static method groups for the Lambda binary (which never
/// reflects). <see cref="RouteTester.ForVerbs"/> and the dev server (<c>lambda-routes dev</c>, through InternalsVisibleTo)
/// both build their routes here, so a handler signature works in tests, in dev and on Lambda alike.
/// </summary>
internal static class VerbRouteReflection
{
    /// <summary>The parameters a verb method may take, in order; any prefix of at least the request.</summary>
    private static readonly Type[] Parameters = [typeof(ApiRequest), typeof(ParamMap), typeof(ILambdaContext)];

    /// <summary>The route built from <paramref name="routeClass"/>'s verb methods.</summary>
    /// <param name="routeClass">The verb-style route class.</param>
    /// <param name="source">The route file (or class name) named in the route's log messages.</param>
    /// <param name="methods">The verbs to bind, each required to exist (what the packager read from source); null binds
    /// every verb method the class has.</param>
    /// <exception cref="ArgumentException">A verb method is missing, or has a signature no <c>Map</c> overload takes.</exception>
    public static VerbRoute Build(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type routeClass, string source, IEnumerable<string>? methods = null)
    {
        ArgumentNullException.ThrowIfNull(routeClass);
        var route = new VerbRoute(source);
        foreach (var verb in methods ?? HttpVerbs.InNextOrder)
        {
            var method = routeClass.GetMethod(verb, BindingFlags.Public | BindingFlags.Static);
            if (method is null)
            {
                if (methods is null) continue;
                throw new ArgumentException($"{routeClass.FullName} has no public static {verb} method.", nameof(methods));
            }
            Bind(route, verb, method, routeClass);
        }
        return route;
    }

    /// <summary>Picks the <c>Map</c> overload the C# compiler would pick for the method group (request; + params; + context; sync or Task).</summary>
    private static void Bind(VerbRoute route, string verb, MethodInfo method, Type routeClass)
    {
        var isAsync = method.ReturnType == typeof(Task<RouteResult>);
        if (!isAsync && method.ReturnType != typeof(RouteResult))
            throw new ArgumentException($"{routeClass.FullName}.{verb} must return RouteResult or Task<RouteResult>.");
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
        if (parameters.Length == 0 || !parameters.SequenceEqual(Parameters.Take(parameters.Length)))
            throw new ArgumentException($"{routeClass.FullName}.{verb} must take (ApiRequest[, ParamMap[, ILambdaContext]]).");
        _ = (parameters.Length, isAsync) switch
        {
            (1, false) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, RouteResult>>()),
            (1, true) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, Task<RouteResult>>>()),
            (2, false) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, RouteResult>>()),
            (2, true) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, Task<RouteResult>>>()),
            (3, false) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, ILambdaContext, RouteResult>>()),
            (3, true) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, ILambdaContext, Task<RouteResult>>>()),
            _ => throw new UnreachableException(),
        };
    }
}
