using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApprovalsTests(ApiFixture fixture)
{
    private const string Draft = "Hello Kim,\n\nyour parcel left our warehouse today.\n\nYour support team";

    [Fact]
    public async Task ADraftWaitsForApprovalAndApprovingMailsTheEditedTextAndStartsLinkedBots()
    {
        var client = await fixture.SignUpAsync();
        var drafter = await client.CreateBotAsync(ApiClient.Spec("Drafter", "Draft answers.") with { RequireApproval = true });
        var archive = await client.CreateBotAsync(ApiClient.Spec("Archive", "File approved answers."));
        (await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = drafter.Id, Event = TriggerEvents.Result, TargetBotId = archive.Id })).EnsureSuccessStatusCode();
        var archiveAsked = new TaskCompletionSource<ModelRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.SetScript(r => r.SystemPrompt!.Contains("Draft answers.")
            ? r.Round() == 0
                ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Re: Where is my order?", content = Draft, to = "kim@example.com" }))
                : ModelReply.Text("1 draft.")
            : Heard(archiveAsked, r, ModelReply.Text("Filed.")));

        var run = await client.RunAsync(drafter.Id);
        var waiting = Assert.Single(await client.ResultsAsync(drafter.Id, ResultFilters.Awaiting));

        Assert.Equal(RunStatuses.Completed, run.Status);
        Assert.Equal(ResultStatuses.AwaitingApproval, waiting.Status);
        Assert.Equal("kim@example.com", waiting.Metadata!["to"]);
        Assert.Equal(0, await fixture.QueryAsync(db => db.TriggerFirings.CountAsync(f => f.SourceBotId == drafter.Id)));
        var bell = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!;
        var told = Assert.Single(bell.Items);
        Assert.Equal(NotificationKinds.Approval, told.Kind);
        Assert.Equal("🤖 Drafter: 1 draft waits for your approval", told.Title);

        var approve = await client.PostAsJsonAsync($"/api/results/{waiting.Id}/approve", new ResultApproval(null, Draft + "\n\nP.S. Tracking: 123"));
        var approved = (await approve.Content.ReadFromJsonAsync<ResultView>())!;
        var archiveRequest = await archiveAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(ResultStatuses.Approved, approved.Status);
        Assert.EndsWith("P.S. Tracking: 123", approved.Content, StringComparison.Ordinal);
        Assert.Contains("Re: Where is my order?", archiveRequest.LastUserText, StringComparison.Ordinal);
        Assert.Contains("P.S. Tracking: 123", archiveRequest.LastUserText, StringComparison.Ordinal);
        var mail = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!.Items.Single(n => n.Kind == NotificationKinds.Mail);
        Assert.Equal("Re: Where is my order?", mail.Title);
        Assert.EndsWith("P.S. Tracking: 123", mail.Text, StringComparison.Ordinal);
        Assert.Equal(("email", "kim@example.com"), (mail.Deliveries.Single().Channel, mail.Deliveries.Single().Recipient));
        await Problems.AssertAsync(await client.PostAsync($"/api/results/{waiting.Id}/approve", null), HttpStatusCode.Conflict, "It is approved");
        await Problems.AssertAsync(await client.PostAsync($"/api/results/{waiting.Id}/reject", null), HttpStatusCode.Conflict, "only a result awaiting approval");
    }

    [Fact]
    public async Task RejectingSendsNothingAndOnlyTheOwnerMayDecide()
    {
        var client = await fixture.SignUpAsync();
        var stranger = await fixture.SignUpAsync();
        var drafter = await client.CreateBotAsync(ApiClient.Spec("Drafter", "Draft replies.") with { RequireApproval = true });
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Re: Refund", content = "No.", to = "lee@example.com" }))
            : ModelReply.Text("1 draft."));
        await client.RunAsync(drafter.Id);
        var waiting = Assert.Single(await client.ResultsAsync(drafter.Id, ResultFilters.Awaiting));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/results/{waiting.Id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/results/{waiting.Id}/reject", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/results/not-an-id/approve", null)).StatusCode);
        await Problems.AssertAsync(
            await client.PostAsJsonAsync($"/api/results/{waiting.Id}/approve", new ResultApproval(new string('x', 501), null)), HttpStatusCode.BadRequest, "1 to 500 characters");
        await Problems.AssertAsync(
            await client.PostAsJsonAsync($"/api/results/{waiting.Id}/approve", new ResultApproval(" ", null)), HttpStatusCode.BadRequest, "1 to 500 characters");

        var reject = await client.PostAsync($"/api/results/{waiting.Id}/reject", null);

        Assert.Equal(ResultStatuses.Rejected, (await reject.Content.ReadFromJsonAsync<ResultView>())!.Status);
        Assert.Empty(await client.ResultsAsync(drafter.Id, ResultFilters.Awaiting));
        var kinds = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!.Items.Select(n => n.Kind);
        Assert.Equal([NotificationKinds.Approval], kinds);
        Assert.Empty((await stranger.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!.Items);
    }

    [Fact]
    public async Task AResultOfABotWithoutApprovalCannotBeApproved()
    {
        var client = await fixture.SignUpAsync();
        var scout = await client.CreateBotAsync(ApiClient.Spec("Scout"));
        fixture.Model.SetScript(r => r.Round() == 0
            ? ModelReply.ToolCalls(ModelToolCall.Create("results-report", new { title = "Lamp — 20 €", url = "https://shop.example/lamp" }))
            : ModelReply.Text("1 offer."));
        await client.RunAsync(scout.Id);
        var result = Assert.Single(await client.ResultsAsync(scout.Id));

        Assert.Equal(ResultStatuses.Reported, result.Status);
        await Problems.AssertAsync(await client.PostAsync($"/api/results/{result.Id}/approve", null), HttpStatusCode.Conflict, "It is reported");
    }

    private static ModelReply Heard(TaskCompletionSource<ModelRequest> heard, ModelRequest request, ModelReply reply)
    {
        heard.TrySetResult(request);
        return reply;
    }
}
