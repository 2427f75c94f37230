using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// Golden templates: a synthesized template must equal the checked-in one, so a change of logical ids
/// (which would replace deployed resources) or of any property shows up in review. Regenerate with
/// <c>LAMBDA_ROUTES_UPDATE_GOLDEN=1 dotnet test tests/LambdaRoutes.Cdk.Tests</c> and read the diff.
/// </summary>
public static class Golden
{
    public static void AssertMatches(string name, JsonElement actual)
    {
        var path = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "LambdaRoutes.Cdk.Tests", "Golden", name);
        var actualText = JsonNode.Parse(actual.GetRawText())!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("LAMBDA_ROUTES_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actualText);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; generate it with LAMBDA_ROUTES_UPDATE_GOLDEN=1.");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(actualText)),
            $"synthesized template differs from {path}; if intended, regenerate with LAMBDA_ROUTES_UPDATE_GOLDEN=1 and review the diff.");
    }
}
