using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Authorizers;

/// <summary>
/// A built app whose routes choose authorizers the way <c>[RouteConfig(Authorizer, AuthorizationScopes)]</c> writes
/// them into the manifest: one per authorizer kind, one left to the default, one public (<c>"none"</c>).
/// </summary>
internal static class AuthorizedApp
{
    public static readonly RouteSpec[] Routes =
    [
        new("ApiDefault", "api/default.cs", "/api/default", ["/api/default"]),
        new("ApiScoped", "api/scoped.cs", "/api/scoped", ["/api/scoped"]),
        new("ApiPartners", "api/partners.cs", "/api/partners", ["/api/partners"]),
        new("ApiSigned", "api/signed.cs", "/api/signed", ["/api/signed"]),
        new("ApiHealth", "api/health.cs", "/api/health", ["/api/health"]),
    ];

    public static readonly string[] Scopes = ["pets/read", "pets/write"];

    /// <summary>The app with these choices: scoped → users + scopes, partners → partners, signed → iam, health → none.</summary>
    public static BuiltApp Create(string partners = "partners") => BuiltApp.Create(Routes, edit: manifest =>
    {
        foreach (var route in manifest["routes"]!.AsArray())
        {
            var settings = route!["settings"]!.AsObject();
            switch ((string?)route["id"])
            {
                case "ApiScoped":
                    settings["authorizer"] = "users";
                    settings["authorizationScopes"] = new JsonArray(Scopes.Select(s => (JsonNode?)s).ToArray());
                    break;
                case "ApiPartners": settings["authorizer"] = partners; break;
                case "ApiSigned": settings["authorizer"] = "iam"; break;
                case "ApiHealth": settings["authorizer"] = "none"; break;
            }
        }
    });

    public const string AuthorizerArn = "arn:aws:lambda:us-east-1:123456789012:function:partners-authorizer";

    /// <summary>An existing authorizer function (same account and region as the stack, so CDK may grant API Gateway access to it).</summary>
    public static IFunction AuthorizerFunction(Stack stack) => Function.FromFunctionAttributes(stack, "PartnersAuthorizer", new FunctionAttributes
    {
        FunctionArn = AuthorizerArn,
        SameEnvironment = true,
    });
}
