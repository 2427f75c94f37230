using System.Globalization;
using LambdaRoutes.Contracts.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using LambdaRoutes.Contracts.Manifest;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Reads <c>[RouteConfig(MemorySize = 512, Timeout = 10, BodySizeLimit = "5mb", BodyParser = false)]</c> from source
/// (docs/architecture.md: settings are never read by reflection). Values must be literals; 0 keeps the default;
/// ranges are Lambda's (128–10240 MB, 1–900 s); Architecture is one of Lambda's two names, <c>"x86_64"</c> or <c>"arm64"</c>.
/// </summary>
internal static class RouteConfigReader
{
    public static RouteSettings? Read(TypeDeclarationSyntax type, RouteStyle style, string file, DiagnosticList diagnostics)
    {
        var attribute = type.AttributeLists
            .SelectMany(list => list.Attributes)
            .FirstOrDefault(a => RouteTypeReader.RightmostName(a.Name) is "RouteConfig" or "RouteConfigAttribute");
        var settings = RouteSettings.For(style);
        if (attribute?.ArgumentList is null)
        {
            return settings;
        }

        var ok = true;
        foreach (var argument in attribute.ArgumentList.Arguments)
        {
            var name = argument.NameEquals?.Name.Identifier.Text ?? "";
            var location = RouteTypeReader.LocationOf(file, argument.GetLocation());
            if (!TryReadLiteral(argument.Expression, out var value))
            {
                diagnostics.Add(RouteDiagnostics.SettingNotLiteral(name, location));
                ok = false;
                continue;
            }

            switch (name, value)
            {
                case ("MemorySize", int memory):
                    ok &= InRange(name, memory, 128, 10240, "128 to 10240 MB", location, diagnostics);
                    settings = settings with { MemorySize = memory == 0 ? RouteSettings.DefaultMemorySize : memory };
                    break;
                case ("Timeout", int timeout):
                    ok &= InRange(name, timeout, 1, 900, "1 to 900 seconds", location, diagnostics);
                    settings = settings with { Timeout = timeout == 0 ? RouteSettings.DefaultTimeout : timeout };
                    break;
                case ("BodySizeLimit", string limit):
                    if (BodySize.TryParse(limit, out var bytes))
                    {
                        settings = settings with { BodySizeLimit = limit, BodySizeLimitBytes = bytes };
                    }
                    else
                    {
                        diagnostics.Add(RouteDiagnostics.SettingOutOfRange(name, $"\"{limit}\"", "a size such as \"1mb\", \"500kb\" or a byte count", location));
                        ok = false;
                    }

                    break;
                case ("BodySizeLimit", null):
                    break;
                case ("BodyParser", bool parse):
                    settings = settings with { BodyParser = parse };
                    break;
                case ("Streaming", bool streaming):
                    settings = settings with { Streaming = streaming };
                    break;
                case ("Cors", string origins):
                    settings = settings with { Cors = origins };
                    break;
                case ("Cors", null):
                    break;
                case ("Architecture", LambdaArchitectures.X86_64 or LambdaArchitectures.Arm64):
                    settings = settings with { Architecture = (string)value };
                    break;
                case ("Architecture", string other):
                    diagnostics.Add(RouteDiagnostics.SettingOutOfRange(name, $"\"{other}\"", $"\"{LambdaArchitectures.X86_64}\" or \"{LambdaArchitectures.Arm64}\"", location));
                    ok = false;
                    break;
                case ("Architecture", null):
                    break;
                case ("ReservedConcurrency", int reserved):
                    ok &= InRange(name, reserved, 1, int.MaxValue, "a positive number of instances (0 keeps the app's)", location, diagnostics);
                    settings = settings with { ReservedConcurrency = reserved == 0 ? null : reserved };
                    break;
                case ("ProvisionedConcurrency", int provisioned):
                    ok &= InRange(name, provisioned, 1, int.MaxValue, "a positive number of instances (0 keeps the app's)", location, diagnostics);
                    settings = settings with { ProvisionedConcurrency = provisioned == 0 ? null : provisioned };
                    break;
                case ("Authorizer", string authorizer) when AuthorizerName.IsValid(authorizer):
                    settings = settings with { Authorizer = authorizer };
                    break;
                case ("Authorizer", string authorizer):
                    diagnostics.Add(RouteDiagnostics.SettingOutOfRange(name, $"\"{authorizer}\"", AuthorizerName.Expected, location));
                    ok = false;
                    break;
                case ("AuthorizationScopes", string scopes):
                    settings = settings with { AuthorizationScopes = scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries) };
                    break;
                case ("Authorizer" or "AuthorizationScopes", null):
                    break;
                default:
                    diagnostics.Add(RouteDiagnostics.UnknownSetting(name, argument.Expression.ToString(), location));
                    ok = false;
                    break;
            }
        }

        return ok ? settings : null;
    }

    // A negative number is a minus applied to a literal in the syntax tree; it is still a literal value, and out of range.
    private static bool TryReadLiteral(ExpressionSyntax expression, out object? value)
    {
        (var found, value) = expression switch
        {
            LiteralExpressionSyntax literal => (true, literal.Token.Value),
            PrefixUnaryExpressionSyntax { OperatorToken.Text: "-", Operand: LiteralExpressionSyntax { Token.Value: int magnitude } } => (true, (object?)-magnitude),
            _ => (false, null),
        };
        return found;
    }

    private static bool InRange(string name, int value, int min, int max, string range, LambdaRoutes.Contracts.Diagnostics.SourceLocation location, DiagnosticList diagnostics)
    {
        if (value == 0 || (value >= min && value <= max))
        {
            return true;
        }

        diagnostics.Add(RouteDiagnostics.SettingOutOfRange(name, value.ToString(CultureInfo.InvariantCulture), range, location));
        return false;
    }
}
