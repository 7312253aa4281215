using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

public static class FreePort
{
    public static int Next() => Ports.Free();
}
