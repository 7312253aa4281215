namespace OpenOrchestrator.Silo.Models;

public sealed class ModelNotConfiguredException(string message) : Exception(message);
