using System.Net;

namespace Signet.Relay.Tests.Support;

/// <summary>Verifies every DKIM-Signature of a message with dkimpy, keys looked up only at the given DNS server.</summary>
internal static class Dkimpy
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, dkim, dns.resolver
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [sys.argv[2]]
        resolver.port = int(sys.argv[3])
        def lookup(name, timeout=5):
            name = name.decode() if isinstance(name, bytes) else name
            answer = resolver.resolve(name, 'TXT')
            return b''.join(b''.join(r.strings) for r in answer)
        message = open(sys.argv[1], 'rb').read()
        checker = dkim.DKIM(message)
        count = sum(1 for line in message.split(b'\r\n\r\n')[0].split(b'\r\n') if line.lower().startswith(b'dkim-signature:'))
        print(' '.join(str(checker.verify(idx=i, dnsfunc=lookup)) for i in range(count)))
        """;

    /// <summary>One true/false per signature, top first.</summary>
    public static async Task<IReadOnlyList<bool>> VerifyAsync(byte[] message, IPEndPoint dns)
    {
        ExternalProgram.Require(Python, "python3-dkim python3-nacl");
        string file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, message);
            var (exitCode, output) = await ExternalProgram.RunAsync(Python,
                ["-c", Script, file, dns.Address.ToString(), dns.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, "dkimpy failed (apt-get install python3-dkim python3-nacl): " + output);
            return output.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word == "True").ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
