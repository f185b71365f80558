using System.Net;
using System.Text;
using Signet.Milter.Protocol;
using Signet.Testing;

namespace Signet.Milter.Tests.Support;

/// <summary>Drives one whole message through a filter, as Postfix does: macros, connect, envelope, header fields,
/// body chunks, end of message.</summary>
internal static class TestMta
{
    public static async Task<MilterRunResult> SendMessageAsync(this TestMilterClient client, string message, TestEnvelope envelope, int chunkSize = 65535, bool connect = true)
    {
        if (client.Agreed.Version == 0)
        {
            await client.NegotiateAsync();
        }

        if (connect)
        {
            await client.ConnectClientAsync(envelope);
        }

        await client.BeginMessageAsync(envelope);
        return await client.SendContentAsync(message, envelope, chunkSize);
    }

    public static async Task ConnectClientAsync(this TestMilterClient client, TestEnvelope envelope)
    {
        if (envelope.UnixSocketClient)
        {
            // An SMTP client that reached the MTA over a Unix socket: SMFIA_UNIX with the socket path, no address.
            await client.SendAsync(Macros(MilterCommandCode.Connect, ("{daemon_name}", "smtpd")));
            await Expect(client.StepAsync(new MilterConnect("localhost", MilterAddressFamily.Unix, 0, "/run/mta/smtpd.sock"), MilterProtocolSteps.NoReplyConnect));
        }
        else
        {
            var address = IPAddress.Parse(envelope.ClientAddress);
            await client.SendAsync(Macros(MilterCommandCode.Connect, ("{daemon_name}", "smtpd"), ("{client_addr}", envelope.ClientAddress)));
            await Expect(client.StepAsync(new MilterConnect("client.example", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? MilterAddressFamily.Inet6 : MilterAddressFamily.Inet, 25000, envelope.ClientAddress), MilterProtocolSteps.NoReplyConnect));
        }
        if (!client.Agreed.Steps.HasFlag(MilterProtocolSteps.NoHelo))
        {
            await Expect(client.StepAsync(new MilterHelo("client.example"), MilterProtocolSteps.NoReplyHelo));
        }
    }

    public static async Task BeginMessageAsync(this TestMilterClient client, TestEnvelope envelope)
    {
        var steps = client.Agreed.Steps;
        var mailMacros = new List<(string, string)> { ("i", envelope.QueueId) };
        if (envelope.AuthenticatedUser is { } user)
        {
            mailMacros.Add(("{auth_authen}", user));
        }

        await client.SendAsync(Macros(MilterCommandCode.Mail, [.. mailMacros]));
        await Expect(client.StepAsync(new MilterEnvelope(MilterCommandCode.Mail, [envelope.Sender]), MilterProtocolSteps.NoReplyMail));
        if (!steps.HasFlag(MilterProtocolSteps.NoRecipient))
        {
            await Expect(client.StepAsync(new MilterEnvelope(MilterCommandCode.Recipient, [envelope.Recipient]), MilterProtocolSteps.NoReplyRecipient));
        }

        if (!steps.HasFlag(MilterProtocolSteps.NoData))
        {
            await Expect(client.StepAsync(new MilterSignal(MilterCommandCode.Data), MilterProtocolSteps.NoReplyData));
        }
    }

    /// <summary>Header fields, end of headers, body chunks and end of message.</summary>
    public static async Task<MilterRunResult> SendContentAsync(this TestMilterClient client, string message, TestEnvelope envelope, int chunkSize = 65535)
    {
        await client.SendHeaderAsync(message, envelope);
        return await client.SendBodyAsync(message, envelope, chunkSize);
    }

    public static async Task SendHeaderAsync(this TestMilterClient client, string message, TestEnvelope envelope)
    {
        var (header, _) = TestMessages.Split(message);
        await client.SendAsync(Macros(MilterCommandCode.EndOfHeaders, ("i", envelope.QueueId)));
        foreach (var field in header.Fields)
        {
            string value = Encoding.UTF8.GetString(field.Value).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (!client.LeadingSpace && value.StartsWith(' '))
            {
                value = value[1..];
            }

            await Expect(client.StepAsync(MilterHeader.Create(field.Name, value), MilterProtocolSteps.NoReplyHeader));
        }

        await Expect(client.StepAsync(new MilterSignal(MilterCommandCode.EndOfHeaders), MilterProtocolSteps.NoReplyEndOfHeaders));
    }

    public static async Task<MilterRunResult> SendBodyAsync(this TestMilterClient client, string message, TestEnvelope envelope, int chunkSize = 65535)
    {
        var (_, body) = TestMessages.Split(message);
        for (int offset = 0; offset < body.Length; offset += chunkSize)
        {
            var chunk = body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset));
            await Expect(client.StepAsync(new MilterBodyChunk(new(chunk)), MilterProtocolSteps.NoReplyBody));
        }

        await client.SendAsync(Macros(MilterCommandCode.EndOfMessage, ("i", envelope.QueueId)));
        await client.SendAsync(new MilterEndOfMessage(default));
        var changes = new List<MilterHeaderChange>();
        while (true)
        {
            switch (await client.ReadAsync())
            {
                case MilterHeaderChange change:
                    changes.Add(change);
                    break;
                case MilterReply reply:
                    return new MilterRunResult(changes, reply, client.LeadingSpace);
                case var other:
                    throw new InvalidOperationException($"unexpected packet at end of message: {other?.ToString() ?? "connection closed"}");
            }
        }
    }

    public static MilterMacros Macros(MilterCommandCode forCommand, params (string Name, string Value)[] values) =>
        new(forCommand, values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).ToList());

    private static async Task Expect(Task<MilterReply?> step)
    {
        var reply = await step;
        if (reply is not null && reply.Code != MilterReplyCode.Continue)
        {
            throw new InvalidOperationException($"the filter answered {reply} before end of message");
        }
    }
}
