using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The server's ready-made sets of bots (the seed's templates); one click creates the bots, their documents and links.</summary>
public sealed partial class TemplatesDialog
{
    private IReadOnlyList<TemplateView>? _templates;
    private string? _error;
    private bool _creating;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ApiClient Api { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _templates = await Api.ListTemplatesAsync();
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
            _templates = [];
        }
    }

    private async Task UseAsync(TemplateView template)
    {
        _creating = true;
        try
        {
            Dialog.Close(DialogResult.Ok(await Api.CreateFromTemplateAsync(template.Id)));
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
        finally
        {
            _creating = false;
        }
    }
}
