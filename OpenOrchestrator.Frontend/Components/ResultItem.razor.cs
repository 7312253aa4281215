using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>One result of the list. It renders again only when its result changed, so a live result added above does not redraw the rest.</summary>
public sealed partial class ResultItem
{
    private ResultView? _rendered;

    [Parameter, EditorRequired] public ResultView Result { get; set; } = default!;

    [Parameter] public EventCallback<ResultView> OnTogglePin { get; set; }

    protected override bool ShouldRender() => !ReferenceEquals(_rendered, Result);

    protected override void OnAfterRender(bool firstRender) => _rendered = Result;

    private static string ShortUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath.TrimEnd('/') : url;
}
