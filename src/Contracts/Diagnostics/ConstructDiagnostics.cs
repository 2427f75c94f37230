namespace LambdaRoutes.Contracts.Diagnostics;

/// <summary>
/// Every diagnostic of the CDK construct (LambdaRoutes.Cdk) with its one wording; codes and severities are
/// <see cref="DiagnosticCatalogue"/>'s. Findings about one route get its file and pattern with <see cref="Diagnostic.About"/>.
/// The limits quoted are Lambda's and API Gateway's (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html,
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).
/// </summary>
internal static class ConstructDiagnostics
{
    // LRC100: the manifest file itself.
    public static Diagnostic ManifestNotReadable(string reason) =>
        DiagnosticCatalogue.ManifestUnreadable.Create($"cannot read the manifest ({reason}). Run `lambda-routes build <appDir>` first, or pass AppPath so synth builds it.");

    public static Diagnostic ManifestIsNull() =>
        DiagnosticCatalogue.ManifestUnreadable.Create("the manifest is the JSON literal null.");

    public static Diagnostic ManifestNotJson(string reason) =>
        DiagnosticCatalogue.ManifestUnreadable.Create($"invalid JSON: {reason}");

    // LRC101–LRC104: the manifest's top-level fields.
    public static Diagnostic UnsupportedSchema(int? version, int supported) =>
        DiagnosticCatalogue.UnsupportedSchema.Create(
            $"schemaVersion is {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}; this construct reads version {supported}. Rebuild with a matching lambda-routes.");

    public static Diagnostic UnsupportedArchitecture(string architecture) =>
        DiagnosticCatalogue.UnsupportedArchitecture.Create($"architecture '{architecture}' is not x86_64 or arm64.");

    public static Diagnostic UnsupportedRuntime(string runtime) =>
        DiagnosticCatalogue.UnsupportedRuntime.Create($"runtime '{runtime}' is not provided.al2023.");

    public static Diagnostic ManifestHasNoRoutes() =>
        DiagnosticCatalogue.ManifestHasNoRoutes.Create("the manifest lists no routes; is there an api/ folder with route files?");

    // LRC105–LRC107: the construct's options.
    public static Diagnostic UnknownRoute(string option, string key, IEnumerable<string> routes) =>
        DiagnosticCatalogue.UnknownRoute.Create(
            $"{option} names '{key}', which is neither a route pattern nor a route id of the manifest. Routes: {string.Join(", ", routes)}.");

    public static Diagnostic NegativeReservedConcurrency(int reserved) =>
        DiagnosticCatalogue.InvalidDeploymentSetting.Create($"ReservedConcurrency {reserved} is negative; 0 stops the function, null leaves it unreserved.");

    public static Diagnostic ProvisionedConcurrencyBelowOne(int provisioned) =>
        DiagnosticCatalogue.InvalidDeploymentSetting.Create($"ProvisionedConcurrency {provisioned} must be at least 1, or null for none.");

    public static Diagnostic ProvisionedAboveReserved(int provisioned, int reserved) =>
        DiagnosticCatalogue.InvalidDeploymentSetting.Create($"ProvisionedConcurrency {provisioned} exceeds ReservedConcurrency {reserved}; Lambda rejects that.");

    public static Diagnostic LogLevelWithoutJsonLogs() =>
        DiagnosticCatalogue.InvalidDeploymentSetting.Create("JsonLogs is false but a log level is set; Lambda filters log levels only in JSON format.");

    public static Diagnostic HttpApiUsagePlans() =>
        DiagnosticCatalogue.SettingNotForApiKind.Create("Deployment.UsagePlans: an HTTP API has no usage plans or API keys; use ApiKind.Rest, or Throttle per route.");

    public static Diagnostic HttpApiWebAcl() =>
        DiagnosticCatalogue.SettingNotForApiKind.Create("Deployment.WebAclArn: AWS WAF cannot be associated with an HTTP API; use ApiKind.Rest.");

