using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Observability;

/// <summary>The Orleans dashboard is the instance owner's: anyone else is refused, and it can be turned off.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private const string DashboardTitle = "<title>Orleans Dashboard</title>";

    private ScriptedModelServer _model = null!;

    public async Task InitializeAsync() => _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("ok"));

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task OnlyTheOwnerSeesTheOrleansDashboard()
    {
        await using var app = new OrchestratorApp(OrchestratorApp.SettingsFor(_model, ("Auth:Registration", "first-user"), ("Orleans:Dashboard", "true")));
        var owner = await app.SignUpAsync("owner@example.com");
        var guest = app.CreateClient();
        var invitation = await (await owner.PostAsync("/api/auth/invitations", null)).Content.ReadFromJsonAsync<JsonElement>();
        var registered = await guest.PostAsJsonAsync(
            $"/api/auth/register?invitation={invitation.GetProperty("code").GetString()}", new { email = "guest@example.com", password = ApiClient.Password });
        registered.EnsureSuccessStatusCode();
        await LoginAsync(guest, "guest@example.com");

        var seen = await owner.GetAsync(OrleansDashboard.Path + "/");

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Contains(DashboardTitle, await seen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(OrleansDashboard.Path + "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(OrleansDashboard.Path + "/")).StatusCode);
    }

    [Fact]
    public async Task UnlessTurnedOnTheDashboardIsNotServed()
    {
        await using var app = new OrchestratorApp(OrchestratorApp.SettingsFor(_model));
        var owner = await app.SignUpAsync();

        var response = await owner.GetAsync(OrleansDashboard.Path + "/");

        Assert.DoesNotContain(DashboardTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task LoginAsync(HttpClient client, string email)
    {
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
    }
}
