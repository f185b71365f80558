namespace Signet.Cli;

/// <summary>The exit statuses scripts rely on.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>verify: no signature passed; check-dns: the record is not usable.</summary>
    public const int Failure = 1;

    /// <summary>Unusable arguments or input.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected internal error (EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    /// <summary>verify: nothing passed and a lookup failed temporarily: try again later (EX_TEMPFAIL).</summary>
    public const int TemporaryFailure = 75;
}