    public static Diagnostic RestApiRouteThrottle() =>
        DiagnosticCatalogue.SettingNotForApiKind.Create("Throttle per route is an HTTP API stage setting; on a REST API use UsagePlans, or the stage-wide LambdaRoutesApiProps.Throttle.");

    public static Diagnostic HttpApiKeyRequired() =>
        DiagnosticCatalogue.SettingNotForApiKind.Create("ApiKeyRequired: an HTTP API has no API keys; use ApiKind.Rest with UsagePlans, or an authorizer.");

    // LRC110–LRC116: one route entry of the manifest.
    public static Diagnostic NullRouteEntry() => DiagnosticCatalogue.MissingField.Create("the route entry is null.");

    public static Diagnostic MissingField(string field) => DiagnosticCatalogue.MissingField.Create($"missing '{field}'.");

    public static Diagnostic UnknownKind(string kind) =>
        DiagnosticCatalogue.MissingField.Create($"kind '{kind}' is not one this construct deploys (\"{Manifest.ManifestKinds.Route}\", \"{Manifest.ManifestKinds.Authorizer}\", or none); rebuild with a matching lambda-routes.");

    public static Diagnostic NoPaths() =>
        DiagnosticCatalogue.MissingField.Create("'paths' must list at least one API Gateway path, none empty.");

    public static Diagnostic NoMethods() =>
        DiagnosticCatalogue.MissingField.Create("'methods' must list ANY or at least one verb, none empty.");

    public static Diagnostic InvalidId(string id) =>
        DiagnosticCatalogue.InvalidId.Create($"id '{id}' must be letters and digits, starting with a letter (it names CDK constructs).");

    public static Diagnostic DuplicateId(string id, string otherFile) =>
        DiagnosticCatalogue.DuplicateId.Create($"id '{id}' is also used by {otherFile}.");

    public static Diagnostic InvalidMethod(string method, IEnumerable<string> known) =>
        DiagnosticCatalogue.InvalidMethod.Create($"method '{method}' is not one of {string.Join(", ", known)} (upper case).");

    public static Diagnostic InvalidMemorySize(int? memory) =>
        DiagnosticCatalogue.InvalidMemorySize.Create($"memorySize {memory} MB is outside Lambda's 128–10240 MB.");

    public static Diagnostic InvalidTimeout(int? timeout) =>
        DiagnosticCatalogue.InvalidTimeout.Create($"timeout {timeout} s is outside Lambda's 1–900 s.");

    public static Diagnostic ArtifactFolderMissing(string folder) =>
        DiagnosticCatalogue.MissingArtifact.Create($"artifact folder '{folder}' does not exist; rebuild with `lambda-routes build`.");

    public static Diagnostic BootstrapMissing(string folder) =>
        DiagnosticCatalogue.MissingArtifact.Create($"artifact folder '{folder}' has no 'bootstrap'; rebuild with `lambda-routes build`.");

    public static Diagnostic BootstrapNotExecutable(string bootstrap) =>
        DiagnosticCatalogue.MissingArtifact.Create($"'{bootstrap}' is not executable (Lambda execs it directly).");

    // LRC200–LRC204: the API Gateway path tree.
    public static Diagnostic PathWithoutSlash(string path) =>
        DiagnosticCatalogue.InvalidPath.Create($"path '{path}' must start with '/'.");

    public static Diagnostic InvalidPathSegment(string path, string segment) =>
        DiagnosticCatalogue.InvalidPath.Create($"path '{path}' has an invalid segment '{segment}' (empty segments and trailing slashes are not API Gateway paths).");

    public static Diagnostic GreedyNotLast(string path, string segment) =>
        DiagnosticCatalogue.GreedyNotLast.Create($"path '{path}': greedy '{segment}' must be the last segment (a proxy resource cannot have children).");

