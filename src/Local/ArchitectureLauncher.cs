using System.Runtime.InteropServices;
using LambdaRoutes.Contracts.Manifest;

namespace LambdaRoutes.Local;

/// <summary>
/// How to start a Linux binary built for one Lambda architecture (<c>x86_64</c> or <c>arm64</c>) on this host: directly
/// when the host has that architecture, otherwise under qemu-user (Debian's <c>qemu-user</c> package) with the target's
/// C library from the Debian cross folder (<c>/usr/aarch64-linux-gnu</c>, from <c>libc6-dev-arm64-cross</c>). Emulation
/// proves the binary is correct; its timings say nothing about Lambda's.
/// </summary>
public static class ArchitectureLauncher
{
    /// <summary>The executable and arguments that run <paramref name="binary"/> (built for <paramref name="architecture"/>) here.</summary>
    public static (string Executable, IReadOnlyList<string> Arguments) Command(string binary, string architecture, Architecture? host = null)
    {
        var (qemu, libraries) = Emulation(architecture, host ?? RuntimeInformation.OSArchitecture);
        return qemu is null ? (binary, []) : (qemu, ["-L", libraries!, binary]);
    }

    /// <summary>Why binaries of <paramref name="architecture"/> cannot run here (a sentence naming the package), or null when they can.</summary>
    public static string? Problem(string architecture, Architecture? host = null, string root = "/")
    {
        var (qemu, libraries) = Emulation(architecture, host ?? RuntimeInformation.OSArchitecture);
        if (qemu is null)
        {
            return null;
        }

        if (!File.Exists(Path.Combine(root, "usr", "bin", qemu)) && !(root == "/" && OnPath(qemu)))
        {
            return $"running {architecture} binaries on this {Name(host ?? RuntimeInformation.OSArchitecture)} host needs {qemu} (apt-get install qemu-user)";
        }

        return Directory.Exists(Path.Combine(root, libraries!.TrimStart('/')))
            ? null
            : $"running {architecture} binaries on this {Name(host ?? RuntimeInformation.OSArchitecture)} host needs the {architecture} C library in {libraries} " +
              $"(apt-get install {(architecture == LambdaArchitectures.Arm64 ? "libc6-dev-arm64-cross" : "libc6-dev-amd64-cross")})";
    }

    private static (string? Qemu, string? Libraries) Emulation(string architecture, Architecture host) => architecture switch
    {
        LambdaArchitectures.Arm64 when host != Architecture.Arm64 => ("qemu-aarch64", "/usr/aarch64-linux-gnu"),
        LambdaArchitectures.X86_64 when host != Architecture.X64 => ("qemu-x86_64", "/usr/x86_64-linux-gnu"),
        LambdaArchitectures.Arm64 or LambdaArchitectures.X86_64 => (null, null),
        _ => throw new ArgumentException($"'{architecture}' is not a Lambda architecture (x86_64 or arm64).", nameof(architecture)),
    };

    private static string Name(Architecture host) => host == Architecture.X64 ? LambdaArchitectures.X86_64 : host.ToString().ToLowerInvariant();

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));
}
