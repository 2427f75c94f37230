using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>
/// Entry projects that real MSBuild publishes in seconds: a <c>Publish</c> target that logs, waits or fails as a test needs,
/// then a <c>CopyNativeBinary</c> that runs after it, as ILCompiler's does, and writes the bootstrap; last the marker target
/// every generated entry project carries (<see cref="BatchPublisher.PublishedTarget"/>), so the batch publisher reads the
/// same line it reads from a real publish.
/// </summary>
internal static class StandInEntryProjects
{
    /// <summary>Writes a bootstrap naming the project and the properties a publish gets.</summary>
    public const string WritesBootstrap = """
        <MakeDir Directories="$(PublishDir)" />
        <WriteLinesToFile File="$(PublishDir)bootstrap" Lines="$(MSBuildProjectName) $(Configuration) $(BuildProjectReferences) $(_IsPublishing)" Overwrite="true" />
        """;

    public static EntryProject Write(string appDir, string id, string publish, string copyNativeBinary = WritesBootstrap)
    {
        var dir = EntryProject.DirFor(appDir, id);
        Directory.CreateDirectory(dir);
        var project = Path.Combine(dir, id + ".csproj");
        File.WriteAllText(project, Text(publish, copyNativeBinary));
        return new EntryProject(id, dir, project, "", File.ReadAllText(project));
    }

    public static string Text(string publish, string copyNativeBinary = WritesBootstrap) => $"""
        <Project>
          <Target Name="Publish">
            {publish}
          </Target>
          <Target Name="CopyNativeBinary" AfterTargets="Publish">
            {copyNativeBinary}
          </Target>
          {BatchPublisher.PublishedTarget}
        </Project>
        """;
}
