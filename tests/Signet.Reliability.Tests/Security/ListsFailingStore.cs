using System.Reflection;
using Signet.Store;

namespace Signet.Reliability.Tests.Security;

/// <summary>The real store, except that while <see cref="Failing"/> is set every List… read throws
/// <see cref="StoreUnavailableException"/>, as a database that stopped answering does (sessions and sign-in still work,
/// so the pages behind them are reached).</summary>
public class ListsFailingStore : DispatchProxy
{
    public const string Reason = "the SQLite database is not usable: database disk image is malformed";

    private ISignetStore _inner = null!;

    public bool Failing { get; set; }

    public static (ISignetStore Store, ListsFailingStore Control) Wrap(ISignetStore inner)
    {
        var proxy = Create<ISignetStore, ListsFailingStore>();
        var control = (ListsFailingStore)(object)proxy;
        control._inner = inner;
        return (proxy, control);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (Failing && targetMethod.Name.StartsWith("List", StringComparison.Ordinal)
            && targetMethod.ReturnType.IsGenericType && targetMethod.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var resultType = targetMethod.ReturnType.GetGenericArguments()[0];
            return typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!.MakeGenericMethod(resultType)
                .Invoke(null, [new StoreUnavailableException(Reason)]);
        }

        return targetMethod.Invoke(_inner, args);
    }
}
