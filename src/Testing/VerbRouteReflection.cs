using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using LambdaRoutes.Contracts.Verbs;

namespace LambdaRoutes.Testing;

/// <summary>
/// Test-time stand-in for the packager's generated <c>new VerbRoute(...).Map("GET", X.GET)…</c>: finds the public static
/// verb methods by reflection (fine in a test host; the Lambda binary never does this).
/// </summary>
internal static class VerbRouteReflection
{
    public static VerbRoute Build([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type routeClass)
    {
        ArgumentNullException.ThrowIfNull(routeClass);
        var route = new VerbRoute(routeClass.Name);
        foreach (var verb in HttpVerbs.InNextOrder)
        {
            var method = routeClass.GetMethod(verb, BindingFlags.Public | BindingFlags.Static);
            if (method is null) continue;
            var ps = method.GetParameters().Select(p => p.ParameterType).ToArray();
            var isAsync = method.ReturnType == typeof(Task<RouteResult>);
            if (!isAsync && method.ReturnType != typeof(RouteResult))
                throw new ArgumentException($"{routeClass.Name}.{verb} must return RouteResult or Task<RouteResult>.");
            switch (ps.Length, isAsync)
            {
                case (1, false): route.Map(verb, method.CreateDelegate<Func<ApiRequest, RouteResult>>()); break;
                case (1, true): route.Map(verb, method.CreateDelegate<Func<ApiRequest, Task<RouteResult>>>()); break;
                case (2, false): route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, RouteResult>>()); break;
                case (2, true): route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, Task<RouteResult>>>()); break;
                case (3, false): route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, ILambdaContext, RouteResult>>()); break;
                case (3, true): route.Map(verb, method.CreateDelegate<Func<ApiRequest, ParamMap, ILambdaContext, Task<RouteResult>>>()); break;
                default: throw new ArgumentException($"{routeClass.Name}.{verb} must take (ApiRequest[, ParamMap[, ILambdaContext]]).");
            }
        }
        return route;
    }
}
