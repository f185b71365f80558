using Signet.Cli;
using Signet.Dkim;
using Signet.Dkim.Alignment;
using Signet.Store.Policy;

namespace Signet.Commands.Store;

/// <summary><c>signet policy explain</c>: which keys would sign a message now, and why.</summary>
public sealed class PolicyCommand : StoreCommand
{
    public override string Name => "policy";

    public override string Summary => "explain which stored keys would sign a message, and why";

    public override string Help => """
        Usage: signet policy explain [--in MESSAGE] [--data DIR] [--store CONNECTION-STRING]

        Reads the message (standard input without --in), finds its From domain and applies the signing policy
        to the domains and active keys in the store now: which rule decided, which keys sign, the d= and whether
        it is aligned with the From domain. Only the header section is read.

        Example:
          signet policy explain --in message.eml
        """;

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["explain"] = new(["in"], [], ExplainAsync),
    };

    private static async Task<int> ExplainAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var input = Streams.OpenInput(context.Options.Get("in"), context.Console);
        MessageInput message;
        await using (input.ConfigureAwait(false))
        {
            message = await MessageInput.ReadAsync(input, skipMboxSeparator: true, cancellationToken).ConfigureAwait(false);
        }

        var from = FromHeaderParser.Parse(message.Header.Named("From").Select(f => f.ValueMemory).ToList());
        var decision = SigningPolicy.Decide(await context.Store.GetSigningSnapshotAsync(cancellationToken).ConfigureAwait(false), from);
        context.Console.WriteLine($"From domain: {(from.Domains.Count == 0 ? "none" : string.Join(", ", from.Domains))}");
        context.Console.WriteLine($"rule: {decision.Rule}");
        context.Console.WriteLine(decision.Signs
            ? $"signs as d={decision.SigningDomain} ({(decision.Aligned ? "aligned with From" : "NOT aligned with From")}) with:"
            : "not signed");
        foreach (var key in decision.Keys)
        {
            context.Console.WriteLine($"  {key.Selector}._domainkey.{key.Domain} ({key.PrivateKey.Algorithm.ToTagValue()}, id {key.Id})");
        }

        context.Console.WriteLine($"why: {decision.Explanation}");
        return ExitCodes.Success;
    }
}
