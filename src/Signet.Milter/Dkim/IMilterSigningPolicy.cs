namespace Signet.Milter.Dkim;

/// <summary>Decides which keys sign an outgoing message. A store-backed implementation answers from the signing
/// snapshot; one that cannot answer (store down) returns <see cref="MilterSigningDecision.Unavailable"/> or throws,
/// and the milter applies its signing failure action.</summary>
public interface IMilterSigningPolicy
{
    ValueTask<MilterSigningDecision> DecideAsync(MilterSigningContext context, CancellationToken cancellationToken);
}
