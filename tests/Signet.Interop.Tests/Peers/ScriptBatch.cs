using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signet.Interop.Tests.Peers;

/// <summary>Drives a peer through one of the batch scripts in Peers/scripts: the messages go to files, a JSON
/// manifest lists the jobs, one process start handles them all and writes one result per job. The manifest also
/// names the DNS server the script must ask for keys (the zone's loopback nsd, never the system resolver).</summary>
public sealed partial class ScriptBatch : IDisposable
{
    private readonly string _interpreter;
    private readonly string _script;
    private readonly InteropZone _zone;
    private readonly DirectoryInfo _directory;
    private int _batch;

    public ScriptBatch(string interpreter, string scriptName, InteropZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _interpreter = interpreter;
        _script = Path.Combine(AppContext.BaseDirectory, "Peers", "scripts", scriptName);
        _zone = zone;
        _directory = Directory.CreateTempSubdirectory("signet-interop-" + Path.GetFileNameWithoutExtension(scriptName) + "-");
    }

    /// <summary>Signs each request; <paramref name="keyPath"/> picks the key file form the peer reads.</summary>
    public async Task<IReadOnlyList<byte[]>> SignAsync(
        IReadOnlyList<PeerSignRequest> requests, Func<InteropKey, string> keyPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        string folder = NewBatchFolder();
        var jobs = new List<Job>(requests.Count);
        for (int index = 0; index < requests.Count; index++)
        {
            var request = requests[index];
            string message = Path.Combine(folder, $"{index}.eml");
            await File.WriteAllBytesAsync(message, request.Message, cancellationToken).ConfigureAwait(false);
            jobs.Add(new Job(message, Path.Combine(folder, $"{index}.signed.eml"), keyPath(request.Key), request.Key.Algorithm,
                request.Key.Selector, request.Domain, $"{request.HeaderCanonicalization}/{request.BodyCanonicalization}"));
        }

        var results = await RunAsync("sign", folder, jobs, cancellationToken).ConfigureAwait(false);
        // Peers are only asked for what they support, so a refusal is a fault of the run, named job by job.
        var refused = jobs.Select((job, index) => (job, result: results[index]))
            .Where(j => !j.result.Pass || !File.Exists(j.job.Out))
            .Select(j => $"{j.job.Selector} {j.job.Canonicalization} {Path.GetFileName(j.job.Message)} ({MessageId(requests[jobs.IndexOf(j.job)].Message)}): {j.result.Detail}")
            .ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException($"{_script} did not sign {refused.Count} of {jobs.Count} messages:\n{string.Join('\n', refused)}");
        }

        var signed = new List<byte[]>(requests.Count);
        foreach (var job in jobs)
        {
            signed.Add(await File.ReadAllBytesAsync(job.Out!, cancellationToken).ConfigureAwait(false));
        }

        Directory.Delete(folder, recursive: true);
        return signed;
    }

    public async Task<IReadOnlyList<PeerVerdict>> VerifyAsync(IReadOnlyList<byte[]> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        string folder = NewBatchFolder();
        var jobs = new List<Job>(messages.Count);
        for (int index = 0; index < messages.Count; index++)
        {
            string message = Path.Combine(folder, $"{index}.eml");
            await File.WriteAllBytesAsync(message, messages[index], cancellationToken).ConfigureAwait(false);
            jobs.Add(new Job(message));
        }

        var results = await RunAsync("verify", folder, jobs, cancellationToken).ConfigureAwait(false);
        Directory.Delete(folder, recursive: true);
        return [.. results.Select(r => new PeerVerdict(r.Pass, r.Detail))];
    }

    public void Dispose()
    {
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp folder; harmless.
        }
    }

    private static string MessageId(byte[] message)
    {
        string text = System.Text.Encoding.UTF8.GetString(message, 0, Math.Min(message.Length, 64 * 1024));
        int start = text.IndexOf("Message-ID:", StringComparison.OrdinalIgnoreCase);
        return start < 0 ? "no Message-ID" : text[start..].Split('\n')[0].Trim();
    }

    private string NewBatchFolder() =>
        Directory.CreateDirectory(Path.Combine(_directory.FullName, Interlocked.Increment(ref _batch).ToString())).FullName;

    private async Task<IReadOnlyList<JobResult>> RunAsync(string operation, string folder, List<Job> jobs, CancellationToken cancellationToken)
    {
        string manifest = Path.Combine(folder, "manifest.json");
        string resultsPath = Path.Combine(folder, "results.json");
        var dns = new DnsServer(_zone.Endpoint.Address.ToString(), _zone.Endpoint.Port);
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new Manifest(dns, jobs), ScriptJsonContext.Default.Manifest), cancellationToken).ConfigureAwait(false);
        await PeerProcess.RunCheckedAsync(_interpreter, [_script, operation, manifest, resultsPath], cancellationToken).ConfigureAwait(false);
        var results = JsonSerializer.Deserialize(await File.ReadAllTextAsync(resultsPath, cancellationToken).ConfigureAwait(false), ScriptJsonContext.Default.ListJobResult);
        return results is { } list && list.Count == jobs.Count
            ? list
            : throw new InvalidOperationException($"{_script} wrote {results?.Count ?? 0} results for {jobs.Count} jobs");
    }

    private sealed record Manifest(
        [property: JsonPropertyName("dns")] DnsServer Dns,
        [property: JsonPropertyName("jobs")] IReadOnlyList<Job> Jobs);

    private sealed record DnsServer(
        [property: JsonPropertyName("address")] string Address,
        [property: JsonPropertyName("port")] int Port);

    private sealed record Job(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("out"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Out = null,
        [property: JsonPropertyName("key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key = null,
        [property: JsonPropertyName("algorithm"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Algorithm = null,
        [property: JsonPropertyName("selector"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Selector = null,
        [property: JsonPropertyName("domain"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Domain = null,
        [property: JsonPropertyName("canonicalization"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Canonicalization = null);

    private sealed record JobResult(
        [property: JsonPropertyName("pass")] bool Pass,
        [property: JsonPropertyName("detail")] string Detail);

    /// <summary>The manifest and results through generated serializers: reflection-based JSON is off in every build.</summary>
    [JsonSerializable(typeof(Manifest))]
    [JsonSerializable(typeof(List<JobResult>))]
    private sealed partial class ScriptJsonContext : JsonSerializerContext;
}
