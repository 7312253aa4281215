using System.Globalization;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Notifications;

/// <summary>
/// Against a real SMTP server: e-mail is ready once the user has an address, and an approved draft whose mail
/// the server refuses says so on the draft, with the server's reason.
/// </summary>
public sealed class ChannelsAndApprovedMailTests : IAsyncLifetime
{
    private ScriptedModelServer _model = null!;
    private SmtpSink _smtp = null!;
    private OrchestratorApp _app = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("Nothing to do."));
        _smtp = await SmtpSink.StartAsync();
        _app = new OrchestratorApp(OrchestratorApp.SettingsFor(_model,
            ("Smtp:Host", _smtp.Host), ("Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture)), ("Smtp:From", "bots@orchestrator.test")));
        _app.StartServer();
    }

    [Fact]
    public async Task ANewInstanceTellsItsFirstVisitorToCreateTheOwnersAccount()
    {
        var visitor = _app.CreateClient();

        var before = await visitor.GetFromJsonAsync<RegistrationState>("/api/auth/registration");
        await _app.SignUpAsync();
        var after = await visitor.GetFromJsonAsync<RegistrationState>("/api/auth/registration");

        Assert.True(before!.FirstAccount);
        Assert.False(after!.FirstAccount);
    }

    [Fact]
    public async Task EmailIsReadyOnceTheUserHasAnAddressAndTelegramNamesTheSettingTheServerLacks()
    {
        var client = await _app.SignUpAsync();

        var before = await ChannelsAsync(client);
        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, "me@example.com", null, null, null))).EnsureSuccessStatusCode();
        var after = await ChannelsAsync(client);

        Assert.Equal(new ChannelStatus(NotifyChannels.Dashboard, true, null), before[NotifyChannels.Dashboard]);
        Assert.Equal(new ChannelStatus(NotifyChannels.Email, false, "Add your e-mail address in Settings first."), before[NotifyChannels.Email]);
        Assert.False(before[NotifyChannels.Telegram].Ready);
        Assert.Contains("Telegram__BotToken", before[NotifyChannels.Telegram].Missing, StringComparison.Ordinal);
        Assert.Equal(new ChannelStatus(NotifyChannels.Email, true, null), after[NotifyChannels.Email]);
    }

    [Fact]
    public async Task AnApprovedDraftWhoseMailIsRefusedSaysSoOnTheDraftWithTheServersReason()
    {
        var client = await _app.SignUpAsync();
        await using var live = await LiveListener.ConnectAsync(_app, client);
        var drafter = await client.CreateBotAsync(ApiClient.Spec("Drafter", "Draft answers.") with { RequireApproval = true });
        _model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Re: Refund", content = "Hello Lee.", to = "lee@example.com" }))
            : ModelReply.Text("1 draft."));
        await client.RunAsync(drafter.Id);
        var draft = Assert.Single(await client.ResultsAsync(drafter.Id, ResultFilters.Awaiting));
        await _smtp.FailNextAsync(1, "550 5.1.1 no such mailbox", SmtpStage.Rcpt);

        var approved = (await (await client.PostAsync($"/api/results/{draft.Id}/approve", null)).Content.ReadFromJsonAsync<ResultView>())!;
        await live.WaitForAsync<NotificationView>(LiveHub.Notification,
            n => n.Kind == NotificationKinds.Mail && n.Deliveries.Any(d => d.Status == DeliveryStatuses.Failed));
        var shown = Assert.Single(await client.ResultsAsync(drafter.Id), r => r.Id == draft.Id);

        Assert.Equal((NotifyChannels.Email, "lee@example.com", DeliveryStatuses.Pending), (approved.Mail!.Channel, approved.Mail.Recipient, approved.Mail.Status));
        Assert.Equal(DeliveryStatuses.Failed, shown.Mail!.Status);
        Assert.Contains("550", shown.Mail.Error, StringComparison.Ordinal);
        Assert.Contains("no such mailbox", shown.Mail.Error, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    private static async Task<Dictionary<string, ChannelStatus>> ChannelsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ChannelStatus>>("/api/notifications/channels"))!.ToDictionary(c => c.Channel);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
