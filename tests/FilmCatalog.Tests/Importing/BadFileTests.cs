using System.Text;
using FilmCatalog.Web.Importing;

namespace FilmCatalog.Tests.Importing;

/// <summary>Files that are broken or not title pages: each parses or is refused with a line, never anything else.</summary>
public class BadFileTests
{
    private static readonly string SeedText = File.ReadAllText(RepositoryPaths.Seed("000_2a1fb84a6d0c9262.txt"));

    private static TitlePageFormatException Refused(Func<ParseResult> parse)
    {
        var refusal = Assert.Throws<TitlePageFormatException>(() => parse());
        Assert.True(refusal.Line >= 1);
        return refusal;
    }

    [Fact]
    public void An_empty_file_is_refused_on_line_1()
    {
        var refusal = Refused(() => TitlePageParser.Parse(Array.Empty<byte>()));
        Assert.Equal((1, "empty file"), (refusal.Line, refusal.Message));
        Assert.Equal("empty file", Refused(() => TitlePageParser.Parse("")).Message);
    }

    [Fact]
    public void A_null_input_is_refused_like_an_empty_file()
    {
        Assert.Equal("empty file", Refused(() => TitlePageParser.Parse((string)null!)).Message);
        Assert.Equal("empty file", Refused(() => TitlePageParser.Parse((byte[])null!)).Message);
    }

    [Fact]
    public void A_file_of_whitespace_and_no_break_spaces_is_empty()
    {
        var refusal = Refused(() => TitlePageParser.Parse(Encoding.UTF8.GetBytes(" \n\t\r\n\u00A0 \n\n")));
        Assert.Equal((1, "empty file"), (refusal.Line, refusal.Message));
    }

    [Fact]
    public void Nul_bytes_are_binary_and_refused_on_the_line_where_they_start()
    {
        var bytes = Encoding.UTF8.GetBytes("13 user 21 critic\n\nSome Film (1990)\n").Concat(new byte[] { 0x00, 0x01, 0x89, 0x50, 0x00 }).ToArray();
        var refusal = Refused(() => TitlePageParser.Parse(bytes));
        Assert.Equal((4, "binary content, not a title page"), (refusal.Line, refusal.Message));
    }

    [Fact]
    public void Mostly_control_characters_are_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 8 == 0 ? 'a' : 0x01 + (i % 7))).ToArray();
        Assert.Equal("binary content, not a title page", Refused(() => TitlePageParser.Parse(bytes)).Message);
    }

    [Fact]
    public void A_page_without_a_title_line_is_refused()
    {
        var text = "13 user 21 critic\n\nJust some words about nothing.\nSee more »\n";
        var refusal = Refused(() => TitlePageParser.Parse(text));
        Assert.Equal((1, "no title line"), (refusal.Line, refusal.Message));
    }

    [Fact]
    public void A_page_of_only_navigation_has_no_title_line()
    {
        Assert.Equal("no title line", Refused(() => TitlePageParser.Parse("\n\nSee more »\nOn Disc\n| | |\n")).Message);
    }

    [Fact]
    public void A_ten_thousand_character_line_is_a_warning_not_a_failure()
    {
        var longLine = string.Concat(Enumerable.Repeat("word (1992) ... Written by : | ", 330))[..10_000];
        var result = TitlePageParser.Parse(SeedText + "\n" + longLine + "\n");
        Assert.Equal("In the Soup", result.Title.Name);

        var alone = Record.Exception(() => TitlePageParser.Parse(new string('x', 10_000)));
        Assert.IsType<TitlePageFormatException>(alone);
    }

    [Fact]
    public void A_seed_cut_in_half_still_parses_what_is_there()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Seed("000_2a1fb84a6d0c9262.txt"));
        var result = TitlePageParser.Parse(bytes[..(bytes.Length / 2)]);
        Assert.Equal("In the Soup", result.Title.Name);
        Assert.Equal(6, result.Title.AlsoLiked.Count);
        Assert.Equal(5, result.Title.Cast.Count);
        Assert.Empty(result.Title.Reviews);
    }

    [Fact]
    public void A_seed_cut_in_the_middle_of_the_cards_keeps_the_cards_so_far()
    {
        var cut = SeedText[..SeedText.IndexOf("Louis & Frank", StringComparison.Ordinal)];
        var result = TitlePageParser.Parse(cut);
        Assert.Equal(2, result.Title.AlsoLiked.Count);
        Assert.Empty(result.Title.Cast);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Utf16_with_a_byte_order_mark_reads_like_utf8(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(SeedText)).ToArray();
        var result = TitlePageParser.Parse(bytes);
        Assert.Equal("In the Soup", result.Title.Name);
        Assert.Equal("Faut que ça danse!", Assert.Single(result.Title.Connections).OtherName);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Latin1_bytes_fall_back_to_windows_1252_with_a_warning_on_line_1()
    {
        var latin1 = Encoding.Latin1.GetBytes("13 user\n\nLe Château (1987)\n\nCast:\nRenée Dupré ...\nHélène\n");
        var result = TitlePageParser.Parse(latin1);
        Assert.Equal("Le Château", result.Title.Name);
        Assert.Equal("Hélène", Assert.Single(result.Title.Cast).Character);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(1, warning.Line);
        Assert.Contains("Windows-1252", warning.Message);
    }

    [Fact]
    public void A_utf8_bom_is_not_part_of_the_first_line()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("2 user 3 critic\r\nA Film (2000)\r\n")).ToArray();
        var result = TitlePageParser.Parse(bytes);
        Assert.Equal((2, 3), (result.Title.SourceUserReviews, result.Title.SourceCriticReviews));
        Assert.Equal(("A Film", 2000, 2), (result.Title.Name, result.Title.Year, result.Title.TitleLine));
    }

    [Theory]
    [InlineData("Some Film (TV 1999)", 1999)]
    [InlineData("Some Film (2001/I)", 2001)]
    [InlineData("Some Film\u00A0(1992)", 1992)]
    [InlineData("Some Film (Video 2004)", 2004)]
    public void Title_year_takes_the_four_digits_whatever_surrounds_them(string line, int year)
    {
        var title = TitlePageParser.Parse(line).Title;
        Assert.Equal(("Some Film", year), (title.Name, title.Year));
    }

    [Theory]
    [InlineData("13 user | 21 critic", 13, 21)]
    [InlineData("13 user", 13, null)]
    [InlineData("21 critic", null, 21)]
    [InlineData("1,204 user reviews 21 critic reviews", 1204, 21)]
    public void Review_counts_tolerate_pipes_and_missing_halves(string line, int? user, int? critic)
    {
        var title = TitlePageParser.Parse($"{line}\n\nSome Film (1990)\n").Title;
        Assert.Equal((user, critic), (title.SourceUserReviews, title.SourceCriticReviews));
    }

    [Theory]
    [InlineData("Ratings: 6.6/10 from 12,345 users", 6.6, 12345)]
    [InlineData("6.6/10 12,345 users", 6.6, 12345)]
    [InlineData("Users rated this 6.6/10 (12,345 votes)", 6.6, 12345)]
    [InlineData("6.6/10", 6.6, null)]
    public void Title_rating_is_read_with_or_without_a_vote_count(string line, double rating, int? votes)
    {
        var title = TitlePageParser.Parse($"Some Film (1990)\n{line}\n").Title;
        Assert.Equal((rating, votes), (title.Rating, title.RatingVotes));
    }
}
