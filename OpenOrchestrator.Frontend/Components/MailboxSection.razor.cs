using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>
/// The mailbox bots scheduled <c>mail</c> read: its fields (the password write-only), how the last look at it went,
/// and a test of the fields as typed, which says what is wrong.
/// </summary>
public sealed partial class MailboxSection
{
    private ImapTestResult? _result;
    private bool _testing;

    [Inject] private ApiClient Api { get; set; } = default!;

    [Parameter, EditorRequired] public MailboxDraft Draft { get; set; } = default!;

    /// <summary>The stored mailbox with its status, or null when none is set.</summary>
    [Parameter] public ImapSettingsView? View { get; set; }

    /// <summary>The server's complaint about a field (<c>imap.port</c>, …), or null.</summary>
    [Parameter] public Func<string, string?> Err { get; set; } = _ => null;

    private static string When(DateTimeOffset? at) => at?.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) ?? "";

    private async Task TestAsync()
    {
        _testing = true;
        _result = null;
        try
        {
            _result = await Api.TestMailboxAsync(Draft.ToUpdate() ?? new ImapSettingsUpdate(null, null, null, null, null, null));
        }
        catch (ApiException e)
        {
            _result = new ImapTestResult(false, e.Problem.Errors.Count > 0 ? string.Join(" ", e.Problem.Errors.SelectMany(f => f.Value)) : e.Problem.Message);
        }
        catch (HttpRequestException e)
        {
            _result = new ImapTestResult(false, e.Message);
        }
        finally
        {
            _testing = false;
        }
    }
}
