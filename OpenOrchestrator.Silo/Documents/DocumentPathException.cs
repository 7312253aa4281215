namespace OpenOrchestrator.Silo.Documents;

/// <summary>A document path that is malformed or leaves the bot's folder (HTTP 400).</summary>
public sealed class DocumentPathException : Exception
{
    public DocumentPathException()
        : base("The document path is not allowed.")
    {
    }

    public DocumentPathException(string message)
        : base(message)
    {
    }

    public DocumentPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
