namespace Signet.Mail.Server;

/// <summary>What a session watches: <see cref="Stopping"/> asks it to finish at its next quiet point,
/// <see cref="Abort"/> cuts it now.</summary>
public readonly record struct SessionTokens(CancellationToken Stopping, CancellationToken Abort);
