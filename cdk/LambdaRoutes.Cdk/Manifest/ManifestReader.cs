using System.Text.Json;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Contracts.Manifest;

namespace LambdaRoutes.Cdk.Manifest;

/// <summary>Reads and validates a <c>manifest.json</c> written by <c>lambda-routes build</c>.</summary>
internal static class ManifestReader
{
    /// <summary>
    /// Reads the manifest at <paramref name="manifestPath"/> and validates it, including that every
    /// route's artifact folder holds an executable <c>bootstrap</c>.
    /// </summary>
    /// <exception cref="LambdaRoutesException">With every problem found, each naming its route file.</exception>
    public static RouteManifest Read(string manifestPath)
    {
        var fullPath = Path.GetFullPath(manifestPath);
        var document = Parse(fullPath);
        var result = ManifestValidator.Validate(fullPath, document, new FileSystemArtifactProbe());
        if (result.Diagnostics.Count > 0)
        {
            throw new LambdaRoutesException(fullPath, result.Diagnostics);
        }

        return result.Manifest!;
    }

    private static ManifestDocument Parse(string fullPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(fullPath, ConstructDiagnostics.ManifestNotReadable(e.Message));
        }

        try
        {
            return JsonSerializer.Deserialize(text, ManifestJson.Lenient.ManifestDocument)
                ?? throw Fail(fullPath, ConstructDiagnostics.ManifestIsNull());
        }
        catch (JsonException e)
        {
            throw Fail(fullPath, ConstructDiagnostics.ManifestNotJson(e.Message));
        }
    }

    private static LambdaRoutesException Fail(string fullPath, Diagnostic diagnostic) => new(fullPath, [diagnostic]);
}
