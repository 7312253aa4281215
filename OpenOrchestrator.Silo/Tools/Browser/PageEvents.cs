using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>What a page's network did since the last action: its main document's answer and what the guard refused.</summary>
internal sealed partial class PageEvents(GuardedProxy proxy)
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _refused = new(StringComparer.OrdinalIgnoreCase);
    private IResponse? _document;

    public void Watch(IPage page)
    {
        page.Response += (_, response) =>
        {
            lock (_gate)
            {
                if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
                {
                    _document = response;
                }

                if (GuardedProxy.IsRefusal(response.Headers))
                {
                    _refused.Add(Authority(response.Url));
                }
            }
        };
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure?.Contains("ERR_TUNNEL_CONNECTION_FAILED", StringComparison.Ordinal) == true)
            {
                lock (_gate)
                {
                    _refused.Add(Authority(request.Url));
                }
            }
        };
    }

    /// <summary>Forgets what happened before an action, so its result reports only its own.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _refused.Clear();
            _document = null;
        }
    }

    public IResponse? Document
    {
        get
        {
            lock (_gate)
            {
                return _document;
            }
        }
    }

    public IReadOnlyList<string> Refused
    {
        get
        {
            lock (_gate)
            {
                return [.. _refused];
            }
        }
    }

    /// <summary>Turns Chromium's error for a refused tunnel into the guard's own reason.</summary>
    public string Explain(string message)
    {
        var first = message.Split('\n', 2)[0].Trim();
        var url = NetErrorUrl().Match(first);
        if (first.Contains("ERR_TUNNEL_CONNECTION_FAILED", StringComparison.Ordinal) && url.Success
            && Uri.TryCreate(url.Groups[1].Value, UriKind.Absolute, out var target))
        {
            return proxy.RefusalFor(target.Host, target.Port) ?? $"could not connect to {target.Authority}";
        }

        return first;
    }

    private static string Authority(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;

    [GeneratedRegex(@"at (\S+)")]
    private static partial Regex NetErrorUrl();
}
