using System.IO.Compression;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Writes a Lambda deployment zip of an artifact folder: <c>bootstrap</c> at the root with mode 0755 (docs/packager.md; a custom
/// runtime's bootstrap must be executable), other files 0644, dot-files (the stamp) left out. Entries are sorted and carry a
/// fixed timestamp, so the zip is a pure function of the files: its SHA-256 only changes when the code does and CDK
/// assets do not churn.
/// </summary>
internal static class ZipWriter
{
    /// <summary>Unix mode bits live in the high 16 bits of a zip entry's external attributes: S_IFREG | 0755.</summary>
    public const int ExecutableFileAttributes = 0x81ED << 16;

    /// <summary>S_IFREG | 0644.</summary>
    public const int RegularFileAttributes = 0x81A4 << 16;

    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string folder, string zipPath)
    {
        var temp = zipPath + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            var files = Directory.GetFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.ExternalAttributes = name == "bootstrap" ? ExecutableFileAttributes : RegularFileAttributes;
                entry.LastWriteTime = FixedTimestamp;
                using var target = entry.Open();
                using var source = File.OpenRead(file);
                source.CopyTo(target);
            }
        }

        File.Move(temp, zipPath, overwrite: true);
    }
}
