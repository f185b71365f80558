using Signet.Cli;

namespace Signet.Commands.Store;

/// <summary><c>signet key export</c>: the one way a private key leaves the store, said plainly on stderr each time.</summary>
public static class KeyExport
{
    public static async Task<int> RunAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = await context.KeyAsync(cancellationToken).ConfigureAwait(false);
        string pem = StoreCommandContext.Ok(await context.Store.ExportPrivateKeyPemAsync(StoreCommandContext.Actor, key.Id, cancellationToken)
            .ConfigureAwait(false));
        if (context.Options.Get("out") is { } path)
        {
            KeyFiles.WriteSecret(path, pem, context.Options.Has("force"));
            context.Note($"{context.CommandLine}: wrote the private key of {key.RecordName} to {path} (mode 0600). It is a secret: anyone who has it can sign as {key.Domain}. The export is in the audit log.");
            return ExitCodes.Success;
        }

        context.Note($"{context.CommandLine}: writing the private key of {key.RecordName} to standard output as PKCS#8 PEM. It is a secret: anyone who has it can sign as {key.Domain}; do not leave it in a terminal log or a shared file. The export is in the audit log.");
        context.Console.WriteLine(pem.TrimEnd('\n'));
        return ExitCodes.Success;
    }
}
