using System.Net;
using Signet.Milter.Protocol;

namespace Signet.Milter.Server;

/// <summary>What one milter connection knows: the agreed options, the SMTP client, and the macros in force.</summary>
public sealed class MilterSessionContext
{
    internal MilterSessionContext(long sessionId) => SessionId = sessionId;

    /// <summary>A number that tells this connection apart in logs.</summary>
    public long SessionId { get; }

    /// <summary>The options agreed with the MTA (null before negotiation).</summary>
    public MilterNegotiation? Negotiated { get; internal set; }

    /// <summary>The SMTP client, from SMFIC_CONNECT (null until then).</summary>
    public MilterConnect? Client { get; internal set; }

    public MilterMacroTable Macros { get; } = new();

    /// <summary>The queue id (macro <c>i</c>), once the MTA has sent it.</summary>
    public string? QueueId => Macros["i"];

    /// <summary>Whether header values carry their leading whitespace (SMFIP_HDR_LEADSPC agreed).</summary>
    public bool HeaderLeadingSpace => Negotiated is { } n && (n.Steps & MilterProtocolSteps.HeaderLeadingSpace) != 0;

    /// <summary>The client's IP address, from the connect packet or else the <c>{client_addr}</c> macro; null for
    /// unknown and Unix-socket clients.</summary>
    public IPAddress? ClientAddress
    {
        get
        {
            string? text = Client is { Family: MilterAddressFamily.Inet or MilterAddressFamily.Inet6 } client
                ? client.Address
                : Macros["client_addr"];
            return ParseAddress(text);
        }
    }

    /// <summary>Parses an address as MTAs write them: plain, bracketed, or with Sendmail's "IPv6:" prefix.</summary>
    public static IPAddress? ParseAddress(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        text = text.Trim('[', ']');
        if (text.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[5..];
        }

        return IPAddress.TryParse(text, out var address) ? address : null;
    }
}
