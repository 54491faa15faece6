using System.Text;

namespace FilmCatalog.Web.Moderation;

/// <summary>
/// Reads a new password for the <c>moderator add</c> command: typed twice without echo on a terminal,
/// or two lines from standard input when it is not one (a script: <c>printf '%s\n%s\n' "$pw" "$pw" | ...</c>).
/// </summary>
public static class PasswordPrompt
{
    /// <summary>The password, or null with the reason printed to standard error (no input, or the two differ).</summary>
    public static string? ReadNew(TextReader input, TextWriter prompts, bool isTerminal)
    {
        var first = Read(input, prompts, isTerminal, "Password: ");
        var second = first is null ? null : Read(input, prompts, isTerminal, "Password again: ");
        if (first is null || second is null)
        {
            prompts.WriteLine("moderator add: no password given (type it twice, or give it on two lines of standard input)");
            return null;
        }

        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            prompts.WriteLine("moderator add: the two passwords differ; nothing was changed");
            return null;
        }

        return first;
    }

    private static string? Read(TextReader input, TextWriter prompts, bool isTerminal, string prompt)
    {
        if (!isTerminal)
            return input.ReadLine();

        prompts.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            // intercept: the key is not echoed.
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                    typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        prompts.WriteLine();
        return typed.ToString();
    }
}
