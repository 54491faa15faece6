using FilmCatalog.Web.Catalog;
using FilmCatalog.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>Every moderation action, newest first: who did what to which review, when and why.</summary>
public sealed class LogModel(CatalogDbContext db) : PageModel
{
    public IReadOnlyList<LogLine> Actions { get; private set; } = [];

    public Paging Paging { get; private set; }

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        var number = Paging.Clamp(p);
        var lines = await db.ModerationActions.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((number - 1) * Paging.Size).Take(Paging.Size + 1)
            .Join(db.Reviews, a => a.ReviewId, r => r.Id, (a, r) => new LogLine(
                a.Kind, a.ModeratorEmail, a.Note, a.At, r.Id, r.Headline, new FilmName(r.Title!.Slug, r.Title.Name, r.Title.Year)))
            .ToListAsync(cancellationToken);
        (var shown, Paging) = Paging.Of(lines, number);
        Actions = shown;
    }

    public sealed record LogLine(ModerationKind Kind, string? By, string Note, DateTime At, int ReviewId, string Headline, FilmName Film)
    {
        public string ByText => By ?? (Kind == ModerationKind.WithdrawnByAuthor ? "its author" : "the site");
    }
}
