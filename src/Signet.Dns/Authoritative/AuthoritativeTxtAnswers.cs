namespace Signet.Dns.Authoritative;

/// <summary>Every authoritative server's answer for one name, or why the servers could not be found.</summary>
public sealed record AuthoritativeTxtAnswers
{
    /// <summary>The name asked for.</summary>
    public required string Name { get; init; }

    /// <summary>The name the servers were asked for: <see cref="Name"/>, or the end of its CNAME chain.</summary>
    public required string QueriedName { get; init; }

    /// <summary>The zone whose NS records named the servers; empty when it could not be found.</summary>
    public string Zone { get; init; } = string.Empty;

    /// <summary>One answer per server address, in the order of the NS records.</summary>
    public IReadOnlyList<AuthoritativeServerAnswer> Answers { get; init; } = [];

    /// <summary>Why no server could be asked (the NS lookup failed, no server had an address); empty otherwise.</summary>
    public string Failure { get; init; } = string.Empty;

    /// <summary>"ns1.example.com (192.0.2.1), ns2.example.com (198.51.100.1)".</summary>
    public string ServersAsked => string.Join(", ", Answers.Select(a => a.Server));
}
