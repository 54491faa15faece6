namespace FilmCatalog.Web.Catalog;

/// <summary>A person named on a title page. The source has no person ids, so a name is the identity.</summary>
public sealed class Person
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Credit> Credits { get; set; } = [];
}

/// <summary>A person's part in a title, in billing order within its role.</summary>
public sealed class Credit
{
    public int Id { get; set; }
    public int TitleId { get; set; }
    public Title? Title { get; set; }

    /// <summary>Null when the source lost the name (it was a link); a cast row keeps its character and is shown with the name "not recorded".</summary>
    public int? PersonId { get; set; }
    public Person? Person { get; set; }

    public CreditRole Role { get; set; }
    public int Position { get; set; }
    public string? Character { get; set; }

    /// <summary>"uncredited", "as Other Name", "voice", ...</summary>
    public string? Note { get; set; }
}

public enum CreditRole
{
    Cast = 1,
    Director = 2,
    Writer = 3,
    Star = 4,
}
