using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>WebSearch__* settings as the silo registers them: a wrong one stops the start with the variable's name.</summary>
public sealed class WebSearchOptionsTests
{
    private const string Key = "BSA-options-key-77c1d2";

    [Theory]
    [InlineData("bing", Key, null, "WebSearch__Provider must be searxng, brave or tavily, not 'bing'.")]
    [InlineData("", null, null, "WebSearch__Provider must be searxng, brave or tavily, not ''.")]
    [InlineData("brave", null, null, "WebSearch__ApiKey is required when WebSearch__Provider is brave.")]
    [InlineData("Tavily", " ", null, "WebSearch__ApiKey is required when WebSearch__Provider is Tavily.")]
    [InlineData("brave", Key, "api.search.brave.com/res/v1/web/search", "WebSearch__Endpoint must be an absolute http(s) URL.")]
    [InlineData("searxng", Key, "ftp://search.local", "WebSearch__Endpoint must be an absolute http(s) URL.")]
    [InlineData("tavily", Key, "tavily://user:pa55word@proxy.local/", "WebSearch__Endpoint must be an absolute http(s) URL.")]
    public async Task BadSettingsStopTheStart(string provider, string? apiKey, string? endpoint, string expected)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(provider, apiKey, endpoint));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxResultsOutOfRangeStopsTheStart()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("searxng", null, null, ("WebSearch:MaxResults", "0")));

        Assert.Contains("WebSearch__MaxResults must be between 1 and 50.", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("searxng", null, null, null)]
    [InlineData("SearXNG", null, "http://search.local/searx/", "SearXNG")]
    [InlineData("brave", Key, null, "Brave Search")]
    [InlineData(" Brave ", Key, "https://proxy.local/brave/res/v1/web/search", "Brave Search")]
    [InlineData("tavily", Key, null, "Tavily")]
    public async Task GoodSettingsStartAndChooseTheProvider(string provider, string? apiKey, string? endpoint, string? chosen)
    {
        using var host = await StartAsync(provider, apiKey, endpoint);

        var options = host.Services.GetRequiredService<IOptions<WebSearchOptions>>().Value;
        Assert.Equal(chosen, WebSearchPlugin.ProviderFor(options)?.Name);
    }

    /// <summary>The tools' settings as the silo registers them, started so that validation on start runs.</summary>
    private static async Task<IHost> StartAsync(string provider, string? apiKey, string? endpoint, params (string Key, string Value)[] extra)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WebSearch:Provider"] = provider,
            ["WebSearch:ApiKey"] = apiKey,
            ["WebSearch:Endpoint"] = endpoint,
        });
        builder.Configuration.AddInMemoryCollection(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        builder.AddTools();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }
}
