using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// One stack holding a <see cref="LambdaRoutesApi"/>, synthesized into a temp cloud assembly. Tests assert
/// with Amazon.CDK.Assertions (<see cref="Template"/>) and read the written template JSON where they need
/// to walk it (references between resources, metadata).
/// </summary>
public sealed class SynthesizedStack : IDisposable
{
    private readonly TempDirectory _outDir = new("lr-cdk-out");

    public SynthesizedStack(LambdaRoutesApiProps props, Action<LambdaRoutesApi>? afterCreate = null)
        : this(_ => props, afterCreate)
    {
    }

    /// <summary>For props that need constructs of the stack (layers, VPCs).</summary>
    public SynthesizedStack(Func<Stack, LambdaRoutesApiProps> props, Action<LambdaRoutesApi>? afterCreate = null)
    {
        var app = new App(new AppProps
        {
            Outdir = OutDir,
            AnalyticsReporting = false,
            // The CLI sets this; without it CDK writes no aws:asset:path metadata (which SAM local needs).
            Context = new Dictionary<string, object> { ["aws:cdk:enable-asset-metadata"] = true },
        });
        Stack = new Stack(app, "TestStack");
        Api = new LambdaRoutesApi(Stack, "Api", props(Stack));
        afterCreate?.Invoke(Api);
        Template = Template.FromStack(Stack);
        app.Synth();
        Json = JsonDocument.Parse(File.ReadAllText(TemplatePath)).RootElement.Clone();
    }

    public string OutDir => _outDir.Path;

    /// <summary>The template file in the cloud assembly.</summary>
    public string TemplatePath => Path.Combine(OutDir, "TestStack.template.json");

    public Stack Stack { get; }

    public LambdaRoutesApi Api { get; }

    public Template Template { get; }

    /// <summary>The template as written to cdk.out.</summary>
    public JsonElement Json { get; }

    public IEnumerable<(string LogicalId, JsonElement Resource)> ResourcesOfType(string type) =>
        Json.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value));

    /// <summary>The logical id of the function of one route (its construct path ends in <c>Routes/&lt;Id&gt;/Function</c>).</summary>
    public string FunctionLogicalId(string routeId) => Stack.GetLogicalId((CfnElement)Api.Routes[routeId].Function.Node.DefaultChild!);

    public void Dispose() => _outDir.Dispose();
}
