namespace OpenOrchestrator.Aspire.Tests;

/// <summary>A span as OTLP carried it (opentelemetry/proto/trace/v1): ids as hex, its service and scope, its attributes.</summary>
public sealed record ExportedSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, SpanKind Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public bool IsRoot => ParentSpanId.Length == 0;
}

/// <summary>OTLP's span kinds (Span.kind).</summary>
public enum SpanKind
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
}

/// <summary>A log record as OTLP carried it (opentelemetry/proto/logs/v1).</summary>
public sealed record ExportedLog(string Service, string Body, IReadOnlyDictionary<string, string> Attributes);

/// <summary>Reads OTLP/HTTP protobuf requests (ExportTraceServiceRequest, ExportLogsServiceRequest, ExportMetricsServiceRequest).</summary>
public static class OtlpData
{
    public static IEnumerable<ExportedSpan> Spans(byte[] request) =>
        from resource in ProtoFields.Parse(request).Messages(1)
        let service = ServiceName(resource)
        from scope in resource.Messages(2)
        let scopeName = scope.Message(1)?.Text(1) ?? ""
        from span in scope.Messages(2)
        select new ExportedSpan(
            service, scopeName, Convert.ToHexStringLower(span.Bytes(1)), Convert.ToHexStringLower(span.Bytes(2)),
            Convert.ToHexStringLower(span.Bytes(4)), span.Text(5), (SpanKind)span.Number(6), Attributes(span.Messages(9)));

    public static IEnumerable<ExportedLog> Logs(byte[] request) =>
        from resource in ProtoFields.Parse(request).Messages(1)
        let service = ServiceName(resource)
        from scope in resource.Messages(2)
        from record in scope.Messages(2)
        select new ExportedLog(service, Value(record.Message(5)), Attributes(record.Messages(6)));

    public static IEnumerable<string> MetricNames(byte[] request) =>
        from resource in ProtoFields.Parse(request).Messages(1)
        from scope in resource.Messages(2)
        from metric in scope.Messages(2)
        select metric.Text(1);

    private static string ServiceName(ProtoFields resource) =>
        Attributes(resource.Message(1)?.Messages(1) ?? []).GetValueOrDefault("service.name", "");

    /// <summary>KeyValue { key = 1; AnyValue value = 2 }, each value as text.</summary>
    private static Dictionary<string, string> Attributes(IEnumerable<ProtoFields> pairs)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var pair in pairs)
        {
            attributes[pair.Text(1)] = Value(pair.Message(2));
        }

        return attributes;
    }

    /// <summary>AnyValue: string = 1, bool = 2, int64 = 3, double = 4.</summary>
    private static string Value(ProtoFields? value) => value switch
    {
        null => "",
        _ when value.Has(1) => value.Text(1),
        _ when value.Has(2) => (value.Number(2) != 0).ToString(),
        _ when value.Has(3) => ((long)value.Number(3)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ when value.Has(4) => BitConverter.UInt64BitsToDouble(value.Number(4)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
