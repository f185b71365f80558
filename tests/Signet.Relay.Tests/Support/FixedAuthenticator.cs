namespace Signet.Relay.Tests.Support;

/// <summary>One user with one password.</summary>
internal sealed class FixedAuthenticator(string user, string password) : IRelayUserAuthenticator
{
    public ValueTask<RelayAuthenticationResult> AuthenticateAsync(string userName, string password1, System.Net.IPAddress client, CancellationToken cancellationToken) =>
        ValueTask.FromResult(userName == user && password1 == password ? RelayAuthenticationResult.Succeeded : RelayAuthenticationResult.Failed);
}
