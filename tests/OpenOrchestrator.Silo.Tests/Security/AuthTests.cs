using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OpenOrchestrator.Silo.Tests.Infrastructure;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>Credentials end when the user says so, and the sign-in endpoints neither tell who has an account nor let anyone lock one.</summary>
[Trait("Category", "Security")]
public sealed class AuthTests : IAsyncLifetime
{
    private const string Email = "kim@example.com";
    private const string NewPassword = "Another-passw0rd!";
    private ScriptedModelServer _model = null!;

    public async Task InitializeAsync() => _model = await ScriptedModelServer.StartAsync(_ => ModelReply.Text("ok"));

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task APasswordChangeEndsEveryBearerTokenIssuedBefore()
    {
        await using var app = Start();
        var changer = await app.SignUpAsync(Email);
        var elsewhere = await LoginAsync(app, ApiClient.Password);

        var changed = await changer.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = ApiClient.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/bots")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await changer.GetAsync("/api/bots")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await LoginAsync(app, NewPassword)).GetAsync("/api/bots")).StatusCode);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEveryTokenAndCookie()
    {
        await using var app = Start();
        var script = await app.SignUpAsync(Email);
        var browser = app.CreateClient();
        var cookie = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = Email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/bots")).StatusCode);

        var signedOut = await script.PostAsync("/api/auth/logout-everywhere", null);

        Assert.Equal(HttpStatusCode.OK, cookie.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/bots")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/bots")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await LoginAsync(app, ApiClient.Password)).GetAsync("/api/bots")).StatusCode);
    }

    [Fact]
    public async Task GuessingAnswersAsForAnUnknownAccountAndNeverLocksTheOwnerOut()
    {
        await using var app = Start();
        await app.SignUpAsync(Email);
        var guesser = app.CreateClient();

        var unknown = await AnswerAsync(await guesser.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "Guess-1234!" }));
        var guesses = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            guesses.Add(await AnswerAsync(await guesser.PostAsJsonAsync("/api/auth/login", new { email = Email, password = $"Guess-{i}!" })));
        }

        Assert.StartsWith("401 ", unknown, StringComparison.Ordinal);
        Assert.All(guesses, g => Assert.Equal(unknown, g));
        Assert.Equal(HttpStatusCode.OK, (await (await LoginAsync(app, ApiClient.Password)).GetAsync("/api/bots")).StatusCode);
    }

    [Fact]
    public async Task RegisteringATakenAddressAnswersAsANewRegistrationAndChangesNothing()
    {
        await using var app = Start();
        var fresh = await app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = Email, password = ApiClient.Password });

        var taken = await app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = Email, password = NewPassword });
        var takenAndWeak = await app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = Email, password = "short" });

        Assert.Equal(await AnswerAsync(fresh), await AnswerAsync(taken));
        await Problems.AssertAsync(takenAndWeak, HttpStatusCode.BadRequest, "PasswordTooShort");
        Assert.DoesNotContain("Duplicate", await takenAndWeak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await LoginAsync(app, ApiClient.Password)).GetAsync("/api/bots")).StatusCode);
        var withNew = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = Email, password = NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, withNew.StatusCode);
    }

    [Fact]
    public async Task GuessesFromOneAddressAreRefusedPastTheLimitPerMinute()
    {
        await using var app = Start(("Auth:SignInAttemptsPerMinute", "5"));
        var guesser = app.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add((await guesser.PostAsJsonAsync("/api/auth/login", new { email = Email, password = $"Guess-{i}!" })).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
    }

    private OrchestratorApp Start(params (string Key, string? Value)[] settings) => new(OrchestratorApp.SettingsFor(_model, settings));

    private static async Task<HttpClient> LoginAsync(OrchestratorApp app, string password)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = Email, password });
        if (login.IsSuccessStatusCode)
        {
            var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    /// <summary>Status and body, without the per-request trace id.</summary>
    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0 && JsonNode.Parse(body) is JsonObject problem)
        {
            problem.Remove("traceId");
            body = problem.ToJsonString();
        }

        return $"{(int)response.StatusCode} {body}";
    }
}
