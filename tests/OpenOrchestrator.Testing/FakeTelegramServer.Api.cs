using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OpenOrchestrator.Testing;

/// <summary>The Bot API side: arguments from a JSON body, a form or the query; answers in Telegram's shapes.</summary>
public sealed partial class FakeTelegramServer
{
    private const int MaxTextLength = 4096;

    private async Task AnswerAsync(HttpContext context, string token, string method)
    {
        var args = await ArgumentsAsync(context.Request);
        TelegramBotIdentity? bot;
        TelegramFailure? failure = null;
        lock (_gate)
        {
            _calls.Add(method);
            _bots.TryGetValue(token, out bot);
            if (bot is not null && _failures.TryPeek(out var next) && (next.Method is null || next.Method.Equals(method, StringComparison.OrdinalIgnoreCase)))
            {
                failure = _failures.Dequeue();
            }
        }

        if (bot is null)
        {
            await ErrorAsync(context, 401, "Unauthorized");
            return;
        }

        if (failure is not null)
        {
            await ErrorAsync(context, failure.ErrorCode, failure.Description, failure.RetryAfter);
            return;
        }

        switch (method.ToLowerInvariant())
        {
            case "getme":
                await OkAsync(context, BotUser(bot));
                break;
            case "sendmessage":
                await SendMessageAsync(context, bot, args);
                break;
            case "getupdates":
                await OkAsync(context, Updates(token, args));
                break;
            default:
                await ErrorAsync(context, 404, "Not Found: method not found");
                break;
        }
    }

    private async Task SendMessageAsync(HttpContext context, TelegramBotIdentity bot, JsonObject args)
    {
        var chatId = Text(args["chat_id"]);
        var text = Text(args["text"]);
        if (string.IsNullOrEmpty(chatId))
        {
            await ErrorAsync(context, 400, "Bad Request: chat_id is empty");
            return;
        }

        if (string.IsNullOrEmpty(text))
        {
            await ErrorAsync(context, 400, "Bad Request: message text is empty");
            return;
        }

        if (text.Length > MaxTextLength)
        {
            await ErrorAsync(context, 400, "Bad Request: message is too long");
            return;
        }

        var linkPreview = args["link_preview_options"] is JsonObject options ? options : ParseObject(Text(args["link_preview_options"]));
        var sent = new TelegramSentMessage(bot.Token, chatId, text, Text(args["parse_mode"]), linkPreview?["is_disabled"]?.GetValue<bool>() ?? false);
        var messageId = Interlocked.Increment(ref _nextMessageId) - 1;
        _sent.Add(sent);

        var chat = long.TryParse(chatId, CultureInfo.InvariantCulture, out var id)
            ? new JsonObject { ["id"] = id, ["type"] = id < 0 ? "group" : "private", ["first_name"] = "Ada" }
            : new JsonObject { ["id"] = -1001234567890, ["type"] = "channel", ["title"] = chatId, ["username"] = chatId.TrimStart('@') };
        await OkAsync(context, new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = BotUser(bot),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = chat,
            ["text"] = text,
        });
    }

    /// <summary>Telegram's rule: an offset acknowledges every update before it; the answer holds the rest, up to limit.</summary>
    private JsonArray Updates(string token, JsonObject args)
    {
        var offset = long.TryParse(Text(args["offset"]), CultureInfo.InvariantCulture, out var o) ? o : (long?)null;
        var limit = int.TryParse(Text(args["limit"]), CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 100;
        lock (_gate)
        {
            if (offset is not null)
            {
                _incoming.RemoveAll(i => i.Token == token && i.Update["update_id"]!.GetValue<int>() < offset);
            }

            return [.. _incoming.Where(i => i.Token == token).Take(limit).Select(i => i.Update.DeepClone())];
        }
    }

    private JsonObject IncomingMessage(long chatId, string text, string chatType)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId) - 1,
            ["from"] = new JsonObject { ["id"] = Math.Abs(chatId), ["is_bot"] = false, ["first_name"] = "Ada", ["language_code"] = "en" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = chatType == "private"
                ? new JsonObject { ["id"] = chatId, ["type"] = chatType, ["first_name"] = "Ada" }
                : new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "The team" },
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var command = text.Split(' ')[0];
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command.Length });
        }

        return message;
    }

    private static JsonObject BotUser(TelegramBotIdentity bot) => new()
    {
        ["id"] = bot.Id,
        ["is_bot"] = true,
        ["first_name"] = bot.Username,
        ["username"] = bot.Username,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    private static async Task<JsonObject> ArgumentsAsync(HttpRequest request)
    {
        var args = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            args[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                args[key] = value.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
            && await JsonNode.ParseAsync(request.Body) is JsonObject body)
        {
            foreach (var (key, value) in body)
            {
                args[key] = value?.DeepClone();
            }
        }

        return args;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static JsonObject? ParseObject(string? json) => json is { Length: > 0 } ? JsonNode.Parse(json) as JsonObject : null;

    private static Task OkAsync(HttpContext context, JsonNode result) =>
        ResponseWriter.JsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Task ErrorAsync(HttpContext context, int errorCode, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (retryAfter is not null)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        }

        return ResponseWriter.JsonAsync(context, errorCode, body);
    }
}
