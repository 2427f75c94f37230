using System.Reflection;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// The dev server's stand-in for the generated <c>new VerbRoute(file).Map("GET", X.GET)…</c>: the same runtime adapter,
/// with the static verb methods bound by reflection (fine in the tool; the Lambda binary gets method groups instead).
/// </summary>
internal static class VerbRouteFactory
{
    public static VerbRoute Create(Type routeClass, string file, IEnumerable<string> methods)
    {
        var route = new VerbRoute(file);
        foreach (var verb in methods)
        {
            var method = routeClass.GetMethod(verb, BindingFlags.Public | BindingFlags.Static)
                         ?? throw new InvalidOperationException($"{routeClass.FullName} has no public static {verb} method.");
            var parameters = method.GetParameters().Length;
            var isAsync = method.ReturnType == typeof(Task<RouteResult>);
            if (!isAsync && method.ReturnType != typeof(RouteResult))
                throw new InvalidOperationException($"{routeClass.FullName}.{verb} must return RouteResult or Task<RouteResult>.");
            _ = (parameters, isAsync) switch
            {
                (1, false) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, RouteResult>>()),
                (1, true) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, Task<RouteResult>>>()),
                (2, false) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, RouteResult>>()),
                (2, true) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, Task<RouteResult>>>()),
                (3, false) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, ILambdaContext, RouteResult>>()),
                (3, true) => route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, ILambdaContext, Task<RouteResult>>>()),
                _ => throw new InvalidOperationException($"{routeClass.FullName}.{verb} must take (ApiRequest[, ParamMap[, ILambdaContext]])."),
            };
        }

        return route;
    }
}
