using System.Text.RegularExpressions;

namespace OpenOrchestrator.Testing;

/// <summary>How a streamed reply splits its text and a call's arguments, alike for every wire format.</summary>
internal static partial class TextPieces
{
    /// <summary>Word by word, each word with the spaces around it, so the pieces join to the text.</summary>
    public static IEnumerable<string> Words(string? text) => WordPattern().Matches(text ?? "").Select(m => m.Value);

    /// <summary>At least two pieces whenever possible, so clients must accumulate the arguments.</summary>
    public static IEnumerable<string> Pieces(string arguments)
    {
        if (arguments.Length == 0)
        {
            yield break;
        }

        var size = (int)Math.Ceiling(arguments.Length / (double)Math.Min(3, arguments.Length));
        for (var start = 0; start < arguments.Length; start += size)
        {
            yield return arguments[start..Math.Min(arguments.Length, start + size)];
        }
    }

    [GeneratedRegex(@"\s*\S+\s*|\s+")]
    private static partial Regex WordPattern();
}
