namespace Signet.Bench;

/// <summary>Per message: <see cref="AllocatedBytes"/> on the managed heap, <see cref="WorkItems"/> completed by the
/// thread pool (each a hop from one thread to another), <see cref="LockContentions"/>, Gen0 collections per 1,000
/// messages and CPU µs of the whole process (milter and the clients).</summary>
public readonly record struct MilterLoadResult(double PerSecond, double AllocatedBytes, double WorkItems, double LockContentions, double Gen0PerThousand, double CpuMicroseconds);
