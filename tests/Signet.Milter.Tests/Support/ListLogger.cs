using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Signet.Milter.Tests.Support;

/// <summary>Keeps every log entry with its structured fields, so tests can check what was logged.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value?.ToString())
            : [];
        Entries.Enqueue(new LogEntry(eventId.Id, logLevel, formatter(state, exception), fields));
    }

    public IReadOnlyList<LogEntry> WithEvent(int id) => Entries.Where(e => e.EventId == id).ToList();
}

internal sealed record LogEntry(int EventId, LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Fields);
