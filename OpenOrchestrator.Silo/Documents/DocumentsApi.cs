using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Storage;

namespace OpenOrchestrator.Silo.Documents;

/// <summary>A bot's documents (its memory), with the same confinement as the files tool.</summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bots/{id}/docs").WithTags("Documents").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{**path}", ReadAsync);
        group.MapPut("/{**path}", WriteAsync);
        group.MapDelete("/{**path}", DeleteAsync);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<DocumentInfo>>, NotFound>> ListAsync(
        string id, CurrentUser user, BotOwners bots, DocumentStore documents, CancellationToken cancellationToken) =>
        await OwnsAsync(id, user, bots, cancellationToken) ? TypedResults.Ok(documents.List(id)) : TypedResults.NotFound();

    private static async Task<IResult> ReadAsync(
        string id, string path, CurrentUser user, BotOwners bots, DocumentStore documents, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, user, bots, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return DocumentPictures.ContentTypeOf(path) is { } image
            ? await Guarded(async () => TypedResults.File(await documents.ReadBytesAsync(id, path, cancellationToken), image))
            : await Guarded(async () => TypedResults.Text(await documents.ReadAsync(id, path, cancellationToken), "text/plain", Encoding.UTF8));
    }

    private static async Task<IResult> WriteAsync(
        string id, string path, HttpRequest request, CurrentUser user, BotOwners bots, DocumentStore documents,
        IOptions<DocumentOptions> options, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, user, bots, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (request.ContentLength > options.Value.MaxFileBytes)
        {
            return TooLarge(options.Value.MaxFileBytes);
        }

        var content = await ReadBodyAsync(request, options.Value.MaxFileBytes, cancellationToken);
        if (content is null)
        {
            return TooLarge(options.Value.MaxFileBytes);
        }

        return await Guarded(async () =>
        {
            await documents.WriteAsync(id, path, content, cancellationToken);
            return TypedResults.NoContent();
        });
    }

    private static async Task<IResult> DeleteAsync(string id, string path, CurrentUser user, BotOwners bots, DocumentStore documents, CancellationToken cancellationToken)
    {
        if (!await OwnsAsync(id, user, bots, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return await Guarded(() => Task.FromResult<IResult>(documents.Delete(id, path) ? TypedResults.NoContent() : TypedResults.NotFound()));
    }

    private static async Task<bool> OwnsAsync(string id, CurrentUser user, BotOwners bots, CancellationToken cancellationToken) =>
        Ids.IsWellFormed(id) && await bots.OwnsAsync(user.Id, id, cancellationToken);

    /// <summary>The store's refusals become problem details: a bad path 400, over quota 413, missing 404.</summary>
    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (DocumentPathException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid document path.", detail: e.Message);
        }
        catch (DocumentQuotaException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The document does not fit.", detail: e.Message);
        }
        catch (FileNotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document.");
        }
    }

    /// <summary>Reads the body as UTF-8 text, or null once it passes the limit.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The document is too large.",
        detail: string.Format(CultureInfo.InvariantCulture, "The file is larger than the limit of {0}: a document may have at most {1} bytes.", ReadableProblems.Size(limit), limit));
}
