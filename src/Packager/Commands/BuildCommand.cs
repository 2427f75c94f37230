using System.CommandLine;

namespace LambdaRoutes.Packager.Commands;

/// <summary><c>lambda-routes build</c> (placeholder until the runtime lands).</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("build", "Build one Native AOT bootstrap and zip per route, and the manifest.");
        command.SetAction(_ => { stderr.WriteLine("not yet"); return 1; });
        return command;
    }
}
