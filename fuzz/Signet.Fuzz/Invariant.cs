namespace Signet.Fuzz;

/// <summary>A broken promise of the code under test; the fuzzer saves the input that caused it as a crash.</summary>
public sealed class InvariantException(string message) : Exception(message);

public static class Invariant
{
    public static void True(bool condition, string promise)
    {
        if (!condition)
        {
            throw new InvariantException("broken: " + promise);
        }
    }

    public static void NotEmpty(string? text, string promise) => True(!string.IsNullOrEmpty(text), promise);
}
