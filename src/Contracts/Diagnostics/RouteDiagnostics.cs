using LambdaRoutes.Contracts.Verbs;

namespace LambdaRoutes.Contracts.Diagnostics;

/// <summary>
/// Every diagnostic of route discovery with its one canonical wording; codes and severities are <see cref="DiagnosticCatalogue"/>'s.
/// The LR1xxx texts are Next.js's (Next.js packages/next/src/shared/lib/router/utils/sorted-routes.ts, test/unit/page-route-sorter.test.ts). Where Next's wording drifted between versions we keep
/// the newer, grammatical form: "a required", "an optional", no space before ")", and "/sub/[[...all]]" with its slash.
/// </summary>
internal static class RouteDiagnostics
{
    // LR0xxx: the app folder itself.
    public static Diagnostic AppFolderMissing(string appDir) =>
        DiagnosticCatalogue.AppFolderMissing.Create($"App folder '{appDir}' does not exist.");

    public static Diagnostic ApiFolderMissing(string appDir) =>
        DiagnosticCatalogue.ApiFolderMissing.Create($"No api/ folder in '{appDir}': route files live under <app>/api/ (e.g. api/hello.cs → /api/hello).");

    public static Diagnostic NoRoutes() =>
        DiagnosticCatalogue.NoRoutes.Create("The api/ folder holds no route files (*.cs outside _private folders).", new SourceLocation("api"));

    public static Diagnostic NoProjectFile(string appDir) =>
        DiagnosticCatalogue.NoProjectFile.Create($"No .csproj file in '{appDir}': the app folder must hold its project file.");

    public static Diagnostic SeveralProjectFiles(IEnumerable<string> projects) =>
        DiagnosticCatalogue.SeveralProjectFiles.Create("More than one .csproj file in the app folder; keep exactly one.",
            projects.Select(p => new SourceLocation(p)).ToArray());

    // LR1xxx: Next.js's file-name and route-tree rules (Next.js packages/next/src/shared/lib/router/utils/sorted-routes.ts).
    public static Diagnostic DifferentSlugNames(string first, string second, string firstFile, string secondFile) =>
        DiagnosticCatalogue.DifferentSlugNames.Create($"You cannot use different slug names for the same dynamic path ('{first}' !== '{second}').",
            new SourceLocation(firstFile), new SourceLocation(secondFile));

    public static Diagnostic RepeatedSlug(string slug, string file) =>
        DiagnosticCatalogue.RepeatedSlug.Create($"You cannot have the same slug name \"{slug}\" repeat within a single dynamic path.", new SourceLocation(file));

    public static Diagnostic SlugsDifferOnlyBySymbols(string first, string second, string file) =>
        DiagnosticCatalogue.SlugsDifferOnlyBySymbols.Create($"You cannot have the slug names \"{first}\" and \"{second}\" differ only by non-word symbols within a single dynamic path.",
            new SourceLocation(file));

    public static Diagnostic CatchAllNotLast(string file) =>
        DiagnosticCatalogue.CatchAllNotLast.Create("Catch-all must be the last part of the URL.", new SourceLocation(file));

    public static Diagnostic ErroneousPeriods(string name, string file) =>
        DiagnosticCatalogue.ErroneousPeriods.Create($"Segment names may not start with erroneous periods ('{name}').", new SourceLocation(file));

    public static Diagnostic ExtraBrackets(string name, string file) =>
        DiagnosticCatalogue.ExtraBrackets.Create($"Segment names may not start or end with extra brackets ('{name}').", new SourceLocation(file));

    public static Diagnostic OptionalParameter(string segment, string file) =>
        DiagnosticCatalogue.OptionalParameter.Create($"Optional route parameters are not yet supported (\"{segment}\").", new SourceLocation(file));

    public static Diagnostic RequiredAndOptionalCatchAll(string required, string optional, string requiredFile, string optionalFile) =>
        DiagnosticCatalogue.RequiredAndOptionalCatchAll.Create($"You cannot use both a required and optional catch-all route at the same level (\"{required}\" and \"{optional}\").",
            new SourceLocation(requiredFile), new SourceLocation(optionalFile));

    public static Diagnostic SameSpecificityAsOptionalCatchAll(string route, string optionalRoute, string routeFile, string optionalFile) =>
        DiagnosticCatalogue.SameSpecificityAsOptionalCatchAll.Create($"You cannot define a route with the same specificity as an optional catch-all route (\"{route}\" and \"{optionalRoute}\").",
            new SourceLocation(routeFile), new SourceLocation(optionalFile));

    public static Diagnostic ThreeDotCharacter(string name, string file) =>
        DiagnosticCatalogue.ThreeDotCharacter.Create($"Detected a three-dot character ('…') at ('{name}'). Did you mean ('...')?", new SourceLocation(file));

    /// <summary>Next only warns and lets one file win by walk order; one Lambda per path cannot do that, so it is an error here.</summary>
    public static Diagnostic DuplicateRoute(string route, string firstFile, string secondFile) =>
        DiagnosticCatalogue.DuplicateRoute.Create($"Duplicate page detected. {firstFile} and {secondFile} both resolve to {route}.",
            new SourceLocation(firstFile), new SourceLocation(secondFile));

    public static Diagnostic EmptySegmentName(string segment, string file) =>
        DiagnosticCatalogue.EmptySegmentName.Create($"Segment names may not be empty (\"{segment}\").", new SourceLocation(file));

