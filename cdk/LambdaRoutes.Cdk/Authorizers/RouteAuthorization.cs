using Amazon.CDK.AWS.Lambda;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Cdk.Authorizers;

/// <summary>
/// What guards one route: the chosen authorizer (null for a public route), its name, the route's scopes, and for a Lambda
/// authorizer the function API Gateway calls (its declared <c>Handler</c>, else the app's <c>authorizers/&lt;name&gt;.cs</c>).
/// </summary>
internal sealed record RouteAuthorization(string? Name, RouteAuthorizer? Authorizer, IReadOnlyList<string> Scopes, IFunction? Function = null)
{
    public static RouteAuthorization Public { get; } = new(null, null, []);

    /// <summary>The name a route uses to opt out of the app's default.</summary>
    public const string NoneName = "none";

    /// <summary>
    /// Every route's authorization, keyed by route id: its own choice, else <see cref="LambdaRoutesApiProps.DefaultAuthorizer"/>.
    /// </summary>
    /// <exception cref="LambdaRoutesException">Every unknown name, authorizer on the wrong API kind, or scope without a JWT/Cognito authorizer, at once.</exception>
    public static IReadOnlyDictionary<string, RouteAuthorization> Resolve(RouteManifest manifest, LambdaRoutesApiProps props,
        IReadOnlyDictionary<string, IFunction>? appFunctions = null)
    {
        appFunctions ??= new Dictionary<string, IFunction>();
        var declared = props.Authorizers ?? new Dictionary<string, RouteAuthorizer>();
        var diagnostics = new List<Diagnostic>();
        var known = declared.Count == 0 ? "none are declared" : "declared: " + string.Join(", ", declared.Keys.Order(StringComparer.Ordinal));

        if (declared.ContainsKey(NoneName))
            diagnostics.Add(ConstructDiagnostics.NoneDeclared(NoneName));
        foreach (var (name, authorizer) in declared)
        {
            if (!authorizer.WorksWith(props.ApiKind))
                diagnostics.Add(ConstructDiagnostics.AuthorizerNotForApiKind(name, authorizer.GetType().Name, props.ApiKind.ToString()));
            if (authorizer is CognitoAuthorizer { UserPools.Count: 0, UserPoolArns.Count: 0 })
                diagnostics.Add(ConstructDiagnostics.CognitoWithoutUserPool(name));
            if (AppAuthorizerFunctions.FromApp(authorizer) && !appFunctions.ContainsKey(name))
                diagnostics.Add(ConstructDiagnostics.AuthorizerFileMissing(name, authorizer.GetType().Name,
                    manifest.Authorizers.Count == 0 ? "none" : string.Join(", ", manifest.Authorizers.Select(a => a.File))));
            if (authorizer is LambdaRequestAuthorizer { Handler: null, SimpleResponses: false } && props.ApiKind == ApiKind.Http)
                diagnostics.Add(ConstructDiagnostics.AppAuthorizerNeedsSimpleResponses(name));
        }
        if (props.DefaultAuthorizer is { } fallback && fallback != NoneName && !declared.ContainsKey(fallback))
            diagnostics.Add(ConstructDiagnostics.UnknownDefaultAuthorizer(fallback, known));

        var result = new Dictionary<string, RouteAuthorization>(StringComparer.Ordinal);
        foreach (var route in manifest.Routes)
        {
            var name = route.Authorizer ?? props.DefaultAuthorizer;
            var scopes = route.AuthorizationScopes ?? [];
            if (name is null or NoneName)
            {
                if (scopes.Count > 0)
                    diagnostics.Add(ConstructDiagnostics.ScopesOnPublicRoute().About(route.File, route.Route));
                result[route.Id] = Public;
                continue;
            }
            if (!declared.TryGetValue(name, out var authorizer))
            {
                if (route.Authorizer is not null)
                    diagnostics.Add(ConstructDiagnostics.UnknownAuthorizer(name, known).About(route.File, route.Route));
                continue;
            }
            if (scopes.Count > 0 && !authorizer.TakesScopes)
                diagnostics.Add(ConstructDiagnostics.ScopesNeedJwt(name, authorizer.GetType().Name).About(route.File, route.Route));
            var function = authorizer switch
            {
                LambdaRequestAuthorizer { Handler: { } handler } => handler,
                LambdaTokenAuthorizer { Handler: { } handler } => handler,
                _ => appFunctions.GetValueOrDefault(name),
            };
            result[route.Id] = new RouteAuthorization(name, authorizer, scopes, function);
        }

        if (diagnostics.Count > 0) throw new LambdaRoutesException("the authorizers (LambdaRoutesApiProps.Authorizers and [RouteConfig(Authorizer)])", diagnostics);
        return result;
    }
}
