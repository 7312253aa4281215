using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Notifications;

/// <summary>
/// A bot's results of a period as a newsletter draft: Markdown, and HTML made from it by Markdig
/// with raw HTML disabled, so nothing a web page or a model wrote becomes markup.
/// </summary>
public static partial class Digest
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Markdown(BotRecord bot, IReadOnlyList<ResultRecord> results, DateTime since, DateTime until)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {Escape(bot.Emoji)} {Escape(bot.Name)}: digest\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{since:yyyy-MM-dd HH:mm} – {until:yyyy-MM-dd HH:mm} UTC · {Count(results.Count)}\n\n");
        text.Append(results.Count == 0 ? "Nothing new in this period.\n" : Items(results));
        return text.ToString();
    }

    /// <summary>The results as numbered sections: linked title, price, content, when found.</summary>
    public static string Items(IReadOnlyList<ResultRecord> results)
    {
        var text = new StringBuilder();
        foreach (var (result, index) in results.Select((r, i) => (r, i + 1)))
        {
            var title = Escape(result.Title);
            text.Append(CultureInfo.InvariantCulture, $"## {index}. {(SafeUrl(result.Url) is { } url ? $"[{title}](<{url}>)" : title)}\n\n");
            if (result.Metadata?.GetValueOrDefault("price") is { } price)
            {
                text.Append(CultureInfo.InvariantCulture, $"**Price:** {Escape(price)}\n\n");
            }

            if (!string.IsNullOrWhiteSpace(result.Content))
            {
                text.Append(Escape(result.Content.Trim())).Append("\n\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"_Found {result.CreatedAt:yyyy-MM-dd HH:mm} UTC_\n\n");
        }

        return text.ToString();
    }

    public static string Html(BotRecord bot, IReadOnlyList<ResultRecord> results, DateTime since, DateTime until) =>
        Page($"{bot.Name}: digest", Markdown(bot, results, since, until));

    /// <summary>A whole HTML document (a newsletter page, an e-mail's HTML part) from Markdown, raw HTML off.</summary>
    public static string Page(string title, string markdown) => Document(title, Markdig.Markdown.ToHtml(markdown, Pipeline));

    /// <summary>A whole HTML document from plain text, as written: blank lines part paragraphs, every line break stays.</summary>
    public static string TextPage(string title, string text) => Document(title, string.Join("\n", text
        .ReplaceLineEndings("\n")
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p).Replace("\n", "<br>\n", StringComparison.Ordinal)}</p>")) + "\n");

    private static string Document(string title, string body) =>
        $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <base target="_blank">
            <title>{{System.Net.WebUtility.HtmlEncode(title)}}</title>
            <style>
            body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1f2937; line-height: 1.5; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin-top: 1.8rem; border-top: 1px solid #e5e7eb; padding-top: 1rem; }
            a { color: #3949ab; } em { color: #6b7280; }
            </style>
            </head>
            <body>
            {{body}}</body>
            </html>
            """;

    private static string Count(int n) => n == 1 ? "1 result" : $"{n} results";

    /// <summary>Only http(s) links; anything else (javascript:, data:) stays plain text.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri.Replace(">", "%3E", StringComparison.Ordinal)
            : null;

    /// <summary>
    /// Text stays text: a backslash before the characters that make inline markup, and before what
    /// would start a heading, list or quote at the beginning of a line; the rest reads as written.
    /// </summary>
    public static string Escape(string text) => BlockStart().Replace(InlineMarkup().Replace(text, @"\$0"), @"$1\$2");

    [GeneratedRegex(@"[\\`*_\[\]<>]")]
    private static partial Regex InlineMarkup();

    [GeneratedRegex(@"(?m)^(\s*)([#+\-=]|\d+(?=[.)]))")]
    private static partial Regex BlockStart();
}
