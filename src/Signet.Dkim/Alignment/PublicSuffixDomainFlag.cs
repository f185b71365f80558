namespace Signet.Dkim.Alignment;

/// <summary>The value of a DMARC Policy Record's "psd" tag (RFC 9989 §4.7).</summary>
internal enum PublicSuffixDomainFlag
{
    /// <summary>"psd=u", the default: not a PSD, and maybe, maybe not, an Organizational Domain.</summary>
    Unknown,

    /// <summary>"psd=y": the domain is a Public Suffix Domain.</summary>
    Yes,

    /// <summary>"psd=n": the domain is the Organizational Domain of itself and its subdomains.</summary>
    No,
}
