namespace Signet.Dkim.Diagnostics;

/// <summary>One thing found about a published key record, in words a mail administrator understands.</summary>
public sealed record DkimRecordFinding(DkimFindingSeverity Severity, DkimRecordFindingKind Kind, string Message)
{
    public override string ToString() => $"{Severity}: {Message}";
}
