using System.Text;
using Signet.Milter.Protocol;
using Signet.Testing;

namespace Signet.Milter.Tests.Support;

/// <summary>What the filter answered at end of message, and the message as the MTA would deliver it.</summary>
internal sealed record MilterRunResult(IReadOnlyList<MilterHeaderChange> Changes, MilterReply Reply, bool LeadingSpace)
{
    public IReadOnlyList<MilterHeaderChange> Inserted(string name) =>
        Changes.Where(c => c.Code == MilterReplyCode.InsertHeader && c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();

    public IReadOnlyList<MilterHeaderChange> Deleted(string name) =>
        Changes.Where(c => c.IsDeletion && c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The single Authentication-Results value inserted, as text with CRLF folding.</summary>
    public string AuthenticationResults => Wire(Inserted("Authentication-Results").Single().Value);

    /// <summary>Applies the edits as an MTA does: deletions by index among fields of that name, inserts at the top.</summary>
    public byte[] Apply(string message)
    {
        var (header, body) = TestMessages.Split(message);
        var fields = header.Fields.Select(f => (f.Name, Raw: f.Raw)).ToList();
        var removed = new HashSet<int>();
        var top = new List<byte[]>();
        foreach (var change in Changes)
        {
            if (change.IsDeletion)
            {
                var positions = fields.Select((f, i) => (f, i)).Where(x => x.f.Name.Equals(change.Name, StringComparison.OrdinalIgnoreCase)).ToList();
                removed.Add(positions[(int)change.Index - 1].i);
            }
            else if (change.Code == MilterReplyCode.InsertHeader && change.Index == 0)
            {
                top.Insert(0, Encoding.UTF8.GetBytes(change.Name + ":" + (LeadingSpace ? string.Empty : " ") + Wire(change.Value) + "\r\n"));
            }
            else
            {
                throw new NotSupportedException($"the test MTA does not apply {change}");
            }
        }

        var kept = fields.Where((_, i) => !removed.Contains(i)).Select(f => f.Raw);
        return [.. top.SelectMany(b => b), .. kept.SelectMany(b => b), .. "\r\n"u8.ToArray(), .. body];
    }

    private static string Wire(string value) => value.Replace("\n", "\r\n", StringComparison.Ordinal);
}
