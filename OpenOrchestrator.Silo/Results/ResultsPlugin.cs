using System.ComponentModel;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Runs;

namespace OpenOrchestrator.Silo.Results;

/// <summary>results.report: how a bot hands a finding to its owner. One instance serves every run.</summary>
public sealed class ResultsPlugin(ResultStore store, LivePublisher live)
{
    [KernelFunction("report")]
    [Description("Report one finding to the bot's owner. A finding reported before (same URL, or same title without URL) is recognised and not stored again.")]
    public async Task<string> ReportAsync(
        Kernel kernel,
        [Description("Short title, e.g. 'Nike Air Max 90 size 43 — 35 €'")] string title,
        [Description("Link to the finding, if it has one")] string? url = null,
        [Description("Details: description, why it matters")] string? content = null,
        [Description("Price with currency, if it has one")] string? price = null,
        [Description("For a draft to send once the owner approves it (an e-mail answer): the recipient's e-mail address; the title is the subject, the content the body")] string? to = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "Error: a result needs a title.";
        }

        var run = RunContext.Of(kernel);
        if (to is not null && !ResultRecipients.IsAddress(to))
        {
            return $"Error: '{to}' is not an e-mail address.";
        }

        var metadata = new Dictionary<string, string>();
        if (price is not null) metadata["price"] = price;
        if (to is not null) metadata[ResultRecipients.Key] = to.Trim();
        // A run answering a mail answers that mail: its drafts are recognised within the run, not across customers.
        var scope = run.Ticket.Trigger == RunTriggers.Mail ? run.RunId : null;
        var reported = await store.ReportAsync(
            run.BotId, run.RunId, RunContext.Truncate(title, 500), url, content, metadata, run.Ticket.Bot.RequireApproval, scope, cancellationToken);
        run.CountResult(reported.Stored);
        if (reported.IsNew)
        {
            live.Publish(LiveEvent.Added(run.Ticket.OwnerId, ResultsApi.ToView(reported.Stored!)));
        }

        return !reported.IsNew ? "Already reported before: not stored again."
            : run.Ticket.Bot.RequireApproval ? $"Stored ({reported.Id}); it waits for the owner's approval before anything is sent."
            : $"Stored as a new result ({reported.Id}).";
    }
}
