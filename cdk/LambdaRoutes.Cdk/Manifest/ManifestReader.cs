using System.Text.Json;
using LambdaRoutes.Cdk.Diagnostics;

namespace LambdaRoutes.Cdk.Manifest;

/// <summary>Reads and validates a <c>manifest.json</c> written by <c>lambda-routes build</c>.</summary>
public static class ManifestReader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

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
            throw Fail(fullPath, $"cannot read the manifest ({e.Message}). Run `lambda-routes build <appDir>` first, or pass AppPath so synth builds it.");
        }

        try
        {
            return JsonSerializer.Deserialize<ManifestDocument>(text, JsonOptions)
                ?? throw Fail(fullPath, "the manifest is the JSON literal null.");
        }
        catch (JsonException e)
        {
            throw Fail(fullPath, $"invalid JSON: {e.Message}");
        }
    }

    private static LambdaRoutesException Fail(string fullPath, string message) =>
        new(fullPath, [new RouteDiagnostic(DiagnosticCodes.ManifestUnreadable, message)]);
}
