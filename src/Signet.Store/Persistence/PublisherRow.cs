using Signet.Store.Model;

namespace Signet.Store.Persistence;

/// <summary>A row of the publishers table.</summary>
internal sealed class PublisherRow
{
    public const string Columns = "id, name, kind, primary_server, zone, key_name, sealed_secret, created_at";

    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string PrimaryServer { get; set; } = string.Empty;

    public string Zone { get; set; } = string.Empty;

    public string KeyName { get; set; } = string.Empty;

    public byte[] SealedSecret { get; set; } = [];

    public long CreatedAt { get; set; }

    public PublisherEntry ToEntry() =>
        new(Guid.Parse(Id), Name, Enum.Parse<PublisherKind>(Kind), PrimaryServer, Zone, KeyName, StoreTime.FromTicks(CreatedAt));
}
