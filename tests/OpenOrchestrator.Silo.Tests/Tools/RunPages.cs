using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Tools.Browser;

namespace OpenOrchestrator.Silo.Tests.Tools;

/// <summary>One run's rendered-page functions, called with the run's Kernel as its model's tool calls are.</summary>
internal sealed class RunPages(PagePlugin plugin, Kernel kernel)
{
    public Task<string> OpenAsync(string url, CancellationToken cancellationToken) => plugin.OpenAsync(kernel, url, cancellationToken);

    public Task<string> ClickAsync(int reference, CancellationToken cancellationToken) => plugin.ClickAsync(kernel, reference, cancellationToken);

    public Task<string> TypeAsync(int reference, string text, bool submit = false, CancellationToken cancellationToken = default) =>
        plugin.TypeAsync(kernel, reference, text, submit, cancellationToken);

    public Task<string> ScreenshotAsync(CancellationToken cancellationToken) => plugin.ScreenshotAsync(kernel, cancellationToken);
}
