using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The dashboard's recent activity across all the user's bots: time, bot, one line (what a run found, by its title), outcome.</summary>
public sealed partial class ActivityList
{
    private const int PageSize = 30;

    // Older pages, read on request: the live feed keeps only the newest entries.
    private readonly List<ActivityView> _older = [];
    private bool _expanded;
    private bool _noMore;
    private bool _loadingOlder;
    private string? _olderError;

    [Inject] private ApiClient Api { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<ActivityView> Items { get; set; } = [];
    [Parameter] public bool Loaded { get; set; }
    [Parameter] public string? Error { get; set; }
    [Parameter] public int Limit { get; set; } = 15;

    private IEnumerable<ActivityView> Shown => _expanded
        ? Items.Concat(_older.Where(o => Items.All(i => i.Id != o.Id)))
        : Items.Take(Limit);

    /// <summary>A result's link as a model reported it: only http(s) becomes a link (never javascript: or data:).</summary>
    private static string? WebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    private async Task ShowOlderAsync()
    {
        _loadingOlder = true;
        try
        {
            var oldest = Shown.Select(a => a.Id).DefaultIfEmpty(long.MaxValue).Min();
            var page = await Api.ListActivityAsync(PageSize, oldest);
            _older.AddRange(page.Items);
            _noMore = page.Next is null;
            _expanded = true;
            _olderError = null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _olderError = e.Message;
        }
        finally
        {
            _loadingOlder = false;
        }
    }
}
