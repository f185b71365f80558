using System.Text;

namespace Signet.Interop.Tests.Peers;

/// <summary>What the milter did with one message: its reply to end-of-message, and the header fields it added
/// (each a complete field with CRLF line ends), or why the transaction could not be completed.</summary>
internal sealed record OpenDkimTransaction(char Reply, IReadOnlyList<byte[]> AddedFields, string? Error)
{
    /// <summary>The added fields with this name, as text.</summary>
    public IEnumerable<string> Fields(string name) =>
        AddedFields.Select(f => Encoding.Latin1.GetString(f))
            .Where(f => f.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>The milter reply in words (libmilter's SMFIR_* codes).</summary>
    public string ReplyName => Reply switch
    {
        'a' => "accept",
        'c' => "continue",
        'd' => "discard",
        'r' => "reject",
        't' => "tempfail",
        'y' => "reply code",
        _ => $"reply '{Reply}'",
    };
}
