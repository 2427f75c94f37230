using System.Text.RegularExpressions;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Contracts.Verbs;

namespace LambdaRoutes.Cdk.Manifest;

/// <summary>
/// Turns the raw manifest into a <see cref="RouteManifest"/>, collecting every problem instead of
/// stopping at the first. Path syntax and tree rules are checked later by the planner, which knows the
/// API kind.
/// </summary>
internal static partial class ManifestValidator
{
    internal const int SupportedSchemaVersion = 1;

    /// <summary>The manifest <c>kind</c> of an <c>authorizers/&lt;name&gt;.cs</c> function.</summary>
    internal const string AuthorizerKind = "authorizer";

    // API Gateway's method set is the verbs a route can export plus ANY, which covers the rest (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).
    private static readonly HashSet<string> KnownMethods = ["ANY", .. HttpVerbs.Supported];

    internal sealed record Result(RouteManifest? Manifest, IReadOnlyList<RouteDiagnostic> Diagnostics);

    public static Result Validate(string manifestPath, ManifestDocument document, IArtifactProbe probe)
    {
        var diagnostics = new List<RouteDiagnostic>();
        void Report(string code, string message, string? file = null, string? route = null) =>
            diagnostics.Add(new RouteDiagnostic(code, message, file, route));

        if (document.SchemaVersion != SupportedSchemaVersion)
        {
            Report(DiagnosticCodes.UnsupportedSchema,
                $"schemaVersion is {document.SchemaVersion?.ToString() ?? "missing"}; this construct reads version {SupportedSchemaVersion}. Rebuild with a matching lambda-routes.");
        }

        var architecture = document.Architecture ?? "x86_64";
        if (architecture is not ("x86_64" or "arm64"))
        {
            Report(DiagnosticCodes.UnsupportedArchitecture, $"architecture '{architecture}' is not x86_64 or arm64.");
        }

        var runtime = document.Runtime ?? "provided.al2023";
        if (runtime != "provided.al2023")
        {
            Report(DiagnosticCodes.UnsupportedRuntime, $"runtime '{runtime}' is not provided.al2023.");
        }

        var manifestDirectory = Path.GetDirectoryName(manifestPath)!;
        var routes = new List<ManifestRoute>();
        var authorizers = new List<ManifestRoute>();
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var rawRoutes = document.Routes ?? [];
        if (rawRoutes.All(r => r?.Kind == AuthorizerKind))
        {
            Report(DiagnosticCodes.NoRoutes, "the manifest lists no routes; is there an api/ folder with route files?");
        }

        for (var index = 0; index < rawRoutes.Count; index++)
        {
            var route = ValidateRoute(index, rawRoutes[index], architecture, manifestDirectory, probe, seenIds, Report);
            if (route is not null)
            {
                (rawRoutes[index]!.Kind == AuthorizerKind ? authorizers : routes).Add(route);
            }
        }

        var manifest = diagnostics.Count == 0
            ? new RouteManifest(manifestPath, document.App ?? "App", architecture, runtime, routes) { Authorizers = authorizers }
            : null;
        return new Result(manifest, diagnostics);
    }

