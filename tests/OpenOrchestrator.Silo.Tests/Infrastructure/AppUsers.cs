using Microsoft.AspNetCore.Mvc.Testing;
using OpenOrchestrator.Testing;

namespace OpenOrchestrator.Silo.Tests.Infrastructure;

public static class AppUsers
{
    public static async Task<HttpClient> SignUpAsync(this WebApplicationFactory<Program> app, string? email = null)
    {
        var client = app.CreateClient();
        await client.SignUpAsync(email ?? $"{Guid.NewGuid():N}@example.com");
        return client;
    }
}
