// `npx cdk synth` / `npx cdk deploy` run this (cdk.json): one Native AOT Lambda per route file of src/MyApi,
// built by the lambda-routes tool of .config/dotnet-tools.json (`dotnet tool restore` installs it).
using Amazon.CDK;
using LambdaRoutes.Cdk;
using LambdaRoutes.Cdk.Diagnostics;

var app = new App();
try
{
    var stack = new Stack(app, "MyApi", new StackProps
    {
        // Environment-agnostic unless the CLI knows an account and region (a profile): synth works offline.
        Env = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT") is { } account
            ? new Amazon.CDK.Environment { Account = account, Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION") }
            : null,
        Description = "MyApi: one Native AOT Lambda per api/ route file behind API Gateway (LambdaRoutes)",
    });

    var api = new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps
    {
        AppPath = "src/MyApi",
//#if (api == "rest")
        ApiKind = ApiKind.Rest,
//#else
        ApiKind = ApiKind.Http,
//#endif
        // The route binaries' framework: keep it the app's TargetFramework.
        Packager = new PackagerOptions { Framework = "net10.0" },
    });
    // Give a route's function access to your resources here, e.g. table.GrantReadData(api.FunctionFor("/api/notes")).

    app.Synth();
    return 0;
}
catch (LambdaRoutesException e)
{
    // The message names the files, the routes or the missing tool; a stack trace would only bury it.
    Console.Error.WriteLine(e.Message);
    return 1;
}
