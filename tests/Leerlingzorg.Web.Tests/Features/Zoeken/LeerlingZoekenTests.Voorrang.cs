using System.Text.Json;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Zoeken;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Web.Tests.Features.Zoeken;

/// <summary>
/// Need-to-know before the match, the stored search column, and the one full-name expression (issue 8, deliver 7 and 9).
/// </summary>
public sealed partial class LeerlingZoekenTests
{
    /// <summary>
    /// A mentor of one class in a school of thousands: the plan reads the students of his class, not the school's,
    /// before the trigram match runs (before: every student of the school was matched, and then need-to-know applied).
    /// </summary>
    [Theory]
    [InlineData("jansne")]
    [InlineData("de vries")]
    [InlineData("C000040")]
    [InlineData("c00")]
    public async Task A_mentor_s_search_matches_only_the_students_he_may_see(string term)
    {
        await using var scope = fixture.App.ScopeAs(fixture.MentorC, Rollen.Mentor, Rollen.Docent);
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingZoekenHandler>();
        await using var db = fixture.App.ContextFor(fixture.C.School.Id);
        var plan = await PlanJsonAsync(db, await handler.QueryAsync(db, term));
        var scans = LeerlingScans(plan.RootElement[0].GetProperty("Plan")).ToList();
        Assert.NotEmpty(scans);
        Assert.All(scans, gelezen => Assert.InRange(gelezen, 0, ZoekenFixture.KlasCAantal));
    }

    /// <summary>
    /// Reading only the visible classes changes no answer: the same students in the same order as the rule
    /// (<see cref="Toegang.ZichtbareLeerlingen"/>) with the match, also when more than ten of his students match
    /// and better-matching students of other classes exist.
    /// </summary>
    [Fact]
    public async Task A_mentor_gets_the_hits_and_the_order_the_rule_gives()
    {
        await using var scope = fixture.App.ScopeAs(fixture.MentorC, Rollen.Mentor, Rollen.Docent);
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingZoekenHandler>();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        await using var db = fixture.App.ContextFor(fixture.C.School.Id);
        var namen = await db.Leerlingen.Where(l => l.KlasId == fixture.KlasC.Id).OrderBy(l => l.Leerlingnummer)
            .Select(l => l.Achternaam).Take(4).ToListAsync();
        string[] termen = [.. namen, "jansne", "de vries", "c00", "C000040", "sophie"];
        var metTien = 0;
        foreach (var term in termen)
        {
            var verwacht = await db.ZichtbareLeerlingen(user).Zoek(term).OpGelijkenis(term)
                .ThenBy(l => l.Status).ThenBy(l => l.Achternaam).ThenBy(l => l.Voornaam).ThenBy(l => l.Id)
                .Take(LeerlingZoekenHandler.MaximumResultaten).Select(l => l.Id).ToListAsync();
            var gevonden = await handler.HandleAsync(term);
            Assert.Equal(verwacht, gevonden.Select(r => r.Id));
            Assert.All(gevonden, r => Assert.Equal(fixture.KlasC.Naam, r.Klas));
            metTien += gevonden.Count == LeerlingZoekenHandler.MaximumResultaten ? 1 : 0;
        }
        // "c00" matches every student of the school: the mentor still gets ten of his own.
        Assert.True(metTien >= 1);
    }

