namespace OpenOrchestrator.Silo.Hosting;

/// <summary>
/// The server's own folder holds its appsettings.json and wwwroot, so it is the content root
/// wherever the server is started from (<c>dotnet /opt/oo/OpenOrchestrator.Silo.dll</c> from any
/// folder), unless one is given (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>).
/// </summary>
public static class ContentRoot
{
    public static string? Of(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
        || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 }
            ? null
            : AppContext.BaseDirectory;
}
