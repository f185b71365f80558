using System.Net;
using Signet.Milter.Protocol;
using Signet.Milter.Server;

namespace Signet.Milter.Dkim;

/// <summary>Tells our mail (to sign) from others' (to verify): SMTP-authenticated clients and clients in the internal
/// networks send ours. Unix-socket clients are local programs, so internal too.</summary>
internal sealed class MilterClientClassifier(IReadOnlyList<IPNetwork> internalNetworks)
{
    public bool IsOutbound(MilterSessionContext context, out string reason)
    {
        if (context.Macros["auth_authen"] is { Length: > 0 } user)
        {
            reason = "authenticated as " + user;
            return true;
        }

        if (context.Client is { Family: MilterAddressFamily.Unix })
        {
            reason = "local client over a Unix socket";
            return true;
        }

        var address = context.ClientAddress;
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
