using System.Security.Cryptography;
using System.Text.Json;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Writes <c>&lt;out&gt;/manifest.json</c> (docs/architecture.md). It is written last and atomically (temp file, then rename),
/// and removed just before a successful build moves its staged artifacts into place, so no manifest ever points at missing or
/// stale files, and a failed build leaves the previous one usable.
/// </summary>
internal static class ManifestWriter
{
    public const string FileName = ManifestDocument.FileName;

    public static ManifestDocument Create(RouteTable table, IReadOnlyList<RouteBuild> builds, BuildOptions options)
    {
        var outDir = options.ResolvedOutDir;
        var routes = builds.Select(b => new ManifestRouteEntry(ManifestRoutes.From(b.Route))
        {
            Architecture = BuildOptions.NameOf(b.Entry.Architecture),
            Artifact = b.Route.Id,
            Bootstrap = $"{b.Route.Id}/bootstrap",
            Zip = $"{b.Route.Id}.zip",
            ZipSha256 = Sha256(b.Artifacts.Zip),
            BootstrapBytes = new FileInfo(b.Artifacts.Bootstrap).Length,
            ZipBytes = new FileInfo(b.Artifacts.Zip).Length,
            InputHash = b.InputHash,
            Kind = b.Route.Style == RouteStyle.Authorizer ? ManifestKinds.Authorizer : null,
        }).ToList();
        var appProject = Path.GetRelativePath(outDir, Path.Combine(table.AppDir, table.AppProject ?? "")).Replace('\\', '/');
        return new ManifestDocument(ManifestDocument.CurrentSchemaVersion, table.AppName, appProject, options.Framework, options.ArchitectureName, ManifestDocument.LambdaRuntime, routes);
    }

    public static void Write(ManifestDocument manifest, string outDir) =>
        WriteAtomically(Path.Combine(outDir, FileName), JsonSerializer.Serialize(manifest, ManifestJson.Readable.ManifestDocument) + Environment.NewLine);

    /// <summary>Temp file, then rename: a reader sees the previous file or the whole new one, never half of it.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    public static void Remove(string outDir) => File.Delete(Path.Combine(outDir, FileName));

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
