using OpenOrchestrator.Silo.Notifications.Telegram;

namespace OpenOrchestrator.Silo.Tests.Notifications;

public sealed class TelegramOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("http://localhost:8081", true)]
    [InlineData("https://bots.example.org/", true)]
    [InlineData("localhost:8081", false)]
    [InlineData("ftp://bots.example.org", false)]
    [InlineData("/relative", false)]
    public void ASelfHostedServerMustBeAnAbsoluteHttpUrl(string? url, bool valid)
    {
        var result = new TelegramOptionsValidation().Validate(null, new TelegramOptions { ApiBaseUrl = url });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Telegram:ApiBaseUrl must be an absolute http(s) URL", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
