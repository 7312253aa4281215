using System.Net;
using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class TemplatesTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheSeedsTemplatesAreOffered()
    {
        var client = await fixture.SignUpAsync();

        var templates = (await client.GetFromJsonAsync<List<TemplateView>>("/api/templates"))!;

        Assert.Equal(["ebay-scout", "vinted-finder", "dev-test", "support-mail", "research-digest"], templates.Select(t => t.Id));
        Assert.Equal(["Dev-Bot completed → Test-Bot"], templates.Single(t => t.Id == "dev-test").Links);
        Assert.All(templates.SelectMany(t => t.Bots), b => Assert.NotEmpty(b.Tools));
    }

    [Fact]
    public async Task TheDevAndTestPipelineArrivesAsWorkingBotsDocumentsAndTheirLink()
    {
        var client = await fixture.SignUpAsync();

        var response = await client.PostAsync("/api/templates/dev-test", null);
        var instance = (await response.Content.ReadFromJsonAsync<TemplateInstance>())!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (dev, test) = (instance.Bots.Single(b => b.Name == "Dev-Bot"), instance.Bots.Single(b => b.Name == "Test-Bot"));
        Assert.Equal([ToolNames.Files, ToolNames.Code], test.Tools);
        Assert.Equal((dev.Id, TriggerEvents.Completed, test.Id), (instance.Triggers.Single().SourceBotId, instance.Triggers.Single().Event, instance.Triggers.Single().TargetBotId));
        Assert.Contains("add(a, b)", await client.GetStringAsync($"/api/bots/{dev.Id}/docs/spec.md"), StringComparison.Ordinal);
        Assert.Equal(2, (await client.GetFromJsonAsync<List<BotView>>("/api/bots"))!.Count);
        Assert.Single((await client.GetFromJsonAsync<List<TriggerView>>("/api/triggers"))!);
    }

    [Fact]
    public async Task TheShopScoutsHaveOnlyTheToolsTheirPromptsUse()
    {
        var client = await fixture.SignUpAsync();

        var templates = (await client.GetFromJsonAsync<List<TemplateView>>("/api/templates"))!;

        Assert.Equal([ToolNames.Browser, ToolNames.Files], templates.Single(t => t.Id == "ebay-scout").Bots.Single().Tools);
        Assert.Equal([ToolNames.Browser, ToolNames.Files], templates.Single(t => t.Id == "vinted-finder").Bots.Single().Tools);
    }

    [Fact]
    public async Task AnUnknownTemplateIsNotFound()
    {
        var client = await fixture.SignUpAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/templates/nope", null)).StatusCode);
    }
}
