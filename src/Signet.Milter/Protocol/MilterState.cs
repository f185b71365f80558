namespace Signet.Milter.Protocol;

/// <summary>Where a milter session stands, as far as the protocol is concerned.</summary>
public enum MilterState
{
    /// <summary>Waiting for SMFIC_OPTNEG, the first packet of every connection.</summary>
    Negotiation,

    /// <summary>Options agreed; waiting for an SMTP connection (SMFIC_CONNECT).</summary>
    Connection,

    /// <summary>An SMTP client is connected; no message has started.</summary>
    Connected,

    /// <summary>MAIL FROM seen: recipients and DATA may follow, then the header.</summary>
    Envelope,

    /// <summary>Header fields are arriving.</summary>
    Headers,

    /// <summary>End of headers seen: body chunks, then end of message.</summary>
    Body,

    /// <summary>Quit, or a protocol error: nothing more is read.</summary>
    Closed,
}
