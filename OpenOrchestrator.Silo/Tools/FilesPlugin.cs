using System.ComponentModel;
using System.Globalization;
using Microsoft.SemanticKernel;
using OpenOrchestrator.Silo.Documents;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>
/// The "files" plugin: one bot's documents. <c>read</c> may also name the bot whose completion
/// triggered this run; that bot's documents are read-only here.
/// </summary>
public sealed class FilesPlugin(DocumentStore store, string botId, string? readableSourceBotId)
{
    public const string PluginName = "files";

    [KernelFunction("list")]
    [Description("Lists your documents with their sizes and last-update times.")]
    public string List()
    {
        var documents = store.List(botId);
        return documents.Count == 0
            ? "No documents yet."
            : string.Join('\n', documents.Select(d => string.Create(
                CultureInfo.InvariantCulture, $"{d.Path} ({d.Size} bytes, updated {d.UpdatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)")));
    }

    [KernelFunction("read")]
    [Description("Reads one of your documents. With 'from', reads a document of the bot whose results started this run.")]
    public async Task<string> ReadAsync(
        [Description("The document's path, folders separated by '/', e.g. 'notes/today.md'.")] string path,
        [Description("Optional: the id of the bot whose results started this run, to read its documents.")] string? from = null,
        CancellationToken cancellationToken = default)
    {
        var owner = string.IsNullOrWhiteSpace(from) || from == botId ? botId : from;
        if (owner != botId && owner != readableSourceBotId)
        {
            return readableSourceBotId is null
                ? $"Error: this run was not started by another bot, so 'from' ({from}) cannot be used."
                : $"Error: 'from' may only name the bot that started this run ({readableSourceBotId}), not '{from}'.";
        }

        return await Try(async () => await store.ReadAsync(owner, path, cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    [KernelFunction("write")]
    [Description("Creates or replaces one of your documents (UTF-8 text). Folders in the path are created.")]
    public Task<string> WriteAsync(
        [Description("The document's path, folders separated by '/', e.g. 'notes/today.md'.")] string path,
        [Description("The full new content of the document.")] string content,
        CancellationToken cancellationToken = default) =>
        Try(async () =>
        {
            await store.WriteAsync(botId, path, content, cancellationToken).ConfigureAwait(false);
            return $"Saved {path}.";
        });

    [KernelFunction("delete")]
    [Description("Deletes one of your documents.")]
    public Task<string> DeleteAsync(
        [Description("The document's path, folders separated by '/'.")] string path) =>
        Try(() => Task.FromResult(store.Delete(botId, path) ? $"Deleted {path}." : $"Error: there is no document '{path}'."));

    // Refusals go back to the model as text it can act on; cancellation still propagates.
    private static async Task<string> Try(Func<Task<string>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DocumentPathException or DocumentQuotaException
            or FileNotFoundException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return exception is FileNotFoundException missing
                ? $"Error: there is no document '{missing.FileName}'."
                : $"Error: {exception.Message}";
        }
    }
}
