using System.Buffers;
using System.Net.Http.Headers;
using System.Text;

namespace OpenOrchestrator.Silo.Tools;

/// <summary>A response body read up to a byte limit, and what kind of content it is.</summary>
internal sealed record ResponseBody(string Text, bool IsHtml, bool Truncated)
{
    /// <summary>Null when the content type is binary (images, PDFs, archives...).</summary>
    public static async Task<ResponseBody?> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var type = content.Headers.ContentType;
        var mediaType = type?.MediaType?.ToLowerInvariant() ?? "";
        var isHtml = mediaType is "text/html" or "application/xhtml+xml";
        if (mediaType.Length > 0 && !isHtml && !IsText(mediaType))
        {
            return null;
        }

        var (bytes, length, truncated) = await ReadLimitedAsync(content, maxBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            var data = bytes.AsSpan(0, length);
            // Without a content type, a NUL byte is the usual sign of binary data.
            if (mediaType.Length == 0 && data[..Math.Min(data.Length, 1024)].Contains((byte)0))
            {
                return null;
            }

            return new ResponseBody(EncodingOf(type).GetString(data).TrimStart('\uFEFF'), isHtml, truncated);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool IsText(string mediaType) =>
        mediaType.StartsWith("text/", StringComparison.Ordinal)
        || mediaType is "application/json" or "application/xml" or "application/javascript" or "application/x-ndjson"
            or "application/ld+json" or "application/rss+xml" or "application/atom+xml" or "application/x-yaml"
        || mediaType.EndsWith("+json", StringComparison.Ordinal) || mediaType.EndsWith("+xml", StringComparison.Ordinal);

    private static async Task<(byte[] Bytes, int Length, bool Truncated)> ReadLimitedAsync(
        HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte beyond the limit tells whether there was more; the rest is never read.
            var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
            var length = 0;
            int read;
            while (length <= maxBytes
                   && (read = await stream.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return length > maxBytes ? (buffer, maxBytes, true) : (buffer, length, false);
        }
    }

    private static Encoding EncodingOf(MediaTypeHeaderValue? type)
    {
        var charset = type?.CharSet?.Trim('"', ' ');
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? Encoding.UTF8;
        }
    }
}
