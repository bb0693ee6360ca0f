using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Klassen;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Features.MijnKinderen;
using Leerlingzorg.Web.Features.MijnKlassen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features;

/// <summary>Who sees which class and student, enforced in the handlers; and every read is audited.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class NeedToKnowTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    [Fact]
    public async Task A_mentor_sees_his_class_with_its_students_on_Mijn_klassen()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor);
        var klassen = await scope.ServiceProvider.GetRequiredService<MijnKlassenHandler>().HandleAsync();
        var klas = Assert.Single(klassen);
        Assert.Equal(fixture.A.Klas.Id, klas.Id);
        Assert.Equal(fixture.A.Leerlingen.Select(l => l.Id).Order(), klas.Leerlingen.Select(l => l.Id).Order());
    }

    [Fact]
    public async Task Viewing_a_class_writes_read_entries_in_the_audit_log()
    {
        var before = DateTimeOffset.UtcNow;
        await using (var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor))
        {
            var result = await scope.ServiceProvider.GetRequiredService<KlasBekijkenHandler>().HandleAsync(fixture.A.Klas.Id);
            Assert.True(result.IsGelukt);
        }
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var entry = await db.AuditEntries.Where(a => a.GebruikerId == fixture.A.Mentor.Id && a.Tijdstip >= before)
            .OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(AuditActie.Lezen, entry.Actie);
        Assert.Equal(fixture.A.School.Id, entry.SchoolId);
        Assert.Contains(fixture.A.Klas.Id.ToString(), entry.Detail, StringComparison.Ordinal);
        Assert.Equal(Rollen.Mentor, entry.Rol);
    }

    [Fact]
    public async Task Viewing_a_student_writes_a_read_entry_for_that_student()
    {
        var leerling = fixture.A.Leerlingen[1];
        await using (var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor))
        {
            var result = await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(leerling.Id);
            Assert.True(result.IsGelukt);
            Assert.Equal($"Leerling2 {fixture.A.School.Naam}", result.Waarde!.Naam);
        }
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LeerlingId == leerling.Id && a.GebruikerId == fixture.A.Mentor.Id && a.Actie == AuditActie.Lezen));
    }

    [Theory]
    [InlineData(Rollen.Zorgcoordinator, true)]
    [InlineData(Rollen.Schoolleiding, true)]
    [InlineData(Rollen.Beheerder, true)]
    [InlineData(Rollen.Leerjaarcoordinator, false)]
    [InlineData(Rollen.Mentor, false)]
    [InlineData(Rollen.Docent, false)]
    [InlineData(Rollen.Ouder, false)]
    [InlineData(Rollen.SwvManager, false)]
    [InlineData(null, false)]
    public async Task Whether_a_role_without_a_relation_to_the_class_sees_it(string? rol, bool ziet)
    {
        string[] rollen = rol is null ? [] : [rol];
        var user = await Data.UserAsync(fixture.A.School.Id, rollen);
        await using var scope = fixture.App.ScopeAs(user, rollen);
        var result = await scope.ServiceProvider.GetRequiredService<KlasBekijkenHandler>().HandleAsync(fixture.A.Klas.Id);
        Assert.Equal(ziet, result.IsGelukt);
        if (!ziet)
        {
            // Staff without a relation: not found, so nothing leaks; anyone else is no staff at all.
            var verwacht = rol is not null && Rollen.Medewerkerrollen.Contains(rol) ? FoutSoort.NietGevonden : FoutSoort.GeenToegang;
            Assert.Equal(verwacht, result.Fout!.Soort);
        }
    }

    [Theory]
    [InlineData(Rollen.Zorgcoordinator, true)]
    [InlineData(Rollen.InternBegeleider, true)]
    [InlineData(Rollen.Verzuimcoordinator, true)]
    [InlineData(Rollen.Beheerder, false)]
    [InlineData(Rollen.Docent, false)]
    [InlineData(Rollen.Mentor, false)]
    [InlineData(Rollen.Afdelingscoordinator, false)]
    [InlineData(Rollen.Ouder, false)]
    [InlineData(Rollen.SwvOrthopedagoog, false)]
    [InlineData(null, false)]
    public async Task Whether_a_role_sees_a_student_outside_its_own_classes(string? rol, bool ziet)
    {
        string[] rollen = rol is null ? [] : [rol];
        var user = await Data.UserAsync(fixture.A.School.Id, rollen);
        await using var scope = fixture.App.ScopeAs(user, rollen);
        var result = await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(fixture.A.Leerlingen[0].Id);
        Assert.Equal(ziet, result.IsGelukt);
    }

    [Fact]
    public async Task A_docent_sees_the_class_he_teaches_and_its_students_but_no_other_class()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.Docent, Rollen.Docent);
        Assert.True((await scope.ServiceProvider.GetRequiredService<KlasBekijkenHandler>().HandleAsync(fixture.A.Klas.Id)).IsGelukt);
        Assert.True((await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(fixture.A.Leerlingen[2].Id)).IsGelukt);
        Assert.False((await scope.ServiceProvider.GetRequiredService<KlasBekijkenHandler>().HandleAsync(fixture.B.Klas.Id)).IsGelukt);
        var overzicht = await scope.ServiceProvider.GetRequiredService<KlassenOverzichtHandler>().HandleAsync();
        Assert.Equal([fixture.A.Klas.Id], overzicht.Select(k => k.Id));
    }

    [Fact]
    public async Task A_leerjaarcoordinator_sees_the_classes_of_his_leerjaar_only()
    {
        var data = Data;
        var vanJaar1 = await data.UserAsync(fixture.A.School.Id, Rollen.Leerjaarcoordinator);
        var vanJaar2 = await data.UserAsync(fixture.A.School.Id, Rollen.Leerjaarcoordinator);
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            db.Coordinatoren.AddRange(
                new Domain.Organisatie.Coordinator { MedewerkerId = vanJaar1.Id, Leerjaar = 1 },
                new Domain.Organisatie.Coordinator { MedewerkerId = vanJaar2.Id, Leerjaar = 2 });
            await db.SaveChangesAsync();
        }
        await using (var scope = fixture.App.ScopeAs(vanJaar1, Rollen.Leerjaarcoordinator))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<KlasBekijkenHandler>().HandleAsync(fixture.A.Klas.Id)).IsGelukt);
            Assert.True((await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(fixture.A.Leerlingen[0].Id)).IsGelukt);
        }
        await using (var scope = fixture.App.ScopeAs(vanJaar2, Rollen.Leerjaarcoordinator))
        {
            Assert.False((await scope.ServiceProvider.GetRequiredService<KlasBekijkenHandler>().HandleAsync(fixture.A.Klas.Id)).IsGelukt);
            Assert.False((await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(fixture.A.Leerlingen[0].Id)).IsGelukt);
        }
    }

    [Fact]
    public async Task A_zorgcoordinator_of_school_B_does_not_find_a_class_or_student_of_school_A()
    {
        var user = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        await using var scope = fixture.App.ScopeAs(user, Rollen.Zorgcoordinator);
        Assert.False((await scope.ServiceProvider.GetRequiredService<KlasBekijkenHandler>().HandleAsync(fixture.A.Klas.Id)).IsGelukt);
        Assert.False((await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(fixture.A.Leerlingen[0].Id)).IsGelukt);
    }

    [Fact]
    public async Task A_parent_sees_his_own_child_on_Mijn_kinderen_and_no_student_through_the_staff_page()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.OuderGebruiker, Rollen.Ouder);
        var kinderen = await scope.ServiceProvider.GetRequiredService<MijnKinderenHandler>().HandleAsync();
        Assert.Equal([fixture.A.Leerlingen[0].Id], kinderen.Select(k => k.Id));
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>();
        Assert.Equal(FoutSoort.GeenToegang, (await handler.HandleAsync(fixture.A.Leerlingen[0].Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await handler.HandleAsync(fixture.A.Leerlingen[1].Id)).Fout?.Soort);
    }

    [Fact]
    public async Task The_audit_log_is_append_only_for_the_application()
    {
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        db.AuditEntries.Add(new AuditEntry { SchoolId = fixture.A.School.Id, Rol = "test", Detail = "test", Tijdstip = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET detail = 'vervalst'"));
        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
    }

    [Fact]
    public async Task The_owner_finds_no_audit_line_to_change_and_a_superuser_is_stopped_by_the_trigger()
    {
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            db.AuditEntries.Add(new AuditEntry { SchoolId = fixture.A.School.Id, Rol = "test", Detail = "origineel", Tijdstip = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await using (var owner = new Npgsql.NpgsqlConnection(fixture.App.Database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var set = new Npgsql.NpgsqlCommand($"SELECT set_config('app.school_id', '{fixture.A.School.Id}', false)", owner);
            await set.ExecuteNonQueryAsync();
            // Forced row-level security has no UPDATE or DELETE policy on the audit table: nothing matches.
            await using var update = new Npgsql.NpgsqlCommand("UPDATE audit_entries SET detail = 'vervalst'", owner);
            Assert.Equal(0, await update.ExecuteNonQueryAsync());
        }
        await using var admin = new Npgsql.NpgsqlConnection(fixture.App.Database.AdminConnectionString);
        await admin.OpenAsync();
        await using var adminUpdate = new Npgsql.NpgsqlCommand("UPDATE audit_entries SET detail = 'vervalst'", admin);
        var ex = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => adminUpdate.ExecuteNonQueryAsync());
        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_of_school_B_is_invisible_to_school_A()
    {
        await using (var b = fixture.App.ContextFor(fixture.B.School.Id))
        {
            b.AuditEntries.Add(new AuditEntry { SchoolId = fixture.B.School.Id, Rol = "test", Detail = "van B", Tijdstip = DateTimeOffset.UtcNow });
            await b.SaveChangesAsync();
        }
        await using var a = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.False(await a.AuditEntries.AnyAsync(e => e.SchoolId == fixture.B.School.Id));
    }

}
