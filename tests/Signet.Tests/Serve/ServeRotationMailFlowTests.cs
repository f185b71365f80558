using System.Diagnostics;
using Signet.Store;
using Signet.Store.Model;
using Signet.Testing;
using Xunit.Abstractions;

namespace Signet.Tests.Serve;

/// <summary>Hands-off rotation end to end: a real <c>signet serve</c> drives it (ticking every second, the domain's
/// periods in seconds standing in for days), publishes through a real Knot primary with TSIG, waits for a real Knot
/// secondary, and signs the mail a real Postfix hands it all along; dkimpy verifies every message the moment it
/// arrives with the keys the Knot servers serve at that moment.</summary>
[Trait("Tier", "Integration")]
public sealed class ServeRotationMailFlowTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StepDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GenerationDeadline = ServeRotationFlow.Interval + StepDeadline;

    [Fact]
    public async Task Serve_RotatesWhileMailFlows_EveryMessageSignedAndVerifies_OldRecordKeptForTheOverlap_ThenRevoked_ThenRemoved()
    {
        var clock = Stopwatch.StartNew();
        await using var flow = await ServeRotationFlow.StartAsync();
        await using var watch = ServeRotationRecordWatch.Start(flow);

        // The first key: published on ns1; ns2 lags, so serve must not sign with it.
        var first = await PublishedButNotSigningAsync(flow, "s1");
        Assert.Matches(@"waiting until every authoritative server serves it.*ns2\.example\.org", await flow.StatusStepAsync());
        await flow.Knot.CatchUpAsync(CancellationToken.None);
        first = await StateAsync(flow, first, KeyState.Active, StepDeadline);
        string firstRecord = KeyRecords.ValueFor(first);

        await using var mail = await ServeRotationMail.StartAsync(flow);
        Assert.Matches($@"{first.RecordName} signs now|idle: {first.RecordName} signs until", await flow.StatusStepAsync());

        // After the interval, the second key; the first keeps signing until ns2 serves the second.
        var second = await PublishedButNotSigningAsync(flow, "s2", GenerationDeadline);
        Assert.Equal(KeyState.Active, (await KeyAsync(flow, first)).State);
        Assert.Matches(@"generated s2\._domainkey\.example\.org to replace s1|waiting until every authoritative server serves it.*ns2\.example\.org",
            await flow.StatusStepAsync());
        await flow.Knot.CatchUpAsync(CancellationToken.None);
        second = await StateAsync(flow, second, KeyState.Active, StepDeadline);

        // Retired: the first record stays exactly as it was, on both servers, for the whole overlap.
        var retired = await KeyAsync(flow, first);
        Assert.Equal(KeyState.Retiring, retired.State);
        await AssertServedAsync(flow, first, firstRecord, firstRecord, "the moment the first key retired");
        var overlapStatus = flow.StatusStepAsync();
        var nearlyOver = retired.RetiredAt!.Value + ServeRotationFlow.Overlap - TimeSpan.FromSeconds(1.5);
        await Eventually.Until(() => DateTimeOffset.UtcNow >= nearlyOver, "the overlap is nearly over", StepDeadline);
        await AssertServedAsync(flow, first, firstRecord, firstRecord, "1.5 s before the overlap ends");
        Assert.Equal(KeyState.Retiring, (await KeyAsync(flow, first)).State);
        Assert.Matches($@"{second.RecordName} signs now|{first.RecordName} stays published until", await overlapStatus);

        // Then revoked (p= empty): on ns1 first, on ns2 once it catches up.
        var revoked = await StateAsync(flow, first, KeyState.Revoked, StepDeadline);
        Assert.True(revoked.RevokedAt >= retired.RetiredAt + ServeRotationFlow.Overlap, $"revoked at {revoked.RevokedAt:O}, retired at {retired.RetiredAt:O}");
        var revokedStatus = flow.StatusStepAsync();
        Assert.Equal(KeyRecords.RevokedValue, await flow.ServedOnNs1Async(first));
        await flow.Knot.CatchUpAsync(CancellationToken.None);
        await Eventually.Until(async () => await flow.ServedOnNs2Async(first) == KeyRecords.RevokedValue, "ns2 serves the first record revoked");
        Assert.Matches($@"{first.RecordName} revoked|{first.RecordName} is revoked until", await revokedStatus);

        // Then gone from both servers, its private key destroyed; the second key signs on.
        await Eventually.Until(async () => (await flow.KeysAsync()).All(k => k.Id != first.Id), "the first key is destroyed", StepDeadline);
        Assert.Null(await flow.ServedOnNs1Async(first));
        await flow.Knot.CatchUpAsync(CancellationToken.None);
        await Eventually.Until(async () => await flow.ServedOnNs2Async(first) is null, "ns2 no longer serves the first record");
        Assert.Matches($@"removed {first.RecordName} from DNS and destroyed its private key|idle: {second.RecordName} signs until [^;]*$",
            await flow.StatusStepAsync());

        var verdicts = await mail.StopAsync();
        await watch.StopAsync();
        Report(clock, flow, mail, verdicts, watch);
        Assert.Empty(mail.Refusals);
        AssertEveryMessageSignedAndVerified(verdicts, mail, first, second);
        Assert.Empty(watch.Violations);
        await AssertEachStepOnceAsync(flow, first, second);
    }

    [Fact]
    public async Task Serve_KilledAfterEachRotationStep_TheNextServeResumes_NoStepTwice_AndTheSigningKeysRecordIsNeverMissing()
    {
        var clock = Stopwatch.StartNew();
        await using var flow = await ServeRotationFlow.StartAsync();
        await using var watch = ServeRotationRecordWatch.Start(flow);

        // Each step observed in the audit, then SIGKILL at once and a new serve on the same data folder.
        await StepsAsync(flow, 1, StepDeadline);
        await flow.KillAndRestartServeAsync();
        var first = await PublishedButNotSigningAsync(flow, "s1");
        await flow.Knot.CatchUpAsync(CancellationToken.None);
        await StepsAsync(flow, 2, StepDeadline);
        first = await KeyAsync(flow, first);
        Assert.Equal(KeyState.Active, first.State);

        await using var mail = await ServeRotationMail.StartAsync(flow);
        await flow.KillAndRestartServeAsync();
        await StepsAsync(flow, 3, GenerationDeadline);
        await flow.KillAndRestartServeAsync();
        var second = await PublishedButNotSigningAsync(flow, "s2");
        Assert.Equal(KeyState.Active, (await KeyAsync(flow, first)).State);
        await flow.Knot.CatchUpAsync(CancellationToken.None);
        await StepsAsync(flow, 4, StepDeadline);
        await flow.KillAndRestartServeAsync();
        await StepsAsync(flow, 5, StepDeadline);
        Assert.Equal(KeyRecords.RevokedValue, await flow.ServedOnNs1Async(first));
        await flow.KillAndRestartServeAsync();
        await StepsAsync(flow, 6, StepDeadline);
        Assert.Null(await flow.ServedOnNs1Async(first));
        Assert.Equal(KeyRecords.ValueFor(await KeyAsync(flow, second)), await flow.ServedOnNs1Async(second));

        var verdicts = await mail.StopAsync();
        await watch.StopAsync();
        Report(clock, flow, mail, verdicts, watch);
        Assert.Equal(6, flow.Starts);
        AssertEveryMessageSignedAndVerified(verdicts, mail, first, second);
        Assert.Empty(watch.Violations);
        await AssertEachStepOnceAsync(flow, first, second);
    }

    [Fact]
    public async Task Serve_KilledInTheMiddleOfARound_TheNextServeOnThisHostGoesOnAtOnce_NotWhenTheLeaseExpires()
    {
        await using var flow = await ServeRotationFlow.StartAsync();
        var first = await PublishedButNotSigningAsync(flow, "s1");

        // ns2 hangs: each round now waits seconds for its answer, holding the domain's lease; serve dies in one.
        string? holder = null;
        flow.Knot.SecondaryServer.Suspend();
        try
        {
            // Held for a whole second: a round that waits on ns2, not one of the quick rounds from before.
            var heldSince = DateTimeOffset.MaxValue;
            await Eventually.Until(async () =>
            {
                holder = await flow.LeaseHolderAsync();
                heldSince = holder is null ? DateTimeOffset.MaxValue : heldSince == DateTimeOffset.MaxValue ? DateTimeOffset.UtcNow : heldSince;
                return DateTimeOffset.UtcNow - heldSince >= TimeSpan.FromSeconds(1);
            }, "a round waits on ns2 holding the lease", StepDeadline);
            int milterPort = await flow.KillServeAsync();
            Assert.Equal(holder, await flow.LeaseHolderAsync());
            flow.Knot.SecondaryServer.Resume();
            await flow.Knot.CatchUpAsync(CancellationToken.None);
            var restarted = Stopwatch.StartNew();
            await flow.StartServeAsync(milterPort);

            // The dead serve's lease runs for minutes; the new serve on the same host takes it over and activates at once.
            first = await StateAsync(flow, first, KeyState.Active, TimeSpan.FromSeconds(45));
            output.WriteLine($"the new serve activated {first.RecordName} {restarted.Elapsed.TotalSeconds:0.0} s after it was started; the dead one held the lease as {holder}");
        }
        finally
        {
            if (flow.Knot.SecondaryServer.IsRunning)
            {
                flow.Knot.SecondaryServer.Resume();
            }
        }

        Assert.NotEqual(holder, await flow.LeaseHolderAsync());
    }

    // The key under the selector is pending, published on ns1 but not on ns2, and serve, having checked again twice
    // more, still has it pending and says it waits for every authoritative server.
    private static async Task<KeyEntry> PublishedButNotSigningAsync(ServeRotationFlow flow, string selector, TimeSpan? deadline = null)
    {
        KeyEntry? key = null;
        await Eventually.Until(async () =>
            (key = (await flow.KeysAsync()).FirstOrDefault(k => k.Selector == selector)) is not null
            && (await flow.StatusAsync()).Step is { } step && step.Contains($"{key.RecordName} is published; waiting until every authoritative server serves it", StringComparison.Ordinal),
            $"serve publishes {selector} and waits for ns2\n{flow.Diagnostics()}", deadline ?? StepDeadline);

        var rounds = new HashSet<DateTimeOffset?>();
        await Eventually.Until(async () =>
        {
            var status = await flow.StatusAsync();
            Assert.Contains("waiting until every authoritative server serves it", status.Step, StringComparison.Ordinal);
            rounds.Add(status.StepAt);
            return rounds.Count >= 3;
        }, "serve checks the publication twice more", StepDeadline);

        key = await KeyAsync(flow, key!);
        Assert.Equal(KeyState.Pending, key.State);
        Assert.Contains("ns2.example.org", (await flow.StatusAsync()).Step, StringComparison.Ordinal);
        Assert.Equal(KeyRecords.ValueFor(key), await flow.ServedOnNs1Async(key));
        Assert.Null(await flow.ServedOnNs2Async(key));
        return key;
    }

    private static async Task<KeyEntry> StateAsync(ServeRotationFlow flow, KeyEntry key, KeyState state, TimeSpan deadline)
    {
        KeyEntry current = key;
        await Eventually.Until(async () => (current = await KeyAsync(flow, key)).State == state, $"{key.RecordName} becomes {state}\n{flow.Diagnostics()}", deadline);
        return current;
    }

    private static async Task<KeyEntry> KeyAsync(ServeRotationFlow flow, KeyEntry key) =>
        (await flow.KeysAsync()).SingleOrDefault(k => k.Id == key.Id) ?? throw new InvalidOperationException($"{key.RecordName} is gone");

    private static async Task StepsAsync(ServeRotationFlow flow, int count, TimeSpan deadline) =>
        await Eventually.Until(async () => (await flow.RotationAuditAsync()).Count(a => a.Action == "rotation.step") >= count,
            $"the rotation's step {count} is audited\n{flow.Diagnostics()}", deadline);

    private static async Task AssertServedAsync(ServeRotationFlow flow, KeyEntry key, string primary, string secondary, string when)
    {
        Assert.True(await flow.ServedOnNs1Async(key) == primary, $"ns1 serves {key.RecordName} as it was {when}");
        Assert.True(await flow.ServedOnNs2Async(key) == secondary, $"ns2 serves {key.RecordName} as it was {when}");
    }

    private static void AssertEveryMessageSignedAndVerified(IReadOnlyList<ServeRotationVerdict> verdicts, ServeRotationMail mail, KeyEntry first, KeyEntry second)
    {
        Assert.True(verdicts.Count >= mail.Accepted && verdicts.Count >= 10, $"{verdicts.Count} messages arrived of {mail.Accepted} accepted");
        var wrong = verdicts.Where(v => v.Signatures.Count != 1 || v.Signatures[0].Domain != ServeRotationFlow.Domain || v.Primary != "pass" || v.Secondary != "pass").ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {verdicts.Count} messages unsigned or failing:\n{string.Join('\n', wrong)}");
        var selectors = verdicts.GroupBy(v => v.Selector).ToDictionary(g => g.Key ?? "(none)", g => g.Count());
        Assert.True(selectors.Keys.Order().SequenceEqual([first.Selector, second.Selector]),
            $"signed by {string.Join(", ", selectors.Select(s => $"{s.Key} ({s.Value})"))}; expected both {first.Selector} and {second.Selector}");
    }

    // Each step of the rotation is audited exactly once, in order, none failed, and no key changed state twice.
    private static async Task AssertEachStepOnceAsync(ServeRotationFlow flow, KeyEntry first, KeyEntry second)
    {
        var audit = await flow.AuditAsync();
        Assert.DoesNotContain(audit, a => a.Action == "rotation.failed");
        var steps = audit.Where(a => a.Action == "rotation.step").Select(a => a.Detail).ToList();
        string[] expected =
        [
            $"generated {first.RecordName}; {first.RecordName} is published; waiting",
            $"{first.RecordName} signs now",
            $"generated {second.RecordName} to replace {first.RecordName}; {second.RecordName} is published; waiting",
            $"{second.RecordName} signs now",
            $"published {first.RecordName} revoked (\"{KeyRecords.RevokedValue}\"), {Signet.Store.Model.DurationText.Describe(ServeRotationFlow.Overlap)} after it stopped signing",
            $"removed {first.RecordName} from DNS and destroyed its private key",
        ];
        Assert.True(steps.Count == expected.Length && steps.Zip(expected).All(p => p.First.StartsWith(p.Second, StringComparison.Ordinal)),
            $"the audited steps:\n{string.Join('\n', steps)}");
        var twice = audit.Where(a => a.Action.StartsWith("key.", StringComparison.Ordinal)).GroupBy(a => (a.Action, a.Target)).Where(g => g.Count() > 1).ToList();
        Assert.True(twice.Count == 0, $"key changes done twice: {string.Join(", ", twice.Select(g => $"{g.Key.Action} {g.Key.Target} ×{g.Count()}"))}");
    }

    private void Report(Stopwatch clock, ServeRotationFlow flow, ServeRotationMail mail, IReadOnlyList<ServeRotationVerdict> verdicts, ServeRotationRecordWatch watch)
    {
        var took = verdicts.Select(v => v.Took.TotalMilliseconds).Order().ToList();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s; serve started {flow.Starts} times; {mail.Accepted} messages accepted, {verdicts.Count} arrived, " +
            $"{mail.Refusals.Count} refused while serve was down; by selector: {string.Join(", ", verdicts.GroupBy(v => v.Selector).Select(g => $"{g.Key} {g.Count()}"))}; " +
            $"dkimpy twice per message in {took.DefaultIfEmpty(0).ElementAt(took.Count / 2):0} ms median, {took.DefaultIfEmpty(0).Max():0} ms at most; " +
            $"the signing key's record checked {watch.Checks} times");
        foreach (string refusal in mail.Refusals.Take(5))
        {
            output.WriteLine(refusal);
        }
    }
}