    public static Diagnostic InvalidPathSegment(string name, string character, string file) =>
        DiagnosticCatalogue.InvalidPathSegment.Create($"'{name}' is not a valid URL path segment: {character} cannot appear in a route's path; rename the file or folder.",
            new SourceLocation(file));

    // LR00xx continued: the app tree itself (hostile trees are a clear error, never a crash or a runaway walk).
    public static Diagnostic SymlinkLoop(string link, string target) =>
        DiagnosticCatalogue.SymlinkLoop.Create($"Symbolic link loop: {link} points to {target}, a folder that contains it; remove the link.",
            new SourceLocation(link));

    public static Diagnostic NameNotUtf8(string file) =>
        DiagnosticCatalogue.NameNotUtf8.Create("File name is not valid UTF-8 (shown with \uFFFD); rename it.", new SourceLocation(file));

    public static Diagnostic UnreadableRouteFile(string file, string reason) =>
        DiagnosticCatalogue.UnreadableRouteFile.Create($"Cannot read route file: {reason}", new SourceLocation(file));

    // LR11xx: API Gateway's own rules (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html).
    public static Diagnostic RestVariableSiblings(string parent, string variable, string greedy, string variableFile, string greedyFile, bool isError) =>
        DiagnosticCatalogue.RestVariableSiblings.Create(isError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            $"API Gateway REST APIs allow only one variable child per resource: \"{parent}/{variable}\" and \"{parent}/{greedy}\" " +
            "cannot both be wired on a REST API (an HTTP API can carry both).",
            new SourceLocation(variableFile), new SourceLocation(greedyFile));

    // LR2xxx: reading route files with Roslyn.
    public static Diagnostic NoRouteType(string file) =>
        DiagnosticCatalogue.NoRouteType.Create("No public route type: declare one public class implementing LambdaRoutes.IApiRoute, " +
            $"or one public static class with {string.Join("/", HttpVerbs.InNextOrder)} methods.",
            new SourceLocation(file, 1));

    public static Diagnostic SeveralRouteTypes(IEnumerable<string> typeNames, IEnumerable<SourceLocation> locations) =>
        DiagnosticCatalogue.SeveralRouteTypes.Create($"A route file holds exactly one public route type; found {string.Join(", ", typeNames)}. Move the others to their own files or make them non-public.",
            locations.ToArray());

    public static Diagnostic RouteTypeNotConstructible(string typeName, SourceLocation location) =>
        DiagnosticCatalogue.RouteTypeNotConstructible.Create($"Route type {typeName} must be a non-abstract, non-generic class with a public parameterless constructor.", location);

    public static Diagnostic SettingNotLiteral(string setting, SourceLocation location) =>
        DiagnosticCatalogue.SettingNotLiteral.Create($"[RouteConfig] {setting} must be a literal value (the packager reads it from source, not by running code).", location);

    public static Diagnostic SettingOutOfRange(string setting, string value, string range, SourceLocation location) =>
        DiagnosticCatalogue.SettingOutOfRange.Create($"[RouteConfig] {setting} = {value} is out of range ({range}).", location);

    public static Diagnostic UnknownSetting(string setting, string value, SourceLocation location) =>
        DiagnosticCatalogue.UnknownSetting.Create($"[RouteConfig] {setting} = {value} is not a known setting of the right type (MemorySize: int, Timeout: int, BodySizeLimit: string, BodyParser: bool, Streaming: bool, Cors: string, Architecture: string, ReservedConcurrency: int, ProvisionedConcurrency: int, Authorizer: string, AuthorizationScopes: string).",
            location);

    public static Diagnostic VerbSignature(string typeName, string verb, SourceLocation location) =>
        DiagnosticCatalogue.VerbSignature.Create($"{typeName}.{verb} must take (ApiRequest req), (ApiRequest req, ParamMap params) or (ApiRequest req, ParamMap params, ILambdaContext context) " +
            "and return RouteResult or Task<RouteResult>, declared once.",
            location);

    // Authorizer files (authorizers/<name>.cs, docs/deploy.md "Authorizers").
    public static Diagnostic AuthorizerTypeMisplaced(string file, bool inApi, SourceLocation location) =>
        DiagnosticCatalogue.AuthorizerTypeMisplaced.Create(inApi
            ? $"{file} implements LambdaRoutes.ILambdaAuthorizer, which is not a route: move it to authorizers/<name>.cs."
            : $"{file} must declare one public class implementing LambdaRoutes.ILambdaAuthorizer (routes belong in api/).",
            location);

    public static Diagnostic InvalidAuthorizerFileName(string file) =>
        DiagnosticCatalogue.InvalidAuthorizerFileName.Create(
            $"{file}: an authorizer's file name is its name, which routes choose with [RouteConfig(Authorizer = \"<name>\")]: letters, digits, '-', '_' (at most 64), not \"none\".",
            new SourceLocation(file));

    public static Diagnostic RouteFileSyntaxError(string message, SourceLocation location) =>
        DiagnosticCatalogue.RouteFileSyntaxError.Create($"C# syntax error: {message}", location);

    public static Diagnostic SeveralJsonContexts(IEnumerable<string> names, IEnumerable<SourceLocation> locations) =>
        DiagnosticCatalogue.SeveralJsonContexts.Create($"Several JsonSerializerContext classes ({string.Join(", ", names)}); pick one with [assembly: LambdaRoutes.ApiJsonContext(typeof(...))].",
            locations.ToArray());
}
