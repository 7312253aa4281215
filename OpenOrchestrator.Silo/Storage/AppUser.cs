using Microsoft.AspNetCore.Identity;

namespace OpenOrchestrator.Silo.Storage;

public sealed class AppUser : IdentityUser
{
    /// <summary>The instance's owner: the first account under <c>Auth__Registration=first-user</c>.</summary>
    public bool IsAdmin { get; set; }
    public string? TelegramChatId { get; set; }
    public string? NotifyEmail { get; set; }
    /// <summary>The code the user sends as <c>/start CODE</c> to link their Telegram chat, and until when it works.</summary>
    public string? TelegramLinkCode { get; set; }
    public DateTime? TelegramLinkExpiresAt { get; set; }
    /// <summary>The user's own budget in USD per calendar month (UTC), or null.</summary>
    public double? MonthlyBudget { get; set; }
}
