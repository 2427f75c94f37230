using LambdaRoutes.Cdk;
using System.CommandLine;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Commands;

/// <summary>Arguments and options shared by several commands (routes, build, dev).</summary>
internal static class CommonOptions
{
    public static Argument<string> AppDir() => new("appDir") { Description = "The app folder: holds the .csproj and the api/ folder." };

    public static Option<ApiKind> Api() => new("--api")
    {
        Description = "API Gateway flavour the routes must fit: http (default) or rest (one variable child per resource).",
        DefaultValueFactory = _ => ApiKind.Http,
    };

    /// <summary><c>--arch</c>: one of Lambda's architecture names (<see cref="BuildOptions.NameOf"/>), x86_64 by default.</summary>
    public static Option<string> Arch(string description)
    {
        var arch = new Option<string>("--arch") { Description = description, DefaultValueFactory = _ => BuildOptions.NameOf(Architecture.X86_64) };
        arch.AcceptOnlyFromAmong(Enum.GetValues<Architecture>().Select(BuildOptions.NameOf).ToArray());
        return arch;
    }

    /// <summary>The architecture an <see cref="Arch"/> option names.</summary>
    public static Architecture ArchitectureOf(ParseResult parse, Option<string> arch) =>
        BuildOptions.Named(parse.GetRequiredValue(arch)) ?? throw new InvalidOperationException("--arch accepts only Lambda's names.");
}
