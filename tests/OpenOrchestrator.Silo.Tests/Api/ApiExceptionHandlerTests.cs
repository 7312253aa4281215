using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenOrchestrator.Silo.Api;

namespace OpenOrchestrator.Silo.Tests.Api;

public sealed class ApiExceptionHandlerTests
{
    [Fact]
    public async Task ASiloOfTheClusterThatStoppedAnsweringIsA503ToRetryNotA500()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = ActivatorUtilities.CreateInstance<ApiExceptionHandler>(services);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(context, new SiloUnavailableException("S127.0.0.1:11111 is dead"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        Assert.Contains("A server of the cluster stopped answering.", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }
}
