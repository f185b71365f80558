namespace Signet.Interop.Tests.Matrix;

/// <summary>Every outcome of one peer's run, both directions.</summary>
public sealed record PeerResults(string Id, string Name, bool SupportsEd25519, IReadOnlyList<InteropOutcome> Outcomes)
{
    public IEnumerable<InteropOutcome> In(InteropDirection direction, string canonicalization) =>
        Outcomes.Where(o => o.Case.Direction == direction && o.Case.Canonicalization == canonicalization);
}
