using System.CommandLine;
using LambdaRoutes.Packager.Commands;

namespace LambdaRoutes.Packager;

/// <summary>The <c>lambda-routes</c> command line: one class per command under Commands/. Writers are parameters so tests run it in-process.</summary>
internal static class Cli
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("LambdaRoutes: Next.js-style API routes for C#, one Native AOT AWS Lambda per route.")
        {
            RoutesCommand.Create(stdout, stderr),
            BuildCommand.Create(stdout, stderr),
            DevCommand.Create(stdout, stderr),
            AssembleCommand.Create(stdout, stderr),
            CacheCommand.Create(stdout, stderr),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
