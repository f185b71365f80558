namespace Signet.Dkim.Alignment;

/// <summary>The Author Domains found in a message's From header fields. <see cref="Domains"/> holds each distinct
/// domain once, as lower-case A-labels without a trailing dot; <see cref="Addresses"/> holds every mailbox as
/// <c>local-part@domain</c> with that same domain form. <see cref="Message"/> is a sentence for logs and
/// Authentication-Results comments.</summary>
public sealed record FromDomainResult(
    FromDomainStatus Status,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Addresses,
    string Message)
{
    /// <summary>The single Author Domain when <see cref="Status"/> is <see cref="FromDomainStatus.One"/>, else null.</summary>
    public string? AuthorDomain => Status == FromDomainStatus.One ? Domains[0] : null;
}
