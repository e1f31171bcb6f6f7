using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Platform.Persistence;

/// <summary>snake_case tables, columns, keys and indexes, matching the hand-written SQL migrations.</summary>
public static class SnakeCaseNames
{
    public static ModelBuilder UseSnakeCaseNames(this ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && entity.FindAnnotation("Relational:TableName") is null)
                entity.SetTableName(ToSnake(table));
            foreach (var property in entity.GetProperties())
                if (property.FindAnnotation("Relational:ColumnName") is null)
                    property.SetColumnName(ToSnake(property.Name));
            foreach (var key in entity.GetKeys())
                key.SetName(ToSnake(key.GetName()!));
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName(ToSnake(fk.GetConstraintName()!));
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName(ToSnake(index.GetDatabaseName()!));
        }
        return model;
    }

    public static string ToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))
                    && name[i - 1] != '_')
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
