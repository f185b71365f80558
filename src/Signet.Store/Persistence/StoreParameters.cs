using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Signet.Store.Persistence;

/// <summary>The named values of one SQL command, taken from the properties of an object (<c>new { id, now }</c>), as
/// Dapper took them, but with no code emitted at run time: the properties are read through reflection the trimmer
/// is told about (<see cref="DynamicallyAccessedMembersAttribute"/>), which Native AOT keeps.</summary>
internal sealed class StoreParameters
{
    private readonly List<(string Name, object? Value, DbType? Type)> _values;

    private StoreParameters(List<(string Name, object? Value, DbType? Type)> values) => _values = values;

    /// <summary>Every public property of <paramref name="values"/> as a parameter of its name.</summary>
    public static StoreParameters Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(T values)
        where T : notnull =>
        new(PropertiesOf<T>.All.Select(p => (p.Name, p.GetValue(values), DbTypeOf(p.PropertyType))).ToList());

    /// <summary>Adds one more parameter (a list written out as <c>@domain0, @domain1…</c>).</summary>
    public void Add(string name, string? value) => _values.Add((name, value, DbType.String));

    /// <summary>Adds to <paramref name="command"/> the parameters its text names (<c>@name</c>), as Dapper did: a value
    /// the statement does not use is left out, so one object can serve several statements.</summary>
    public void AddTo(DbCommand command)
    {
        foreach (var (name, value, type) in _values)
        {
            if (!IsNamedIn(command.CommandText, name))
            {
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            // The declared type, not the value's: a null still tells PostgreSQL what it is a null of.
            if (type is { } dbType)
            {
                parameter.DbType = dbType;
            }

            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    private static bool IsNamedIn(string sql, string name)
    {
        int at = 0;
        while ((at = sql.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int end = at + name.Length;
            if (at > 0 && sql[at - 1] is '@' or ':' or '?' && (end == sql.Length || !IsNameCharacter(sql[end])))
            {
                return true;
            }

            at = end;
        }

        return false;
    }

    private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static DbType? DbTypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => DbType.String,
        var t when t == typeof(long) => DbType.Int64,
        var t when t == typeof(int) => DbType.Int32,
        var t when t == typeof(bool) => DbType.Boolean,
        var t when t == typeof(byte[]) => DbType.Binary,
        var t when t == typeof(double) => DbType.Double,
        _ => null,
    };

    /// <summary>The readable properties of <typeparamref name="T"/>, looked up once per type.</summary>
    private static class PropertiesOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
    {
        public static readonly PropertyInfo[] All = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
    }
}
