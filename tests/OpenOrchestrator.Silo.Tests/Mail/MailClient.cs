using System.Net.Http.Json;
using MimeKit;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Mail;

/// <summary>What the mail tests do through the API, and the mail they deliver.</summary>
public static class MailClient
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task UseMailboxAsync(this HttpClient client, DovecotServer imap, string user, string password = MailFixture.Password, string folder = "INBOX")
    {
        var update = new SettingsUpdate(null, null, null, null, null)
        {
            Imap = new ImapSettingsUpdate(imap.Host, imap.Port, user, password, folder, ImapSecurities.None),
        };
        (await client.PutAsJsonAsync("/api/settings", update)).EnsureSuccessStatusCode();
    }

    public static Task<BotView> CreateMailBotAsync(this HttpClient client, string name = "Support") =>
        client.CreateBotAsync(ApiClient.Spec(name, "Draft an answer to each mail.") with
        {
            Schedule = new ScheduleSpec { Kind = ScheduleKinds.Mail },
            RequireApproval = true,
        });

    public static Task<List<RunView>> WaitForRunsAsync(this HttpClient client, string botId, int count) => client.WaitForEndedRunsAsync(botId, count, Deadline);

    public static async Task<SettingsView> WaitForSettingsAsync(this HttpClient client, Func<SettingsView, bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var settings = (await client.GetFromJsonAsync<SettingsView>("/api/settings"))!;
            if (condition(settings))
            {
                return settings;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Settings did not reach the expected state within {Deadline}: last error {settings.Imap?.LastError}, checked {settings.Imap?.LastCheckedAt}");
            }

            await Task.Delay(200);
        }
    }

    public static Task WaitForUnseenAsync(this DovecotServer imap, string user, int count) => imap.WaitForUnseenAsync(user, count, Deadline);

    public static MimeMessage Message(string from, string subject, string text, string? messageId = null)
    {
        var message = new MimeMessage { Subject = subject, Date = DateTimeOffset.UtcNow, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("support@shop.example"));
        message.MessageId = messageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId("customer.example");
        return message;
    }
}
