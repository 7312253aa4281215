using Microsoft.Playwright;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>Recognises a site turning the browser away: 403, 429, or a well-known bot challenge page.</summary>
internal static class BotChallenge
{
    private static readonly string[] Titles =
    [
        "just a moment", "attention required", "access denied", "are you a robot", "robot check",
        "verify you are human", "security check", "pardon our interruption",
    ];

    private const string Markers = "#challenge-form, #cf-challenge-running, .cf-turnstile, #px-captcha, .g-recaptcha, "
        + ".h-captcha, iframe[src*='captcha'], iframe[src*='challenges.cloudflare.com']";

    /// <summary>Why the page counts as blocked, or null when it does not.</summary>
    public static async Task<string?> WhyBlockedAsync(IPage page, IResponse? response)
    {
        if (response?.Status is 403 or 429)
        {
            return $"HTTP {response.Status}";
        }

        var title = (await page.TitleAsync().ConfigureAwait(false)).ToLowerInvariant();
        if (Titles.FirstOrDefault(title.Contains) is { } known)
        {
            return $"a bot challenge (\"{known}\")";
        }

        return await page.Locator(Markers).CountAsync().ConfigureAwait(false) > 0 ? "a bot challenge (captcha)" : null;
    }
}
