using System.Data.Common;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Klassen;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Features.MijnKlassen;
using Leerlingzorg.Web.Features.Voortgangsgesprekken;
using Leerlingzorg.Web.Features.Zoeken;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Web.Tests.Features;

/// <summary>
/// Every list that shows students' data (quick search, class list, Mijn klassen, student list, voortgang overview)
/// records which students it showed: one read line per student, all of them in one statement without a transaction.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class LijstAuditTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    /// <summary>Counts the audit inserts EF Core sends and the transactions it starts.</summary>
    private sealed class Teller : DbCommandInterceptor, IDbTransactionInterceptor
    {
        public int AuditInserts { get; private set; }
        public int Transacties { get; private set; }

        private void Tel(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO audit_entries", StringComparison.OrdinalIgnoreCase))
            {
                AuditInserts++;
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Tel(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Tel(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
            DbTransaction result, CancellationToken cancellationToken = default)
        {
            Transacties++;
            return ValueTask.FromResult(result);
        }
    }

    public static TheoryData<string> Lijsten => new() { "Snel zoeken", "Klaslijst", "Mijn klassen", "Leerlingenlijst", "Voortgangsgesprekken" };

    [Theory]
    [MemberData(nameof(Lijsten))]
    public async Task A_list_writes_one_read_line_per_student_it_showed_in_one_statement(string lijst)
    {
        var s = await new TestData(fixture.App).SchoolAsync($"Auditschool {lijst}", aantalLeerlingen: 4);
        var teller = new Teller();
        var options = new DbContextOptionsBuilder<LeerlingzorgDbContext>();
        Database.Configure(options, fixture.App.Services.GetRequiredService<NpgsqlDataSource>());
        options.AddInterceptors(teller);
        var pool = new PooledDbContextFactory<LeerlingzorgDbContext>(options.Options);
        var user = new CurrentUser();
        user.Set(TestPrincipal.For(s.Mentor, [Rollen.Mentor]));
        var factory = new SchoolDbContextFactory(pool, user);
        var audit = new AuditLog(factory, user, TimeProvider.System);

        List<Guid> getoond = lijst switch
        {
            "Snel zoeken" => (await new LeerlingZoekenHandler(factory, user, audit).HandleAsync("Auditschool")).Select(r => r.Id).ToList(),
            "Klaslijst" => (await new KlasBekijkenHandler(factory, user, audit).HandleAsync(s.Klas.Id)).Waarde!.Leerlingen.Select(l => l.Id).ToList(),
            "Mijn klassen" => (await new MijnKlassenHandler(factory, user, audit, TimeProvider.System).HandleAsync()).SelectMany(k => k.Leerlingen).Select(l => l.Id).ToList(),
            "Leerlingenlijst" => (await new LeerlingenLijstHandler(factory, user, audit, TimeProvider.System).HandleAsync(new LeerlingenVraag(0, 3))).Regels.Select(r => r.Id).ToList(),
            _ => (await new VoortgangsgesprekkenHandler(factory, user, audit).HandleAsync(s.Klas.Id)).Waarde!.Leerlingen.Select(l => l.LeerlingId).ToList(),
        };

        // The student list shows a page of 3 of the 4; the others show the whole class.
        Assert.Equal(lijst == "Leerlingenlijst" ? 3 : 4, getoond.Count);
        await using var db = fixture.App.ContextFor(s.School.Id);
        var regels = await db.AuditEntries.Where(a => a.GebruikerId == s.Mentor.Id).ToListAsync();
        Assert.Equal(getoond.Order(), regels.Select(r => r.LeerlingId ?? Guid.Empty).Order());
        Assert.All(regels, r => Assert.Equal((AuditActie.Lezen, Rollen.Mentor), (r.Actie, r.Rol)));
        // No names and no search term: the students are in LeerlingId.
        Assert.All(regels, r => Assert.DoesNotContain("Auditschool", r.Detail, StringComparison.OrdinalIgnoreCase));
        Assert.Equal((1, 0), (teller.AuditInserts, teller.Transacties));
    }

    [Fact]
    public async Task An_empty_class_still_leaves_one_line_without_a_student()
    {
        var mentor = await new TestData(fixture.App).UserAsync(fixture.A.School.Id, Rollen.Mentor);
        var leeg = new Domain.Organisatie.Klas
        {
            Naam = "1Z", Leerjaar = 1, AfdelingId = fixture.A.Klas.AfdelingId, LocatieId = fixture.A.Locatie.Id, Schooljaar = fixture.A.Klas.Schooljaar,
        };
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            db.Klassen.Add(leeg);
            db.KlasMentoren.Add(new Domain.Organisatie.KlasMentor { KlasId = leeg.Id, MedewerkerId = mentor.Id });
            await db.SaveChangesAsync();
        }
        await using (var scope = fixture.App.ScopeAs(mentor, Rollen.Mentor))
        {
            var klas = await scope.ServiceProvider.GetRequiredService<KlasBekijkenHandler>().HandleAsync(leeg.Id);
            Assert.Empty(klas.Waarde!.Leerlingen);
        }
        await using var context = fixture.App.ContextFor(fixture.A.School.Id);
        var regel = await context.AuditEntries.SingleAsync(a => a.GebruikerId == mentor.Id);
        Assert.Null(regel.LeerlingId);
        Assert.Contains(leeg.Id.ToString(), regel.Detail, StringComparison.Ordinal);
    }
}
