using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>
/// Every route the app maps, read from its endpoint table, sent by another user (and by no user) against one
/// owner's bots, runs, results, documents, triggers, hooks and MCP servers: nothing of the owner's is shown or changed.
/// A route the matrix does not know fails it, so a new route cannot skip the check.
/// </summary>
[Trait("Category", "Security")]
[Collection(ApiCollection.Name)]
public sealed class TenancyMatrixTests(ApiFixture fixture)
{
    /// <summary>Routes anyone may call: signing up and in (and whether a first account is still to be made), health, the hub's handshake (the hub itself checks its user).</summary>
    private static readonly string[] Public =
    [
        "POST /api/auth/register", "POST /api/auth/login", "POST /api/auth/refresh", "GET /api/auth/confirmEmail",
        "POST /api/auth/resendConfirmationEmail", "POST /api/auth/forgotPassword", "POST /api/auth/resetPassword",
        "POST /api/auth/logout", "GET /api/auth/registration", "GET /health", "GET /alive",
    ];

    [Fact]
    public async Task NoRouteShowsOrChangesAnotherUsersThings()
    {
        var owner = await OwnerWorld.CreateAsync(fixture);
        var stranger = await fixture.SignUpAsync();
        var mine = await stranger.CreateBotAsync(ApiClient.Spec("Mine"));
        var before = await owner.SnapshotAsync();
        var failures = new List<string>();
        var routes = ApiRoutes();
        Assert.Contains(("GET", "/api/mcp-servers/{id}/tools"), routes);
        Assert.Contains(("DELETE", "/api/bots/{id}/docs/{**path}"), routes);
        Assert.True(routes.Count >= 50, $"only {routes.Count} routes found");

        // Signing out everywhere, and making a first authenticator key, end the stranger's own token: they go last.
        foreach (var (method, route) in routes.OrderBy(r => r.Route is "/api/auth/logout-everywhere" or "/api/auth/manage/2fa"))
        {
            foreach (var request in StrangerRequests(method, route, owner, mine.Id))
            {
                var sent = request.Message.RequestUri + (request.Message.Content is { } content ? await content.ReadAsStringAsync() : "");
                var response = await stranger.SendAsync(request.Message);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || (request.MustFail && response.IsSuccessStatusCode)
                    || (request.MustBeNotFound && response.StatusCode != HttpStatusCode.NotFound))
                {
                    failures.Add($"{request.Name}: {(int)response.StatusCode} {Cut(body)}");
                }

                // An id the stranger sent may come back in the refusal; anything else of the owner's may not.
                if (owner.Secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal) && !sent.Contains(s, StringComparison.Ordinal)) is { } leaked)
                {
                    failures.Add($"{request.Name}: the answer shows the owner's {leaked}");
                }

                if (await owner.SnapshotAsync() != before)
                {
                    failures.Add($"{request.Name}: the owner's things changed");
                    before = await owner.SnapshotAsync();
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryRouteButSigningInNeedsASignedInUser()
    {
        var owner = await OwnerWorld.CreateAsync(fixture);
        var anonymous = fixture.App.CreateClient();
        var failures = new List<string>();

        foreach (var (method, route) in ApiRoutes().Where(r => !Public.Contains($"{r.Method} {r.Route}")))
        {
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), owner.Fill(route)) { Content = JsonContent.Create(new { }) });
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {route}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task TheLiveHubJoinsNoOneToAnotherUsersBotAndSendsThemNothingOfIt()
    {
        var owner = await OwnerWorld.CreateAsync(fixture);
        var stranger = await fixture.SignUpAsync();
        var mine = await stranger.CreateBotAsync(ApiClient.Spec("Mine"));
        await using var live = await LiveListener.ConnectAsync(fixture.App, stranger);
        // Every method the hub offers but Ready (which takes and answers nothing) takes a bot id: each is called with the owner's.
        var hubMethods = typeof(LiveEventsHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not nameof(LiveEventsHub.OnConnectedAsync) and not nameof(LiveEventsHub.OnDisconnectedAsync))
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal([LiveHub.Ready, LiveHub.UnwatchBot, LiveHub.WatchBot], hubMethods);
        Assert.False(await live.WatchAsync(owner.Bot));
        await live.UnwatchAsync(owner.Bot);
        fixture.Model.SetScript(r => r.Round() == 0 ? ModelReplyFor.Report("Owner find", "https://shop.example/item/1") : ModelReply.Text("Done."));
        var ownersRun = await owner.Client.StartRunAsync(owner.Bot);
        await owner.Client.WaitForRunAsync(ownersRun.Id);
        // The stranger's own run, after the owner's: once its end arrives, anything about the owner's would have too.
        var myRun = await stranger.StartRunAsync(mine.Id);
        await live.WaitForAsync<RunView>(LiveHub.RunFinished, r => r.Id == myRun.Id);

        Assert.DoesNotContain(live.Received, r => owner.Secrets.Any(s => r.Payload.ToString()!.Contains(s, StringComparison.Ordinal)));
        Assert.DoesNotContain(live.Received, r => JsonSerializer.Serialize(r.Payload).Contains(ownersRun.Id, StringComparison.Ordinal));
    }

