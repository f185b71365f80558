namespace Signet.Mail.Policy;

/// <summary>Decides which keys sign an outgoing message. A store-backed implementation answers from the signing
/// snapshot; one that cannot answer (store down) returns <see cref="MailSigningDecision.Unavailable"/> or throws,
/// and the milter applies its signing failure action.</summary>
public interface IMailSigningPolicy
{
    ValueTask<MailSigningDecision> DecideAsync(MailSigningContext context, CancellationToken cancellationToken);
}
