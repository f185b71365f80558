using Signet.Dkim.Alignment;

namespace Signet.Dkim.Results;

/// <summary>A message's DKIM verdict as people and reports see it: the From domain and, per signature, its
/// result and whether it is aligned with that domain.</summary>
public sealed record DkimMessageReport(FromDomainResult From, IReadOnlyList<DkimReportedSignature> Signatures);
