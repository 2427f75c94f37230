namespace LambdaRoutes.Cdk.Diagnostics;

/// <summary>The stable codes of <see cref="RouteDiagnostic"/>; tests and users can match on them.</summary>
public static class DiagnosticCodes
{
    /// <summary>The manifest file is missing, unreadable or not JSON.</summary>
    public const string ManifestUnreadable = "LRC100";
    /// <summary>The manifest's <c>schemaVersion</c> is not one this construct reads.</summary>
    public const string UnsupportedSchema = "LRC101";
    /// <summary>The manifest's or a route's <c>architecture</c> is not <c>x86_64</c> or <c>arm64</c>.</summary>
    public const string UnsupportedArchitecture = "LRC102";
    /// <summary>The manifest's <c>runtime</c> is not <c>provided.al2023</c>.</summary>
    public const string UnsupportedRuntime = "LRC103";
    /// <summary>The manifest lists no routes.</summary>
    public const string NoRoutes = "LRC104";
    /// <summary>An option names a route the manifest does not have.</summary>
    public const string UnknownRoute = "LRC105";
    /// <summary>A deployment setting has a value Lambda or API Gateway rejects (e.g. provisioned above reserved concurrency).</summary>
    public const string InvalidDeploymentSetting = "LRC106";
    /// <summary>A deployment setting exists for the other API kind only (usage plans and WAF: REST; route throttling: HTTP).</summary>
    public const string SettingNotForApiKind = "LRC107";
    /// <summary>A route or <c>DefaultAuthorizer</c> names an authorizer <c>Authorizers</c> does not declare.</summary>
    public const string UnknownAuthorizer = "LRC400";
    /// <summary>An authorizer is used on an API kind it does not exist on (e.g. a JWT authorizer on a REST API).</summary>
    public const string AuthorizerNotForApiKind = "LRC401";
    /// <summary>A route requires scopes but its authorizer is not a JWT or Cognito one.</summary>
    public const string ScopesNeedJwt = "LRC402";
    /// <summary>A Lambda authorizer without a Handler whose name has no <c>authorizers/&lt;name&gt;.cs</c> in the app (or an app file asked for IAM-policy answers on an HTTP API).</summary>
    public const string AuthorizerFunctionMissing = "LRC403";
    /// <summary>A route lacks a required field.</summary>
    public const string MissingField = "LRC110";
    /// <summary>A route id is not usable as a construct id.</summary>
    public const string InvalidId = "LRC111";
    /// <summary>Two routes share an id.</summary>
    public const string DuplicateId = "LRC112";
    /// <summary>A route lists an HTTP method API Gateway does not know.</summary>
    public const string InvalidMethod = "LRC113";
    /// <summary>A route's memory size is outside Lambda's 128–10240 MB.</summary>
    public const string InvalidMemorySize = "LRC114";
    /// <summary>A route's timeout is outside Lambda's 1–900 s.</summary>
    public const string InvalidTimeout = "LRC115";
    /// <summary>A route's artifact folder or its executable <c>bootstrap</c> is missing.</summary>
    public const string MissingArtifact = "LRC116";
    /// <summary>An API Gateway path is malformed.</summary>
    public const string InvalidPath = "LRC200";
    /// <summary>A greedy <c>{proxy+}</c> segment is not the last one.</summary>
    public const string GreedyNotLast = "LRC201";
    /// <summary>Two variable segments at one tree level have different names.</summary>
    public const string ConflictingVariableNames = "LRC202";
    /// <summary>A REST API resource would need two variable children (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).</summary>
    public const string RestSecondVariableChild = "LRC203";
    /// <summary>Two routes claim the same method on the same path.</summary>
    public const string DuplicateRouteKey = "LRC204";
    /// <summary>The packager could not be started or failed.</summary>
    public const string PackagerFailed = "LRC300";
}
