namespace OpenOrchestrator.Silo.Documents;

/// <summary>A write refused for the size of the document or of the bot's folder (HTTP 413).</summary>
public sealed class DocumentQuotaException : Exception
{
    public DocumentQuotaException()
        : base("The document would exceed the storage limits.")
    {
    }

    public DocumentQuotaException(string message)
        : base(message)
    {
    }

    public DocumentQuotaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
