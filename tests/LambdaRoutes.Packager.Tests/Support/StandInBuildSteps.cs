using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>
/// Build steps without <c>dotnet</c>: the compile succeeds and each publish writes a small stand-in <c>bootstrap</c> whose
/// bytes name the entry and the publish, so the pipeline's locking, staging and commit run for real in milliseconds. Each
/// step can be held at a gate, which lets a test start another build while this one is inside that step.
/// </summary>
internal sealed class StandInBuildSteps : IBuildSteps
{
    private int _compiles;
    private int _publishes;

    /// <summary>Completed when the compile step has been entered (under the compile locks).</summary>
    public TaskCompletionSource CompileEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when the first publish has been entered (the compile locks already released).</summary>
    public TaskCompletionSource PublishEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The compile waits for this before it returns; open unless a test closes it.</summary>
    public Task CompileGate { get; init; } = Task.CompletedTask;

    /// <summary>Every publish waits for this before it writes its binary; open unless a test closes it.</summary>
    public Task PublishGate { get; init; } = Task.CompletedTask;

    /// <summary>
    /// When set, a publish writes bytes that depend on the entry project's text alone, as a real reproducible publish would:
    /// two builds of the same inputs, anywhere, give the same bootstrap.
    /// </summary>
    public bool Reproducible { get; init; }

    public int Compiles => Volatile.Read(ref _compiles);

    public int Publishes => Volatile.Read(ref _publishes);

    public async Task<CompileResult> RestoreAndCompileAsync(RouteTable table, IReadOnlyList<EntryProject> entries, BuildOptions options, CancellationToken cancel)
    {
        Interlocked.Increment(ref _compiles);
        CompileEntered.TrySetResult();
        await CompileGate.WaitAsync(cancel);
        return new CompileResult(true, [], TimeSpan.Zero);
    }

    public async Task<PublishOutcome> PublishAsync(EntryProject entry, CancellationToken cancel)
    {
        var number = Interlocked.Increment(ref _publishes);
        PublishEntered.TrySetResult();
        await PublishGate.WaitAsync(cancel);
        var publishDir = Path.Combine(entry.Dir, "publish");
        Directory.CreateDirectory(publishDir);
        var bootstrap = Path.Combine(publishDir, "bootstrap");
        await File.WriteAllTextAsync(bootstrap, Reproducible
            ? $"stand-in bootstrap of {entry.RouteId} from {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(entry.ProgramText + entry.ProjectText)))}\n"
            : $"stand-in bootstrap of {entry.RouteId}, publish {number} of {entry.Dir}\n", cancel);
        return new PublishOutcome(bootstrap, [], [], 0, TimeSpan.Zero);
    }
}
