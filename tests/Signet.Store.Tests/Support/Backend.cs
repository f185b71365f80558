namespace Signet.Store.Tests.Support;

public enum Backend
{
    Sqlite,
    Postgres,
}
