using System.Data.Common;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Leerlingzorg.Web.Tests.Features.Tijdlijn;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Leerlingzorg.Web.Tests.Features.LeerlingPagina;

/// <summary>
/// The student page loads in a few statements: per handler the reader's relation to the student (one small query), then
/// the header in one and the timeline page in one, and the audit lines.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class LeerlingPaginaTests(TwoSchoolsFixture fixture, ITestOutputHelper output) : IClassFixture<TwoSchoolsFixture>
{
    /// <summary>Counts the SQL statements EF Core sends, and the connections it opens (each sets app.school_id once).</summary>
    private sealed class Teller : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<string> Statements { get; } = [];
        public int Verbindingen { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Verbindingen++;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_student_page_header_and_first_timeline_page_take_at_most_7_statements()
    {
        var data = new Dossierdata(fixture.App, fixture.A.School.Id);
        var leerling = fixture.A.Leerlingen[0].Id;
        for (var i = 1; i <= 25; i++)
        {
            var gesprek = await data.GesprekAsync(leerling, fixture.A.Mentor.Id, Dossierdata.Vandaag.AddDays(-i));
            await data.AfspraakAsync(leerling, fixture.A.Mentor.Id, $"Afspraak {i}", Dossierdata.Vandaag.AddDays(i - 5), gesprek.Id);
        }

        var teller = new Teller();
        var options = new DbContextOptionsBuilder<LeerlingzorgDbContext>();
        Database.Configure(options, fixture.App.Services.GetRequiredService<NpgsqlDataSource>());
        options.AddInterceptors(teller);
        var pool = new PooledDbContextFactory<LeerlingzorgDbContext>(options.Options);
        var user = new CurrentUser();
        user.Set(TestPrincipal.For(fixture.A.Mentor, [Rollen.Mentor]));
        var factory = new SchoolDbContextFactory(pool, user);
        var audit = new AuditLog(factory, user, TimeProvider.System);

        // What LeerlingPage and its Tijdlijn load when the page opens.
        var kop = await new LeerlingBekijkenHandler(factory, user, audit).HandleAsync(leerling);
        var tijdlijn = new TijdlijnHandler(factory, user, audit);
        var soorten = await tijdlijn.SoortenAsync();
        var pagina = await tijdlijn.HandleAsync(new TijdlijnVraag(leerling));

        Assert.True(kop.IsGelukt);
        Assert.Equal(26, kop.Waarde!.AantalOpenAfspraken);
        Assert.Equal(3, kop.Waarde.OpenAfspraken.Count);
        Assert.NotEmpty(soorten);
        Assert.Equal(TijdlijnVraag.PaginaGrootte, pagina.Waarde!.Items.Count);
        Assert.True(pagina.Waarde.HeeftMeer);

        output.WriteLine($"{teller.Statements.Count} statements, {teller.Verbindingen} connections (each + set_config):");
        foreach (var sql in teller.Statements)
        {
            output.WriteLine("---");
            output.WriteLine(sql);
        }
        // relation + header select + audit insert, kinds select, relation + timeline select + audit insert
        Assert.InRange(teller.Statements.Count, 1, 7);
        // No relation subquery per row: the gesprekken are filtered by level, the relation asked once per handler.
        var tijdlijnSql = teller.Statements.Single(s => s.Contains("UNION ALL", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("klas_mentoren", tijdlijnSql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lesopdrachten", tijdlijnSql, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, teller.Statements.Count(s => s.Contains("INSERT INTO audit_entries", StringComparison.OrdinalIgnoreCase)));
    }
}
