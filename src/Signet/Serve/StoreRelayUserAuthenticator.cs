using Signet.Relay;
using Signet.Store;

namespace Signet.Serve;

/// <summary>SMTP AUTH for the relay against the store's users: the same names and passwords as the console. A store
/// that cannot answer gives a temporary failure (454), never "wrong password".</summary>
internal sealed class StoreRelayUserAuthenticator(ISignetStore store) : IRelayUserAuthenticator
{
    public async ValueTask<RelayAuthenticationResult> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var result = await store.AuthenticatePasswordAsync(userName, password, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return RelayAuthenticationResult.Unavailable;
        }

        return result.Value is null ? RelayAuthenticationResult.Failed : RelayAuthenticationResult.Succeeded;
    }
}
