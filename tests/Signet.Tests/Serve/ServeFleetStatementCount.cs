namespace Signet.Tests.Serve;

/// <summary>What one client (a node, by its application name) asked PostgreSQL in a window of its log.
/// <see cref="Statements"/> is every statement the server ran for it, transaction control and the connection pool's
/// DISCARD ALL included; <see cref="Queries"/> leaves those out.</summary>
internal sealed record ServeFleetStatementCount(int Statements, int Queries, int RevisionPolls, int SnapshotReloads, int Writes)
{
    public static readonly ServeFleetStatementCount None = new(0, 0, 0, 0, 0);

    public static ServeFleetStatementCount operator +(ServeFleetStatementCount left, ServeFleetStatementCount right) =>
        new(left.Statements + right.Statements, left.Queries + right.Queries, left.RevisionPolls + right.RevisionPolls,
            left.SnapshotReloads + right.SnapshotReloads, left.Writes + right.Writes);

    public override string ToString() =>
        $"{Statements} statements ({Queries} queries: {RevisionPolls} revision polls, {SnapshotReloads} snapshot reloads, {Writes} writes)";
}
