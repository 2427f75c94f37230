using System.Globalization;

namespace LambdaRoutes.Runtime.Tests.Aot;

/// <summary>
/// A process's resident memory as Linux reports it in <c>/proc/&lt;pid&gt;/status</c> (proc(5)): what Lambda's
/// memory limit is enforced against.
/// </summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set size so far (<c>VmHWM</c>), in MiB.</summary>
    public static double PeakRssMb(int pid) => Field(pid, "VmHWM:");

    /// <summary>Current resident set size (<c>VmRSS</c>), in MiB.</summary>
    public static double RssMb(int pid) => Field(pid, "VmRSS:");

    private static double Field(int pid, string name)
    {
        foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal)) continue;
            var kb = line[name.Length..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no {name}");
    }
}
