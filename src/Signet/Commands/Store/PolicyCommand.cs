using System.CommandLine;
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

    protected override string Description => """
        Reads the message (standard input without --in), finds its From domain and applies the signing policy
        to the domains and active keys in the store now: which rule decided, which keys sign, the d= and whether
        it is aligned with the From domain. Only the header section is read, and no private key is opened.
        """;

    protected override IReadOnlyList<string> Examples { get; } =
    [
        "signet policy explain --in message.eml",
        "signet policy explain --in message.eml --as dana",
    ];

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["explain"] = new("which rule decides for the message, which keys sign it, its d= and whether it is aligned", [
            CliOptions.Value("in", "MESSAGE", "read the message from this file instead of standard input"),
            CliOptions.Value("as", "USER", "also say whether USER, authenticated to the relay (or through the MTA's SMTP AUTH), may have this message signed: a domain admin only for their own domains (and subdomains signed with their keys), a server admin for any. A refused message is answered 550 5.7.1.")], ExplainAsync),
    };

    private static async Task<int> ExplainAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        context.RequireLocal("reads the signing policy from the store (through the API: POST /api/policy/explain)");
        var input = Streams.OpenInput(context.Options.Get("in"), context.Console);
        MessageInput message;
        await using (input.ConfigureAwait(false))
        {
            message = await MessageInput.ReadAsync(input, skipMboxSeparator: true, cancellationToken).ConfigureAwait(false);
        }

        var from = FromHeaderParser.Parse(message.Header.Named("From").Select(f => f.ValueMemory).ToList());
        var snapshot = await context.Store.GetPolicySnapshotAsync(cancellationToken).ConfigureAwait(false);
        context.Console.WriteLine($"From domain: {(from.Domains.Count == 0 ? "none" : string.Join(", ", from.Domains))}");
        if (context.Options.Get("as") is { } user)
        {
            var submission = SubmissionPolicy.Decide(snapshot, user, from);
            context.Console.WriteLine($"as {user}: {(submission.Allowed ? "may send it" : "refused")} ({submission.Rule}): {submission.Reason}");
            if (!submission.Allowed)
            {
                context.Console.WriteLine("not signed: the relay and the milter answer 550 5.7.1 (or pass it on unsigned, as configured)");
                return ExitCodes.Success;
            }
        }

        var decision = SigningPolicy.Decide(snapshot, from);
        context.Console.WriteLine($"rule: {decision.Rule}");
        context.Console.WriteLine(decision.Signs
            ? $"signs as d={decision.SigningDomain} ({(decision.Aligned ? "aligned with From" : "NOT aligned with From")}) with:"
            : "not signed");
        foreach (var key in decision.Keys)
        {
            context.Console.WriteLine($"  {key.Selector}._domainkey.{key.Domain} ({key.Algorithm.ToTagValue()}, id {key.Id})");
        }

        context.Console.WriteLine($"why: {decision.Explanation}");
        return ExitCodes.Success;
    }
}
