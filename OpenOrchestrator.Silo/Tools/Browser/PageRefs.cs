using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>
/// Numbers the visible links and controls of a page (a <c>data-oo-ref</c> attribute on each) so that click
/// and type can act on them. Numbers keep growing within a run, so a number from an earlier page never
/// names something else on a later one. Links lose their target, so a click stays on the page the run reads.
/// Each also says which page a click (or Enter, in a form's field) would load, so that load can wait its turn.
/// </summary>
internal static class PageRefs
{
    public const string Attribute = "data-oo-ref";

    private const string Script = """
        ([start, max]) => {
          const selector = 'a[href], button, input:not([type=hidden]), textarea, select, summary, [role=button], [role=link], '
            + '[role=checkbox], [role=tab], [role=menuitem], [contenteditable=""], [contenteditable=true]';
          document.querySelectorAll('[data-oo-ref]').forEach(e => e.removeAttribute('data-oo-ref'));
          const clean = s => (s || '').replace(/\s+/g, ' ').trim().slice(0, 100);
          const here = location.href.split('#')[0];
          // A link to another document, not to a place on this page.
          const loads = url => /^https?:/i.test(url) && !(url.includes('#') && url.split('#')[0] === here) ? url : null;
          const noSubmit = ['button', 'reset', 'checkbox', 'radio', 'file', 'color', 'range'];
          const items = [];
          let n = start;
          for (const el of document.querySelectorAll(selector)) {
            if (items.length >= max) break;
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            if ((box.width === 0 && box.height === 0) || style.visibility === 'hidden' || style.display === 'none' || el.disabled) continue;
            const tag = el.tagName.toLowerCase();
            const type = (el.getAttribute('type') || '').toLowerCase();
            const role = el.getAttribute('role')
              || (tag === 'a' ? 'link'
              : tag === 'button' || tag === 'summary' || ['submit', 'button', 'reset', 'image'].includes(type) ? 'button'
              : tag === 'select' ? 'combobox'
              : type === 'checkbox' || type === 'radio' ? type
              : 'textbox');
            const label = el.labels && el.labels.length ? el.labels[0].innerText : '';
            const name = clean(el.getAttribute('aria-label') || label
              || (role === 'textbox' ? el.getAttribute('placeholder') : el.innerText || el.value)
              || el.getAttribute('title') || el.getAttribute('name') || el.getAttribute('alt'));
            n++;
            el.setAttribute('data-oo-ref', String(n));
            if (tag === 'a') el.removeAttribute('target');
            // The page a click (or Enter, in a form's field) would load: the link's, or the form's that it sends.
            const submits = el.form && el.form.method !== 'dialog'
              && (tag === 'button' ? el.type === 'submit' : tag === 'input' && !noSubmit.includes(el.type));
            const target = tag === 'a' ? loads(el.href)
              : submits ? (el.hasAttribute('formaction') ? el.formAction : el.form.action) : null;
            items.push({ ref: n, role, name, href: tag === 'a' ? el.href : null, target });
          }
          return JSON.stringify(items);
        }
        """;

    public static async Task<IReadOnlyList<PageRef>> MarkAsync(IPage page, int start, int max)
    {
        var json = await page.EvaluateAsync<string>(Script, new object[] { start, max }).ConfigureAwait(false);
        return JsonSerializer.Deserialize<PageRef[]>(json) ?? [];
    }

    public static ILocator Locate(IPage page, int reference) => page.Locator($"[{Attribute}=\"{reference}\"]");

    /// <summary><c>[12] link "Next page" → https://…</c>, one per line.</summary>
    public static string Format(IReadOnlyList<PageRef> refs)
    {
        var text = new StringBuilder();
        foreach (var item in refs)
        {
            text.Append('[').Append(item.Ref).Append("] ").Append(item.Role).Append(" \"").Append(item.Name).Append('"');
            if (item.Href is { Length: > 0 } href && !href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                text.Append(" → ").Append(href);
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}

internal sealed record PageRef(
    [property: JsonPropertyName("ref")] int Ref,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("href")] string? Href,
    [property: JsonPropertyName("target")] string? Target);
