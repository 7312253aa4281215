namespace OpenOrchestrator.Silo.Notifications.Telegram;

/// <summary>Telegram takes at most 4096 characters per message; a longer text is cut at a line or word and says so.</summary>
internal static class TelegramText
{
    public const int MaxLength = 4096;

    public const string CutNote = "\n\n… (cut here: the whole text is in OpenOrchestrator)";

    public static string Fit(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var room = MaxLength - CutNote.Length;
        var cut = text.LastIndexOf('\n', room - 1);
        if (cut < room / 2)
        {
            cut = text.LastIndexOf(' ', room - 1);
        }

        if (cut < room / 2)
        {
            cut = char.IsHighSurrogate(text[room - 1]) ? room - 1 : room;
        }

        return text[..cut].TrimEnd() + CutNote;
    }
}
