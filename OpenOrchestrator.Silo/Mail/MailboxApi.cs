using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Api;

namespace OpenOrchestrator.Silo.Mail;

/// <summary><c>POST /api/settings/imap/test</c>: tries the mailbox (connect, log in, open the folder) and says what is wrong.</summary>
public static class MailboxApi
{
    public static RouteGroupBuilder MapMailboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings/imap").WithTags("Settings").RequireAuthorization();
        group.MapPost("/test", TestAsync);
        return group;
    }

    /// <summary>Tests the stored settings, or the given fields over them (a form not saved yet; no password given keeps the stored one).</summary>
    private static async Task<Results<Ok<ImapTestResult>, ValidationProblem>> TestAsync(
        ImapSettingsUpdate? update, CurrentUser caller, MailboxSettingsStore mailboxes, SecretStore secrets, ImapConnector connector,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        update ??= new ImapSettingsUpdate(null, null, null, null, null, null);
        MailboxSettingsStore.Validate(update, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (MailboxSettingsStore.Merge(caller.Id, await mailboxes.FindAsync(caller.Id, cancellationToken), update) is not { } box)
        {
            return TypedResults.Ok(new ImapTestResult(false, "No mailbox is set: enter the server's host first."));
        }

        var password = update.Password ?? await secrets.GetAsync(caller.Id, SecretNames.ImapPassword, cancellationToken);
        var settings = MailboxSettings.Of(box, password);
        try
        {
            var (client, folder) = await connector.OpenAsync(settings, cancellationToken);
            using (client)
            {
                var count = folder.Count;
                await client.DisconnectAsync(quit: true, cancellationToken);
                return TypedResults.Ok(new ImapTestResult(true, null, count));
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Ok(new ImapTestResult(false, MailboxFailures.Describe(e, settings)));
        }
    }
}
