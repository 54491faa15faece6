using System.Data.Common;
using System.Numerics;
using System.Text;
using FilmCatalog.Web.Importing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace FilmCatalog.Web.Data;

/// <summary>
/// Statements derived from the EF model rather than written out, for the two writes that EF Core's
/// own API cannot make fast enough (the importer's, and a vote's): table and column
/// names, which columns an insert writes (every mapped one but the generated key), and how each value
/// is bound (through its column's own type mapping, so a Guid, a date or a list of strings is stored
/// exactly as EF Core stores it on that provider). Every value is bound by a name made from its
/// column and row, and the statement's placeholders are made from the same column list, so no
/// statement depends on the order in which values are given.
/// </summary>
/// <remarks>
/// The SQL is plain enough for every provider (multi-row <c>INSERT ... VALUES</c>,
/// <c>ON CONFLICT DO NOTHING</c>, <c>IN</c> lists). Rows go in chunks of a power of two, at most
/// the provider's <see cref="IImportTransaction.RowsPerStatement"/>, so each table has a handful of
/// distinct statements that the provider can keep prepared.
/// </remarks>
public sealed class ModelSql
{
    private const int MaxRowsPerStatement = 64;

    private readonly ISqlGenerationHelper _sql;
    private readonly Dictionary<Type, Table> _tables = [];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, ModelSql> ByModel = new();

    /// <summary>The statements of <paramref name="db"/>'s model, built once per model (one per provider).</summary>
    public static ModelSql Of(CatalogDbContext db) => ByModel.GetValue(db.Model, _ => new ModelSql(db));