    public static Diagnostic ConflictingVariableNames(string path, string segment, string level, string sibling, string siblingFile, string siblingRoute) =>
        DiagnosticCatalogue.ConflictingVariableNames.Create(
            $"{SiblingClash(path, segment, level, sibling, siblingFile, siblingRoute)}variables at one level must share a name; rename one (API Gateway rejects conflicting variables on the same hierarchical level).");

    public static Diagnostic RestSecondVariableChild(string path, string segment, string level, string sibling, string siblingFile, string siblingRoute) =>
        DiagnosticCatalogue.RestSecondVariableChild.Create(
            $"{SiblingClash(path, segment, level, sibling, siblingFile, siblingRoute)}a REST API resource can have only one variable child (\"A sibling ({sibling}) of this resource already has a variable path part -- only one is allowed\"). Use ApiKind.Http, which carries both, or handle one of them in code.");

    private static string SiblingClash(string path, string segment, string level, string sibling, string siblingFile, string siblingRoute) =>
        $"path '{path}' puts '{segment}' under '{level}', which already has '{sibling}' from {siblingFile} ({siblingRoute}): ";

    public static Diagnostic DuplicateRouteKey(string method, string path, string whose) =>
        DiagnosticCatalogue.DuplicateRouteKey.Create($"{method} {path} is claimed twice: {whose}.");

    // LRC300: running the packager; the reason names the command and what it printed.
    public static Diagnostic PackagerFailed(string reason) => DiagnosticCatalogue.PackagerFailed.Create(reason);

    // LRC400–LRC402: authorizers.
    public static Diagnostic NoneDeclared(string noneName) =>
        DiagnosticCatalogue.UnknownAuthorizer.Create($"Authorizers may not declare '{noneName}': it is how a route opts out of the default.");

    public static Diagnostic UnknownDefaultAuthorizer(string name, string known) =>
        DiagnosticCatalogue.UnknownAuthorizer.Create($"DefaultAuthorizer '{name}' is not in Authorizers ({known}).");

    public static Diagnostic UnknownAuthorizer(string name, string known) =>
        DiagnosticCatalogue.UnknownAuthorizer.Create($"authorizer '{name}' is not in LambdaRoutesApiProps.Authorizers ({known}).");

    public static Diagnostic AuthorizerNotForApiKind(string name, string authorizerKind, string apiKind) =>
        DiagnosticCatalogue.AuthorizerNotForApiKind.Create($"authorizer '{name}' is a {authorizerKind}, which a {apiKind} API does not have.");

    public static Diagnostic CognitoWithoutUserPool(string name) =>
        DiagnosticCatalogue.AuthorizerNotForApiKind.Create($"authorizer '{name}' is a CognitoAuthorizer with no user pool: set UserPools or UserPoolArns.");

    public static Diagnostic AuthorizerFileMissing(string name, string authorizerKind, string appAuthorizers) =>
        DiagnosticCatalogue.AuthorizerFunctionMissing.Create($"authorizer '{name}' is a {authorizerKind} without a Handler, and the app has no authorizers/{name}.cs (app authorizers: {appAuthorizers}).");

    public static Diagnostic AppAuthorizerNeedsSimpleResponses(string name) =>
        DiagnosticCatalogue.AuthorizerFunctionMissing.Create($"authorizer '{name}': an app authorizer file answers simple responses on an HTTP API; SimpleResponses = false needs a Handler of your own.");

    public static Diagnostic ScopesOnPublicRoute() =>
        DiagnosticCatalogue.ScopesNeedJwt.Create("AuthorizationScopes on a public route: choose a JWT or Cognito authorizer.");

    public static Diagnostic ScopesNeedJwt(string name, string authorizerKind) =>
        DiagnosticCatalogue.ScopesNeedJwt.Create($"AuthorizationScopes need a JWT or Cognito authorizer; '{name}' is a {authorizerKind}.");
}