    [Fact]
    public async Task The_search_reads_the_stored_search_text_and_computes_none_per_row()
    {
        var plan = await PlanAsync(await AppVerbindingAsync(fixture.C.School.Id), await ZoekSqlAsync(fixture.C.School.Id, "jansne"));
        Assert.DoesNotContain("lz_zoektekst(", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("unaccent(", plan, StringComparison.Ordinal);
        Assert.Contains("zoektekst", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stored_search_text_follows_a_change_of_name()
    {
        var leerling = new Domain.Leerlingen.Leerling
        {
            Leerlingnummer = "B-0900", Voornaam = "Quirijn", Achternaam = "Oudenaarde", Geboortedatum = new DateOnly(2012, 1, 1),
            KlasId = fixture.B.Klas.Id,
        };
        await using (var db = fixture.App.ContextFor(fixture.B.School.Id))
        {
            db.Leerlingen.Add(leerling);
            await db.SaveChangesAsync();
        }
        var zorg = await ZorgcoordinatorAsync(fixture.B.School.Id);
        Assert.Equal(leerling.Id, (await ZoekAsync(zorg, Rollen.Zorgcoordinator, "quirijn"))[0].Id);
        await using (var db = fixture.App.ContextFor(fixture.B.School.Id))
        {
            Assert.Equal(1, await db.Leerlingen.Where(l => l.Id == leerling.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Achternaam, "Zeeuwenkamp")));
        }
        Assert.Equal(leerling.Id, (await ZoekAsync(zorg, Rollen.Zorgcoordinator, "zeeuwenkamp"))[0].Id);
        Assert.DoesNotContain(await ZoekAsync(zorg, Rollen.Zorgcoordinator, "oudenaarde"), r => r.Id == leerling.Id);
    }

    /// <summary>The one full-name expression (<c>lz_volledige_naam</c>) gives exactly what the copies it replaced gave.</summary>
    [Fact]
    public async Task The_full_name_function_gives_what_the_pages_showed()
    {
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            var namen = await db.Leerlingen
                .Select(l => new
                {
                    l.Id,
                    Nieuw = LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam),
                    Oud = l.Voornaam + " " + (l.Tussenvoegsel == null ? "" : l.Tussenvoegsel + " ") + l.Achternaam,
                })
                .ToListAsync();
            Assert.All(namen, n => Assert.Equal(n.Oud, n.Nieuw));
            Assert.Equal("Zoë de Vries", namen.Single(n => n.Id == fixture.Zoe.Id).Nieuw);
            Assert.Equal("Björn Jansen", namen.Single(n => n.Id == fixture.Bjorn.Id).Nieuw);
        }
        await using var admin = new NpgsqlConnection(fixture.App.Database.AdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT v, t, a, lz_volledige_naam(v, t, a), v || ' ' || CASE WHEN t IS NULL THEN '' ELSE t || ' ' END || a
            FROM (VALUES ('Jan', 'van der', 'Berg'), ('Jan', NULL, 'Berg'), ('Jan', '', 'Berg'), (' Jan ', 'de', 'Vries ')) AS n(v, t, a)
            """, admin);
        await using var lezer = await command.ExecuteReaderAsync();
        var rijen = 0;
        while (await lezer.ReadAsync())
        {
            Assert.Equal(lezer.GetString(4), lezer.GetString(3));
            rijen++;
        }
        Assert.Equal(4, rijen);
    }

    private static async Task<JsonDocument> PlanJsonAsync<T>(LeerlingzorgDbContext db, IQueryable<T> query)
    {
        // Opened through EF Core, so the connection interceptor sets app.school_id: the plan is the one under RLS.
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + command.CommandText;
        var json = (string)(await command.ExecuteScalarAsync())!;
        return JsonDocument.Parse(json);
    }

    /// <summary>Per scan of the leerlingen table: the rows it read (returned and filtered out) over all its loops.</summary>
    private static IEnumerable<double> LeerlingScans(JsonElement node)
    {
        if (node.TryGetProperty("Relation Name", out var relatie) && relatie.GetString() == "leerlingen")
        {
            double Getal(string naam) => node.TryGetProperty(naam, out var waarde) ? waarde.GetDouble() : 0;
            yield return (Getal("Actual Rows") + Getal("Rows Removed by Filter") + Getal("Rows Removed by Index Recheck")) * Getal("Actual Loops");
        }
        if (node.TryGetProperty("Plans", out var kinderen))
        {
            foreach (var kind in kinderen.EnumerateArray())
            {
                foreach (var gelezen in LeerlingScans(kind))
                {
                    yield return gelezen;
                }
            }
        }
    }
}
