using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Contracts.Verbs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Reads one route file with Roslyn's syntax tree (no compilation, no reflection: the app need not build yet) and finds
/// its one public route type (docs/routes.md): a class implementing <c>IApiRoute</c>, or a static class with public static
/// verb methods. Other public types (records for bodies, helpers) may sit beside it.
/// </summary>
internal static class RouteTypeReader
{
    public static RouteType? Read(string file, string source, DiagnosticList diagnostics)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: file);
        var root = tree.GetCompilationUnitRoot();
        var syntaxErrors = tree.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        foreach (var error in syntaxErrors.Take(3))
        {
            diagnostics.Add(RouteDiagnostics.RouteFileSyntaxError(error.GetMessage(), LocationOf(file, error.Location)));
        }

        if (syntaxErrors.Count > 0)
        {
            return null;
        }

        var candidates = root.DescendantNodes()
            .OfType<TypeDeclarationSyntax>()
            .Where(t => t is ClassDeclarationSyntax or RecordDeclarationSyntax && IsVisible(t))
            .Select(t => (Syntax: t, Style: StyleOf(t)))
            .Where(c => c.Style is not null)
            .Select(c => (c.Syntax, Style: c.Style.GetValueOrDefault()))
            .ToList();

        if (candidates.Count == 0)
        {
            diagnostics.Add(RouteDiagnostics.NoRouteType(file));
            return null;
        }

        if (candidates.Count > 1)
        {
            diagnostics.Add(RouteDiagnostics.SeveralRouteTypes(
                candidates.Select(c => FullName(c.Syntax)), candidates.Select(c => LocationOf(file, c.Syntax.Identifier.GetLocation()))));
            return null;
        }

        var (type, style) = candidates[0];
        var location = LocationOf(file, type.Identifier.GetLocation());
        if (style is RouteStyle.Handler or RouteStyle.Authorizer && !IsConstructible(type))
        {
            diagnostics.Add(RouteDiagnostics.RouteTypeNotConstructible(FullName(type), location));
            return null;
        }

        if (style == RouteStyle.Verbs && !VerbSignaturesValid(type, file, diagnostics))
        {
            return null;
        }

        var settings = RouteConfigReader.Read(type, style, file, diagnostics);
        var methods = style switch { RouteStyle.Handler => ["ANY"], RouteStyle.Authorizer => [], _ => VerbMethods(type).ToList() };
        return settings is null ? null : new RouteType(style, FullName(type), methods, settings, location);
    }

    public static SourceLocation LocationOf(string file, Location location) =>
        new(file, location.GetLineSpan().StartLinePosition.Line + 1);

    private static RouteStyle? StyleOf(TypeDeclarationSyntax type)
    {
        var implementsRoute = type.BaseList?.Types.Any(b => RightmostName(b.Type) == "IApiRoute") ?? false;
        if (implementsRoute)
        {
            return RouteStyle.Handler;
        }

        if (type.BaseList?.Types.Any(b => RightmostName(b.Type) == "ILambdaAuthorizer") ?? false)
        {
            return RouteStyle.Authorizer;
        }

        return type.Modifiers.Any(SyntaxKind.StaticKeyword) && VerbMethods(type).Any() ? RouteStyle.Verbs : null;
    }

    private static IEnumerable<string> VerbMethods(TypeDeclarationSyntax type) => type.Members
        .OfType<MethodDeclarationSyntax>()
        .Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword) && m.Modifiers.Any(SyntaxKind.StaticKeyword))
        .Select(m => m.Identifier.Text)
        .Where(HttpVerbs.Supported.Contains)
        .Distinct()
        .Order(StringComparer.Ordinal);

    /// <summary>
    /// The generated entry point passes each verb method to <c>VerbRoute.Map</c> as a method group; check the shapes it
    /// accepts here, by name, so a wrong signature is a clear LR2009 on the route file rather than a compile error in
    /// generated code.
    /// </summary>
    private static bool VerbSignaturesValid(TypeDeclarationSyntax type, string file, DiagnosticList diagnostics)
    {
        string[][] accepted = [["ApiRequest"], ["ApiRequest", "ParamMap"], ["ApiRequest", "ParamMap", "ILambdaContext"]];
        var ok = true;
        var verbs = type.Members.OfType<MethodDeclarationSyntax>()
            .Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword) && m.Modifiers.Any(SyntaxKind.StaticKeyword) && HttpVerbs.Supported.Contains(m.Identifier.Text))
            .GroupBy(m => m.Identifier.Text);
        foreach (var group in verbs)
        {
            var method = group.First();
            var parameters = method.ParameterList.Parameters.Select(p => p.Type is null ? "" : RightmostName(Unwrapped(p.Type))).ToArray();
            var valid = group.Count() == 1 && method.TypeParameterList is null && IsResultType(method.ReturnType)
                        && accepted.Any(a => a.SequenceEqual(parameters));
            if (!valid)
            {
                diagnostics.Add(RouteDiagnostics.VerbSignature(FullName(type), group.Key, LocationOf(file, method.Identifier.GetLocation())));
                ok = false;
            }
        }

        return ok;
    }

    private static bool IsResultType(TypeSyntax type) => Unwrapped(type) switch
    {
        GenericNameSyntax { Identifier.Text: "Task", TypeArgumentList.Arguments: [var inner] } => IsRouteResult(inner),
        QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.Text: "Task", TypeArgumentList.Arguments: [var inner] } } => IsRouteResult(inner),
        var other => IsRouteResult(other),
    };

    private static bool IsRouteResult(TypeSyntax type) => Unwrapped(type) is var t && t is not GenericNameSyntax && RightmostName(t) == "RouteResult";

    private static TypeSyntax Unwrapped(TypeSyntax type) => type is NullableTypeSyntax nullable ? nullable.ElementType : type;

    /// <summary>The generated entry point does <c>new T()</c>, so the type must allow it.</summary>
    private static bool IsConstructible(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.AbstractKeyword) || type.Modifiers.Any(SyntaxKind.StaticKeyword) || type.TypeParameterList is not null)
        {
            return false;
        }

        if (type.ParameterList is { Parameters.Count: > 0 })
        {
            return false;
        }

        var constructors = type.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        return constructors.Count == 0 || constructors.Any(c => c.Modifiers.Any(SyntaxKind.PublicKeyword) && c.ParameterList.Parameters.Count == 0);
    }

    /// <summary>Public, and every containing type public too: the generated entry project must be able to name it.</summary>
    private static bool IsVisible(TypeDeclarationSyntax type) =>
        type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().All(t => t.Modifiers.Any(SyntaxKind.PublicKeyword));

    public static string FullName(TypeDeclarationSyntax type)
    {
        var parts = new List<string>();
        foreach (var node in type.AncestorsAndSelf())
        {
            switch (node)
            {
                case TypeDeclarationSyntax t:
                    parts.Add(t.Identifier.Text);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    parts.Add(ns.Name.ToString());
                    break;
            }
        }

        parts.Reverse();
        return string.Join('.', parts);
    }

    public static string RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.Text,
        AliasQualifiedNameSyntax a => a.Name.Identifier.Text,
        SimpleNameSyntax s => s.Identifier.Text,
        _ => type.ToString(),
    };
}
