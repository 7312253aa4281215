namespace OpenOrchestrator.Silo.Tools;

/// <summary>An outgoing connection refused by <see cref="NetworkGuard"/>.</summary>
public sealed class BlockedAddressException : HttpRequestException
{
    public BlockedAddressException()
        : base(HttpRequestError.ConnectionError, "refused: the address is not public")
    {
    }

    public BlockedAddressException(string message)
        : base(HttpRequestError.ConnectionError, message)
    {
    }

    public BlockedAddressException(string message, Exception innerException)
        : base(HttpRequestError.ConnectionError, message, innerException)
    {
    }
}
