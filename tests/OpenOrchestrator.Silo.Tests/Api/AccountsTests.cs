using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Storage;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Api;

public sealed class AccountsTests : IAsyncLifetime
{
    private ScriptedModelServer _model = null!;
    private OrchestratorApp _app = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("ok"));
        _app = new OrchestratorApp(OrchestratorApp.SettingsFor(_model, ("Auth:Registration", "first-user")));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task TheFirstUserOwnsTheInstanceAndLaterOnesNeedASingleUseInvitation()
    {
        var admin = await _app.SignUpAsync("owner@example.com");

        var refused = await _app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = "guest@example.com", password = ApiClient.Password });
        await Problems.AssertAsync(refused, HttpStatusCode.Forbidden, "invitation");

        var invitation = await (await admin.PostAsync("/api/auth/invitations", null)).Content.ReadFromJsonAsync<JsonElement>();
        var code = invitation.GetProperty("code").GetString();
        var accepted = await _app.CreateClient().PostAsJsonAsync($"/api/auth/register?invitation={code}", new { email = "guest@example.com", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var reused = await _app.CreateClient().PostAsJsonAsync($"/api/auth/register?invitation={code}", new { email = "third@example.com", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Forbidden, reused.StatusCode);

        var guestClient = _app.CreateClient();
        await LoginAsync(guestClient, "guest@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await guestClient.PostAsync("/api/auth/invitations", null)).StatusCode);
    }

    [Fact]
    public async Task SecretsAreWriteOnlyAndEncryptedAtRest()
    {
        var client = await _app.SignUpAsync();

        var saved = await client.PutAsJsonAsync("/api/settings", new SettingsUpdate("123456789", "me@example.com", "sk-very-secret-key", null, "12345:telegram-token"));
        var body = await saved.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.DoesNotContain("sk-very-secret-key", body);
        Assert.DoesNotContain("telegram-token", body);
        var view = (await client.GetFromJsonAsync<SettingsView>("/api/settings"))!;
        Assert.Equal(new SettingsView("123456789", "me@example.com", true, false, true), view);

        using var scope = _app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>().Credentials.Select(c => c.ProtectedValue).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, value => Assert.DoesNotContain("secret", value));

        (await client.PutAsJsonAsync("/api/settings", new SettingsUpdate(null, null, "", null, null))).EnsureSuccessStatusCode();
        Assert.False((await client.GetFromJsonAsync<SettingsView>("/api/settings"))!.OpenAiApiKeySet);
        Assert.True((await client.GetFromJsonAsync<SettingsView>("/api/settings"))!.TelegramBotTokenSet);
    }

    [Fact]
    public async Task CookieSignInWorksForTheBrowser()
    {
        await _app.SignUpAsync("cookie@example.com");
        var browser = _app.CreateClient();

        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "cookie@example.com", password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/bots")).StatusCode);
    }

    private static async Task LoginAsync(HttpClient client, string email)
    {
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
    }
}
