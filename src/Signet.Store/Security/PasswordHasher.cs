using System.Security.Cryptography;
using NSec.Cryptography;

namespace Signet.Store.Security;

/// <summary>Hashes passwords with Argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane), with a random salt.
/// Stored as <c>argon2id$m=19456,t=2,p=1$salt$hash</c> so the cost can rise later without breaking old hashes.</summary>
internal static class PasswordHasher
{
    private const int SaltLength = 16;
    private const int HashLength = 32;
    private const int MemoryKibibytes = 19456;
    private const int Passes = 2;

    public static string Hash(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltLength);
        byte[] hash = Derive(password, salt, MemoryKibibytes, Passes);
        return $"argon2id$m={MemoryKibibytes},t={Passes},p=1${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        string[] parts = stored.Split('$');
        if (parts is not ["argon2id", var cost, var salt, var hash] || !TryParseCost(cost, out long memory, out long passes))
        {
            return false;
        }

        byte[] expected = Convert.FromBase64String(hash);
        byte[] actual = Derive(password, Convert.FromBase64String(salt), memory, passes);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification, so an unknown user name takes as long as a wrong password.</summary>
    public static void VerifyNothing(string password) => Derive(password, new byte[SaltLength], MemoryKibibytes, Passes);

    private static byte[] Derive(string password, byte[] salt, long memory, long passes)
    {
        var parameters = new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = memory, NumberOfPasses = passes };
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(parameters);
        return algorithm.DeriveBytes(password, salt, HashLength);
    }

    private static bool TryParseCost(string text, out long memory, out long passes)
    {
        memory = passes = 0;
        string[] fields = text.Split(',');
        return fields.Length == 3
            && fields[0].StartsWith("m=", StringComparison.Ordinal) && long.TryParse(fields[0][2..], out memory)
            && fields[1].StartsWith("t=", StringComparison.Ordinal) && long.TryParse(fields[1][2..], out passes)
            && fields[2] == "p=1";
    }
}
