namespace Signet.Milter.Tests.Support;

/// <summary>The SMTP side of a test message: who connects, whether they authenticated, the queue id.</summary>
internal sealed record TestEnvelope(
    string ClientAddress = "192.0.2.10",
    string? AuthenticatedUser = null,
    string QueueId = "4ABCDEF123",
    string Sender = "<joe@football.example.com>",
    string Recipient = "<suzie@shopping.example.net>",
    bool UnixSocketClient = false)
{
    public static TestEnvelope Inbound { get; } = new();

    public static TestEnvelope Authenticated { get; } = new(AuthenticatedUser: "joe");
}
