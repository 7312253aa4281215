using OpenOrchestrator.Silo.Tools;

namespace OpenOrchestrator.Silo.Tests.Tools;

public sealed class PageReaderTests
{
    private static readonly Uri Page = new("https://example.com/news/today.html");

    [Fact]
    public void TitleComesFirstThenOneLinePerBlock()
    {
        const string Html = """
            <html><head><title>  Daily
              news </title></head><body>
            <h2>Top   stories</h2><p>First
               paragraph.</p><div>Second <b>block</b></div>
            <ol><li>one</li><li>two</li></ol></body></html>
            """;

        Assert.Equal(
            "Daily news\n\n## Top stories\nFirst paragraph.\nSecond block\n- one\n- two",
            PageReader.Read(Html, Page));
    }

    [Fact]
    public void ScriptsStylesAndOtherInvisibleContentAreDropped()
    {
        const string Html = """
            <body><script>var secret = 1;</script><style>.x{}</style><noscript>enable js</noscript>
            <template><p>hidden template</p></template><svg><text>chart label</text></svg>
            <p hidden>not shown</p><p>Visible</p></body>
            """;

        Assert.Equal("Visible", PageReader.Read(Html, Page));
    }

    [Fact]
    public void LinksAreWrittenAsTextAndAbsoluteUrl()
    {
        const string Html = """
            <p><a href="../archive/1">Old story</a>, <a href="https://other.org/x">elsewhere</a>,
            <a href="#top">top</a>, <a href="javascript:void(0)">click</a>, <a href="mailto:a@b.c">mail</a>,
            <a href="/img"><img alt="Logo"></a>, <a href="/bare"></a></p>
            """;

        Assert.Equal(
            "Old story (https://example.com/archive/1), elsewhere (https://other.org/x), top, click, mail, "
            + "Logo (https://example.com/img), https://example.com/bare",
            PageReader.Read(Html, Page));
    }

    [Fact]
    public void AdjacentLinksStaySeparated() =>
        Assert.Equal(
            "Home (https://example.com/) About (https://example.com/about)",
            PageReader.Read("""<nav><a href="/">Home</a><a href="/about">About</a></nav>""", Page));

    [Fact]
    public void ABaseElementChangesWhereRelativeLinksPoint()
    {
        const string Html = """<head><base href="https://cdn.example.com/docs/"></head><body><a href="guide">Guide</a></body>""";

        Assert.Equal("Guide (https://cdn.example.com/docs/guide)", PageReader.Read(Html, Page));
    }

    [Fact]
    public void TableCellsAreSeparatedAndRowsGetTheirOwnLines()
    {
        const string Html = "<table><tr><th>Name</th><th>Price</th></tr><tr><td>Tea</td><td>3</td></tr></table>";

        Assert.Equal("Name | Price\nTea | 3", PageReader.Read(Html, Page));
    }
}
