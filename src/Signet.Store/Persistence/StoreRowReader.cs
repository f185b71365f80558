using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;

namespace Signet.Store.Persistence;

/// <summary>Turns result rows into <typeparamref name="T"/> as Dapper did, with no code emitted at run time: a single
/// value (<c>string</c>, <c>long</c>, <c>long?</c>…) from the first column, otherwise a row class filled property by
/// property, each column matched to the property of its name with the underscores left out (<c>created_at</c> →
/// <c>CreatedAt</c>, case-insensitive). A NULL leaves the property's default; an integer of another width is
/// converted (PostgreSQL's <c>integer</c> into a <c>long</c>). The row classes' constructors and properties are kept
/// for reflection by the annotation, which Native AOT honours.</summary>
internal static class StoreRowReader<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] T>
{
    // A tuple is not read by position as Dapper did: ChangeType refuses it at the first row, so the mistake shows in any test.
    private static readonly bool IsSingleValue = typeof(T) == typeof(string) || typeof(T) == typeof(byte[]) || typeof(T).IsValueType;

    private static readonly PropertyInfo[] Settable = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
        .ToArray();

    public static async Task<List<T>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var columns = ColumnsOf(reader);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader, columns));
        }

        return rows;
    }

    /// <summary>The value of a scalar query, or the default when it gave no row or NULL.</summary>
    public static T? Convert(object? value) => value is null or DBNull ? default : value is T typed ? typed : (T)ConvertTo(value, typeof(T));

    private static T Read(DbDataReader reader, PropertyInfo?[] columns)
    {
        if (IsSingleValue)
        {
            return Convert(reader.GetValue(0))!;
        }

        var row = Activator.CreateInstance<T>();
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i] is { } property && !reader.IsDBNull(i))
            {
                object value = reader.GetValue(i);
                property.SetValue(row, property.PropertyType.IsInstanceOfType(value) ? value : ConvertTo(value, property.PropertyType));
            }
        }

        return row;
    }

    private static PropertyInfo?[] ColumnsOf(DbDataReader reader)
    {
        if (IsSingleValue)
        {
            return [];
        }

        var columns = new PropertyInfo?[reader.FieldCount];
        for (int i = 0; i < columns.Length; i++)
        {
            string name = reader.GetName(i);
            string joined = name.Replace("_", string.Empty, StringComparison.Ordinal);
            columns[i] = Settable.FirstOrDefault(p => p.Name.Equals(name, StringComparison.Ordinal))
                ?? Settable.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? Settable.FirstOrDefault(p => p.Name.Equals(joined, StringComparison.OrdinalIgnoreCase));
        }

        return columns;
    }

    private static object ConvertTo(object value, Type type) =>
        System.Convert.ChangeType(value, Nullable.GetUnderlyingType(type) ?? type, CultureInfo.InvariantCulture);
}
