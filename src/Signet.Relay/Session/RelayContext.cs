using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Signet.Mail.Processing;

namespace Signet.Relay.Session;

/// <summary>What every session of one relay shares: settings, the DKIM step, the next hop, the certificate.</summary>
internal sealed record RelayContext(
    RelayOptions Options,
    RelayHostPort NextHop,
    IReadOnlyList<IPNetwork> InternalNetworks,
    DkimMessageProcessor Processor,
    IRelayUserAuthenticator? Authenticator,
    X509Certificate2? Certificate,
    ILogger Logger)
{
    public bool IsInternal(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return InternalNetworks.Any(network => network.Contains(address));
    }
}
