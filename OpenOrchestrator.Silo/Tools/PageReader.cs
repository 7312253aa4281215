using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>Turns HTML into text a model can read: title first, one line per block, links as <c>text (url)</c>.</summary>
public static class PageReader
{
    private const string Truncated = "\n[truncated]";

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "canvas", "select",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tr", "ul", "caption",
    };

    public static string Read(string html, Uri pageUri)
    {
        ArgumentNullException.ThrowIfNull(pageUri);
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUri = baseHref is not null && Uri.TryCreate(pageUri, baseHref, out var declared) ? declared : pageUri;

        var text = new PageText();
        if (document.Body is { } body)
        {
            Walk(body, baseUri, text);
        }

        var title = new PageText();
        title.Append(document.Title ?? "");
        return title.Length == 0 ? text.ToString() : $"{title}\n\n{text}";
    }

    /// <summary>
    /// The text cut to <paramref name="maxChars"/>; it ends with "[truncated]" when it was cut here or
    /// already before (<paramref name="cut"/>, e.g. a body read only up to its limit).
    /// </summary>
    public static string Cap(string text, int maxChars, bool cut = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > maxChars ? string.Concat(text.AsSpan(0, maxChars), Truncated)
            : cut ? text + Truncated
            : text;
    }

    private static void Walk(INode node, Uri baseUri, PageText text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                text.Append(child.TextContent);
            }
            else if (child is IElement element && !Skipped.Contains(element.LocalName) && !element.HasAttribute("hidden"))
            {
                WalkElement(element, baseUri, text);
            }
        }
    }

    private static void WalkElement(IElement element, Uri baseUri, PageText text)
    {
        var name = element.LocalName;
        if (name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
        {
            text.LineBreak();
            text.Append(new string('#', name[1] - '0') + " ");
            Walk(element, baseUri, text);
            text.LineBreak();
        }
        else if (name == "li")
        {
            text.LineBreak();
            text.Append("- ");
            Walk(element, baseUri, text);
            text.LineBreak();
        }
        else if (name == "a")
        {
            var start = text.Length;
            Walk(element, baseUri, text);
            var url = Resolve(baseUri, element.GetAttribute("href"));
            var label = text.Since(start).Trim();
            if (url is not null && label != url)
            {
                text.Append(label.Length > 0 ? $" ({url})" : url);
                text.SoftSpace();
            }
        }
        else if (name == "img")
        {
            text.Append($" {element.GetAttribute("alt")} ");
        }
        else if (name is "td" or "th")
        {
            if (element.PreviousElementSibling is not null)
            {
                text.Append(" | ");
            }

            Walk(element, baseUri, text);
        }
        else if (Blocks.Contains(name))
        {
            text.LineBreak();
            Walk(element, baseUri, text);
            text.LineBreak();
        }
        else
        {
            Walk(element, baseUri, text);
        }
    }

    private static string? Resolve(Uri baseUri, string? href)
    {
        // Same-page anchors and javascript:/mailto: links tell a model nothing it can fetch.
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#')
            || !Uri.TryCreate(baseUri, href.Trim(), out var url) || !WebUrl.IsWeb(url))
        {
            return null;
        }

        return url.AbsoluteUri;
    }
}
