using System.Net;

namespace Signet.Milter.Dkim;

/// <summary>Tells our mail (to sign) from others' (to verify): SMTP-authenticated clients and clients in the internal
/// networks send ours, and so do local programs (a Unix-socket client). The milter and the relay both ask here.</summary>
internal sealed class DkimDirectionClassifier(IReadOnlyList<IPNetwork> internalNetworks)
{
    public bool IsOutbound(DkimMessageOrigin origin, out string reason)
    {
        if (origin.AuthenticatedUser is { Length: > 0 } user)
        {
            reason = "authenticated as " + user;
            return true;
        }

        if (origin.IsLocalProgram)
        {
            reason = "local client over a Unix socket";
            return true;
        }

        var address = origin.ClientAddress;
        if (address is null)
        {
            reason = "client address unknown";
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in internalNetworks)
        {
            if (network.Contains(address))
            {
                reason = $"client {address} is in internal network {network}";
                return true;
            }
        }

        reason = $"client {address} is external and not authenticated";
        return false;
    }
}
