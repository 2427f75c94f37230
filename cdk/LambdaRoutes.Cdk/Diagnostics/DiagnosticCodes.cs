using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Cdk.Diagnostics;

/// <summary>
/// The stable codes of <see cref="RouteDiagnostic"/>; tests and users can match on them. Each is its entry of the one
/// diagnostic catalogue LambdaRoutes' tool and construct share (docs/deploy.md, "Synth-time errors", lists them).
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The manifest file is missing, unreadable or not JSON.</summary>
    public static string ManifestUnreadable => DiagnosticCatalogue.ManifestUnreadable.Code;
    /// <summary>The manifest's <c>schemaVersion</c> is not one this construct reads.</summary>
    public static string UnsupportedSchema => DiagnosticCatalogue.UnsupportedSchema.Code;
    /// <summary>The manifest's or a route's <c>architecture</c> is not <c>x86_64</c> or <c>arm64</c>.</summary>
    public static string UnsupportedArchitecture => DiagnosticCatalogue.UnsupportedArchitecture.Code;
    /// <summary>The manifest's <c>runtime</c> is not <c>provided.al2023</c>.</summary>
    public static string UnsupportedRuntime => DiagnosticCatalogue.UnsupportedRuntime.Code;
    /// <summary>The manifest lists no routes.</summary>
    public static string NoRoutes => DiagnosticCatalogue.ManifestHasNoRoutes.Code;
    /// <summary>An option names a route the manifest does not have.</summary>
    public static string UnknownRoute => DiagnosticCatalogue.UnknownRoute.Code;
    /// <summary>A deployment setting has a value Lambda or API Gateway rejects (e.g. provisioned above reserved concurrency).</summary>
    public static string InvalidDeploymentSetting => DiagnosticCatalogue.InvalidDeploymentSetting.Code;
    /// <summary>A deployment setting exists for the other API kind only (usage plans and WAF: REST; route throttling: HTTP).</summary>
    public static string SettingNotForApiKind => DiagnosticCatalogue.SettingNotForApiKind.Code;
    /// <summary>A route or <c>DefaultAuthorizer</c> names an authorizer <c>Authorizers</c> does not declare.</summary>
    public static string UnknownAuthorizer => DiagnosticCatalogue.UnknownAuthorizer.Code;
    /// <summary>An authorizer is used on an API kind it does not exist on (e.g. a JWT authorizer on a REST API).</summary>
    public static string AuthorizerNotForApiKind => DiagnosticCatalogue.AuthorizerNotForApiKind.Code;
    /// <summary>A route requires scopes but its authorizer is not a JWT or Cognito one.</summary>
    public static string ScopesNeedJwt => DiagnosticCatalogue.ScopesNeedJwt.Code;
    /// <summary>A Lambda authorizer without a Handler whose name has no <c>authorizers/&lt;name&gt;.cs</c> in the app (or an app file asked for IAM-policy answers on an HTTP API).</summary>
    public static string AuthorizerFunctionMissing => DiagnosticCatalogue.AuthorizerFunctionMissing.Code;
    /// <summary>A route lacks a required field.</summary>
    public static string MissingField => DiagnosticCatalogue.MissingField.Code;
    /// <summary>A route id is not usable as a construct id.</summary>
    public static string InvalidId => DiagnosticCatalogue.InvalidId.Code;
    /// <summary>Two routes share an id.</summary>
    public static string DuplicateId => DiagnosticCatalogue.DuplicateId.Code;
    /// <summary>A route lists an HTTP method API Gateway does not know.</summary>
    public static string InvalidMethod => DiagnosticCatalogue.InvalidMethod.Code;
    /// <summary>A route's memory size is outside Lambda's 128–10240 MB.</summary>
    public static string InvalidMemorySize => DiagnosticCatalogue.InvalidMemorySize.Code;
    /// <summary>A route's timeout is outside Lambda's 1–900 s.</summary>
    public static string InvalidTimeout => DiagnosticCatalogue.InvalidTimeout.Code;
    /// <summary>A route's artifact folder or its executable <c>bootstrap</c> is missing.</summary>
    public static string MissingArtifact => DiagnosticCatalogue.MissingArtifact.Code;
    /// <summary>An API Gateway path is malformed.</summary>
    public static string InvalidPath => DiagnosticCatalogue.InvalidPath.Code;
    /// <summary>A greedy <c>{proxy+}</c> segment is not the last one.</summary>
    public static string GreedyNotLast => DiagnosticCatalogue.GreedyNotLast.Code;
    /// <summary>Two variable segments at one tree level have different names.</summary>
    public static string ConflictingVariableNames => DiagnosticCatalogue.ConflictingVariableNames.Code;
    /// <summary>A REST API resource would need two variable children (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).</summary>
    public static string RestSecondVariableChild => DiagnosticCatalogue.RestSecondVariableChild.Code;
    /// <summary>Two routes claim the same method on the same path.</summary>
    public static string DuplicateRouteKey => DiagnosticCatalogue.DuplicateRouteKey.Code;
    /// <summary>The packager could not be started or failed.</summary>
    public static string PackagerFailed => DiagnosticCatalogue.PackagerFailed.Code;
}
