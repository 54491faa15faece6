using System.ComponentModel.DataAnnotations;
using FilmCatalog.Web.Data;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Pages.Shared;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Web.Pages.Reviews;

/// <summary>"Review this title": the form, its validation, and Post/Redirect/Get to the new review.</summary>
[RateLimitedWrites(WriteKind.Review)]
[DisableRateLimiting] // The handler asks the budget itself (WriteBudget): refused, the visitor keeps the review they typed.
public sealed class NewModel(CatalogDbContext db, ReviewPosting posting, VisitorIdentity visitors, WriteBudget budget) : PageModel
{
    public const int HeadlineMin = 3;
    public const int HeadlineMax = 100;
    public const int BodyMin = 100;
    public const int BodyMax = 6_000;
    public const int NameMax = 50;

    // Named, as every form's input is (see PasswordModel.Input): a post without the fields is told what is missing.
    [BindProperty(Name = "Input")]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public TitleHeading Film { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await FindFilmAsync(slug, cancellationToken) is not { } film)
            return NotFound();
        Film = film;
        // Issued with the form: the review must come back with it to be posted (see VisitorIdentity).
        visitors.GetOrCreate(HttpContext);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await FindFilmAsync(slug, cancellationToken) is not { } film)
            return NotFound();
        Film = film;

        Check(this, Input);
        if (visitors.Find(HttpContext) is not { } visitor)
        {
            visitors.GetOrCreate(HttpContext);
            ModelState.AddModelError("", VisitorIdentity.MissingMessage);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }

        if (!ModelState.IsValid)
            return Page();

        // Asked once the form is right, so a refusal says only when to post it again; mistakes spend nothing.
        if (await budget.RefusalAsync(HttpContext, cancellationToken) is { } wait)
        {
            ModelState.AddModelError("", $"Your review was not posted: you have posted too many reviews for now. It is below as you wrote it: post it again {WaitWords.In(wait)}.");
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        var review = await posting.PostAsync(
            slug,
            new NewReview(Input.Headline, Input.Rating!.Value, Input.Body, Input.DisplayName, Input.ContainsSpoilers),
            visitor,
            cancellationToken);
        if (review is null)
            return NotFound();

        StatusMessage = "Thank you: your review is posted.";
        TempData[Titles.DetailsModel.StatusReviewKey] = review.Id;
        TempData[Titles.DetailsModel.StatusEditableKey] = true;
        return RedirectToPage("/Titles/Details", null, new { slug }, $"review-{review.Id}");
    }

    /// <summary>
    /// The checks beyond the input model's attributes, shared by the form that posts a review and the one that
    /// edits it (<see cref="EditModel"/>). Headline and name are one line. Lengths as a reader sees them: three
    /// zero-width spaces passed as a headline, and a hundred as a review that showed nothing yet counted in the
    /// film's rating. A name that shows nothing is no name ("a visitor").
    /// </summary>
    internal static void Check(PageModel page, InputModel input)
    {
        var modelState = page.ModelState;
        if (input.Headline.Any(char.IsControl))
            modelState.AddModelError("Input.Headline", "The headline must be one line of text.");
        if (input.DisplayName is { } line && line.Any(char.IsControl))
            modelState.AddModelError("Input.DisplayName", "The name must be one line of text.");

        bool Unchecked(string key) => modelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (input.Headline.Length > 0 && Unchecked("Input.Headline") && VisibleText.IsBlank(input.Headline))
            modelState.AddModelError("Input.Headline", "Give your review a headline.");
        else if (input.Headline.Length > 0 && Unchecked("Input.Headline") && VisibleText.Length(input.Headline) < HeadlineMin)
            modelState.AddModelError("Input.Headline", $"The headline must be {HeadlineMin} to {HeadlineMax} characters.");

        if (input.Body.Length > 0 && Unchecked("Input.Body") && (VisibleText.IsBlank(input.Body) || VisibleText.Length(input.Body) < BodyMin))
            modelState.AddModelError("Input.Body", FormattableString.Invariant($"Your review must be {BodyMin} to {BodyMax:N0} characters (a few sentences, at most about 1,000 words)."));

        if (input.DisplayName is { } name && VisibleText.IsBlank(name))
            input.DisplayName = null;

    }

    private Task<TitleHeading?> FindFilmAsync(string slug, CancellationToken cancellationToken) =>
        db.Titles.Where(t => t.Slug == slug)
            .Select(t => new TitleHeading(t.Slug, t.Name, t.Year))
            .SingleOrDefaultAsync(cancellationToken);

    public sealed record TitleHeading(string Slug, string Name, int? Year)
    {
        public string Display => Year is { } year ? $"{Name} ({year})" : Name;
    }

    /// <summary>The form's fields in page order, with the id of the element an error links to.</summary>
    public static readonly IReadOnlyList<(string Key, string FieldId)> Fields =
    [
        ("Input.Headline", "Input_Headline"),
        ("Input.Rating", "Input_Rating"),
        ("Input.Body", "Input_Body"),
        ("Input.DisplayName", "Input_DisplayName"),
        ("Input.ContainsSpoilers", "Input_ContainsSpoilers"),
    ];

    /// <summary>
    /// Only what the form posts; nothing here is an entity. Text is trimmed as it is bound, so the lengths are
    /// checked on what will be stored: trimmed after validation, "  a  " passed as a headline of three or more.
    /// </summary>
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give your review a headline.")]
        [TextLength(HeadlineMax, MinimumLength = HeadlineMin, ErrorMessage = "The headline must be {2} to {1} characters.")]
        [Display(Name = "Headline")]
        public string Headline
        {
            get => _headline;
            set => _headline = value?.Trim() ?? "";
        }

        private string _headline = "";

        [Required(ErrorMessage = "Choose a rating from 1 to 10.")]
        [Range(1, 10, ErrorMessage = "Choose a rating from 1 to 10.")]
        [InvalidValueMessage("Choose a rating from 1 to 10.")]
        [Display(Name = "Your rating")]
        public int? Rating { get; set; }

        [Required(ErrorMessage = "Write your review.")]
        [TextLength(BodyMax, MinimumLength = BodyMin, ErrorMessage = "Your review must be {2} to {1} characters (a few sentences, at most about 1,000 words).")]
        [Display(Name = "Your review")]
        public string Body
        {
            get => _body;

            // Browsers send a textarea's line breaks as CRLF but count them as one character for maxlength.
            // Other control characters are no text (pasted, they showed as boxes): they are left out.
            set => _body = VisibleText.WithoutControlCharacters(value?.ReplaceLineEndings("\n") ?? "").Trim();
        }

        private string _body = "";

        [TextLength(NameMax, ErrorMessage = "Keep the name to {1} characters.")]
        [Display(Name = "Display name (optional)")]
        public string? DisplayName
        {
            get => _displayName;
            set => _displayName = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        private string? _displayName;

        [Display(Name = "This review contains spoilers")]
        public bool ContainsSpoilers { get; set; }
    }
}
