namespace Signet.Relay.Smtp;

/// <summary>Where an SMTP session stands (RFC 5321 §4.1.4 ordering).</summary>
internal enum SmtpSessionState
{
    /// <summary>Greeted; no EHLO or HELO yet.</summary>
    Connected,

    /// <summary>After EHLO/HELO, no transaction open.</summary>
    Ready,

    /// <summary>MAIL accepted; no recipient yet.</summary>
    Sender,

    /// <summary>At least one recipient accepted: DATA may follow.</summary>
    Recipients,
}
