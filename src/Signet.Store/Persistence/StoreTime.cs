namespace Signet.Store.Persistence;

/// <summary>Times are stored as UTC ticks: exact, sortable, and the same in SQLite and PostgreSQL.</summary>
internal static class StoreTime
{
    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? FromTicks(long? ticks) => ticks is { } value ? FromTicks(value) : null;

    public static long? Ticks(DateTimeOffset? time) => time?.UtcTicks;
}
