using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaRoutes.Contracts.Manifest;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Sharding;

/// <summary>One route of the app as every shard saw it: assemble refuses shards that disagree on any of them.</summary>
internal sealed record ShardRoute(string Id, string InputHash);

/// <summary>
/// <c>&lt;out&gt;/shard.json</c>, what a <c>build --shard i/n</c> writes instead of <c>manifest.json</c> (a share of the routes
/// is not an app to deploy): the share's own manifest, plus what <c>assemble</c> needs to prove the shares belong together —
/// the app project's absolute path, the API flavour, the hash of the shared sources, and the id and input hash of every route
/// of the app, not only this share's.
/// </summary>
internal sealed record ShardManifest(
    int SchemaVersion,
    int Shard,
    int Shards,
    string AppProjectPath,
    string Api,
    string SharedHash,
    IReadOnlyList<ShardRoute> AllRoutes,
    ManifestDocument Manifest)
{
    public const string FileName = "shard.json";

    public static ShardManifest Create(RouteTable table, RouteShard shard, BuildPlan plan, IReadOnlyList<RouteBuild> shareBuilds, BuildOptions options) =>
        new(1, shard.Index, shard.Count,
            Path.GetFullPath(Path.Combine(table.AppDir, table.AppProject ?? "")),
            options.Api.ToString().ToLowerInvariant(),
            plan.Inputs.WholeAppHash,
            [.. plan.Routes.Select(b => new ShardRoute(b.Route.Id, b.InputHash))],
            ManifestWriter.Create(table, shareBuilds, options));

    public static void Write(ShardManifest shard, string outDir) =>
        ManifestWriter.WriteAtomically(Path.Combine(outDir, FileName), JsonSerializer.Serialize(shard, ShardJson.Readable.ShardManifest) + Environment.NewLine);

    /// <summary>A build of the whole app leaves no share description behind that assemble could mistake for current.</summary>
    public static void Remove(string outDir) => File.Delete(Path.Combine(outDir, FileName));

    /// <summary>Reads a shard output folder's description; the error says why it is not one.</summary>
    public static ShardManifest? TryRead(string outDir, out string? error)
    {
        var path = Path.Combine(outDir, FileName);
        error = null;
        try
        {
            var shard = JsonSerializer.Deserialize(File.ReadAllText(path), ShardJson.Readable.ShardManifest);
            if (shard is { SchemaVersion: 1, Manifest.Routes: not null, AllRoutes: not null, AppProjectPath: not null, SharedHash: not null })
            {
                return shard;
            }

            error = $"{path} is not a shard description of this lambda-routes version";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"{path} does not exist: a shard output is the --out folder of `lambda-routes build --shard i/n`";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{path} cannot be read: {e.Message}";
        }
        catch (JsonException e)
        {
            error = $"{path} is not valid JSON: {e.Message}";
        }

        return null;
    }
}

/// <summary>Source-generated JSON for <see cref="ShardManifest"/>, written like the manifest it carries.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ShardManifest))]
internal sealed partial class ShardJson : JsonSerializerContext
{
    public static ShardJson Readable { get; } = new(ManifestJson.ReadableOptions());
}
