using System.Text;
using Signet.Dkim.Lookup;

namespace Signet.Dns.Tests;

/// <summary>Shows records in assertions: each string in brackets, bytes outside printable ASCII as \DDD, records
/// separated by " / ".</summary>
internal static class TxtRecordFormat
{
    public static string Show(IEnumerable<TxtRecord> records) => string.Join(" / ", records.Select(Show));

    public static string Show(TxtRecord record) => string.Join(" ", record.Strings.Select(Show));

    private static string Show(byte[] bytes)
    {
        var text = new StringBuilder("[");
        foreach (byte value in bytes)
        {
            text.Append(value is >= 32 and <= 126 ? ((char)value).ToString() : $"\\{value:000}");
        }

        return text.Append(']').ToString();
    }
}