    private ModelSql(CatalogDbContext db)
    {
        _sql = db.GetService<ISqlGenerationHelper>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            // The catalog's own tables (a browse list's has a key of two columns). Identity's tables
            // (user roles, logins, tokens) are written by Identity's stores, never here.
            if (entity.ClrType is { } type && type.Namespace?.StartsWith("FilmCatalog.Web", StringComparison.Ordinal) == true
                && entity.FindPrimaryKey() is not null && entity.GetTableMappings().SingleOrDefault() is { } mapping)
                _tables[type] = new Table(mapping, _sql);
        }
    }

    /// <summary>The table of <typeparamref name="T"/>, with its delimited name and columns.</summary>
    public Table Of<T>() => Of(typeof(T));

    /// <summary>The table of entity type <paramref name="entity"/>.</summary>
    public Table Of(Type entity) => _tables.TryGetValue(entity, out var table)
        ? table
        : throw new InvalidOperationException($"{entity.Name} is not a table of the catalog model");

    /// <summary>
    /// Inserts <paramref name="rows"/> (<see cref="IImportTransaction.Insert"/>); with
    /// <paramref name="skipExisting"/>, a row that a unique index already holds is left as it is
    /// (<c>ON CONFLICT DO NOTHING</c>) and its id is read back by its natural key afterwards.
    /// </summary>
    public void Insert<T>(IImportTransaction tx, IReadOnlyList<T> rows, bool skipExisting = false)
        where T : class
    {
        if (rows.Count > 0)
            tx.Insert(Of<T>(), rows, skipExisting);
    }

    /// <summary>Sets <paramref name="properties"/> of the row with key <paramref name="id"/> to <paramref name="row"/>'s values.</summary>
    public void Update<T>(IImportTransaction tx, T row, int id, IReadOnlyList<string> properties)
        where T : class
    {
        var table = Of<T>();
        var parameters = new List<DbParameter>(properties.Count + 1);
        var text = new StringBuilder("UPDATE ").Append(table.Name).Append(" SET ");
        for (var i = 0; i < properties.Count; i++)
        {
            var column = table[properties[i]];
            text.Append(i > 0 ? ", " : "").Append(column.Name).Append(" = ").Append(Placeholder(column.Stem));
            parameters.Add(column.Parameter(tx, ParameterName(column.Stem), column.ValueOf(row)));
        }

        text.Append(" WHERE ").Append(table.Key.Name).Append(" = ").Append(Placeholder("key"));
        parameters.Add(table.Key.Parameter(tx, ParameterName("key"), id));
        tx.Execute(text.ToString(), parameters);
    }

    /// <summary>Deletes the rows of <typeparamref name="T"/> whose <paramref name="property"/> is <paramref name="value"/>.</summary>
    public void DeleteWhere<T>(IImportTransaction tx, string property, object value)
        where T : class
    {
        var table = Of<T>();
        var column = table[property];
        tx.Execute($"DELETE FROM {table.Name} WHERE {column.Name} = {Placeholder(column.Stem)}",
            [column.Parameter(tx, ParameterName(column.Stem), value)]);
    }

    /// <summary>
    /// Queries for <paramref name="select"/> columns of the rows whose <paramref name="property"/> is one of
    /// <paramref name="values"/>, in chunks of a power of two (the last padded with its own last value).
    /// </summary>
    public IEnumerable<ImportQuery> WhereIn<T>(IImportTransaction tx, IReadOnlyList<string> select, string property, IReadOnlyList<object> values, Action<DbDataReader> readRow)
        where T : class
    {
        var table = Of<T>();
        var columns = string.Join(", ", select.Select(p => table[p].Name));
        var column = table[property];
        return InLists(tx, column, values, list => $"SELECT {columns} FROM {table.Name} WHERE {column.Name} IN {list}", readRow);
    }

    /// <summary>
    /// One query per chunk of <paramref name="values"/> (a power of two, the last padded with its own last value):
    /// <paramref name="sql"/> makes the statement from the chunk's list, <c>(@v_0, @v_1, ...)</c>, its values bound as <paramref name="column"/> binds.
    /// </summary>
    public IEnumerable<ImportQuery> InLists(IImportTransaction tx, Column column, IReadOnlyList<object> values, Func<string, string> sql, Action<DbDataReader> readRow)
    {
        for (var start = 0; start < values.Count; start += MaxRowsPerStatement)
        {
            var count = Math.Min(MaxRowsPerStatement, values.Count - start);
            var padded = (int)BitOperations.RoundUpToPowerOf2((uint)count);
            var parameters = new DbParameter[padded];
            var placeholders = new string[padded];
            for (var i = 0; i < padded; i++)
            {
                var stem = column.Stem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                placeholders[i] = Placeholder(stem);
                parameters[i] = column.Parameter(tx, ParameterName(stem), values[start + Math.Min(i, count - 1)]);
            }

            yield return new ImportQuery(sql($"({string.Join(", ", placeholders)})"), parameters, readRow);
        }
    }

    public string Placeholder(string stem) => _sql.GenerateParameterNamePlaceholder(stem);

    public string ParameterName(string stem) => _sql.GenerateParameterName(stem);

    /// <summary>Splits <paramref name="total"/> rows into chunks of a power of two, largest first, each at most <paramref name="most"/>.</summary>
    public static IEnumerable<(int Start, int Count)> Chunks(int total, int most)
    {
        var start = 0;
        while (start < total)
        {
            var count = Math.Min(Math.Min(most, MaxRowsPerStatement), 1 << BitOperations.Log2((uint)(total - start)));
            yield return (start, count);
            start += count;
        }
    }

    /// <summary>One table of the model as the importer writes it.</summary>
    public sealed class Table
    {
        private readonly Dictionary<string, Column> _byProperty = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(int, bool), string> _inserts = new();
        private readonly ISqlGenerationHelper _sql;

        public Table(ITableMapping mapping, ISqlGenerationHelper sql)
        {
            _sql = sql;
            Name = sql.DelimitIdentifier(mapping.Table.Name, mapping.Table.Schema);
            foreach (var columnMapping in mapping.ColumnMappings)
            {
                var property = columnMapping.Property;
                var column = new Column(sql.DelimitIdentifier(columnMapping.Column.Name), Stem(columnMapping.Column.Name), property, columnMapping.TypeMapping);
                _byProperty[property.Name] = column;
            }

            // A table keyed by several columns (a browse list's row) is only ever inserted, never updated by its key.
            var key = mapping.TypeBase.ContainingEntityType.FindPrimaryKey()!.Properties;
            _key = key.Count == 1 ? _byProperty[key[0].Name] : null;
            Inserted = [.. _byProperty.Values.Where(c => !ReferenceEquals(c, _key) || c.Property.ValueGenerated == ValueGenerated.Never)];
        }

        private readonly Column? _key;

        public string Name { get; }

        /// <summary>The column of a single-column primary key.</summary>
        public Column Key => _key ?? throw new InvalidOperationException($"{Name} has a key of several columns");

        public IReadOnlyList<Column> Inserted { get; }

        public Column this[string property] => _byProperty.TryGetValue(property, out var column)
            ? column
            : throw new InvalidOperationException($"{property} is not a column of {Name}");

        /// <summary>The column list of an insert: <c>("A", "B", ...)</c>.</summary>
        public string InsertedList => "(" + string.Join(", ", Inserted.Select(c => c.Name)) + ")";

        /// <summary><c>INSERT INTO t (...) VALUES (...), ...</c> for <paramref name="rows"/> rows, placeholders named by column and row.</summary>
        public string ValuesInsert(int rows, bool skipExisting)
        {
            if (_inserts.TryGetValue((rows, skipExisting), out var cached))
                return cached;

            var text = new StringBuilder("INSERT INTO ").Append(Name).Append(' ').Append(InsertedList).Append(" VALUES ");
            for (var row = 0; row < rows; row++)
            {
                text.Append(row > 0 ? ", (" : "(");
                for (var c = 0; c < Inserted.Count; c++)
                    text.Append(c > 0 ? ", " : "").Append(_sql.GenerateParameterNamePlaceholder(RowStem(Inserted[c], row)));
                text.Append(')');
            }

            if (skipExisting)
                text.Append(" ON CONFLICT DO NOTHING");
            return _inserts[(rows, skipExisting)] = text.ToString();
        }

        /// <summary>The parameters of <see cref="ValuesInsert"/> for rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>.</summary>
        public List<DbParameter> ValuesParameters(DbCommand factory, IReadOnlyList<object> rows, int start, int count)
        {
            var parameters = new List<DbParameter>(count * Inserted.Count);
            for (var row = 0; row < count; row++)
            {
                foreach (var column in Inserted)
                    parameters.Add(column.Parameter(factory, _sql.GenerateParameterName(RowStem(column, row)), column.ValueOf(rows[start + row])));
            }

            return parameters;
        }

        private static string RowStem(Column column, int row) => column.Stem + "_" + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static string Stem(string columnName) => new([.. columnName.Where(char.IsAsciiLetterOrDigit)]);
    }

    /// <summary>A column: its delimited name, the stem of its parameter names, and how its values are bound.</summary>
    public sealed record Column(string Name, string Stem, IProperty Property, RelationalTypeMapping Mapping)
    {
        private readonly IClrPropertyGetter _getter = Property.GetGetter();

        public object? ValueOf(object row) => _getter.GetClrValueUsingContainingEntity(row);

        /// <summary>A parameter bound as EF Core binds this column: its value converter, its database type.</summary>
        public DbParameter Parameter(IImportTransaction tx, string name, object? value) => Parameter(tx.ParameterFactory, name, value);

        public DbParameter Parameter(DbCommand factory, string name, object? value) =>
            Mapping.CreateParameter(factory, name, value, Property.IsNullable);

        /// <summary>The value as the database stores it: after the column's value converter.</summary>
        public object? ProviderValueOf(object row) => ValueOf(row) is { } value && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : ValueOf(row);
    }
}
