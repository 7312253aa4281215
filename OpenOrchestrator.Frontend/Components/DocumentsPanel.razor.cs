using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace OpenOrchestrator.Frontend.Components;

/// <summary>The bot's documents folder: list, view, edit, add, delete. Reloaded after each of its runs (the bot may have written).</summary>
public sealed partial class DocumentsPanel : IDisposable
{
    private List<DocumentInfo> _documents = [];
    private bool _loading = true;
    private string? _error;
    private string? _openPath;
    private string _path = "";
    private string _content = "";

    /// <summary>The open document's address when it is a picture, which the browser loads itself; null for text.</summary>
    private string? _picture;
    private string? _pathError;
    private bool _editing;
    private bool _isNew;
    private bool _saving;

    [Inject] private ApiClient Api { get; set; } = default!;
    [Inject] private LiveClient Live { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public string BotId { get; set; } = "";

    protected override async Task OnInitializedAsync()
    {
        Live.RunFinished += OnRunFinished;
        await LoadAsync();
    }

    public void Dispose() => Live.RunFinished -= OnRunFinished;

    private async Task LoadAsync()
    {
        try
        {
            _documents = [.. (await Api.ListDocumentsAsync(BotId)).OrderBy(d => d.Path, StringComparer.Ordinal)];
            _error = null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = L["DocumentsNotLoaded", e.Message];
        }

        _loading = false;
    }

    private async Task OpenAsync(string path)
    {
        _editing = false;
        try
        {
            if (DocumentPictures.IsPicture(path))
            {
                _picture = ApiClient.DocumentUrl(BotId, path);
                _content = "";
            }
            else
            {
                _content = await Api.ReadDocumentAsync(BotId, path);
                _picture = null;
            }

            _openPath = path;
            _path = path;
            _error = null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    private void NewDocument()
    {
        _openPath = null;
        _isNew = true;
        _editing = true;
        _path = "";
        _content = "";
        _pathError = null;
    }

    private void Edit()
    {
        _isNew = false;
        _editing = true;
    }

    private void CancelEdit()
    {
        _editing = false;
        if (_isNew) _content = "";
    }

    private async Task SaveAsync()
    {
        _pathError = _isNew && string.IsNullOrWhiteSpace(_path) ? L["NameDocument"].Value : null;
        if (_pathError is not null)
        {
            return;
        }

        _saving = true;
        try
        {
            await Api.WriteDocumentAsync(BotId, _path.Trim(), _content);
            _editing = false;
            _openPath = _path.Trim();
            _error = null;
            await LoadAsync();
        }
        catch (ApiException e)
        {
            if (_isNew && e.Problem.Status == System.Net.HttpStatusCode.BadRequest) _pathError = e.Problem.Message;
            else _error = e.Problem.Message;
        }
        catch (HttpRequestException e)
        {
            _error = e.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync(string path)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["DeleteDocument"], L["DeleteDocumentQuestion", path], yesText: L["Delete"], cancelText: L["Cancel"])
 != true)
        {
            return;
        }

        try
        {
            await Api.DeleteDocumentAsync(BotId, path);
            if (_openPath == path) _openPath = null;
            await LoadAsync();
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            _error = e.Message;
        }
    }

    private void OnRunFinished(RunView run) => _ = InvokeAsync(async () =>
    {
        if (run.BotId == BotId && !_editing)
        {
            await LoadAsync();
            StateHasChanged();
        }
    });
}
