namespace OpenOrchestrator.Silo.Api;

/// <summary>Answers a request with a problem from middleware, before any endpoint runs.</summary>
public static class EarlyProblem
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
