namespace FilmCatalog.Web.Pages.Shared;

/// <summary>The model of <c>_TitleList.cshtml</c>: the titles, the number of the first (a later page starts further on) and a label for screen readers.</summary>
public sealed record TitleListModel(IReadOnlyList<ListedTitle> Titles, string Label, int Start = 1);