    /// <summary>Every API route of the app (method and pattern), from its endpoint table.</summary>
    private List<(string Method, string Route)> ApiRoutes() =>
        [.. fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } text && (text.StartsWith("/api/", StringComparison.Ordinal) || text is "/health" or "/alive"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, Normalise(e.RoutePattern.RawText!))))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal)];

    private static string Normalise(string route) => route.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";

    /// <summary>What the stranger sends on one route: the owner's ids in its path, or in its body where it takes ids there.</summary>
    private static IEnumerable<StrangerRequest> StrangerRequests(string method, string route, OwnerWorld owner, string mine)
    {
        var key = $"{method} {route}";
        var path = owner.Fill(route);
        var ownsSomething = route.Contains('{', StringComparison.Ordinal);
        switch (key)
        {
            case "POST /api/bots/estimate":
                // Only the caller's own bot's figures may inform an estimate; references in the body are not read.
                yield return new(key + " for the owner's bot", Message(method, $"{path}?botId={owner.Bot}", ApiClient.Spec() with
                {
                    Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = owner.Bot },
                }), MustFail: false, MustBeNotFound: false);
                yield break;
            case "POST /api/bots":
                yield return Failing(key + " after the owner's bot", method, path, ApiClient.Spec() with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = owner.Bot } });
                yield return Failing(key + " with the owner's MCP server", method, path, ApiClient.Spec() with { McpServers = [owner.Server] });
                yield return Failing(key + " with the owner's MCP server by name", method, path, ApiClient.Spec() with { McpServers = [OwnerWorld.ServerName] });
                yield break;
            case "POST /api/triggers":
                yield return Failing(key + " to the owner's bot", method, path, new TriggerSpec { SourceBotId = mine, Event = TriggerEvents.Completed, TargetBotId = owner.Bot });
                yield return Failing(key + " from the owner's bot", method, path, new TriggerSpec { SourceBotId = owner.Bot, Event = TriggerEvents.Completed, TargetBotId = mine });
                yield break;
            case "POST /api/notifications/read":
                yield return new(key + " with the owner's ids", Message(method, path, new NotificationsRead(owner.Notifications)), MustFail: false, MustBeNotFound: false);
                yield break;
        }

        if (!ownsSomething)
        {
            yield return new(key, Message(method, path, OwnBody(route)), MustFail: false, MustBeNotFound: false);
            yield break;
        }

        if (key == "PUT /api/bots/{id}")
        {
            // Their own bot, pointed at the owner's: the reference is refused as the path would be.
            yield return Failing(key + " (own bot) after the owner's bot", method, $"/api/bots/{mine}",
                ApiClient.Spec("Mine") with { Schedule = new ScheduleSpec { Kind = ScheduleKinds.After, AfterBotId = owner.Bot } });
        }

        yield return new(key, Message(method, path, OwnBody(route)), MustFail: true, MustBeNotFound: true);
    }

    private static StrangerRequest Failing(string name, string method, string path, object body) => new(name, Message(method, path, body), MustFail: true, MustBeNotFound: false);

    /// <summary>A body the route would accept from its own user, so a refusal is about whose thing it is.</summary>
    private static object? OwnBody(string route) => route switch
    {
        _ when route.StartsWith("/api/bots/{id}/docs/", StringComparison.Ordinal) => "overwritten",
        "/api/bots/{id}" => ApiClient.Spec("Hijacked"),
        "/api/bots/{id}/runs" => new StartRunRequest("hijacked"),
        "/api/mcp-servers/{id}" => new McpServerSpec { Name = "hijacked", Transport = McpTransports.Http, Url = "https://mcp.example/" },
        "/api/triggers/{id}" => new TriggerSpec { SourceBotId = "x", Event = TriggerEvents.Completed, TargetAction = "notify:email" },
        "/api/results/{resultId}/approve" => new ResultApproval(null, "hijacked"),
        "/api/settings" => new SettingsUpdate(null, null, null, null, null),
        _ => new { },
    };

    private static HttpRequestMessage Message(string method, string path, object? body) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : body is string text ? new StringContent(text) : JsonContent.Create(body),
    };

    private static string Cut(string body) => body.Length > 200 ? body[..200] : body;

    private sealed record StrangerRequest(string Name, HttpRequestMessage Message, bool MustFail, bool MustBeNotFound);

    /// <summary>One user with a bot that has a run, a result waiting for approval, a document, a trigger, a hook, an MCP server and a notification.</summary>
    private sealed class OwnerWorld
    {
        public const string ServerName = "owners_server";

        public required HttpClient Client { get; init; }
        public required string Bot { get; init; }
        public required string Other { get; init; }
        public required string Run { get; init; }
        public required string Result { get; init; }
        public required string Trigger { get; init; }
        public required string Server { get; init; }
        public required string Hook { get; init; }
        public required IReadOnlyList<long> Notifications { get; init; }

        /// <summary>Strings of the owner's that no one else may be shown.</summary>
        public IReadOnlyList<string> Secrets => [Bot, Other, Run, Result, Trigger, Server, Hook, "Owner-Canary", "canary document", ServerName];

        public static async Task<OwnerWorld> CreateAsync(ApiFixture fixture)
        {
            var client = await fixture.SignUpAsync();
            fixture.Model.SetScript(r => r.Round() == 0 ? ModelReplyFor.Report("Owner-Canary find", "https://shop.example/item/9") : ModelReply.Text("Done."));
            var bot = await client.CreateBotAsync(ApiClient.Spec("Owner-Canary", "Owner-Canary prompt", ToolNames.Files) with { RequireApproval = true });
            var other = await client.CreateBotAsync(ApiClient.Spec("Owner-Canary second"));
            var run = await client.RunAsync(bot.Id);
            (await client.PutAsync($"/api/bots/{bot.Id}/docs/notes.md", new StringContent("canary document"))).EnsureSuccessStatusCode();
            var trigger = await client.PostAsJsonAsync("/api/triggers", new TriggerSpec { SourceBotId = bot.Id, Event = TriggerEvents.Completed, TargetBotId = other.Id });
            await ApiClient.EnsureAsync(trigger);
            var server = await AddServerAsync(fixture, await OwnerIdAsync(fixture, bot.Id));
            var hook = await client.CreateHookAsync(bot.Id, new HookSpec { Name = "Owner-Canary hook" });
            var notifications = (await client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!;
            return new OwnerWorld
            {
                Client = client,
                Bot = bot.Id,
                Other = other.Id,
                Run = run.Id,
                Result = (await client.ResultsAsync(bot.Id)).Single().Id,
                Trigger = (await trigger.Content.ReadFromJsonAsync<TriggerView>())!.Id,
                Server = server,
                Hook = hook.Id,
                Notifications = [.. notifications.Items.Select(n => n.Id)],
            };
        }

        public string Fill(string route) => route
            .Replace("/api/mcp-servers/{id}", $"/api/mcp-servers/{Server}", StringComparison.Ordinal)
            .Replace("/api/triggers/{id}", $"/api/triggers/{Trigger}", StringComparison.Ordinal)
            .Replace("/api/hooks/{id}", $"/api/hooks/{Hook}", StringComparison.Ordinal)
            .Replace("{id}", Bot, StringComparison.Ordinal)
            .Replace("{runId}", Run, StringComparison.Ordinal)
            .Replace("{resultId}", Result, StringComparison.Ordinal)
            .Replace("{**path}", "notes.md", StringComparison.Ordinal) is var filled && filled.Contains('{', StringComparison.Ordinal)
                ? throw new InvalidOperationException($"The tenancy matrix does not know the parameter of {route}: give it one of the owner's ids.")
                : filled;

        /// <summary>Everything the owner can read of theirs, as one string to compare.</summary>
        public async Task<string> SnapshotAsync()
        {
            var reads = new[]
            {
                "/api/bots", $"/api/bots/{Bot}", $"/api/bots/{Bot}/runs", $"/api/runs/{Run}", $"/api/runs/{Run}/log",
                $"/api/bots/{Bot}/results?filter=all", $"/api/bots/{Bot}/docs", $"/api/bots/{Bot}/docs/notes.md",
                "/api/triggers", "/api/mcp-servers", "/api/settings", $"/api/bots/{Bot}/hooks",
            };
            var parts = new List<string>();
            foreach (var read in reads)
            {
                parts.Add(await Client.GetStringAsync(read));
            }

            var bell = (await Client.GetFromJsonAsync<NotificationsPage>("/api/notifications"))!;
            parts.Add(string.Join(",", bell.Items.Select(n => $"{n.Id}:{n.Read}")));
            return string.Join("\n", parts);
        }

        private static Task<string> OwnerIdAsync(ApiFixture fixture, string botId) =>
            fixture.QueryAsync(db => db.Bots.Where(b => b.Id == botId).Select(b => b.OwnerId).SingleAsync());

        /// <summary>Written to the database directly: registering through the API would need a live MCP server.</summary>
        private static async Task<string> AddServerAsync(ApiFixture fixture, string ownerId)
        {
            var id = Guid.NewGuid().ToString("N");
            await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContextAsync();
            db.McpServers.Add(new McpServerRecord
            {
                Id = id,
                OwnerId = ownerId,
                Name = ServerName,
                Transport = McpTransports.Http,
                Url = "https://mcp.example/owner",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return id;
        }
    }
}
