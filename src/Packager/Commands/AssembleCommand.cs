using System.CommandLine;
using LambdaRoutes.Packager.Sharding;

namespace LambdaRoutes.Packager.Commands;

/// <summary>
/// <c>lambda-routes assemble &lt;shard outputs…&gt; -o &lt;out&gt; [--app &lt;appDir&gt;]</c>: merges the <c>--out</c> folders of <c>build --shard i/n</c>
/// (one per CI job) into one output, as one <c>build</c> would have written it (docs/packager.md).
/// </summary>
internal static class AssembleCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var shards = new Argument<string[]>("shardOutputs") { Description = "The --out folder of every `build --shard i/n`, i = 1..n.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "The folder to write the merged manifest and artifacts to.", Required = true };
        var app = new Option<string?>("--app")
        {
            Description = "The app folder on this machine, when the shards were built from a checkout at another path (default: where they were built).",
        };
        var command = new Command("assemble", "Merge the outputs of `build --shard i/n` into one manifest and its artifacts.") { shards, outDir, app };
        command.SetAction(parse => ShardAssembler.Run(parse.GetRequiredValue(shards), parse.GetRequiredValue(outDir), parse.GetValue(app), stdout, stderr));
        return command;
    }
}
