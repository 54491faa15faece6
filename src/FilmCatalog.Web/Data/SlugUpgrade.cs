using FilmCatalog.Web.Catalog;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Data;

/// <summary>
/// Recomputes every slug under the current <see cref="Slug"/> rule, once, when a migration queued it
/// (<see cref="CatalogUpgrade"/> "slugs-v2": accents folded to ASCII instead of dropped). A title
/// whose slug changes keeps the old one as a <see cref="SlugAlias"/>, so its old URLs answer 301 and a
/// re-import finds it under the new slug instead of making a duplicate; connections naming it
/// and import records follow. One transaction: a catalog is upgraded whole or not at all.
/// </summary>
public static class SlugUpgrade
{
    public const string Name = "slugs-v2";

    public static async Task RunAsync(CatalogDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (!await db.CatalogUpgrades.AnyAsync(u => u.Name == Name, cancellationToken))
            return;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Claimed by removing its row first: another instance starting on the same database at the
        // same moment waits on that row (PostgreSQL) or on the write lock (SQLite), then finds it gone.
        if (await db.CatalogUpgrades.Where(u => u.Name == Name).ExecuteDeleteAsync(cancellationToken) == 0)
            return;

        var titles = await db.Titles.AsNoTracking()
            .Select(t => new { t.Id, t.Name, t.Year, t.YearQualifier, t.Slug })
            .ToListAsync(cancellationToken);

        var taken = titles.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var renames = new List<(int Id, string Old, string New)>();
        foreach (var title in titles)
        {
            var slug = Slug.For(title.Name, title.Year, title.YearQualifier);
            if (slug == title.Slug)
                continue;
            if (!taken.Add(slug))
            {
                // Two titles that the old rule told apart and the new one does not: the second keeps its old slug.
                logger.LogWarning("Title {TitleId} keeps its slug {Slug}: {NewSlug} is another title's", title.Id, title.Slug, slug);
                continue;
            }

            renames.Add((title.Id, title.Slug, slug));
        }

        // Through a temporary slug first, so that a chain of renames never meets the unique index halfway.
        foreach (var (id, _, _) in renames)
            await db.Titles.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Slug, "~renaming-" + id), cancellationToken);
        foreach (var (id, old, slug) in renames)
        {
            await db.Titles.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Slug, slug), cancellationToken);
            await db.SlugAliases.Where(a => a.OldSlug == old).ExecuteDeleteAsync(cancellationToken);
            db.SlugAliases.Add(new SlugAlias { OldSlug = old, TitleId = id });
            await db.ImportRecords.Where(r => r.TitleSlug == old).ExecuteUpdateAsync(s => s.SetProperty(r => r.TitleSlug, slug), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        // Connections name films by the slug they would have (the film need not be in the catalog yet).
        var connections = await db.Connections.AsNoTracking()
            .Select(c => new { c.Id, c.OtherName, c.OtherYear, c.OtherSlug })
            .ToListAsync(cancellationToken);
        var relinked = 0;
        foreach (var connection in connections)
        {
            var slug = Slug.For(connection.OtherName, connection.OtherYear);
            if (slug == connection.OtherSlug)
                continue;
            await db.Connections.Where(c => c.Id == connection.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OtherSlug, slug), cancellationToken);
            relinked++;
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Slugs upgraded: {Renamed} titles renamed (old slugs kept as redirects), {Relinked} connections relinked", renames.Count, relinked);
    }
}
