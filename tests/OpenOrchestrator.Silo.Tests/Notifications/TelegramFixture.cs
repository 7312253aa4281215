using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Notifications;

/// <summary>The Silo pointed at a fake Bot API server that knows the server's bot and one user's own bot, with every log line kept.</summary>
public sealed class TelegramFixture : IAsyncLifetime
{
    public const string ServerToken = "111111:server-SECRET-aaaaaaaaaaaaaaaa";
    public const string UserToken = "222222:user-SECRET-bbbbbbbbbbbbbbbbbb";
    public const string ServerBot = "oo_server_bot";
    public const string UserBot = "my_own_bot";

    private OrchestratorApp _root = null!;

    public ScriptedModelServer Model { get; private set; } = null!;

    public FakeTelegramServer Telegram { get; private set; } = null!;
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public RecordingLoggerProvider Logs { get; } = new();

    public INotificationChannel Channel => App.Services.GetServices<INotificationChannel>().Single(c => c.Name == NotifyChannels.Telegram);

    public async Task InitializeAsync()
    {
        Model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        Telegram = await FakeTelegramServer.StartAsync(new TelegramBotIdentity(ServerToken, ServerBot), new TelegramBotIdentity(UserToken, UserBot));
        _root = new OrchestratorApp(OrchestratorApp.SettingsFor(Model,
            ("Telegram:BotToken", ServerToken),
            ("Telegram:ApiBaseUrl", Telegram.BaseUrl.ToString()),
            ("Notifications:RetryBase", "00:00:00.050"),
            ("Notifications:MaxAttempts", "3")));
        App = _root.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging
            .AddProvider(Logs)
            .AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace)));
        App.StartServer();
    }

    public async Task<(HttpClient Client, string UserId)> SignUpAsync(string? ownBotToken = null)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = await App.SignUpAsync(email);
        if (ownBotToken is not null)
        {
            (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, null, null, null, ownBotToken))).EnsureSuccessStatusCode();
        }

        var id = await App.Services.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (client, id);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _root.DisposeAsync();
        await Telegram.DisposeAsync();
        await Model.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TelegramCollection : ICollectionFixture<TelegramFixture>
{
    public const string Name = "telegram";
}
