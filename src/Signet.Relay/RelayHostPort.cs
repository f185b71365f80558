using System.Globalization;

namespace Signet.Relay;

/// <summary>"host:port" as the relay options write it; IPv6 addresses go in brackets ("[::1]:10025").</summary>
public sealed record RelayHostPort(string Host, int Port)
{
    public static bool TryParse(string? text, out RelayHostPort hostPort, out string error)
    {
        hostPort = null!;
        int colon = text?.LastIndexOf(':') ?? -1;
        if (string.IsNullOrWhiteSpace(text) || colon <= 0)
        {
            error = $"\"{text}\" is not HOST:PORT";
            return false;
        }

        string host = text[..colon].Trim('[', ']');
        if (!ushort.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out ushort port))
        {
            error = $"\"{text[(colon + 1)..]}\" is not a port number";
            return false;
        }

        if (host.Length == 0 || host.Contains(':', StringComparison.Ordinal) && !System.Net.IPAddress.TryParse(host, out _))
        {
            error = $"\"{host}\" is not a host name or an IP address";
            return false;
        }

        hostPort = new RelayHostPort(host, port);
        error = string.Empty;
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
