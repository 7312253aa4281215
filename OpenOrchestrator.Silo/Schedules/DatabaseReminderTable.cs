using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Storage;
using Orleans.Configuration;

namespace OpenOrchestrator.Silo.Schedules;

/// <summary>
/// Orleans reminders in our own database (DESIGN D4), through the same EF Core model on every
/// provider, so schedules survive restarts on SQLite as on PostgreSQL.
/// </summary>
public sealed class DatabaseReminderTable(IDbContextFactory<OrchestratorDbContext> dbFactory, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private string ServiceId => cluster.Value.ServiceId;

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var key = grainId.ToString();
        return Data(await db.Reminders.AsNoTracking().Where(r => r.ServiceId == ServiceId && r.GrainId == key).ToListAsync());
    }

    /// <summary>The rows whose hash lies in (begin, end] on the ring; begin ≥ end wraps around.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = db.Reminders.AsNoTracking().Where(r => r.ServiceId == ServiceId);
        rows = begin < end
            ? rows.Where(r => r.GrainHash > begin && r.GrainHash <= end)
            : rows.Where(r => r.GrainHash > begin || r.GrainHash <= end);
        return Data(await rows.ToListAsync());
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await Row(db, grainId, reminderName).AsNoTracking().SingleOrDefaultAsync();
        return row is null ? null : Entry(row);
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await Row(db, entry.GrainId, entry.ReminderName).SingleOrDefaultAsync();
        if (row is null)
        {
            row = new ReminderRecord { ServiceId = ServiceId, GrainId = entry.GrainId.ToString(), ReminderName = entry.ReminderName, ETag = "" };
            db.Reminders.Add(row);
        }

        row.GrainHash = entry.GrainId.GetUniformHashCode();
        row.StartAt = entry.StartAt.ToUniversalTime();
        row.PeriodMs = (long)entry.Period.TotalMilliseconds;
        row.ETag = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync();
        return row.ETag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Row(db, grainId, reminderName).Where(r => r.ETag == eTag).ExecuteDeleteAsync() > 0;
    }

    public async Task TestOnlyClearTable()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Reminders.Where(r => r.ServiceId == ServiceId).ExecuteDeleteAsync();
    }

    private IQueryable<ReminderRecord> Row(OrchestratorDbContext db, GrainId grainId, string reminderName)
    {
        var key = grainId.ToString();
        return db.Reminders.Where(r => r.ServiceId == ServiceId && r.GrainId == key && r.ReminderName == reminderName);
    }

    private static ReminderTableData Data(List<ReminderRecord> rows) => new(rows.Select(Entry));

    private static ReminderEntry Entry(ReminderRecord row) => new()
    {
        GrainId = GrainId.Parse(row.GrainId),
        ReminderName = row.ReminderName,
        StartAt = DateTime.SpecifyKind(row.StartAt, DateTimeKind.Utc),
        Period = TimeSpan.FromMilliseconds(row.PeriodMs),
        ETag = row.ETag,
    };
}
