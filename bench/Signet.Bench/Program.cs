using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Signet.Bench;
using Signet.Dkim;
using Signet.Dkim.Keys;

// Usage: dotnet run -c Release --project bench/Signet.Bench [-- --runs 3 --seconds 1 --out docs/performance-table.md]
//          [--export DIR] [--peer NAME=COMMAND ...]   (see bench/README.md; bench/compare.sh adds the peers)
//        dotnet run --project bench/Signet.Bench -- --smoke   (runs every operation once, times nothing)
//        dotnet run -c Release --project bench/Signet.Bench -- --milter sign|verify [--sessions 10] [--messages 5000]
//          [--keys rsa|rsa+ed25519] [--runs 3] [--allocations] [--connection-per-message]
//          (the milter in process under Postfix-like clients; see bench/README.md)
//        dotnet run -c Release --project bench/Signet.Bench -- --repeat verify|sign --keys rsa|ed25519 [--seconds 10]
//          (one operation at 2 KB in a loop, nothing else: for a profiler such as dotnet-trace)
//          [--count N --key FILE.pem]   (exactly N operations with a fixed key: instruction counts under callgrind that
//          repeat from run to run, since nothing random such as a key generation runs before them)
//        dotnet run -c Release --project bench/Signet.Bench -- --breakdown [--keys rsa|ed25519]   (verify at 2 KB, step by step)
//        dotnet run -c Release --project bench/Signet.Bench -- --threads 2 [--runs 3 --seconds 1]   (sign and verify on N threads)
bool smoke = args.Contains("--smoke");
if (Option("--milter") is { } milterMode)
{
    return await MilterBench.RunAsync(milterMode, Option("--keys") ?? "rsa", int.Parse(Option("--sessions") ?? "10", CultureInfo.InvariantCulture),
        int.Parse(Option("--messages") ?? "5000", CultureInfo.InvariantCulture), int.Parse(Option("--runs") ?? "3", CultureInfo.InvariantCulture),
        args.Contains("--allocations"), args.Contains("--connection-per-message"));
}


int runs = int.Parse(Option("--runs") ?? "3", CultureInfo.InvariantCulture);
var seconds = TimeSpan.FromSeconds(double.Parse(Option("--seconds") ?? "1", CultureInfo.InvariantCulture));
if (Option("--repeat") is { } repeated)
{
    return Repeat(repeated);
}

var peers = Options("--peer").Select(PeerHarness.Parse).ToList();
string? exportFolder = Option("--export") ?? (peers.Count > 0 ? Directory.CreateTempSubdirectory("signet-bench-").FullName : null);
var measurement = new Measurement(runs, seconds, smoke);
var sizes = new[] { ("2 KB", 2 * 1024), ("20 KB", 20 * 1024), ("200 KB", 200 * 1024) };
using var rsa = DkimKeyGenerator.Generate(DkimKeyType.Rsa, 2048);
using var ed25519 = DkimKeyGenerator.Generate(DkimKeyType.Ed25519);
using var limits = new LimitScenarios();

var raw = new Dictionary<string, Action>
{
    ["rsa-sha256 sign"] = limits.RsaSign,
    ["rsa-sha256 verify"] = limits.RsaVerify,
    ["ed25519-sha256 sign"] = limits.Ed25519Sign,
    ["ed25519-sha256 verify"] = limits.Ed25519Verify,
};
if (args.Contains("--breakdown"))
{
    Console.Write(VerifyBreakdown.Run(Option("--keys") == "ed25519" ? ed25519 : rsa, new Measurement(runs, seconds, smoke)));
    return 0;
}

if (Option("--threads") is { } threadCount)
{
    return ThreadsTable(int.Parse(threadCount, CultureInfo.InvariantCulture));
}

var rawRates = raw.ToDictionary(r => r.Key, r => 0.0);
double shaBytesPerSecond = 0;

var table = new StringBuilder()
    .Append("| operation | algorithm | message | limit msgs/s | Signet msgs/s | Signet / limit | MimeKit msgs/s | Signet / MimeKit |")
    .AppendJoin(string.Empty, peers.Select(p => $" {p.Name} msgs/s | Signet / {p.Name} |"))
    .AppendLine(" Signet bytes/msg | MimeKit bytes/msg |")
    .Append("|---|---|---|---:|---:|---:|---:|---:|")
    .AppendJoin(string.Empty, peers.Select(_ => "---:|---:|"))
    .AppendLine("---:|---:|");
