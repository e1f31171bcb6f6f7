using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Persistence;

public static class ColumnDefaults
{
    /// <summary>A column default for rows written by SQL and for columns added to existing rows; EF itself always
    /// writes the entity's value (a plain <c>HasDefaultValue</c> would skip a <c>false</c> or <c>0</c> and let the
    /// database's default win).</summary>
    public static PropertyBuilder<T> HasColumnDefault<T>(this PropertyBuilder<T> property, T value) =>
        property.HasDefaultValue(value).ValueGeneratedNever();

    /// <summary>As <see cref="HasColumnDefault{T}"/>, with an SQL expression such as <c>now()</c>.</summary>
    public static PropertyBuilder<T> HasColumnDefaultSql<T>(this PropertyBuilder<T> property, string sql) =>
        property.HasDefaultValueSql(sql).ValueGeneratedNever();
}
