using Google.Protobuf;

namespace OpenOrchestrator.Aspire.Tests;

/// <summary>
/// One protobuf message read field by field with Google.Protobuf's CodedInputStream: enough of
/// OTLP's messages for a test to read the spans, log records and metric names the silos export.
/// </summary>
public sealed class ProtoFields
{
    private readonly List<(int Number, object Value)> _fields = [];

    public static ProtoFields Parse(byte[] bytes)
    {
        var message = new ProtoFields();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.Varint:
                    message._fields.Add((number, input.ReadUInt64()));
                    break;
                case WireFormat.WireType.Fixed64:
                    message._fields.Add((number, input.ReadFixed64()));
                    break;
                case WireFormat.WireType.Fixed32:
                    message._fields.Add((number, (ulong)input.ReadFixed32()));
                    break;
                case WireFormat.WireType.LengthDelimited:
                    message._fields.Add((number, input.ReadBytes().ToByteArray()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return message;
    }

    public IEnumerable<ProtoFields> Messages(int number) =>
        _fields.Where(f => f.Number == number && f.Value is byte[]).Select(f => Parse((byte[])f.Value));

    public ProtoFields? Message(int number) => Messages(number).FirstOrDefault();

    public byte[] Bytes(int number) => _fields.Where(f => f.Number == number).Select(f => f.Value).OfType<byte[]>().FirstOrDefault() ?? [];

    public string Text(int number) => System.Text.Encoding.UTF8.GetString(Bytes(number));

    public ulong Number(int number) => _fields.Where(f => f.Number == number).Select(f => f.Value).OfType<ulong>().FirstOrDefault();

    public bool Has(int number) => _fields.Any(f => f.Number == number);
}
