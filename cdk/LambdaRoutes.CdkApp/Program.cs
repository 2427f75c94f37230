// The CDK app the repository's cdk.json runs: `npx cdk synth` / `npx cdk deploy` at the root.
// Context (see AppSettings) picks the app folder and stack name; the default deploys samples/Hello as LambdaRoutesHello.
using Amazon.CDK;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.CdkApp;

// jsii, which Amazon.CDK.Lib runs on, starts a node child process that checks node's version and prints a large banner
// on an end-of-life release (Node 20 since 2026-04-30). The cdk CLI that runs this app has already printed the same
// banner; hush the second copy before the first jsii call, unless the user chose their own setting.
const string EndOfLifeSilencer = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION";
if (System.Environment.GetEnvironmentVariable(EndOfLifeSilencer) is null)
{
    System.Environment.SetEnvironmentVariable(EndOfLifeSilencer, "20");
}

var app = new App();
try
{
    var settings = AppSettings.FromContext(key => app.Node.TryGetContext(key)?.ToString());
    new LambdaRoutesStack(app, settings.ResolveStackName(), settings.ApiProps, new StackProps
    {
        // Environment-agnostic unless the CLI knows an account/region (a profile): synth works offline.
        Env = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT") is { } account
            ? new Amazon.CDK.Environment { Account = account, Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") }
            : null,
        Description = "LambdaRoutes: one Native AOT Lambda per api/ route file behind API Gateway",
    });
    app.Synth();
    return 0;
}
catch (Exception e) when (e is LambdaRoutesException or ArgumentException)
{
    // The diagnostics already name the files and routes; a stack trace would only bury them.
    Console.Error.WriteLine(e.Message);
    return 1;
}
