using System.ComponentModel.DataAnnotations;
using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Moderation;

namespace FilmCatalog.Web.Pages.Moderation;

/// <summary>What a decision form posts: the decision and why.</summary>
public sealed class DecisionInput
{
    public const int NoteMax = Data.Configurations.ModerationActionConfiguration.NoteMaxLength;

    [Required(ErrorMessage = "Choose hide, restore or remove.")]
    [EnumDataType(typeof(ModerationDecision), ErrorMessage = "Choose hide, restore or remove.")]
    [InvalidValueMessage("Choose hide, restore or remove.")]
    public ModerationDecision? Kind { get; set; }

    [Required(ErrorMessage = "Say why, in a few words: it is kept in the review's history.")]
    [StringLength(NoteMax, MinimumLength = 3, ErrorMessage = "Say why in {2} to {1} characters.")]
    public string? Note { get; set; }
}
