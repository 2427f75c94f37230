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

        var props = new LambdaRoutesApiProps
        {
            AppPath = manifest is null ? app : null,
            Manifest = manifest,
            ApiKind = Choice(context, "lambdaRoutes:api", ApiKind.Http, ("http", ApiKind.Http), ("rest", ApiKind.Rest)),
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
