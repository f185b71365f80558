using Signet.Dkim.Verification;

namespace Signet.Dkim.Results;

/// <summary>One signature's verdict together with its alignment to the From domain, as reports show it.</summary>
public sealed record DkimReportedSignature(DkimSignatureResult Result, bool? Aligned, string? AlignmentNote);
