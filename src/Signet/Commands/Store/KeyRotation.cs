using Signet.Admin.Api.Keys;
using Signet.Cli;
using Signet.Dkim.DnsText;
using Signet.Store.Model;

namespace Signet.Commands.Store;

/// <summary><c>signet key rotate</c> and <c>signet key rotations</c>.</summary>
public static class KeyRotation
{
    public static async Task<int> StartAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var old = await context.KeyAsync(cancellationToken).ConfigureAwait(false);
        string newSelector = context.Options.Require("new-selector");
        var rotation = StoreCommandContext.Ok(await context.Store.StartRotationAsync(StoreCommandContext.Actor, old.Id, newSelector, cancellationToken)
            .ConfigureAwait(false));
        var next = StoreCommandContext.Ok(await context.Store.GetKeyAsync(StoreCommandContext.Actor, rotation.NewKeyId, cancellationToken).ConfigureAwait(false));
        context.Console.WriteLine($"rotation {rotation.Id}: {old.RecordName} → {next.RecordName}");
        context.Console.WriteLine("1. publish this record:");
        context.Console.WriteLine(DnsFormats.Write(next, DkimDnsTextFormat.Zone));
        string owner = old.Scope == KeyScope.Server ? "--server" : $"--domain {old.Domain}";
        context.Console.WriteLine($"2. once it is published: signet key activate {owner} --selector {next.Selector}");
        context.Console.WriteLine($"   (signet serve does this step by itself when it sees the record); {old.RecordName} then retires");
        context.Console.WriteLine($"3. after {rotation.RevokeOldAfter.TotalDays:0.#} days: signet key revoke {owner} --selector {old.Selector}, and publish its p= empty record");
        return ExitCodes.Success;
    }

    public static async Task<int> ListAsync(StoreCommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rotations = StoreCommandContext.Ok(await context.Store.ListRotationsAsync(StoreCommandContext.Actor, context.Owner(), cancellationToken)
            .ConfigureAwait(false));
        if (context.Json)
        {
            return context.WriteJson(rotations.Select(RotationView.From).ToList());
        }

        foreach (var rotation in rotations)
        {
            context.Console.WriteLine($"{rotation.Id}\t{rotation.Step}\tstarted {rotation.StartedAt:u}\t{rotation.Explanation}");
        }

        return ExitCodes.Success;
    }
}
