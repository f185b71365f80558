namespace Signet.Dkim.Diagnostics;

/// <summary>How much a finding about a published key record matters.</summary>
public enum DkimFindingSeverity
{
    /// <summary>Receivers cannot verify mail signed with this record, or will treat it as unsigned.</summary>
    Error,

    /// <summary>Mail verifies, but something should be fixed.</summary>
    Warning,

    /// <summary>A fact worth knowing.</summary>
    Info,
}
