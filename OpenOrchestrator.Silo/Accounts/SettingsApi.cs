using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Accounts;

public static class SettingsApi
{
    public static RouteGroupBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings").RequireAuthorization();
        group.MapGet("/", GetAsync);
        group.MapPut("/", UpdateAsync);
        return group;
    }

    private static async Task<Ok<SettingsView>> GetAsync(CurrentUser caller, UserManager<AppUser> users, SettingsViews views)
    {
        var user = (await users.FindByIdAsync(caller.Id))!;
        return TypedResults.Ok(await views.OfAsync(user));
    }

    private static async Task<Results<Ok<SettingsView>, ValidationProblem>> UpdateAsync(
        SettingsUpdate update, CurrentUser caller, UserManager<AppUser> users, SecretStore secrets, SettingsViews views, UserBudgets budgets,
        MailboxSettingsStore mailboxes, IGrainFactory grains)
    {
        var errors = Validate(update);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = (await users.FindByIdAsync(caller.Id))!;
        if (update.TelegramChatId is not null) user.TelegramChatId = Blank(update.TelegramChatId);
        if (update.Email is not null) user.NotifyEmail = Blank(update.Email);
        if (update.MonthlyBudget is { } budget) user.MonthlyBudget = budget == 0 ? null : budget;
        await users.UpdateAsync(user);
        if (update.MonthlyBudget is not null)
        {
            budgets.Changed(user.Id);
            await grains.GetGrain<IBudgetGrain>(user.Id).UserBudgetChangedAsync();
        }

        foreach (var (name, value) in Secrets(update))
        {
            if (value is not null)
            {
                await secrets.SetAsync(user.Id, name, value.Trim());
            }
        }

        if (update.Imap is not null)
        {
            await mailboxes.SaveAsync(user.Id, update.Imap);
        }

        return TypedResults.Ok(await views.OfAsync(user));
    }

    private static Dictionary<string, string[]> Validate(SettingsUpdate update)
    {
        var errors = new Dictionary<string, string[]>();
        if (update.Email is { Length: > 0 } email && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
            errors["email"] = ["Not a valid e-mail address."];
        if (update.TelegramChatId is { Length: > 0 } chat && !IsChatId(chat.Trim()))
            errors["telegramChatId"] = ["A Telegram chat id is a number (e.g. 123456789 or -100123456789) or @channelname."];
        foreach (var (name, value) in Secrets(update))
        {
            if (value is { Length: > 1000 }) errors[name] = ["At most 1000 characters."];
        }

        if (update.Imap is { } imap)
            MailboxSettingsStore.Validate(imap, errors);
        if (update.MonthlyBudget is { } budget && !(budget >= 0 && budget <= Money.MaxMonthlyBudget))
            errors["monthlyBudget"] = [$"A monthly budget is between $0 (none) and ${Money.MaxMonthlyBudget:N0}."];

        return errors;
    }

    private static bool IsChatId(string chat) =>
        long.TryParse(chat, out _) || (chat.StartsWith('@') && chat.Length is > 5 and <= 33 && chat[1..].All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));

    private static IEnumerable<(string Name, string? Value)> Secrets(SettingsUpdate update) =>
    [
        (SecretNames.OpenAiApiKey, update.OpenAiApiKey),
        (SecretNames.AnthropicApiKey, update.AnthropicApiKey),
        (SecretNames.TelegramBotToken, update.TelegramBotToken),
    ];

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
