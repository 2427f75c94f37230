using System.ComponentModel;
using System.Diagnostics;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>
/// Runs cfn-lint (https://github.com/aws-cloudformation/cfn-lint) on synthesized templates: every error, warning and
/// informational finding fails the test, listed one per line with its rule and template line.
/// cfn-lint is a Python tool; scripts/setup.sh checks that it is installed. A missing cfn-lint fails, never skips.
/// </summary>
public static class CfnLint
{
    public static void AssertClean(params string[] templates)
    {
        Assert.NotEmpty(templates);
        var start = new ProcessStartInfo("cfn-lint")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--format", "parseable", "--", .. templates])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"cfn-lint could not start ({e.Message}): install it with `pip install cfn-lint` (scripts/setup.sh checks for it).");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            // Exit code 0: no findings. 2, 4 and 8 (and their sums) flag errors, warnings and informational findings; 1 is a crash.
            Assert.True(process.ExitCode == 0 && stdout.Result.Trim().Length == 0,
                $"cfn-lint exited {process.ExitCode} on {string.Join(", ", templates)}:\n{stdout.Result}{stderr.Result}");
        }
    }
}
