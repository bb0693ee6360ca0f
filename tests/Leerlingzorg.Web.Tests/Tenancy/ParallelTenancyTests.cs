using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Tests.Tenancy;

/// <summary>Pooled contexts and pooled connections are reused across users: no school may leak into the next lease.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ParallelTenancyTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    [Fact]
    public async Task Sixty_four_parallel_tasks_alternating_schools_see_only_their_own_school_in_10000_operations()
    {
        const int tasks = 64;
        const int operations = 10_000;
        var a = (fixture.A.School.Id, fixture.A.Mentor, fixture.A.Leerlingen.Count);
        var b = (fixture.B.School.Id, fixture.B.Mentor, fixture.B.Leerlingen.Count);
        var mismatches = 0;
        var done = 0;

        await Task.WhenAll(Enumerable.Range(0, tasks).Select(async task =>
        {
            for (var op = task; op < operations; op += tasks)
            {
                var (school, mentor, expected) = op % 2 == 0 ? a : b;
                var user = new CurrentUser();
                user.Set(TestPrincipal.For(mentor, ["Mentor"]));
                var factory = new SchoolDbContextFactory(fixture.App.Pool, user);
                await using var db = await factory.CreateDbContextAsync();
                // Every other operation relies on row-level security alone (filters off).
                var query = op % 4 < 2 ? db.Leerlingen : db.Leerlingen.IgnoreQueryFilters([LeerlingzorgDbContext.SchoolFilter]);
                var schools = await query.Select(l => l.SchoolId).ToListAsync();
                if (schools.Count != expected || schools.Any(s => s != school))
                {
                    Interlocked.Increment(ref mismatches);
                }
                Interlocked.Increment(ref done);
            }
        }));

        Assert.Equal(operations, done);
        Assert.Equal(0, mismatches);
    }
}
