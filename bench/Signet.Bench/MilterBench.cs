using System.Globalization;
using Signet.Dkim;
using Signet.Dkim.Keys;

namespace Signet.Bench;

/// <summary>The <c>--milter</c> mode: <see cref="MilterLoad"/> run after a warm-up, several times, with one line per
/// run so the spread shows.</summary>
public static class MilterBench
{
    public static async Task<int> RunAsync(string mode, string keys, int sessions, int messages, int runs, bool allocations = false, bool connectionPerMessage = false)
    {
        if (mode is not ("sign" or "verify") || keys is not ("rsa" or "rsa+ed25519"))
        {
            await Console.Error.WriteLineAsync("--milter takes sign or verify, --keys rsa or rsa+ed25519").ConfigureAwait(false);
            return 2;
        }

        await using var load = await StartAsync(mode, keys).ConfigureAwait(false);
        await load.RunAsync(sessions, Math.Min(messages, 500), connectionPerMessage).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"milter {mode}, {keys}, 2 KB, {sessions} sessions, {messages} messages a run{(connectionPerMessage ? ", a connection per message" : "")}, {Environment.ProcessorCount} cores"));
        Console.WriteLine("| run | messages/s | bytes allocated/msg | thread-pool work items/msg | lock contentions/msg | gen0 GCs/1000 msgs | process CPU µs/msg |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        for (int run = 1; run <= runs; run++)
        {
            var r = await load.RunAsync(sessions, messages, connectionPerMessage).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run} | {r.PerSecond:N0} | {r.AllocatedBytes:N0} | {r.WorkItems:0.0} | {r.LockContentions:0.00} | {r.Gen0PerThousand:0.0} | {r.CpuMicroseconds:N0} |"));
        }

        if (allocations)
        {
            // A separate run: the listener's own work would weigh on the figures above.
            using var sampler = new AllocationSampler();
            sampler.Start();
            await load.RunAsync(sessions, messages, connectionPerMessage).ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine("Allocated types (sampled every ~100 KB), share of the bytes:");
            foreach (var (type, share) in sampler.Stop(25))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {share,6:P1}  {type}"));
            }
        }

        return 0;
    }

    public static async Task SmokeAsync()
    {
        foreach (string mode in new[] { "sign", "verify" })
        {
            await using var load = await StartAsync(mode, "rsa+ed25519").ConfigureAwait(false);
            await load.RunAsync(2, 4).ConfigureAwait(false);
            await load.RunAsync(2, 4, connectionPerMessage: true).ConfigureAwait(false);
        }
    }

    private static async Task<MilterLoad> StartAsync(string mode, string keys)
    {
        var chosen = new List<DkimPrivateKey> { DkimKeyGenerator.Generate(DkimKeyType.Rsa, 2048) };
        if (keys == "rsa+ed25519")
        {
            chosen.Add(DkimKeyGenerator.Generate(DkimKeyType.Ed25519));
        }

        return await MilterLoad.StartAsync(BenchMessages.Create(2 * 1024), chosen, verify: mode == "verify").ConfigureAwait(false);
    }
}
