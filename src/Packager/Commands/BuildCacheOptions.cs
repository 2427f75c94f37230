using System.CommandLine;
using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Sharding;

namespace LambdaRoutes.Packager.Commands;

/// <summary>The options of <c>build</c> that let machines share work: the artifact cache and the share of routes to build.</summary>
internal static class BuildCacheOptions
{
    public static Option<string?> Cache() => new("--cache")
    {
        Description = "Artifact cache: a folder, or s3://bucket/prefix to share built routes between machines " +
                      $"(default: ${CacheSetting.EnvironmentVariable}, else {CacheSetting.DefaultFolder()}). A route whose inputs are in it is downloaded, not compiled.",
    };

    public static Option<bool> NoCache() => new("--no-cache") { Description = "Use no artifact cache: neither read nor write one." };

    public static Option<RouteShard?> Shard() => new("--shard")
    {
        Description = "Build share i of n of the routes (by route id) and write <out>/shard.json; merge the shares with `lambda-routes assemble`.",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            var shard = RouteShard.TryParse(text, out var error);
            if (error is not null)
            {
                result.AddError(error);
            }

            return shard;
        },
    };

    /// <summary>LR3007: a share of one binary is not a thing: <c>--mode single</c> builds every route in one publish.</summary>
    public static string? ShardProblem(BuildOptions options) => options is { Shard: { } shard, Mode: BuildMode.Single }
        ? $"error LR3007: --shard {shard} splits the routes over machines, but --mode single builds them all as one binary; drop one of the two."
        : null;
}
