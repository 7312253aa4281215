using System.Net;
using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

/// <summary>Whatever the server (or a proxy in front of it) answers, a form shows a sentence a person understands.</summary>
public sealed class ProblemTests
{
    public static TheoryData<HttpStatusCode, string, string> BareAnswers => new()
    {
        { HttpStatusCode.MethodNotAllowed, """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.6","title":"Method Not Allowed","status":405}""",
            "The server does not take this request here; reload the page, the app may have been updated." },
        { HttpStatusCode.RequestEntityTooLarge, """{"title":"Content Too Large","status":413}""", "What you sent is larger than the server accepts." },
        { HttpStatusCode.RequestEntityTooLarge, "", "What you sent is larger than the server accepts." },
        { HttpStatusCode.UnsupportedMediaType, "", "The server cannot read content of this type." },
        { HttpStatusCode.NotFound, "", "It does not exist (any more): it may have been deleted." },
        { HttpStatusCode.BadGateway, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            "The server is not reachable right now (it may be restarting). Try again in a moment." },
        { HttpStatusCode.InternalServerError, "", "Something went wrong on the server. Try again; if it keeps happening, its log says why." },
    };

    [Theory]
    [MemberData(nameof(BareAnswers))]
    public void AnAnswerWithoutASentenceGetsOneForItsStatus(HttpStatusCode status, string body, string expected)
    {
        var problem = Problem.Parse(status, body);

        Assert.Equal(expected, problem.Message);
        Assert.DoesNotContain("Not Allowed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProblemThatSaysSomethingKeepsItsOwnWords()
    {
        var problem = Problem.Parse(HttpStatusCode.RequestEntityTooLarge,
            """{"title":"The document is too large.","status":413,"detail":"The file is larger than the limit of 1 MB: a document may have at most 1048576 bytes."}""");

        Assert.Equal("The file is larger than the limit of 1 MB: a document may have at most 1048576 bytes.", problem.Message);
        Assert.Equal("The document is too large.", problem.Title);
    }

    [Fact]
    public void AShortPlainTextAnswerIsShownAsItIs()
    {
        Assert.Equal("Rate limit hit, slow down.", Problem.Parse(HttpStatusCode.TooManyRequests, "Rate limit hit, slow down.\n").Message);
    }
}
