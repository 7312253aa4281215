using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;
using Telegram.Bot;

namespace OpenOrchestrator.Silo.Notifications.Telegram;

/// <summary>Links the user's Telegram chat without them looking up its id: a code, then <c>/start CODE</c> to the bot.</summary>
public static class TelegramLinkApi
{
    public static RouteGroupBuilder MapTelegramLinkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings/telegram").WithTags("Settings").RequireAuthorization();
        group.MapPost("/link", CreateCodeAsync);
        group.MapPost("/link/check", CheckAsync);
        return group;
    }

    private static async Task<Results<Ok<TelegramLinkCode>, ProblemHttpResult>> CreateCodeAsync(
        CurrentUser caller, UserManager<AppUser> users, TelegramBots bots, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var user = (await users.FindByIdAsync(caller.Id))!;
        if (await BotForAsync(user, bots, cancellationToken) is not (var bot, _, null))
        {
            return await ProblemForAsync(user, bots, cancellationToken);
        }

        var expiresAt = time.GetUtcNow() + TelegramLinks.CodeLifetime;
        user.TelegramLinkCode = TelegramLinks.NewCode();
        user.TelegramLinkExpiresAt = expiresAt.UtcDateTime;
        await users.UpdateAsync(user);

        string? username = null;
        try
        {
            username = (await bot!.GetMe(cancellationToken)).Username;
        }
        catch (Exception e) when (TelegramFailures.ToDelivery(e, cancellationToken) is { } failure)
        {
            // The code still works when sent by hand; only the link needs the bot's name.
            loggers.CreateLogger(typeof(TelegramLinkApi)).LogWarning("Telegram getMe failed: {Problem}", failure.Message);
        }

        var link = username is null ? null : $"https://t.me/{username}?start={user.TelegramLinkCode}";
        return TypedResults.Ok(new TelegramLinkCode(user.TelegramLinkCode, username, link, expiresAt));
    }

    private static async Task<Results<Ok<SettingsView>, ProblemHttpResult>> CheckAsync(
        CurrentUser caller, UserManager<AppUser> users, SettingsViews views, TelegramBots bots, TelegramLinks links, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var user = (await users.FindByIdAsync(caller.Id))!;
        if (user.TelegramLinkCode is null)
        {
            // Someone else's pass may have linked this user already.
            return user.TelegramChatId is not null
                ? TypedResults.Ok(await views.OfAsync(user))
                : Conflict("No link code yet.", "Ask for a link code first, then send it to the bot.");
        }

        if (user.TelegramLinkExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            return Conflict("The link code expired.", "Ask for a new link code and send it to the bot within 30 minutes.");
        }

        if (await BotForAsync(user, bots, cancellationToken) is not (var bot, var token, null))
        {
            return await ProblemForAsync(user, bots, cancellationToken);
        }

        var code = user.TelegramLinkCode;
        try
        {
            await links.LinkPendingAsync(bot!, token!, cancellationToken);
        }
        catch (Exception e) when (TelegramFailures.ToDelivery(e, cancellationToken) is { } failure)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Telegram did not give the bot's messages.", detail: failure.Message);
        }

        return user.TelegramLinkCode is null
            ? TypedResults.Ok(await views.OfAsync(user))
            : Conflict("Not linked yet.", $"No /start message with your code yet: open the link (or send /start {code} to the bot) and try again.");
    }

    private static async Task<(ITelegramBotClient? Bot, string? Token, string? Problem)> BotForAsync(AppUser user, TelegramBots bots, CancellationToken cancellationToken)
    {
        if (await bots.TokenForAsync(user.Id, cancellationToken) is not { } token)
        {
            return (null, null, TelegramBots.NoTokenMessage);
        }

        try
        {
            return (bots.Create(token), token, null);
        }
        catch (DeliveryException e)
        {
            return (null, null, e.Message);
        }
    }

    private static async Task<ProblemHttpResult> ProblemForAsync(AppUser user, TelegramBots bots, CancellationToken cancellationToken) =>
        Conflict("Telegram is not set up.", (await BotForAsync(user, bots, cancellationToken)).Problem);

    private static ProblemHttpResult Conflict(string title, string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
