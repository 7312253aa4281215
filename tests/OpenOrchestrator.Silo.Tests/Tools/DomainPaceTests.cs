using Microsoft.Extensions.Time.Testing;
using OpenOrchestrator.Silo.Tools;
using OpenOrchestrator.Silo.Tools.Browser;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class DomainPaceTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly DomainPace _pace;

    public DomainPaceTests() => _pace = new DomainPace(new BrowserOptions { SecondsPerDomain = 3 }, _time);

    [Fact]
    public async Task ABotsSecondPageOnADomainWaitsItsTurn()
    {
        await _pace.WaitAsync("bot-a", new Uri("https://shop.example/1"), CancellationToken.None);
        var second = _pace.WaitAsync("bot-a", new Uri("https://shop.example/2"), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task OtherDomainsAndOtherBotsDoNotWait()
    {
        await _pace.WaitAsync("bot-a", new Uri("https://shop.example/1"), CancellationToken.None);

        Assert.True(_pace.WaitAsync("bot-a", new Uri("https://news.example/"), CancellationToken.None).IsCompleted);
        Assert.True(_pace.WaitAsync("bot-b", new Uri("https://shop.example/1"), CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void WithoutAPaceNothingWaitsAndNothingIsRemembered()
    {
        var pace = new DomainPace(new BrowserOptions { SecondsPerDomain = 0 }, _time);

        Assert.True(pace.WaitAsync("bot-a", new Uri("https://shop.example/1"), CancellationToken.None).IsCompleted);
        Assert.True(pace.WaitAsync("bot-a", new Uri("https://shop.example/2"), CancellationToken.None).IsCompleted);
        Assert.Equal(0, pace.Count);
    }

    [Fact]
    public async Task ManyDomainsWhoseTurnHasComeAreForgottenWhileAWaitingOneIsKept()
    {
        for (var i = 0; i <= 1_000; i++)
        {
            await _pace.WaitAsync("bot-a", new Uri($"https://shop{i}.example/"), CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromSeconds(3));
        await _pace.WaitAsync("bot-a", new Uri("https://shop.example/1"), CancellationToken.None);
        var second = _pace.WaitAsync("bot-a", new Uri("https://shop.example/2"), CancellationToken.None);

        Assert.Equal(1, _pace.Count);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
