using System.Globalization;
using LambdaRoutes.Cdk;

namespace LambdaRoutes.CdkApp;

/// <summary>
/// What the app synthesizes, from CDK context (<c>cdk.json</c>'s <c>context</c>, or <c>-c key=value</c>):
/// <list type="bullet">
/// <item><c>lambdaRoutes:app</c>: the app folder, relative to where <c>cdk</c> runs (default <c>samples/Hello</c>).</item>
/// <item><c>lambdaRoutes:manifest</c>: a prebuilt manifest.json instead of building the app.</item>
/// <item><c>lambdaRoutes:stackName</c>: default <c>LambdaRoutes&lt;App&gt;</c>, after the manifest's app name (see <see cref="DefaultStackName"/>).</item>
/// <item><c>lambdaRoutes:api</c>: <c>http</c> (default) or <c>rest</c>.</item>
/// <item><c>lambdaRoutes:methods</c>: <c>any</c> (default) or <c>exported</c>.</item>
/// <item><c>lambdaRoutes:cors</c>: <c>true</c> for CORS with any origin (default off).</item>
/// <item><c>lambdaRoutes:packager</c>: the packager command, e.g. <c>lambda-routes</c> (space-separated).</item>
/// <item><c>lambdaRoutes:framework</c>, <c>lambdaRoutes:arch</c>, <c>lambdaRoutes:jobs</c>, <c>lambdaRoutes:out</c>: packager options.</item>
/// <item><c>lambdaRoutes:packagerArgs</c>: further packager options, e.g. <c>--mode single</c> (space-separated).</item>
/// <item><c>lambdaRoutes:userPoolArn</c> and <c>lambdaRoutes:userPoolClientId</c>: declare the <c>users</c> authorizer
/// routes choose with <c>[RouteConfig(Authorizer = "users")]</c>: a JWT authorizer for the pool's tokens issued to that
/// app client on an HTTP API, a Cognito user pool authorizer on REST (cdk.json sets placeholders for the sample).</item>
/// </list>
/// </summary>
/// <param name="StackName">The stack name the context sets, or null for <see cref="DefaultStackName"/>.</param>
/// <param name="ApiProps">The construct's props.</param>
internal sealed record AppSettings(string? StackName, LambdaRoutesApiProps ApiProps)
{
    internal const string DefaultApp = "samples/Hello";

    public static AppSettings FromContext(Func<string, string?> context)
    {
        var manifest = context("lambdaRoutes:manifest");
        var app = context("lambdaRoutes:app") ?? DefaultApp;
        var stackName = context("lambdaRoutes:stackName");

        var apiKind = Choice(context, "lambdaRoutes:api", ApiKind.Http, ("http", ApiKind.Http), ("rest", ApiKind.Rest));
        var props = new LambdaRoutesApiProps
        {
            AppPath = manifest is null ? app : null,
            Manifest = manifest,
            ApiKind = apiKind,
            Authorizers = UsersAuthorizer(context("lambdaRoutes:userPoolArn"), context("lambdaRoutes:userPoolClientId"), apiKind),
            RouteMethods = Choice(context, "lambdaRoutes:methods", RouteMethods.Any, ("any", RouteMethods.Any), ("exported", RouteMethods.Exported)),
            Cors = Choice(context, "lambdaRoutes:cors", false, ("false", false), ("true", true)) ? new ApiCorsOptions() : null,
            Packager = new PackagerOptions
            {
                Command = context("lambdaRoutes:packager")?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Framework = context("lambdaRoutes:framework"),
                Architecture = context("lambdaRoutes:arch"),
                Jobs = context("lambdaRoutes:jobs") is { } jobs ? int.Parse(jobs, CultureInfo.InvariantCulture) : null,
                OutDir = context("lambdaRoutes:out"),
                ExtraArguments = context("lambdaRoutes:packagerArgs")?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            },
        };
        return new AppSettings(stackName, props);
    }

    /// <summary>
    /// The context's stack name, else <see cref="DefaultStackName"/> of the app's manifest (which builds the app when
    /// synthesizing from source; the construct reuses that build).
    /// </summary>
    public string ResolveStackName() => StackName ?? DefaultStackName(LambdaRoutesApi.ReadManifest(ApiProps).App);

    /// <summary>
    /// <c>Hello</c> → <c>LambdaRoutesHello</c>: a valid CloudFormation stack name from the manifest's app name (the
    /// app's project name). It does not depend on how the app is synthesized (built from its folder, or from a
    /// manifest anywhere), so a deploy from a prebuilt manifest updates the stack a deploy from source created.
    /// </summary>
    public static string DefaultStackName(string appName)
    {
        var letters = new string(appName.Where(char.IsAsciiLetterOrDigit).ToArray());
        return "LambdaRoutes" + (letters.Length == 0 ? "App" : char.ToUpperInvariant(letters[0]) + letters[1..]);
    }

    /// <summary>
    /// The <c>users</c> authorizer of a Cognito user pool, or null without a pool: a JWT authorizer on an HTTP API (issuer
    /// <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>, audience the app client), a Cognito authorizer on REST
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html).
    /// </summary>
    internal static Dictionary<string, RouteAuthorizer>? UsersAuthorizer(string? userPoolArn, string? clientId, ApiKind kind)
    {
        if (userPoolArn is null) return null;
        // arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}
        var parts = userPoolArn.Split(':');
        if (parts.Length != 6 || parts[2] != "cognito-idp" || !parts[5].StartsWith("userpool/", StringComparison.Ordinal))
            throw new ArgumentException($"Context lambdaRoutes:userPoolArn='{userPoolArn}' is not a user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>).");
        RouteAuthorizer users = kind == ApiKind.Rest
            ? new CognitoAuthorizer { UserPoolArns = [userPoolArn] }
            : new JwtAuthorizer
            {
                Issuer = $"https://cognito-idp.{parts[3]}.amazonaws.com/{parts[5]["userpool/".Length..]}",
                Audiences = [clientId ?? throw new ArgumentException("Context lambdaRoutes:userPoolClientId is needed with lambdaRoutes:userPoolArn on an HTTP API: the JWT audience.")],
            };
        return new Dictionary<string, RouteAuthorizer> { ["users"] = users };
    }

    private static T Choice<T>(Func<string, string?> context, string key, T fallback, params (string Name, T Value)[] choices)
    {
        var raw = context(key);
        if (raw is null)
        {
            return fallback;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, raw, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ArgumentException($"Context {key}='{raw}' must be one of: {string.Join(", ", choices.Select(c => c.Name))}.");
    }
}