foreach (var (keyName, key) in new[] { ("rsa-sha256", rsa), ("ed25519-sha256", ed25519) })
{
    if (exportFolder is not null)
    {
        BenchExport.WriteKey(exportFolder, keyName, key);
    }

    foreach (var (sizeName, size) in sizes)
    {
        byte[] message = BenchMessages.Create(size);
        var signet = new SignetScenarios(key, message);
        var mimeKit = new MimeKitScenarios(key, message);
        if (exportFolder is not null)
        {
            BenchExport.WriteMessages(exportFolder, keyName, BenchExport.FileSize(sizeName), message, signet.SignedMessage);
        }

        foreach (string operation in new[] { "sign", "verify" })
        {
            // The limit's two parts (one signature operation, SHA-256 over the message) take turns with Signet and MimeKit.
            var results = measurement.MeasureSideBySide(raw[$"{keyName} {operation}"], () => LimitScenarios.Sha256(message),
                operation == "sign" ? signet.Sign : signet.Verify, operation == "sign" ? mimeKit.Sign : mimeKit.Verify);
            var (signature, hash, ours, theirs) = (results[0].PerSecond, results[1].PerSecond, results[2], results[3]);
            rawRates[$"{keyName} {operation}"] = Math.Max(rawRates[$"{keyName} {operation}"], signature);
            shaBytesPerSecond = Math.Max(shaBytesPerSecond, hash * message.Length);
            double limit = smoke ? 0 : 1 / (1 / signature + 1 / hash);
            table.Append(CultureInfo.InvariantCulture,
                $"| {operation} | {keyName} | {sizeName} | {limit:N0} | {ours.PerSecond:N0} | {Ratio(ours.PerSecond, limit)} | {theirs.PerSecond:N0} | {Ratio(ours.PerSecond, theirs.PerSecond)} |");
            foreach (var peer in peers)
            {
                double? rate = peer.Measure(exportFolder!, keyName, BenchExport.FileSize(sizeName), operation, runs, seconds, smoke);
                table.Append(rate is { } value
                    ? string.Create(CultureInfo.InvariantCulture, $" {value:N0} | {Ratio(ours.PerSecond, value)} |")
                    : " n/a | – |");
            }

            table.AppendLine(CultureInfo.InvariantCulture, $" {ours.AllocatedBytes:N0} | {theirs.AllocatedBytes:N0} |");
        }
    }
}

var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}; single thread, median of {runs} runs of {seconds.TotalSeconds:0.#} s.")
    .AppendLine()
    .AppendLine("Raw operations (same run, best cell): " + string.Join(", ", rawRates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value:N0}/s"))) +
        string.Create(CultureInfo.InvariantCulture, $", SHA-256 {shaBytesPerSecond / 1e9:0.00} GB/s. Each row's limit is measured in turns with it: 1 / (1/signature rate + 1/SHA-256 rate over that message)."))
    .AppendLine()
    .Append(table);
if (smoke)
{
    // The milter under load, once each way: it signs and verifies a few messages over two connections.
    await MilterBench.SmokeAsync();
    // The --threads mode's machinery, for a moment, on two threads.
    var brief = new ThreadScaling(2, 1, TimeSpan.FromMilliseconds(5));
    brief.Measure(new SignetScenarios(rsa, BenchMessages.Create(2 * 1024)).Verify);
    VerifyBreakdown.Run(rsa, measurement);
    Console.WriteLine("benchmark smoke run: every operation ran once (nothing was timed)");
    return 0;
}

Console.Write(report);
if (Option("--out") is { } path)
{
    File.WriteAllText(path, report.ToString());
}

return 0;

int Repeat(string operationName)
{
    using var key = Option("--key") is { } keyFile ? ReadKey(keyFile) : DkimKeyGenerator.Generate(Option("--keys") == "ed25519" ? DkimKeyType.Ed25519 : DkimKeyType.Rsa, 2048);
    var scenario = new SignetScenarios(key, BenchMessages.Create(2 * 1024));
    Action operation = operationName == "sign" ? scenario.Sign : scenario.Verify;
    if (Option("--count") is { } countText)
    {
        long count = long.Parse(countText, CultureInfo.InvariantCulture);
        for (long i = 0; i < count; i++)
        {
            operation();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operationName}: {count:N0} done"));
        return 0;
    }

    var until = DateTime.UtcNow + seconds;
    long repetitions = 0;
    while (DateTime.UtcNow < until)
    {
        operation();
        repetitions++;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operationName}: {repetitions / seconds.TotalSeconds:N0}/s"));
    return 0;
}

static DkimPrivateKey ReadKey(string path) =>
    DkimPrivateKeyReader.TryRead(File.ReadAllBytes(path), out var key, out string error) ? key : throw new InvalidOperationException($"{path}: {error}");

string? Option(string name)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

IEnumerable<string> Options(string name)
{
    for (int i = 0; i + 1 < args.Length; i++)
    {
        if (args[i] == name)
        {
            yield return args[i + 1];
        }
    }
}

// Sign and verify at 2 KB on one thread and on N threads, sharing one signer and one verifier.
int ThreadsTable(int threads)
{
    var scaling = new ThreadScaling(threads, runs, seconds);
    var table = new StringBuilder()
        .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores; median of {runs} runs of {seconds.TotalSeconds:0.#} s, 1 and {threads} threads in turns.")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"| operation, 2 KB | 1 thread msgs/s | {threads} threads msgs/s | ratio | lock contentions / 1,000 msgs |")
        .AppendLine("|---|---:|---:|---:|---:|");
    byte[] message = BenchMessages.Create(2 * 1024);
    foreach (var (keyName, key) in new[] { ("rsa-sha256", rsa), ("ed25519-sha256", ed25519) })
    {
        var signet = new SignetScenarios(key, message);
        foreach (string operation in new[] { "sign", "verify" })
        {
            // The raw signature operation beside each row: what the machine itself gives N threads at that moment.
            table.AppendLine(ThreadScaling.Row($"{operation} {keyName}, raw operation", scaling.Measure(raw[$"{keyName} {operation}"]), threads));
            table.AppendLine(ThreadScaling.Row($"{operation} {keyName}, Signet", scaling.Measure(operation == "sign" ? signet.Sign : signet.Verify), threads));
        }
    }

    Console.Write(table);
    return 0;
}

static string Ratio(double ours, double reference) =>
    reference <= 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{ours / reference:0.00}×");
