namespace LambdaRoutes.Cdk.Packaging;

/// <summary>No packager command was given and none is installed where the app can reach it.</summary>
internal sealed class PackagerNotFoundException(string appDirectory) : Exception(
    $"the {PackagerLocator.ToolCommand} tool was not found: no tool manifest (.config/dotnet-tools.json) above '{appDirectory}' " +
    $"lists {PackagerLocator.PackageId} and there is no '{PackagerLocator.ToolCommand}' on PATH. {PackagerLocator.InstallHint}.");
