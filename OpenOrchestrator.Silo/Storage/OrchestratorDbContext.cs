using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenOrchestrator.Silo.Storage;

/// <summary>
/// The one relational model (DESIGN D4). Each provider has a subclass only so that it can
/// keep its own migrations; the model is the same.
/// </summary>
public abstract class OrchestratorDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<BotRecord> Bots => Set<BotRecord>();
    public DbSet<TriggerRecord> Triggers => Set<TriggerRecord>();
    public DbSet<RunRecord> Runs => Set<RunRecord>();
    public DbSet<RunLogRecord> RunLog => Set<RunLogRecord>();
    public DbSet<ResultRecord> Results => Set<ResultRecord>();
    public DbSet<CredentialRecord> Credentials => Set<CredentialRecord>();
    public DbSet<InvitationRecord> Invitations => Set<InvitationRecord>();
    public DbSet<ActivityRecord> Activity => Set<ActivityRecord>();
    public DbSet<ReminderRecord> Reminders => Set<ReminderRecord>();
    public DbSet<TriggerFiringRecord> TriggerFirings => Set<TriggerFiringRecord>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();
    public DbSet<McpServerRecord> McpServers => Set<McpServerRecord>();
    public DbSet<HookRecord> Hooks => Set<HookRecord>();
    public DbSet<HookCallRecord> HookCalls => Set<HookCallRecord>();
    public DbSet<MailboxRecord> Mailboxes => Set<MailboxRecord>();
    public DbSet<MailMessageRecord> MailMessages => Set<MailMessageRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored in UTC; SQLite hands back unspecified kinds.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");

        builder.Entity<BotRecord>(bot =>
        {
            bot.ToTable("bots");
            bot.Property(b => b.Id).HasMaxLength(40);
            bot.Property(b => b.OwnerId).HasMaxLength(450);
            bot.Property(b => b.Name).HasMaxLength(100);
            bot.Property(b => b.Emoji).HasMaxLength(16);
            bot.Property(b => b.Model).HasMaxLength(200);
            bot.Property(b => b.Tools).HasConversion(JsonList()).Metadata.SetValueComparer(ListComparer());
            bot.Property(b => b.FallbackModels).HasConversion(JsonList()).Metadata.SetValueComparer(ListComparer());
            bot.Property(b => b.Notify).HasConversion(JsonList()).Metadata.SetValueComparer(ListComparer());
            bot.Property(b => b.McpServers).HasConversion(JsonList()).Metadata.SetValueComparer(ListComparer());
            bot.Property(b => b.McpTools).HasConversion(JsonList()).Metadata.SetValueComparer(ListComparer());
            bot.HasIndex(b => b.OwnerId);
        });

        builder.Entity<TriggerRecord>(trigger =>
        {
            trigger.ToTable("triggers");
            trigger.HasIndex(t => t.SourceBot);
            trigger.HasIndex(t => t.OwnerId);
        });

        builder.Entity<RunRecord>(run =>
        {
            run.ToTable("runs");
            // With the cost: a bot's spending this month is read from the index alone.
            run.HasIndex(r => new { r.BotId, r.CreatedAt, r.Cost });
            run.HasIndex(r => r.Status);
            run.HasIndex(r => new { r.OwnerId, r.CreatedAt });
            run.Property(r => r.Cause).HasMaxLength(200);
            run.HasIndex(r => new { r.BotId, r.Cause }).IsUnique();
        });

        builder.Entity<TriggerFiringRecord>(firing =>
        {
            firing.ToTable("trigger_firings");
            firing.HasIndex(f => new { f.TriggerKey, f.SourceRunId, f.TargetBotId }).IsUnique();
            firing.HasIndex(f => f.DeliveredAt);
        });

        builder.Entity<NotificationRecord>(notification =>
        {
            notification.ToTable("notifications");
            notification.Property(n => n.Key).HasMaxLength(200);
            notification.HasIndex(n => new { n.OwnerId, n.Key }).IsUnique();
            notification.HasIndex(n => new { n.OwnerId, n.Id });
            notification.HasIndex(n => n.BotId);
            notification.HasMany(n => n.Deliveries).WithOne().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DeliveryRecord>(delivery =>
        {
            delivery.ToTable("deliveries");
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        });

        builder.Entity<ActivityRecord>(activity =>
        {
            activity.ToTable("activity");
            activity.HasIndex(a => new { a.OwnerId, a.Id });
        });

        builder.Entity<ReminderRecord>(reminder =>
        {
            reminder.ToTable("reminders");
            reminder.HasKey(r => new { r.ServiceId, r.GrainId, r.ReminderName });
            reminder.Property(r => r.ServiceId).HasMaxLength(150);
            reminder.Property(r => r.GrainId).HasMaxLength(300);
            reminder.Property(r => r.ReminderName).HasMaxLength(150);
            reminder.HasIndex(r => new { r.ServiceId, r.GrainHash });
        });

        builder.Entity<RunLogRecord>(line =>
        {
            line.ToTable("run_log");
            line.HasIndex(l => new { l.RunId, l.Seq }).IsUnique();
        });

        builder.Entity<ResultRecord>(result =>
        {
            result.ToTable("results");
            result.Property(r => r.DedupKey).HasMaxLength(64);
            result.Property(r => r.Metadata).HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, JsonOptions),
                v => v == null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonOptions))
                .Metadata.SetValueComparer(MapComparer());
            result.HasIndex(r => new { r.BotId, r.DedupKey }).IsUnique();
            result.HasIndex(r => new { r.BotId, r.CreatedAt });
            // The filtered lists (new, pinned, awaiting) read only their own rows, newest first.
            result.HasIndex(r => new { r.BotId, r.Seen, r.CreatedAt });
            result.HasIndex(r => new { r.BotId, r.Pinned, r.CreatedAt });
            result.HasIndex(r => new { r.BotId, r.Status, r.CreatedAt });
            result.HasIndex(r => r.RunId);
        });

        builder.Entity<CredentialRecord>(credential =>
        {
            credential.ToTable("credentials");
            credential.HasKey(c => new { c.UserId, c.Name });
        });

        builder.Entity<McpServerRecord>(server =>
        {
            server.ToTable("mcp_servers");
            server.Property(s => s.Id).HasMaxLength(40);
            server.Property(s => s.OwnerId).HasMaxLength(450);
            server.Property(s => s.Name).HasMaxLength(40);
            server.Property(s => s.Transport).HasMaxLength(10);
            server.Property(s => s.Url).HasMaxLength(2048);
            server.Property(s => s.HeaderNames).HasConversion(JsonList()).Metadata.SetValueComparer(ListComparer());
            server.Property(s => s.Args).HasConversion(JsonList()).Metadata.SetValueComparer(ListComparer());
            server.HasIndex(s => new { s.OwnerId, s.Name }).IsUnique();
        });

        builder.Entity<HookRecord>(hook =>
        {
            hook.ToTable("hooks");
            hook.Property(h => h.Id).HasMaxLength(40);
            hook.Property(h => h.BotId).HasMaxLength(40);
            hook.Property(h => h.OwnerId).HasMaxLength(450);
            hook.Property(h => h.Name).HasMaxLength(100);
            hook.Property(h => h.TokenHash).HasMaxLength(64);
            hook.HasIndex(h => h.TokenHash).IsUnique();
            hook.HasIndex(h => h.BotId);
        });

        builder.Entity<HookCallRecord>(call =>
        {
            call.ToTable("hook_calls");
            call.Property(c => c.HookId).HasMaxLength(40);
            call.Property(c => c.RunId).HasMaxLength(40);
            call.HasIndex(c => new { c.HookId, c.Id });
        });

        builder.Entity<MailboxRecord>(mailbox =>
        {
            mailbox.ToTable("mailboxes");
            mailbox.HasKey(m => m.OwnerId);
            mailbox.Property(m => m.OwnerId).HasMaxLength(450);
            mailbox.Property(m => m.Host).HasMaxLength(253);
            mailbox.Property(m => m.Username).HasMaxLength(320);
            mailbox.Property(m => m.Folder).HasMaxLength(200);
            mailbox.Property(m => m.Security).HasMaxLength(10);
            mailbox.Property(m => m.LastError).HasMaxLength(1000);
        });

        builder.Entity<MailMessageRecord>(message =>
        {
            message.ToTable("mail_messages");
            message.Property(m => m.OwnerId).HasMaxLength(450);
            message.Property(m => m.Key).HasMaxLength(64);
            message.Property(m => m.MessageId).HasMaxLength(1000);
            message.Property(m => m.ReplyTo).HasMaxLength(320);
            message.Property(m => m.Subject).HasMaxLength(1000);
            message.HasIndex(m => new { m.OwnerId, m.Key }).IsUnique();
        });

        builder.Entity<InvitationRecord>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.HasKey(i => i.CodeHash);
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static ValueConverter<List<string>, string> JsonList() => new(
        v => JsonSerializer.Serialize(v, JsonOptions),
        v => JsonSerializer.Deserialize<List<string>>(v, JsonOptions) ?? new List<string>());

    private static ValueComparer<List<string>> ListComparer() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode())),
        v => v.ToList());

    private static ValueComparer<Dictionary<string, string>?> MapComparer() => new(
        (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
        v => v == null ? 0 : v.Aggregate(0, (hash, pair) => hash ^ HashCode.Combine(pair.Key, pair.Value)),
        v => v == null ? null : new Dictionary<string, string>(v));

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteOrchestratorDbContext(DbContextOptions<SqliteOrchestratorDbContext> options) : OrchestratorDbContext(options);

public sealed class PostgreSqlOrchestratorDbContext(DbContextOptions<PostgreSqlOrchestratorDbContext> options) : OrchestratorDbContext(options);

