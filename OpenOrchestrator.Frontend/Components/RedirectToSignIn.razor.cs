using Microsoft.AspNetCore.Components;

namespace OpenOrchestrator.Frontend.Components;

public sealed partial class RedirectToSignIn
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Sends a signed-out visitor to the sign-in page, remembering where they wanted to go.</summary>
    protected override void OnInitialized()
    {
        var back = Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo(string.IsNullOrEmpty(back) ? "signin" : $"signin?returnUrl={Uri.EscapeDataString(back)}", replace: true);
    }
}
