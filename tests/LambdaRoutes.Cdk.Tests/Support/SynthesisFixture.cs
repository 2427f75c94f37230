using Amazon.CDK;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// A class fixture: one built app synthesized once for all the tests of a class (synthesis is the slow part, and the
/// tests only read the result), both deleted after them.
/// </summary>
public abstract class SynthesisFixture : IDisposable
{
    /// <param name="app">The app to synthesize; the fixture owns it from here.</param>
    /// <param name="props">The construct's props, given the app's manifest path and the stack (for layers, VPCs).</param>
    protected SynthesisFixture(BuiltApp app, Func<string, Stack, LambdaRoutesApiProps> props)
    {
        App = app;
        Synth = new SynthesizedStack(stack => props(app.ManifestPath, stack));
    }

    public BuiltApp App { get; }

    public SynthesizedStack Synth { get; }

    public void Dispose()
    {
        Synth.Dispose();
        App.Dispose();
    }
}
