using LambdaRoutes.Cdk;
using System.CommandLine;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Local.Gateway;

namespace LambdaRoutes.Packager.Commands;

/// <summary>
/// <c>lambda-routes dev &lt;appDir&gt; [--port 3000] [--aot [--arch x86_64|arm64]] [--rest]</c>: API Gateway and Lambda on this machine, no Docker
/// (docs/dev.md). Serves on 127.0.0.1 until Ctrl+C.
/// </summary>
internal static class DevCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var appDir = CommonOptions.AppDir();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 3000 };
        var aot = new Option<bool>("--aot") { Description = "Build the real Native AOT bootstraps and run them behind a local Lambda Runtime API." };
        var rest = new Option<bool>("--rest") { Description = "Imitate a REST API (payload v1) instead of an HTTP API (payload 2.0)." };
        var arch = CommonOptions.Arch("With --aot: the architecture the bootstraps are built for; a foreign one runs under qemu-user (correctness, not timings).");
        var auth = new DevAuthArguments();
        var command = new Command("dev", "Serve the app locally the way API Gateway and Lambda would.") { appDir, port, aot, rest, arch };
        auth.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var options = new DevOptions(parse.GetRequiredValue(appDir), parse.GetValue(port), parse.GetValue(aot),
                parse.GetValue(rest) ? ApiKind.Rest : ApiKind.Http,
                Architecture: CommonOptions.ArchitectureOf(parse, arch),
                Auth: auth.Read(parse), Iam: auth.ReadIam(parse), DefaultAuthorizer: auth.ReadDefault(parse));
            await using var server = await DevServer.StartAsync(options, stdout, cancel);
            if (server is null)
            {
                stderr.WriteLine("dev: the app cannot be served (see the errors above).");
                return 1;
            }

            await server.RunUntilCancelledAsync(cancel);
            return 0;
        });
        return command;
    }
}
