using Signet.Dkim.Verification;

namespace Signet.Dkim.Results;

/// <summary>One signature's verdict together with its alignment to the From domain, as reports show it:
/// <see cref="AlignmentNote"/> is the short phrase for Authentication-Results comments, <see cref="AlignmentDetail"/>
/// the full explanation (which organizational domains were compared, and how they were found).</summary>
public sealed record DkimReportedSignature(DkimSignatureResult Result, bool? Aligned, string? AlignmentNote, string? AlignmentDetail = null);
