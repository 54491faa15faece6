using System.Data.Common;
using System.Text;

namespace FilmCatalog.Web.Data;

/// <summary>
/// A statement's text and its parameters, written together: each value becomes a parameter
/// (<c>@p0</c>, <c>@p1</c>, ...) where it is appended, so the text depends on the statement's shape only
/// and nothing a visitor typed is ever part of it.
/// </summary>
public sealed class StatementText(DbCommand factory)
{
    private readonly StringBuilder _sql = new();
    private readonly List<DbParameter> _parameters = [];

    public StatementText Append(string sql)
    {
        _sql.Append(sql);
        return this;
    }

    /// <summary>Appends a parameter holding <paramref name="value"/>.</summary>
    public StatementText Value(object value)
    {
        var parameter = factory.CreateParameter();
        parameter.ParameterName = "@p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        parameter.Value = value;
        _parameters.Add(parameter);
        _sql.Append(parameter.ParameterName);
        return this;
    }

    /// <summary>Appends a parameter for each value, as a list: <c>(@p3, @p4)</c>; returns the list's text, which may be appended again.</summary>
    public string List<T>(IEnumerable<T> values)
        where T : notnull
    {
        var start = _sql.Length;
        _sql.Append('(');
        foreach (var value in values)
        {
            if (_sql.Length > start + 1)
                _sql.Append(", ");
            Value(value);
        }

        _sql.Append(')');
        return _sql.ToString(start, _sql.Length - start);
    }

    public Statement ToStatement() => new(_sql.ToString(), _parameters);
}
