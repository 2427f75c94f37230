using System.IO.Compression;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Writes a Lambda deployment zip: <c>bootstrap</c> at the root with mode 0755 (DESIGN.md §5; a custom runtime's
/// bootstrap must be executable). A fixed timestamp makes the zip a pure function of the binary, so its SHA-256 only
/// changes when the code does and CDK assets do not churn.
/// </summary>
internal static class ZipWriter
{
    /// <summary>Unix mode bits live in the high 16 bits of a zip entry's external attributes: S_IFREG | 0755.</summary>
    public const int ExecutableFileAttributes = 0x81ED << 16;

    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string bootstrapPath, string zipPath)
    {
        var temp = zipPath + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("bootstrap", CompressionLevel.Optimal);
            entry.ExternalAttributes = ExecutableFileAttributes;
            entry.LastWriteTime = FixedTimestamp;
            using var target = entry.Open();
            using var source = File.OpenRead(bootstrapPath);
            source.CopyTo(target);
        }

        File.Move(temp, zipPath, overwrite: true);
    }
}
