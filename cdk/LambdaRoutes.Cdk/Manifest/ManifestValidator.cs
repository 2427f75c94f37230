using System.Text.RegularExpressions;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Contracts.Verbs;

namespace LambdaRoutes.Cdk.Manifest;

/// <summary>
/// Turns the manifest the packager wrote (the shared <see cref="ManifestDocument"/>) into a <see cref="RouteManifest"/>,
/// collecting every problem instead of stopping at the first: what the construct needs present and within Lambda's and
/// API Gateway's limits, and the artifacts on disk. Path syntax and tree rules are checked later by the planner, which
/// knows the API kind. Fields the construct does not use (style, handler, zip, hashes) are not its concern.
/// </summary>
internal static partial class ManifestValidator
{
    // API Gateway's method set is the verbs a route can export plus ANY, which covers the rest (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).
    private static readonly HashSet<string> KnownMethods = ["ANY", .. HttpVerbs.Supported];

    internal sealed record Result(RouteManifest? Manifest, IReadOnlyList<Diagnostic> Diagnostics);

    public static Result Validate(string manifestPath, ManifestDocument document, IArtifactProbe probe)
    {
        var diagnostics = new List<Diagnostic>();

        if (document.SchemaVersion != ManifestDocument.CurrentSchemaVersion)
        {
            diagnostics.Add(ConstructDiagnostics.UnsupportedSchema(document.SchemaVersion, ManifestDocument.CurrentSchemaVersion));
        }

        var architecture = document.Architecture ?? LambdaArchitectures.Default;
        if (!LambdaArchitectures.IsKnown(architecture))
        {
            diagnostics.Add(ConstructDiagnostics.UnsupportedArchitecture(architecture));
        }

        var runtime = document.Runtime ?? ManifestDocument.LambdaRuntime;
        if (runtime != ManifestDocument.LambdaRuntime)
        {
            diagnostics.Add(ConstructDiagnostics.UnsupportedRuntime(runtime));
        }

        var manifestDirectory = Path.GetDirectoryName(manifestPath)!;
        var routes = new List<ManifestRoute>();
        var authorizers = new List<ManifestRoute>();
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var rawRoutes = document.Routes ?? [];
        if (rawRoutes.All(r => r is not null && ManifestKinds.Of(r) == ManifestKinds.Authorizer))
        {
            diagnostics.Add(ConstructDiagnostics.ManifestHasNoRoutes());
        }

        for (var index = 0; index < rawRoutes.Count; index++)
        {
            var route = ValidateRoute(index, rawRoutes[index], architecture, manifestDirectory, probe, seenIds, diagnostics);
            if (route is not null)
            {
                (ManifestKinds.Of(rawRoutes[index]!) == ManifestKinds.Authorizer ? authorizers : routes).Add(route);
            }
        }

        var manifest = diagnostics.Count == 0
            ? new RouteManifest(manifestPath, document.App ?? "App", architecture, runtime, routes) { Authorizers = authorizers }
            : null;
        return new Result(manifest, diagnostics);
    }

    private static ManifestRoute? ValidateRoute(
        int index,
        ManifestRouteEntry? raw,
        string appArchitecture,
        string manifestDirectory,
        IArtifactProbe probe,
        Dictionary<string, string> seenIds,
        List<Diagnostic> diagnostics)
    {
        var file = raw?.File ?? $"routes[{index}]";
        var pattern = raw?.Route;
        var failed = false;
        void Fail(Diagnostic diagnostic)
        {
            failed = true;
            diagnostics.Add(diagnostic.About(file, pattern));
        }

        if (raw is null)
        {
            Fail(ConstructDiagnostics.NullRouteEntry());
            return null;
        }

        // An entry of another kind is neither: deploying it as a route would put a function behind paths it does not serve.
        var kind = ManifestKinds.Of(raw);
        var isAuthorizer = kind == ManifestKinds.Authorizer;
        if (kind is not (ManifestKinds.Route or ManifestKinds.Authorizer)) Fail(ConstructDiagnostics.UnknownKind(kind));
        if (string.IsNullOrWhiteSpace(raw.Id)) Fail(ConstructDiagnostics.MissingField("id"));
        if (string.IsNullOrWhiteSpace(raw.File)) Fail(ConstructDiagnostics.MissingField("file"));
        if (string.IsNullOrWhiteSpace(raw.Route)) Fail(ConstructDiagnostics.MissingField("route"));
        if (!isAuthorizer && (raw.Paths is not { Count: > 0 } || raw.Paths.Any(string.IsNullOrWhiteSpace)))
            Fail(ConstructDiagnostics.NoPaths());
        if (!isAuthorizer && (raw.Methods is not { Count: > 0 } || raw.Methods.Any(string.IsNullOrWhiteSpace)))
            Fail(ConstructDiagnostics.NoMethods());
        if (string.IsNullOrWhiteSpace(raw.Artifact)) Fail(ConstructDiagnostics.MissingField("artifact"));

        if (!string.IsNullOrWhiteSpace(raw.Id))
        {
            if (!ConstructIdPattern().IsMatch(raw.Id))
            {
                Fail(ConstructDiagnostics.InvalidId(raw.Id));
            }
            else if (!seenIds.TryAdd(raw.Id, file))
            {
                Fail(ConstructDiagnostics.DuplicateId(raw.Id, seenIds[raw.Id]));
            }
        }

        foreach (var method in raw.Methods?.OfType<string>() ?? [])
        {
            if (!KnownMethods.Contains(method))
            {
                Fail(ConstructDiagnostics.InvalidMethod(method, KnownMethods));
            }
        }

        // A route's own architecture, else the app's (already checked, so reported once, not once per route).
        var architecture = raw.Architecture ?? appArchitecture;
        if (raw.Architecture is not null && !LambdaArchitectures.IsKnown(raw.Architecture))
        {
            Fail(ConstructDiagnostics.UnsupportedArchitecture(architecture));
        }

        // Lambda's own bounds; anything outside fails at deploy, so fail at synth instead.
        var memory = raw.Settings?.MemorySize;
        if (memory is < 128 or > 10240)
        {
            Fail(ConstructDiagnostics.InvalidMemorySize(memory));
        }

        var timeout = raw.Settings?.Timeout;
        if (timeout is < 1 or > 900)
        {
            Fail(ConstructDiagnostics.InvalidTimeout(timeout));
        }

        string? artifactDirectory = null;
        if (!string.IsNullOrWhiteSpace(raw.Artifact))
        {
            artifactDirectory = Path.GetFullPath(Path.Combine(manifestDirectory, raw.Artifact));
            var problem = probe.Probe(artifactDirectory) switch
            {
                BootstrapState.FolderMissing => ConstructDiagnostics.ArtifactFolderMissing(artifactDirectory),
                BootstrapState.BootstrapMissing => ConstructDiagnostics.BootstrapMissing(artifactDirectory),
                BootstrapState.NotExecutable => ConstructDiagnostics.BootstrapNotExecutable(Path.Combine(artifactDirectory, "bootstrap")),
                _ => null,
            };
            if (problem is not null)
            {
                Fail(problem);
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
