using Spectre.Console;

namespace LambdaRoutes.Packager.Output;

/// <summary>
/// Makes the Spectre console for a writer: live and coloured on a terminal, plain and wide when redirected or under CI
/// (the issue asks for plain output in CI logs).
/// </summary>
internal static class Terminal
{
    public static bool IsInteractive(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null or "" or "false";

    public static IAnsiConsole For(TextWriter writer)
    {
        var interactive = IsInteractive(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!interactive)
        {
            // Redirected output has no width; a wide fixed one keeps tables on one line per row.
            console.Profile.Width = 200;
        }

        return console;
    }
}
