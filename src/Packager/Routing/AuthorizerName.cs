namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// What <c>[RouteConfig(Authorizer = "…")]</c> may name: an authorizer key of the CDK construct's <c>Authorizers</c>
/// (letters, digits, <c>-</c>, <c>_</c>; it becomes part of CloudFormation logical ids), or <c>"none"</c> for a public route.
/// Whether the name is declared is checked by the construct, which holds the declarations.
/// </summary>
internal static class AuthorizerName
{
    public const string None = "none";

    public const string Expected = "the name of an authorizer declared in the CDK construct (letters, digits, '-', '_') or \"none\"";

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
