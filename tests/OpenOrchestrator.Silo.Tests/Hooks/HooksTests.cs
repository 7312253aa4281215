using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Hooks;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Hooks;

[Collection(ApiCollection.Name)]
public sealed class HooksTests(ApiFixture fixture)
{
    [Fact]
    public async Task AHookCallStartsARunWithTheBodyAsInputAndAnswersWithItsId()
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Hooked"));
        var created = await client.CreateHookAsync(bot.Id, new HookSpec { Name = "CI" });
        var sender = fixture.App.CreateClient();

        var response = await sender.SendAsync(HookRequests.Call(created.Url, """{"ref":"main"}"""));
        var runId = await HookRequests.RunIdAsync(response);
        var run = await client.WaitForRunAsync(runId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((RunStatuses.Completed, RunTriggers.FromHook(created.Id), """{"ref":"main"}"""), (run.Status, run.Trigger, run.Input));
        var listed = await client.GetStringAsync($"/api/bots/{bot.Id}/hooks");
        Assert.DoesNotContain(Token(created), listed, StringComparison.Ordinal);
        var hook = Assert.Single((await client.GetFromJsonAsync<List<HookView>>($"/api/bots/{bot.Id}/hooks"))!);
        Assert.Equal((created.Id, "CI", false), (hook.Id, hook.Name, hook.RequireSignature));
        Assert.Equal((202, runId, false), (hook.LastCalls[0].Status, hook.LastCalls[0].RunId, hook.LastCalls[0].Repeated));
        Assert.Equal(HookTokens.Hash(Token(created)), await fixture.QueryAsync(db => db.Hooks.Where(h => h.Id == created.Id).Select(h => h.TokenHash).SingleAsync()));
    }

    [Fact]
    public async Task ARepeatedIdempotencyKeyAnswersWithTheFirstRunAndStartsNothing()
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Once"));
        var created = await client.CreateHookAsync(bot.Id);
        var sender = fixture.App.CreateClient();

        var first = await HookRequests.RunIdAsync(await sender.SendAsync(HookRequests.Call(created.Url, "order 1", idempotencyKey: "delivery-1")));
        await client.WaitForRunAsync(first);
        var repeat = await HookRequests.RunIdAsync(await sender.SendAsync(HookRequests.Call(created.Url, "order 1 again", idempotencyKey: "delivery-1")));
        var other = await HookRequests.RunIdAsync(await sender.SendAsync(HookRequests.Call(created.Url, "order 2", idempotencyKey: "delivery-2")));
        await client.WaitForRunAsync(other);

