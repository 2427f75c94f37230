using LambdaRoutes.Local;
using LambdaRoutes.Packager.Packaging;
using HostArchitecture = System.Runtime.InteropServices.Architecture;

namespace LambdaRoutes.Packager.Tests.Packaging;

/// <summary>
/// Which Debian packages an arm64 build on an x86_64 host needs, proved against a fake file system root, and how a
/// foreign binary is started (qemu-user with the target's C library).
/// </summary>
public sealed class CrossToolchainTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lambda-routes-cross-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }

    [Fact]
    public void An_empty_host_is_told_every_package_the_arm64_link_needs()
    {
        var toolchain = CrossToolchain.For(Architecture.Arm64, HostArchitecture.X64);

        var missing = toolchain.MissingPackages(_root);

        Assert.Equal(["binutils-aarch64-linux-gnu", "libc6-dev-arm64-cross", "gcc-aarch64-linux-gnu"], missing.Select(m => m.Package));
        Assert.Equal("/usr/aarch64-linux-gnu/lib/Scrt1.o", missing[1].MissingFile);
        var problem = toolchain.Problem("linux-arm64", _root)!;
        Assert.StartsWith("error LR3005: linking Native AOT for linux-arm64", problem);
        Assert.Contains("apt-get install binutils-aarch64-linux-gnu libc6-dev-arm64-cross gcc-aarch64-linux-gnu", problem);
    }

    [Fact]
    public void Only_the_missing_package_is_named_and_any_gcc_version_counts()
    {
        Touch("usr/bin/aarch64-linux-gnu-ld.bfd");
        Touch("usr/bin/aarch64-linux-gnu-objdump");
        Touch("usr/lib/gcc-cross/aarch64-linux-gnu/12/crtbeginS.o");
        var toolchain = CrossToolchain.For(Architecture.Arm64, HostArchitecture.X64);

        Assert.Equal(["libc6-dev-arm64-cross"], toolchain.MissingPackages(_root).Select(m => m.Package));

        Touch("usr/aarch64-linux-gnu/lib/Scrt1.o");
        Assert.Empty(toolchain.MissingPackages(_root));
        Assert.Null(toolchain.Problem("linux-arm64", _root));
        Assert.Equal("aarch64-linux-gnu-objdump", toolchain.Objdump);
    }

    [Fact]
    public void A_native_build_needs_no_cross_packages_and_reads_symbols_with_the_plain_objdump()
    {
        var x64 = CrossToolchain.For(Architecture.X86_64, HostArchitecture.X64);
        var arm64OnArm64 = CrossToolchain.For(Architecture.Arm64, HostArchitecture.Arm64);

        Assert.Empty(x64.MissingPackages(_root));
        Assert.Equal("objdump", x64.Objdump);
        Assert.Empty(arm64OnArm64.MissingPackages(_root));
        Assert.Equal(["binutils-x86-64-linux-gnu", "libc6-dev-amd64-cross", "gcc-x86-64-linux-gnu"],
            CrossToolchain.For(Architecture.X86_64, HostArchitecture.Arm64).MissingPackages(_root).Select(m => m.Package));
    }

    [Fact]
    public void A_foreign_bootstrap_runs_under_qemu_with_the_targets_c_library_and_a_native_one_directly()
    {
        var (qemu, arguments) = ArchitectureLauncher.Command("/out/Api/bootstrap", "arm64", HostArchitecture.X64);
        var (native, none) = ArchitectureLauncher.Command("/out/Api/bootstrap", "x86_64", HostArchitecture.X64);

        Assert.Equal("qemu-aarch64", qemu);
        Assert.Equal(["-L", "/usr/aarch64-linux-gnu", "/out/Api/bootstrap"], arguments);
        Assert.Equal("/out/Api/bootstrap", native);
        Assert.Empty(none);
        Assert.Throws<ArgumentException>(() => ArchitectureLauncher.Command("/out/Api/bootstrap", "mips", HostArchitecture.X64));
    }

    [Fact]
    public void What_running_arm64_binaries_lacks_is_named_with_its_package()
    {
        var noQemu = ArchitectureLauncher.Problem("arm64", HostArchitecture.X64, _root);
        Touch("usr/bin/qemu-aarch64");
        var noLibraries = ArchitectureLauncher.Problem("arm64", HostArchitecture.X64, _root);
        Directory.CreateDirectory(Path.Combine(_root, "usr", "aarch64-linux-gnu"));

        Assert.Equal("running arm64 binaries on this x86_64 host needs qemu-aarch64 (apt-get install qemu-user)", noQemu);
        Assert.Contains("(apt-get install libc6-dev-arm64-cross)", noLibraries);
        Assert.Null(ArchitectureLauncher.Problem("arm64", HostArchitecture.X64, _root));
        Assert.Null(ArchitectureLauncher.Problem("x86_64", HostArchitecture.X64, _root));
    }
}
