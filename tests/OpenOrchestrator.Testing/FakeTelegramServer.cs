using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>
/// A Telegram Bot API server for the real Telegram.Bot client: POST /bot{token}/{method} answers
/// getMe, sendMessage and getUpdates for the bots it knows (401 for any other token), records what
/// is sent, fails the calls a test scripts and hands out the user messages a test queues.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TelegramBotIdentity> _bots;
    private readonly Arrivals<TelegramSentMessage> _sent = new();
    private readonly Queue<TelegramFailure> _failures = new();
    private readonly List<(string Token, JsonObject Update)> _incoming = [];
    private readonly List<string> _calls = [];
    private int _nextUpdateId = 1000;
    private int _nextMessageId = 1;
    private LocalHost _host = null!;

    private FakeTelegramServer(IEnumerable<TelegramBotIdentity> bots) => _bots = bots.ToDictionary(b => b.Token);

    /// <summary>http://127.0.0.1:PORT/, the value for Telegram:ApiBaseUrl.</summary>
    public Uri BaseUrl => _host.Root;

    /// <summary>Every sendMessage answered with ok, in order.</summary>
    public IReadOnlyList<TelegramSentMessage> Sent => _sent.Items;

    /// <summary>Every call as "method", in order (tokens left out, so a test may print them).</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<FakeTelegramServer> StartAsync(params IEnumerable<TelegramBotIdentity> bots)
    {
        var server = new FakeTelegramServer(bots);
        // "/bot{token}/…" as a route template would match a token that itself holds "bot" wrongly, so the prefix is cut here.
        server._host = await LocalHost.StartAsync(app => app.Map("/{botToken}/{method}", (HttpContext context, string botToken, string method) =>
            botToken.StartsWith("bot", StringComparison.Ordinal)
                ? server.AnswerAsync(context, botToken[3..], method)
                : Results.NotFound().ExecuteAsync(context)));
        return server;
    }

    /// <summary>The number-th message sent (1-based), now or once it is sent; fails after the deadline.</summary>
    public Task<TelegramSentMessage> WaitForMessageAsync(int number, TimeSpan timeout)
    {
        var seen = 0;
        return _sent.WaitForAsync(_ => ++seen == number, timeout);
    }

    /// <summary>The first message sent that matches, now or once it is sent; fails after the deadline.</summary>
    public Task<TelegramSentMessage> WaitForMessageAsync(Func<TelegramSentMessage, bool> match, TimeSpan timeout) =>
        _sent.WaitForAsync(match, timeout);

    /// <summary>The next calls fail, in order, with Telegram's error shape: <c>FailNext(429, retryAfter: 3)</c>, <c>FailNext(403, "Forbidden: bot was blocked by the user")</c>.</summary>
    /// <param name="errorCode">The HTTP status and error_code.</param>
    /// <param name="description">Telegram's text; a typical one for the code when null.</param>
    /// <param name="retryAfter">Seconds, sent as parameters.retry_after.</param>
    /// <param name="method">Only a call of this method (sendMessage, getMe, getUpdates) takes the failure; any call when null.</param>
    public void FailNext(int errorCode, string? description = null, int? retryAfter = null, string? method = null)
    {
        lock (_gate)
        {
            _failures.Enqueue(new TelegramFailure(errorCode, description ?? DefaultDescription(errorCode, retryAfter), retryAfter, method));
        }
    }

    /// <summary>A user writes <paramref name="text"/> to a bot (the first one when no token is given) from a private chat, or a group.</summary>
    public void AddIncoming(long chatId, string text, string? token = null, string chatType = "private")
    {
        lock (_gate)
        {
            var update = new JsonObject { ["update_id"] = _nextUpdateId++, ["message"] = IncomingMessage(chatId, text, chatType) };
            _incoming.Add((token ?? _bots.Keys.First(), update));
        }
    }

    /// <summary>Updates not yet acknowledged with an offset past them.</summary>
    public int PendingUpdates(string? token = null)
    {
        lock (_gate)
        {
            return _incoming.Count(i => i.Token == (token ?? _bots.Keys.First()));
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string DefaultDescription(int errorCode, int? retryAfter) => errorCode switch
    {
        400 => "Bad Request: chat not found",
        401 => "Unauthorized",
        403 => "Forbidden: bot was blocked by the user",
        404 => "Not Found",
        409 => "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        429 => $"Too Many Requests: retry after {retryAfter ?? 1}",
        _ => "Internal Server Error",
    };

    private sealed record TelegramFailure(int ErrorCode, string Description, int? RetryAfter, string? Method);
}

/// <summary>A bot the server knows: its token and its @username (without the @).</summary>
public sealed record TelegramBotIdentity(string Token, string Username)
{
    /// <summary>The bot's user id, the digits before the colon of its token.</summary>
    public long Id => long.Parse(Token[..Token.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
}

/// <summary>A sendMessage call as the server saw it.</summary>
public sealed record TelegramSentMessage(string Token, string ChatId, string Text, string? ParseMode, bool LinkPreviewDisabled);
