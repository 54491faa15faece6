using FilmCatalog.Web.Hosting;
using FilmCatalog.Web.Reviews;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FilmCatalog.Tests.Reviews;

public sealed class ReviewVotingTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_vote_whose_visitor_leaves_while_it_waits_for_the_write_gate_is_cancelled_and_writes_nothing()
    {
        await _database.ImportAsync("seed.txt", await File.ReadAllBytesAsync(Directory.EnumerateFiles(RepositoryPaths.Seeds, "*.txt").First()));
        await using var db = _database.NewDbContext();
        var reviewId = await db.Reviews.Select(r => r.Id).FirstAsync();
        var voting = new ReviewVoting(db, _database.Gate, _database.Pages, new VoteLimits(VoteLimits.DefaultCountedPerAddress), TimeProvider.System);

        using var leaving = new CancellationTokenSource();
        Task<VoteOutcome> vote;
        await using var holder = _database.NewDbContext();
        await using (await _database.Gate.EnterAsync(holder, default))
        {
            vote = voting.VoteAsync(reviewId, Guid.NewGuid(), clientHash: null, helpful: true, leaving.Token);
            await leaving.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => vote);
        }

        await using var check = _database.NewDbContext();
        Assert.Equal(0, await check.HelpfulVotes.CountAsync());
        Assert.Equal(0, (await check.Reviews.SingleAsync(r => r.Id == reviewId)).SiteHelpful);

        // The gate was left free: the next vote goes through.
        var next = await voting.VoteAsync(reviewId, Guid.NewGuid(), clientHash: null, helpful: true, default);
        Assert.Equal(VoteResult.Recorded, next.Result);
    }

    [Fact]
    public void A_request_cancelled_because_its_client_left_is_not_logged_as_an_error()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };

        Assert.Equal(Serilog.Events.LogEventLevel.Information, SiteExtensions.RequestLogLevel(context, 5, new OperationCanceledException()));
        Assert.Equal(Serilog.Events.LogEventLevel.Error, SiteExtensions.RequestLogLevel(new DefaultHttpContext(), 5, new OperationCanceledException()));
    }
}
