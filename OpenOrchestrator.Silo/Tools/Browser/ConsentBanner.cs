using Microsoft.Playwright;

namespace OpenOrchestrator.Silo.Tools.Browser;

/// <summary>Accepts a cookie-consent banner when it follows a well-known pattern; otherwise does nothing.</summary>
internal static class ConsentBanner
{
    // The consent managers most sites use (OneTrust, Didomi, Cookiebot, Usercentrics, Funding Choices, TrustArc, Google).
    private const string Script = """
        () => {
          const ids = ['#onetrust-accept-btn-handler', '#didomi-notice-agree-button', '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll',
            '#CybotCookiebotDialogBodyButtonAccept', '[data-testid="uc-accept-all-button"]', '.fc-cta-consent', '#truste-consent-button',
            '#L2AGLb', '.cc-allow', '#gdpr-banner-accept', '[data-testid="cookie-policy-manage-dialog-accept-button"]'];
          const texts = ['accept all', 'accept all cookies', 'accept cookies', 'accept', 'allow all', 'i agree', 'agree', 'got it',
            'alle akzeptieren', 'akzeptieren', 'tout accepter', 'accepter', 'accetta tutti', 'aceptar todo', 'alles accepteren'];
          const visible = e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
          for (const id of ids) {
            const button = document.querySelector(id);
            if (button && visible(button)) { button.click(); return true; }
          }
          // Text matches only inside something that looks like a consent banner, never a page's own "Accept".
          const banners = document.querySelectorAll('[id*=cookie i], [class*=cookie i], [id*=consent i], [class*=consent i], [aria-label*=cookie i], [aria-label*=consent i]');
          for (const banner of banners) {
            for (const button of banner.querySelectorAll('button, a[role=button], [role=button], input[type=button], input[type=submit]')) {
              const text = (button.innerText || button.value || '').replace(/\s+/g, ' ').trim().toLowerCase();
              if (texts.includes(text) && visible(button)) { button.click(); return true; }
            }
          }
          return false;
        }
        """;

    public static async Task<bool> DismissAsync(IPage page) =>
        await page.EvaluateAsync<bool>(Script).ConfigureAwait(false);
}
