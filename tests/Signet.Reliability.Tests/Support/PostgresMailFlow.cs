using System.Security.Cryptography;
using Npgsql;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Reliability.Tests.Support;

/// <summary>A mail flow whose serve keeps its store in a real PostgreSQL (the several-node set-up): example.com with
/// an active key in the database, the master key given as a value, the store polled every half second. Loopback
/// 127.0.0.1 is internal (mail to sign); 127.0.0.2 is outside (mail to verify), and sender.example publishes the
/// shared Ed25519 test key for that mail.</summary>
internal sealed class PostgresMailFlow : IAsyncDisposable
{
    public const string ExternalDomain = "sender.example";

    private PostgresMailFlow(PostgresServer postgres, MailFlow flow)
    {
        Postgres = postgres;
        Flow = flow;
    }

    public PostgresServer Postgres { get; }

    public MailFlow Flow { get; }

    public static async Task<PostgresMailFlow> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var postgres = await PostgresServer.StartAsync(CancellationToken.None);
        try
        {
            string database = "signet_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(postgres.ConnectionString()))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await command.ExecuteNonQueryAsync();
            }

            string connectionString = postgres.ConnectionString(database);
            string masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            string zoneLine = await SetUpAsync(connectionString, masterKey);
            var settings = new Dictionary<string, string>
            {
                ["SIGNET_STORE__CONNECTIONSTRING"] = connectionString,
                ["SIGNET_STORE__MASTERKEY"] = masterKey,
                ["SIGNET_STORE__POLLINTERVAL"] = "00:00:00.500",
            };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                settings[name] = value;
            }

            var flow = await MailFlow.StartAsync([], serverKey: false, ["--internal-network", "127.0.0.1/32"], settings,
                new Dictionary<string, IReadOnlyList<string>> { ["example.com"] = [zoneLine], [ExternalDomain] = [SignedMessages.ZoneLine] });
            return new PostgresMailFlow(postgres, flow);
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>A message from outside, signed by sender.example, sent from 127.0.0.2: the final SMTP reply.</summary>
    public Task<string> SendFromOutsideAsync(string subject) =>
        ExternalSmtpClient.SendAsync(Flow.Postfix.SmtpEndpoint, $"dave@{ExternalDomain}", "bob@example.net",
            SignedMessages.Signed(subject, ExternalDomain), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Flow.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Postgres.DisposeAsync();
    }

    private static async Task<string> SetUpAsync(string connectionString, string masterKey)
    {
        using var data = new TemporaryDirectory();
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = data.Path, ConnectionString = connectionString, MasterKey = masterKey }, CancellationToken.None);
        await using var store = opened.Value ?? throw new InvalidOperationException(opened.Error!.Message);
        var actor = Actor.LocalAdministrator;
        Check(await store.AddDomainAsync(actor, "example.com", CancellationToken.None));
        var key = Check(await store.GenerateKeyAsync(actor, KeyOwner.ForDomain("example.com"), new KeyGenerationRequest("s1"), CancellationToken.None));
        Check(await store.ActivateKeyAsync(actor, key.Id, force: true, CancellationToken.None));
        return KeyRecords.ZoneLineFor(key);
    }

    private static T Check<T>(StoreResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"store: {result.Error!.Kind}: {result.Error.Message}");
}
