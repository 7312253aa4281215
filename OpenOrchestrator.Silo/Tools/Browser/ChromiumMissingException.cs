namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>No Chromium to render pages with; <c>browser.fetch</c> still works.</summary>
public sealed class ChromiumMissingException : Exception
{
    public ChromiumMissingException()
        : base("no Chromium is installed on this server (set Tools__Browser__ChromiumPath or install chromium); "
            + "browser-fetch still reads pages without running their JavaScript")
    {
    }

    public ChromiumMissingException(string message)
        : base(message)
    {
    }

    public ChromiumMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
