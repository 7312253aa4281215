using System.Text.RegularExpressions;

namespace OpenOrchestrator.Testing;

/// <summary>What the scripted model does in a conversation, round by round.</summary>
public static partial class Scripts
{
    /// <summary>The completed model rounds so far: assistant turns that asked for tools.</summary>
    public static int Round(this ModelRequest request) => request.Messages.Count(m => m.IsAssistant && m.ToolCalls.Count > 0);

    /// <summary>The seed's eBay scout: fetch the listing page, report every item on it, then sum up.</summary>
    public static ModelReply Scout(ModelRequest request, Uri listings) => Scout(request, listings, "browser-fetch");

    /// <summary>The scout on a shop built by script: open the page in the browser, report every item it lists, then sum up.</summary>
    public static ModelReply RenderedScout(ModelRequest request, Uri listings) => Scout(request, listings, "browser-open");

    private static ModelReply Scout(ModelRequest request, Uri listings, string tool) => request.Round() switch
    {
        0 => ModelReply.ToolCalls(ModelToolCall.Create(tool, new { url = listings.ToString() })),
        1 => ReportItems(request.ToolResults.Single().Content),
        _ => ModelReply.Text("Done. Reported the offers on the page."),
    };

    /// <summary>The support drafter: one draft answer to Kim's "Where is my parcel?" for <paramref name="to"/>, then a summary.</summary>
    public static ModelReply SupportDraft(ModelRequest request, string to) => request.Round() == 0
        ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new
        {
            title = "Re: Where is my parcel?",
            content = "Hello Kim,\n\nyour parcel left us yesterday; delivery takes 2–4 working days.\n\nYour support team",
            to,
        }))
        : ModelReply.Text("1 draft for approval.");

    private static ModelReply ReportItems(string page)
    {
        var calls = Items().Matches(page)
            .Select(m => ModelToolCall.Create("results-report", new { title = m.Groups["title"].Value.Trim(), url = m.Groups["url"].Value, price = m.Groups["price"].Value }))
            .ToArray();
        return calls.Length == 0 ? ModelReply.Text("No offers on the page.") : ModelReply.ToolCalls(calls);
    }

    [GeneratedRegex(@"^[ \t]*(?:- )?(?<title>[^\n()]+?)\s*\((?<url>https?://[^)\s]+/item/[^)\s]+)\)[^\n]*?(?<price>\d+(?:[.,]\d+)?\s*€)", RegexOptions.Multiline)]
    private static partial Regex Items();
}
