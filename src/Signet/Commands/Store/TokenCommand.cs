using Signet.Cli;

namespace Signet.Commands.Store;

/// <summary><c>signet token create</c>: an API token for a user, shown once.</summary>
public sealed class TokenCommand : StoreCommand
{
    public override string Name => "token";

    public override string Summary => "create an API token for a user (shown once)";

    public override string Help => """
        Usage: signet token create --user NAME [--description TEXT] [--data DIR] [--store CONNECTION-STRING]

        Prints a new API token (sgt_…) for NAME on standard output. It acts with that user's role and domains.
        Signet keeps only its hash: store it now, it cannot be shown again. Send it to the API as
        "Authorization: Bearer sgt_…".

        Example:
          signet token create --user dana --description "DNS automation" > dana.token
        """;

    protected override IReadOnlyDictionary<string, StoreVerb> Verbs { get; } = new Dictionary<string, StoreVerb>
    {
        ["create"] = new(["user", "description"], [], CreateAsync),
    };

    private static async Task<int> CreateAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        var user = await UserCommand.FindAsync(context, context.Options.Require("user"), cancellationToken).ConfigureAwait(false);
        string token = StoreCommandContext.Ok(await context.Store.CreateTokenAsync(
            StoreCommandContext.Actor, user.Id, context.Options.Get("description") ?? string.Empty, cancellationToken).ConfigureAwait(false));
        context.Note($"{context.CommandLine}: a token for {user.Name}; this is the only time it is shown, and it is a secret");
        context.Console.WriteLine(token);
        return ExitCodes.Success;
    }
}
