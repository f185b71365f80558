namespace Signet.Interop.Tests.Matrix;

/// <summary>What happened to one combination: did the verifier pass the signed message (it must), and did it reject
/// a copy whose body was changed after signing (it must), each with the verifier's own words.</summary>
public sealed record InteropOutcome(InteropCase Case, bool Passed, string Detail, bool TamperedRejected, string TamperedDetail)
{
    public string DescribeFailure() => $"{Case}: verifier said \"{Detail}\"";

    public string DescribeTamperedPass() => $"{Case}, body changed after signing: verifier still passed it: \"{TamperedDetail}\"";
}
