using System.IO.Compression;
using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>Unit tests of the build's small parts: MSBuild message parsing, the glibc rule, the zip layout.</summary>
public sealed class BuildPartsTests
{
    [Fact]
    public void Parses_compiler_and_AOT_lines_once_each()
    {
        string[] lines =
        [
            "/app/api/x.cs(12,5): error CS1002: ; expected [/app/App.csproj]",
            "/app/api/x.cs(12,5): error CS1002: ; expected [/app/App.csproj]",
            "ILC : AOT analysis warning IL3050: Program.<Main>$: Using member 'X' which has 'RequiresDynamicCodeAttribute' [/app/obj/e/E.csproj]",
            "/app/lib/Y.cs(3,1): warning IL2026: Using member 'Z' which has 'RequiresUnreferencedCodeAttribute' [/app/obj/e/E.csproj]",
            "Build succeeded.",
        ];

        var messages = BuildMessageParser.Parse(lines);

        Assert.Equal(3, messages.Count);
        Assert.Equal(new BuildMessage(true, "CS1002", "/app/api/x.cs", 12, "; expected"), messages[0]);
        Assert.False(messages[0].IsAotWarning);
        Assert.True(messages[1].IsAotWarning);
        Assert.Equal("IL3050", messages[1].Code);
        Assert.Equal(("/app/lib/Y.cs", 3), (messages[2].File, messages[2].Line));
    }

    [Fact]
    public void Glibc_symbols_newer_than_2_34_are_named()
    {
        const string objdump = """
            0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.34) __libc_start_main
            0000000000000000      DF *UND*	0000000000000000  GLIBC_2.2.5 memcpy
            0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.38) __isoc23_strtol
            """;

        var report = GlibcCheck.FromObjdump(objdump, GlibcCheck.AmazonLinux2023);

        Assert.False(report.Ok);
        Assert.Equal(new Version(2, 38), report.Highest);
        Assert.Equal(["__isoc23_strtol@GLIBC_2.38"], report.TooNew);
        Assert.True(GlibcCheck.FromObjdump(objdump.Replace("2.38", "2.17"), GlibcCheck.AmazonLinux2023).Ok);
    }

    [Fact]
    public void A_zip_is_deterministic_with_bootstrap_at_the_root_mode_0755()
    {
        var dir = Directory.CreateTempSubdirectory("lambda-routes-zip-");
        try
        {
            var artifact = dir.CreateSubdirectory("ApiX").FullName;
            var bootstrap = Path.Combine(artifact, "bootstrap");
            File.WriteAllBytes(bootstrap, [1, 2, 3, 4, 5]);
            File.WriteAllText(Path.Combine(artifact, ".input-hash"), "abc");
            var first = Path.Combine(dir.FullName, "a.zip");
            var second = Path.Combine(dir.FullName, "b.zip");

            ZipWriter.Write(artifact, first);
            File.SetLastWriteTimeUtc(bootstrap, DateTime.UtcNow.AddDays(-3));
            ZipWriter.Write(artifact, second);

            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            using var zip = ZipFile.OpenRead(first);
            var entry = Assert.Single(zip.Entries);
            Assert.Equal("bootstrap", entry.FullName);
            Assert.Equal(0x81ED, (entry.ExternalAttributes >> 16) & 0xFFFF);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
