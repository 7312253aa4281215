namespace OpenOrchestrator.Silo.Mcp;

/// <summary>A server could not be reached or started; the message is written for its owner and holds no server paths.</summary>
public sealed class McpConnectException(string message, Exception? inner = null) : Exception(message, inner);
