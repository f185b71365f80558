namespace Signet.Mail.Policy;

/// <summary>Decides which keys sign an outgoing message. A store-backed implementation answers from the signing
/// snapshot; one that cannot answer (store down) returns <see cref="MailSigningDecision.Unavailable"/> or throws,
/// and the front end applies the signing failure action (<see cref="MailOptions.SigningFailureAction"/>).</summary>
public interface IMailSigningPolicy
{
    ValueTask<MailSigningDecision> DecideAsync(MailSigningContext context, CancellationToken cancellationToken);
}
