namespace Signet.Admin.Tests.Support;

public enum Backend
{
    Sqlite,
    Postgres,
}
