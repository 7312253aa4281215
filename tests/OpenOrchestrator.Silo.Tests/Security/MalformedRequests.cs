using System.Net.Http.Headers;
using System.Text;

namespace OpenOrchestrator.Silo.Tests.Security;

/// <summary>Requests a careless or hostile client sends: odd route values and queries, broken bodies, wrong or lying content types.</summary>
public static class MalformedRequests
{
    private static readonly string[] Segments =
    [
        "x", "0", "-1", "99999999999999999999", "%00", "%2e%2e", "%252e%252e", "..%2f..%2fetc%2fpasswd", "%ff%fe",
        new string('é', 200), new string('a', 5_000), "%F0%9F%98%80", "con", "a%2Fb", "%20", "null", "{id}",
    ];

    private static readonly string[] Queries =
    [
        "", "?limit=-1", "?limit=abc", "?limit=99999999999", "?after=-5", "?after=x", "?filter=%", "?filter=" + new string('z', 3_000),
        "?from=2026-13-45", "?days=-1", "?days=1e9", "?page=%00", "?limit=1&limit=2",
    ];

    private static readonly string[] Bodies =
    [
        "", "{", "}", "[", "null", "true", "0", "\"text\"", "[1,2,3]", "{\"name\":", "{\"name\":null,\"prompt\":null}",
        "{\"name\":42,\"prompt\":[]}", "{\"name\":\"x\",\"prompt\":\"p\",\"schedule\":{\"kind\":\"interval\",\"everyMinutes\":1e300}}",
        "{\"name\":\"x\",\"prompt\":\"p\",\"tools\":null,\"notify\":[null],\"mcpServers\":[1]}", "{\"email\":\"\",\"password\":\"\"}",
        "{\"email\":\"a@b\",\"password\":" + new string('9', 400) + "}", "{\"input\":\"" + new string('x', 70_000) + "\"}",
        new string('[', 5_000) + new string(']', 5_000), "{\"a\":" + new string('{', 300) + new string('}', 300) + "}",
        "{\"name\":\"\\ud800\",\"prompt\":\"\\u0000\"}", "{\"url\":\"file:///etc/passwd\",\"command\":\"rm -rf /\"}",
        "{\"kind\":\"teleport\",\"everyMinutes\":-1,\"cron\":\"* * * * * * *\",\"timeZone\":\"../../etc\"}",
    ];

    private static readonly string?[] ContentTypes =
    [
        null, "application/json", "application/json; charset=utf-8", "application/json; charset=bogus", "application/json; charset=\"utf-16\"",
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "application/xml",
        "application/json; charset=", "garbage", "application/json;;;", "*/*",
    ];

    public static HttpRequestMessage Create(Random random, string method, string pattern)
    {
        var path = "/" + string.Join('/', pattern.Trim('/').Split('/').Select(s => s.StartsWith('{') ? Pick(random, Segments) : s));
        var request = new HttpRequestMessage(new HttpMethod(random.Next(8) == 0 ? Pick(random, ["PATCH", "POST", "PUT", "DELETE"]) : method), path + Pick(random, Queries));
        if (request.Method == HttpMethod.Get && random.Next(4) != 0)
        {
            return request;
        }

        var body = random.Next(10) == 0 ? RandomBytes(random) : Encoding.UTF8.GetBytes(Pick(random, Bodies));
        request.Content = new ByteArrayContent(body);
        if (Pick(random, ContentTypes) is { } type && !request.Content.Headers.TryAddWithoutValidation("Content-Type", type))
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 2_000)];
        random.NextBytes(bytes);
        return bytes;
    }
}
