namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>Every file of a build's output folder by relative path, with its bytes: two outputs are the same when these are.</summary>
internal static class OutputFiles
{
    public static SortedDictionary<string, string> Read(string outDir) => new(
        Directory.GetFiles(outDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(outDir, f).Replace('\\', '/'), f => Convert.ToHexString(File.ReadAllBytes(f))),
        StringComparer.Ordinal);

    public static void AssertSame(string expectedDir, string actualDir)
    {
        var (expected, actual) = (Read(expectedDir), Read(actualDir));
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes == actual[path], $"{path} differs between {expectedDir} and {actualDir}");
        }
    }
}