        Assert.Equal(first, repeat);
        Assert.NotEqual(first, other);
        var runs = (await client.GetFromJsonAsync<List<RunView>>($"/api/bots/{bot.Id}/runs"))!;
        Assert.Equal([other, first], runs.Select(r => r.Id));
        Assert.Equal("order 1", runs.Single(r => r.Id == first).Input);
        var hook = Assert.Single((await client.GetFromJsonAsync<List<HookView>>($"/api/bots/{bot.Id}/hooks"))!);
        Assert.Equal([false, true, false], hook.LastCalls.Select(c => c.Repeated).Reverse());
    }

    [Fact]
    public async Task ConcurrentRepeatsOfOneKeyStartOneRun()
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Crowded"));
        var created = await client.CreateHookAsync(bot.Id);
        var sender = fixture.App.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
            await HookRequests.RunIdAsync(await sender.SendAsync(HookRequests.Call(created.Url, "same", idempotencyKey: "one-key")))));

        Assert.Single(answers.Distinct());
        await client.WaitForRunAsync(answers[0]);
        Assert.Equal(1, await fixture.QueryAsync(db => db.Runs.CountAsync(r => r.BotId == bot.Id)));
    }

    [Fact]
    public async Task ARevokedHookAnswersAsAnUnknownOne()
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Revoked"));
        var created = await client.CreateHookAsync(bot.Id);
        var sender = fixture.App.CreateClient();
        await client.WaitForRunAsync(await HookRequests.RunIdAsync(await sender.SendAsync(HookRequests.Call(created.Url, "before"))));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/hooks/{created.Id}")).StatusCode);

        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, "after")), HttpStatusCode.NotFound, "does not exist");
        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call("http://localhost/hooks/" + HookTokens.NewToken(), "guess")), HttpStatusCode.NotFound, "does not exist");
        Assert.Empty((await client.GetFromJsonAsync<List<HookView>>($"/api/bots/{bot.Id}/hooks"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/hooks/{created.Id}")).StatusCode);
        Assert.Equal(1, await fixture.QueryAsync(db => db.Runs.CountAsync(r => r.BotId == bot.Id)));
    }

    [Fact]
    public async Task ASignedHookTakesOnlyCallsSignedWithItsSecret()
    {
        fixture.Model.SetScript(_ => ModelReply.Text("Done."));
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Signed"));
        var created = await client.CreateHookAsync(bot.Id, new HookSpec { RequireSignature = true });
        var sender = fixture.App.CreateClient();
        var body = """{"event":"push"}""";
        var secret = Assert.IsType<string>(created.SigningSecret);

        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, body)), HttpStatusCode.Unauthorized, "X-Signature");
        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, body, signature: HookSecrets.Sign("not-the-secret", Encoding.UTF8.GetBytes(body)))), HttpStatusCode.Unauthorized, "X-Signature");
        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, body + " ", signature: HookSecrets.Sign(secret, Encoding.UTF8.GetBytes(body)))), HttpStatusCode.Unauthorized, "X-Signature");
        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, body, signature: "sha256=zz")), HttpStatusCode.Unauthorized, "X-Signature");
        var runId = await HookRequests.RunIdAsync(await sender.SendAsync(HookRequests.Call(created.Url, body, signature: HookSecrets.Sign(secret, Encoding.UTF8.GetBytes(body)))));

        Assert.Equal(body, (await client.WaitForRunAsync(runId)).Input);
        var hook = Assert.Single((await client.GetFromJsonAsync<List<HookView>>($"/api/bots/{bot.Id}/hooks"))!);
        Assert.True(hook.RequireSignature);
        Assert.Equal([202, 401, 401, 401, 401], hook.LastCalls.Select(c => c.Status));
        var stored = await fixture.QueryAsync(db => db.Hooks.Where(h => h.Id == created.Id).Select(h => h.ProtectedSigningSecret).SingleAsync());
        Assert.DoesNotContain(secret, stored!, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await client.GetStringAsync($"/api/bots/{bot.Id}/hooks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverOneMebibyteIsRefusedWithAProblemThatNamesTheLimit()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Big"));
        var created = await client.CreateHookAsync(bot.Id);
        var sender = fixture.App.CreateClient();
        var tooLarge = new string('a', (int)HookBody.MaxBytes + 1);

        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, tooLarge)), HttpStatusCode.RequestEntityTooLarge, "1 MB");
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(tooLarge)));
        chunked.Headers.ContentLength = null;
        var request = HookRequests.Call(created.Url, chunked);
        request.Headers.TransferEncodingChunked = true;
        await Problems.AssertAsync(await sender.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "1 MB");

        Assert.Equal(0, await fixture.QueryAsync(db => db.Runs.CountAsync(r => r.BotId == bot.Id)));
    }

    [Fact]
    public async Task ABodyThatIsNotTextIsRefusedAsSuch()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Binary"));
        var created = await client.CreateHookAsync(bot.Id);
        var sender = fixture.App.CreateClient();

        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, new ByteArrayContent([0xff, 0xfe, 0xc3, 0x28]))), HttpStatusCode.UnsupportedMediaType, "must be text");
        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, "nul\0inside")), HttpStatusCode.UnsupportedMediaType, "must be text");

        Assert.Equal(0, await fixture.QueryAsync(db => db.Runs.CountAsync(r => r.BotId == bot.Id)));
    }

    [Fact]
    public async Task ABusyBotQueuesTheHooksRunAndStartsItWhenFree()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Busy"));
        var created = await client.CreateHookAsync(bot.Id);
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Model.Script = async (r, cancellationToken) =>
        {
            if (r.SystemPrompt!.Contains("\"Busy\"") && r.LastUserText == "by hand")
            {
                busy.TrySetResult();
                await release.Task.WaitAsync(cancellationToken);
            }

            return ModelReply.Text("Done.");
        };
        var manual = await client.StartRunAsync(bot.Id, "by hand");
        await busy.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var hooked = await HookRequests.RunIdAsync(await fixture.App.CreateClient().SendAsync(HookRequests.Call(created.Url, "from outside")));
        var waiting = (await client.GetFromJsonAsync<RunView>($"/api/runs/{hooked}"))!;
        release.TrySetResult();

        Assert.Equal(RunStatuses.Queued, waiting.Status);
        Assert.Equal(RunStatuses.Completed, (await client.WaitForRunAsync(manual.Id)).Status);
        Assert.Equal((RunStatuses.Completed, "from outside"), ((await client.WaitForRunAsync(hooked)).Status, waiting.Input));
    }

    [Fact]
    public async Task APausedBotOrAnUnusableKeyIsAProblemAndStartsNothing()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Paused") with { Enabled = false });
        var created = await client.CreateHookAsync(bot.Id);
        var sender = fixture.App.CreateClient();

        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, "x")), HttpStatusCode.Conflict, "paused");
        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(created.Url, "x", idempotencyKey: new string('k', 256))), HttpStatusCode.BadRequest, "1 to 255 characters");

        Assert.Equal(0, await fixture.QueryAsync(db => db.Runs.CountAsync(r => r.BotId == bot.Id)));
        var hook = Assert.Single((await client.GetFromJsonAsync<List<HookView>>($"/api/bots/{bot.Id}/hooks"))!);
        Assert.Equal([400, 409], hook.LastCalls.Select(c => c.Status));
    }

    [Fact]
    public async Task OnlyTheBotsOwnerSeesOrRevokesItsHooks()
    {
        var client = await fixture.SignUpAsync();
        var stranger = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Mine"));
        var created = await client.CreateHookAsync(bot.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/bots/{bot.Id}/hooks")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/bots/{bot.Id}/hooks", new HookSpec())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/hooks/{created.Id}")).StatusCode);

        Assert.Single((await client.GetFromJsonAsync<List<HookView>>($"/api/bots/{bot.Id}/hooks"))!);
    }

    [Fact]
    public async Task DeletingABotRemovesItsHooks()
    {
        var client = await fixture.SignUpAsync();
        var bot = await client.CreateBotAsync(ApiClient.Spec("Gone"));
        var created = await client.CreateHookAsync(bot.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/bots/{bot.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.CreateClient().SendAsync(HookRequests.Call(created.Url, "late"))).StatusCode);
        Assert.False(await fixture.QueryAsync(db => db.Hooks.AnyAsync(h => h.BotId == bot.Id)));
    }

    [Fact]
    public async Task AHookCalledTooOftenIsToldToSlowDown()
    {
        var sender = fixture.App.CreateClient();
        var url = "http://localhost/hooks/" + HookTokens.NewToken();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
        {
            statuses.Add((await sender.SendAsync(HookRequests.Call(url, "again"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        await Problems.AssertAsync(await sender.SendAsync(HookRequests.Call(url, "again")), HttpStatusCode.TooManyRequests, "Too many requests");
    }

    private static string Token(HookCreated created) => new Uri(created.Url).Segments[^1];
}
