using System.Runtime.InteropServices;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// What linking and inspecting a bootstrap for one Lambda architecture takes on this host. Native AOT links with
/// <c>clang --target=&lt;triple&gt;</c> (the ILCompiler package passes the triple for a foreign RID), and clang finds a Debian
/// cross toolchain on its own: the GNU linker and objdump (<c>binutils-&lt;triple&gt;</c>), the target's C library and crt
/// files under <c>/usr/&lt;triple&gt;</c> (<c>libc6-dev-&lt;arch&gt;-cross</c>) and libgcc (<c>gcc-&lt;triple&gt;</c>). That
/// folder is not a sysroot in MSBuild's <c>SysRoot</c> sense (its <c>libc.so</c> script names absolute paths, which
/// <c>--sysroot</c> would prefix again), so it is checked here rather than passed on.
/// </summary>
internal sealed record CrossToolchain(string Triple, string DebianArch, string Objdump)
{
    public static readonly string DefaultRoot = "/";

    /// <summary>The toolchain for <paramref name="target"/>; the host's own tools when the host already is that architecture.</summary>
    public static CrossToolchain For(Architecture target, System.Runtime.InteropServices.Architecture? host = null)
    {
        var native = (host ?? RuntimeInformation.OSArchitecture) == (target == Architecture.Arm64
            ? System.Runtime.InteropServices.Architecture.Arm64
            : System.Runtime.InteropServices.Architecture.X64);
        var (triple, debianArch) = target == Architecture.Arm64 ? ("aarch64-linux-gnu", "arm64") : ("x86_64-linux-gnu", "amd64");
        return new CrossToolchain(triple, debianArch, native ? "objdump" : $"{triple}-objdump") { IsNative = native };
    }

    /// <summary>True when the binaries run on this host, so no cross tools are needed.</summary>
    public bool IsNative { get; private init; }

    /// <summary>Debian's package names use '-' where the triple has '_' (<c>gcc-x86-64-linux-gnu</c>).</summary>
    private string PackageTriple => Triple.Replace('_', '-');

    /// <summary>
    /// The Debian packages whose files are missing under <paramref name="root"/>, each with the file that proves it, in
    /// install order; empty when the host can link for the target.
    /// </summary>
    public IReadOnlyList<(string Package, string MissingFile)> MissingPackages(string? root = null)
    {
        if (IsNative)
        {
            return [];
        }

        root ??= DefaultRoot;
        var missing = new List<(string, string)>();
        Require($"binutils-{PackageTriple}", $"usr/bin/{Triple}-ld.bfd");
        Require($"binutils-{PackageTriple}", $"usr/bin/{Triple}-objdump");
        Require($"libc6-dev-{DebianArch}-cross", $"usr/{Triple}/lib/Scrt1.o");
        Require($"gcc-{PackageTriple}", $"usr/lib/gcc-cross/{Triple}/*/crtbeginS.o");
        return missing.DistinctBy(m => m.Item1).ToList();

        void Require(string package, string relative)
        {
            if (!Exists(root, relative))
            {
                missing.Add((package, "/" + relative));
            }
        }
    }

    /// <summary>The build error for a host that lacks the cross toolchain, or null when it has it.</summary>
    public string? Problem(string rid, string? root = null)
    {
        var missing = MissingPackages(root);
        if (missing.Count == 0)
        {
            return null;
        }

        var packages = string.Join(' ', missing.Select(m => m.Package));
        var proof = string.Join(", ", missing.Select(m => $"{m.Package} ({m.MissingFile} not found)"));
        return $"error LR3005: linking Native AOT for {rid} on this {RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()} host needs a cross toolchain; missing: {proof}. " +
               $"Install it with `apt-get install {packages}` (scripts/setup.sh does this), or build on a {DebianArch} host.";
    }

    /// <summary>A path relative to <paramref name="root"/>, where one '*' segment matches any folder (the gcc version).</summary>
    private static bool Exists(string root, string relative)
    {
        var star = relative.IndexOf("/*/", StringComparison.Ordinal);
        if (star < 0)
        {
            return File.Exists(Path.Combine(root, relative));
        }

        var parent = Path.Combine(root, relative[..star]);
        var rest = relative[(star + 3)..];
        return Directory.Exists(parent) && Directory.EnumerateDirectories(parent).Any(dir => File.Exists(Path.Combine(dir, rest)));
    }
}
