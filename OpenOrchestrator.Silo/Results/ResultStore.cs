using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Results;

/// <summary>A reported result: the one stored now (<paramref name="Stored"/>), or the one stored before.</summary>
public sealed record ReportedResult(string Id, ResultRecord? Stored)
{
    public bool IsNew => Stored is not null;
}

public sealed class ResultStore(IDbContextFactory<OrchestratorDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// Stores a finding once per bot (DESIGN D7), or once per <paramref name="scope"/> when given; a repeat is
    /// answered with the stored one. A bot that requires approval stores it as awaiting approval.
    /// </summary>
    public async Task<ReportedResult> ReportAsync(
        string botId, string runId, string title, string? url, string? content, Dictionary<string, string>? metadata,
        bool awaitApproval = false, string? scope = null, CancellationToken cancellationToken = default)
    {
        var key = DedupKey.For(title, url, scope);
        using var span = Telemetry.Source.StartActivity("result store")?
            .SetTag("openorchestrator.bot.id", botId)
            .SetTag("openorchestrator.run.id", runId);
        var reported = await StoreAsync(botId, runId, title, url, content, metadata, key, awaitApproval, cancellationToken);
        span?.SetTag("openorchestrator.result.id", reported.Id).SetTag("openorchestrator.result.new", reported.IsNew);
        return reported;
    }

    private async Task<ReportedResult> StoreAsync(
        string botId, string runId, string title, string? url, string? content, Dictionary<string, string>? metadata,
        string key, bool awaitApproval, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ExistingAsync(db, botId, key, cancellationToken) is { } existing)
        {
            return new ReportedResult(existing, null);
        }

        var result = new ResultRecord
        {
            Id = Ids.New(),
            BotId = botId,
            RunId = runId,
            Title = title.Trim(),
            Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
            Content = content,
            Metadata = metadata is { Count: > 0 } ? metadata : null,
            DedupKey = key,
            Status = awaitApproval ? ResultStatuses.AwaitingApproval : ResultStatuses.Reported,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        try
        {
            await new Rows(db).Insert([result]).ExecuteAsync(cancellationToken);
            return new ReportedResult(result.Id, result);
        }
        catch (DbUpdateException)
        {
            // Two reports of one finding raced: the unique (bot, key) index let one in.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await ExistingAsync(again, botId, key, cancellationToken) is { } winner)
            {
                return new ReportedResult(winner, null);
            }

            throw;
        }
    }

    /// <summary>
    /// The dedup lookup every report makes, compiled once per model (a compiled query serves only the
    /// model it was compiled for): EF Core otherwise hashes the query's expression tree at every call.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<OrchestratorDbContext, string, string, CancellationToken, Task<string?>>> Existing = [];

    private static Task<string?> ExistingAsync(OrchestratorDbContext db, string botId, string key, CancellationToken cancellationToken) =>
        Existing.GetValue(db.Model, static _ => EF.CompileAsyncQuery((OrchestratorDbContext db, string botId, string key, CancellationToken cancellationToken) =>
            db.Results.Where(r => r.BotId == botId && r.DedupKey == key).Select(r => r.Id).FirstOrDefault()))(db, botId, key, cancellationToken);
}
