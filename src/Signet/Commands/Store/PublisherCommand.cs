using System.CommandLine;
using System.Text;
using Signet.Admin.Api.Rotation;
using Signet.Cli;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary><c>signet publisher add|list|remove</c>: the DNS servers Signet writes key records to (RFC 2136 with TSIG).</summary>
public sealed class PublisherCommand : StoreCommand
{
    // A base64 hmac-sha256 secret is 44 characters; a file much larger is not a secret.
    private const int MaximumSecretBytes = 1024;

    public override string Name => "publisher";

    public override string Summary => "add, list or remove the DNS servers Signet publishes key records on (RFC 2136 with TSIG)";

    protected override string Description => """
        The zones' primary servers that accept DNS UPDATE (RFC 2136) signed with a TSIG key (hmac-sha256), so
        Signet publishes records itself. The secret is the base64 of the server's key, read from --secret-file or
        standard input (never from the command line, where other users see it), and is stored encrypted with the
        master key. A domain then chooses its publisher with signet rotation set. Knot: keymgr -t signet-update
        hmac-sha256 prints the key; BIND: tsig-keygen -a hmac-sha256 signet-update. See docs/rotation.md.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet publisher add --name knot --primary 192.0.2.53 --zone example.com --key-name signet-update --secret-file tsig.secret",
        "signet rotation set --domain example.com --publisher knot --every 90d",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["add"] = new("a zone's primary server that accepts DNS UPDATE signed with the TSIG key", [
            NameOption(),
            CliOptions.Value("primary", "ADDRESS[:PORT]", "the zone's primary server", required: true),
            CliOptions.Value("zone", "ZONE", "the zone it updates", required: true),
            CliOptions.Value("key-name", "K", "the TSIG key's name (hmac-sha256)", required: true),
            CliOptions.Value("secret-file", "FILE", "read the TSIG secret (base64) from FILE instead of standard input")], AddAsync),
        ["list"] = new("the publishers, one a line: name, zone, primary, key name", [], ListAsync, Lists: true),
        ["remove"] = new("remove a publisher no domain uses any more", [NameOption()], RemoveAsync),
    };

    private static Option<string> NameOption() => CliOptions.Value("name", "NAME", "the publisher's name", required: true);

    private static async Task<int> AddAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var request = new PublisherRequest(context.Options.Require("name"), context.Options.Require("primary"), context.Options.Require("zone"),
            context.Options.Require("key-name"), await ReadSecretAsync(context, cancellationToken).ConfigureAwait(false));
        var added = StoreCommandContext.Ok(await context.Store.AddPublisherAsync(StoreCommandContext.Actor, request, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"added publisher {added.Name}: zone {added.Zone} at {added.Primary} with TSIG key {added.KeyName}; choose it with: signet rotation set --domain DOMAIN --publisher {added.Name}");
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var publishers = StoreCommandContext.Ok(await context.Store.ListPublishersAsync(StoreCommandContext.Actor, cancellationToken).ConfigureAwait(false));
        if (context.Json)
        {
            return context.WriteJson(publishers.Select(PublisherView.From).ToList());
        }

        foreach (var publisher in publishers)
        {
            context.Console.WriteLine($"{publisher.Name}\tzone {publisher.Zone}\tprimary {publisher.Primary}\tkey {publisher.KeyName}");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> RemoveAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        string name = context.Options.Require("name");
        StoreCommandContext.Ok(await context.Store.RemovePublisherAsync(StoreCommandContext.Actor, name, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"removed publisher {name} and its TSIG secret");
        return ExitCodes.Success;
    }

    private static async Task<string> ReadSecretAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        string source = context.Options.Get("secret-file") ?? "standard input";
        byte[] buffer = new byte[MaximumSecretBytes + 1];
        int length = 0;
        var input = Streams.OpenInput(context.Options.Get("secret-file"), context.Console);
        await using (input.ConfigureAwait(false))
        {
            int read;
            while (length < buffer.Length && (read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }

        if (length > MaximumSecretBytes)
        {
            throw new CliUsageException($"{source}: more than {MaximumSecretBytes} bytes: that is not a TSIG secret");
        }

        string text = Encoding.UTF8.GetString(buffer, 0, length).Trim();
        Array.Clear(buffer);
        return text.Length > 0
            ? text
            : throw new CliUsageException($"no TSIG secret in {source}: give its base64 with --secret-file FILE or on standard input");
    }
}
