using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Triggers;

namespace OpenOrchestrator.Silo.Results;

/// <summary>
/// The owner's decision on a result that waits for approval. Approving (optionally with an edited
/// title and content) runs the bot's next step in the same commit: the draft is queued for mailing
/// to its recipient, and the bot's <c>result</c> triggers fire. Rejecting sends nothing.
/// </summary>
public static class ApprovalsApi
{
    public const int MaxContentLength = 100_000;

    public static RouteGroupBuilder MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/results").WithTags("Results").RequireAuthorization();
        group.MapPost("/{resultId}/approve", ApproveAsync);
        group.MapPost("/{resultId}/reject", RejectAsync);
        return group;
    }

    private static async Task<Results<Ok<ResultView>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        string resultId, ResultApproval? approval, CurrentUser user, OrchestratorDbContext db, IGrainFactory grains, NotificationOutbox outbox,
        TriggerDispatcher dispatcher, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (approval?.Title is { } title && (string.IsNullOrWhiteSpace(title) || title.Length > 500)) errors["title"] = ["A title of 1 to 500 characters."];
        if (approval?.Content is { Length: > MaxContentLength }) errors["content"] = [$"At most {MaxContentLength} characters."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await FindAsync(db, resultId, user.Id, cancellationToken) is not var (result, bot))
        {
            return TypedResults.NotFound();
        }

        result.Title = approval?.Title?.Trim() ?? result.Title;
        result.Content = approval?.Content ?? result.Content;
        result.Status = ResultStatuses.Approved;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await DecideAsync(db, result, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        // A draft answering a mail goes back to its sender, in its thread; any other to its `to` address.
        var answering = await MailReplies.AnsweredByAsync(db, user.Id, result.RunId, cancellationToken);
        var recipient = answering?.ReplyTo is { } sender && ResultRecipients.IsAddress(sender)
            ? sender
            : result.Metadata?.GetValueOrDefault(ResultRecipients.Key);
        var mail = recipient is not null && ResultRecipients.IsAddress(recipient)
            ? ApprovedMail.For(bot, result, recipient, now, answering)
            : null;
        if (mail is not null)
        {
            db.Notifications.Add(mail);
        }

        var firings = await TriggerFirings.AddForApprovalAsync(db, bot, result, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (mail is not null)
        {
            outbox.Added(mail);
        }

        dispatcher.Deliver(firings);
        await SeenAsync(grains, result, user);
        return TypedResults.Ok(ResultsApi.ToView(result) with { Mail = mail is null ? null : ApprovedMail.View(mail.Deliveries[0]) });
    }

    private static async Task<Results<Ok<ResultView>, NotFound, ProblemHttpResult>> RejectAsync(
        string resultId, CurrentUser user, OrchestratorDbContext db, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, resultId, user.Id, cancellationToken) is not var (result, _))
        {
            return TypedResults.NotFound();
        }

        result.Status = ResultStatuses.Rejected;
        if (await DecideAsync(db, result, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        await SeenAsync(grains, result, user);
        return TypedResults.Ok(ResultsApi.ToView(result));
    }

    /// <summary>A decided result has been seen; its bot keeps the count.</summary>
    private static async Task SeenAsync(IGrainFactory grains, ResultRecord result, CurrentUser user)
    {
        await grains.GetGrain<IBotGrain>(result.BotId).MarkResultsSeenAsync(user.Id, result.Id);
        result.Seen = true;
    }

    private static async Task<(ResultRecord Result, BotRecord Bot)?> FindAsync(OrchestratorDbContext db, string resultId, string ownerId, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(resultId))
        {
            return null;
        }

        var found = await db.Results.AsNoTracking().Where(r => r.Id == resultId)
            .Join(db.Bots.AsNoTracking().Where(b => b.OwnerId == ownerId), r => r.BotId, b => b.Id, (r, b) => new { r, b })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.r, found.b);
    }

    /// <summary>Writes the decision only if the result still waits: of two decisions at once, one wins and the other is told.</summary>
    private static async Task<ProblemHttpResult?> DecideAsync(OrchestratorDbContext db, ResultRecord result, CancellationToken cancellationToken)
    {
        var changed = await db.Results.Where(r => r.Id == result.Id && r.Status == ResultStatuses.AwaitingApproval)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, result.Status)
                .SetProperty(r => r.Title, result.Title)
                .SetProperty(r => r.Content, result.Content), cancellationToken);
        if (changed == 1)
        {
            return null;
        }

        var status = await db.Results.Where(r => r.Id == result.Id).Select(r => r.Status).SingleAsync(cancellationToken);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "This result does not wait for approval.",
            detail: $"It is {status.Replace('_', ' ')}: only a result awaiting approval can be approved or rejected.");
    }
}
