namespace Signet.Dkim.Verification;

/// <summary>How a verified signature with an l= shorter than the body is judged.</summary>
public enum DkimBodyLengthPolicy
{
    /// <summary>Result <c>policy</c>, with the reason saying how much of the body was not signed.</summary>
    ReportAsPolicy,

    /// <summary>Result <c>pass</c>; the reason still says how much was not signed.</summary>
    Accept,
}