    private static ManifestRoute? ValidateRoute(
        int index,
        ManifestRouteDocument? raw,
        string appArchitecture,
        string manifestDirectory,
        IArtifactProbe probe,
        Dictionary<string, string> seenIds,
        Action<string, string, string?, string?> report)
    {
        var file = raw?.File ?? $"routes[{index}]";
        var pattern = raw?.Route;
        var failed = false;
        void Fail(string code, string message)
        {
            failed = true;
            report(code, message, file, pattern);
        }

        if (raw is null)
        {
            Fail(DiagnosticCodes.MissingField, "the route entry is null.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(raw.Id)) Fail(DiagnosticCodes.MissingField, "missing 'id'.");
        if (string.IsNullOrWhiteSpace(raw.File)) Fail(DiagnosticCodes.MissingField, "missing 'file'.");
        if (string.IsNullOrWhiteSpace(raw.Route)) Fail(DiagnosticCodes.MissingField, "missing 'route'.");
        var isAuthorizer = raw.Kind == AuthorizerKind;
        if (raw.Kind is not (null or AuthorizerKind))
            Fail(DiagnosticCodes.MissingField, $"kind '{raw.Kind}' is not \"{AuthorizerKind}\" (a route writes none).");
        if (!isAuthorizer && (raw.Paths is not { Count: > 0 } || raw.Paths.Any(string.IsNullOrWhiteSpace)))
            Fail(DiagnosticCodes.MissingField, "'paths' must list at least one API Gateway path, none empty.");
        if (!isAuthorizer && (raw.Methods is not { Count: > 0 } || raw.Methods.Any(string.IsNullOrWhiteSpace)))
            Fail(DiagnosticCodes.MissingField, "'methods' must list ANY or at least one verb, none empty.");
        if (string.IsNullOrWhiteSpace(raw.Artifact)) Fail(DiagnosticCodes.MissingField, "missing 'artifact'.");

        if (!string.IsNullOrWhiteSpace(raw.Id))
        {
            if (!ConstructIdPattern().IsMatch(raw.Id))
            {
                Fail(DiagnosticCodes.InvalidId, $"id '{raw.Id}' must be letters and digits, starting with a letter (it names CDK constructs).");
            }
            else if (!seenIds.TryAdd(raw.Id, file))
            {
                Fail(DiagnosticCodes.DuplicateId, $"id '{raw.Id}' is also used by {seenIds[raw.Id]}.");
            }
        }

        foreach (var method in raw.Methods?.OfType<string>() ?? [])
        {
            if (!KnownMethods.Contains(method))
            {
                Fail(DiagnosticCodes.InvalidMethod, $"method '{method}' is not one of {string.Join(", ", KnownMethods)} (upper case).");
            }
        }

        // A route's own architecture, else the app's (already checked, so reported once, not once per route).
        var architecture = raw.Architecture ?? appArchitecture;
        if (raw.Architecture is not (null or "x86_64" or "arm64"))
        {
            Fail(DiagnosticCodes.UnsupportedArchitecture, $"architecture '{architecture}' is not x86_64 or arm64.");
        }

        // Lambda's own bounds; anything outside fails at deploy, so fail at synth instead.
        var memory = raw.Settings?.MemorySize;
        if (memory is < 128 or > 10240)
        {
            Fail(DiagnosticCodes.InvalidMemorySize, $"memorySize {memory} MB is outside Lambda's 128–10240 MB.");
        }

        var timeout = raw.Settings?.Timeout;
        if (timeout is < 1 or > 900)
        {
            Fail(DiagnosticCodes.InvalidTimeout, $"timeout {timeout} s is outside Lambda's 1–900 s.");
        }

        string? artifactDirectory = null;
        if (!string.IsNullOrWhiteSpace(raw.Artifact))
        {
            artifactDirectory = Path.GetFullPath(Path.Combine(manifestDirectory, raw.Artifact));
            var problem = probe.Probe(artifactDirectory) switch
            {
                BootstrapState.FolderMissing => $"artifact folder '{artifactDirectory}' does not exist; rebuild with `lambda-routes build`.",
                BootstrapState.BootstrapMissing => $"artifact folder '{artifactDirectory}' has no 'bootstrap'; rebuild with `lambda-routes build`.",
                BootstrapState.NotExecutable => $"'{Path.Combine(artifactDirectory, "bootstrap")}' is not executable (Lambda execs it directly).",
                _ => null,
            };
            if (problem is not null)
            {
                Fail(DiagnosticCodes.MissingArtifact, problem);
            }
        }

        if (failed)
        {
            return null;
        }

        return new ManifestRoute(
            raw.Id!,
            raw.File!,
            raw.Route!,
            (raw.Paths ?? []).Select(p => p!).ToArray(),
            (raw.Methods ?? []).Select(m => m!).ToArray(),
            memory,
            timeout,
            artifactDirectory!,
            raw.Settings?.Streaming ?? false,
            architecture,
            raw.Settings?.ReservedConcurrency,
            raw.Settings?.ProvisionedConcurrency,
            raw.Settings?.Authorizer,
            raw.Settings?.AuthorizationScopes?.OfType<string>().ToArray());
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex ConstructIdPattern();
}
