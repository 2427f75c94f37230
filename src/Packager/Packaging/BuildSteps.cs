using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// The two steps of a build that run <c>dotnet</c>: restore and compile the app once, then publish an entry project with
/// Native AOT. They are one seam so that tests can drive the pipeline's locking, staging and commit in seconds, with
/// steps that write stand-in binaries and pause where a test needs a second build to start.
/// </summary>
internal interface IBuildSteps
{
    Task<CompileResult> RestoreAndCompileAsync(RouteTable table, IReadOnlyList<EntryProject> entries, BuildOptions options, CancellationToken cancel);

    Task<PublishOutcome> PublishAsync(EntryProject entry, CancellationToken cancel);
}

/// <summary>The real steps: <see cref="AppCompiler"/> and <see cref="EntryPublisher"/>.</summary>
internal sealed class DotnetBuildSteps : IBuildSteps
{
    public static readonly DotnetBuildSteps Instance = new();

    public Task<CompileResult> RestoreAndCompileAsync(RouteTable table, IReadOnlyList<EntryProject> entries, BuildOptions options, CancellationToken cancel) =>
        AppCompiler.RestoreAndCompileAsync(table, entries, options, cancel);

    public Task<PublishOutcome> PublishAsync(EntryProject entry, CancellationToken cancel) => EntryPublisher.PublishAsync(entry, cancel);
}
