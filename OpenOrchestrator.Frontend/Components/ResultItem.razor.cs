using Microsoft.AspNetCore.Components;
using OpenOrchestrator.Frontend.Resources;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>One result of the list. It renders again only when its result changed, so a live result added above does not redraw the rest.</summary>
public sealed partial class ResultItem
{
    private ResultView? _rendered;

    [Parameter, EditorRequired] public ResultView Result { get; set; } = default!;

    [Parameter] public EventCallback<ResultView> OnTogglePin { get; set; }

    /// <summary>The owner approves, edits or rejects a result that waits for approval.</summary>
    [Parameter] public EventCallback<(ResultView Result, Decision Decision)> OnDecide { get; set; }

    private bool HasRecipient => Result.Metadata?.ContainsKey("to") == true;

    protected override bool ShouldRender() => !ReferenceEquals(_rendered, Result);

    protected override void OnAfterRender(bool firstRender) => _rendered = Result;

    public enum Decision
    {
        Approve,
        Edit,
        Reject,
    }

    /// <summary>How the approved draft's mail went; a failure carries the server's reason, so the owner knows what to fix.</summary>
    internal static string MailLine(DeliveryView mail) => mail.Status switch
    {
        DeliveryStatuses.Sent => Strings.Shared["MailSent", mail.Recipient ?? ""],
        DeliveryStatuses.Failed => Strings.Shared["MailFailed", mail.Recipient ?? "", mail.Error ?? ""],
        _ when mail.Error is not null => Strings.Shared["MailRetrying", mail.Recipient ?? "", mail.Error],
        _ => Strings.Shared["MailSending", mail.Recipient ?? ""],

    };

    private static string ShortUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath.TrimEnd('/') : url;
}
