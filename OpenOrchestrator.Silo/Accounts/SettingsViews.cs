using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

/// <summary>A user's settings as the settings page shows them: which secrets are set (never their values), and the month's spending.</summary>
public sealed class SettingsViews(SecretStore secrets, UserSpending spending, MailboxSettingsStore mailboxes)
{
    public async Task<SettingsView> OfAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var set = await secrets.NamesAsync(user.Id);
        return new SettingsView(user.TelegramChatId, user.NotifyEmail,
            set.Contains(SecretNames.OpenAiApiKey), set.Contains(SecretNames.AnthropicApiKey), set.Contains(SecretNames.TelegramBotToken))
        {
            MonthlyBudget = user.MonthlyBudget,
            ServerMonthlyCap = spending.ServerCap,
            SpentThisMonth = await spending.ThisMonthAsync(user.Id),
            Imap = MailboxSettingsStore.View(await mailboxes.FindAsync(user.Id), set.Contains(SecretNames.ImapPassword)),
        };
    }
}
