using System.Reflection;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Persistence.Interceptors;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leerlingzorg.Web.Tests.Tenancy;

/// <summary>
/// The two-level isolation suite (ADR 0010): SWV A vs SWV B, school vs SWV, school X vs school Y. Every SWV-owned entity is
/// covered automatically; a new one fails <see cref="The_seed_covers_every_swv_owned_entity"/> until
/// <see cref="TwoSwvFixture"/> holds a row of it.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class SwvIsolationTests(TwoSwvFixture fixture) : IClassFixture<TwoSwvFixture>
{
    private static readonly Type[] SwvOwnedTypes = typeof(ISwvOwned).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISwvOwned).IsAssignableFrom(t))
        .OrderBy(t => t.FullName).ToArray();

    public static TheoryData<string> SwvOwned() => new(SwvOwnedTypes.Select(t => t.FullName!));
    public static TheoryData<string> Ingediend() => new(SwvOwnedTypes.Where(IsIngediend).Select(t => t.FullName!));
    public static TheoryData<string> AlleenSwv() => new(SwvOwnedTypes.Where(t => !IsIngediend(t)).Select(t => t.FullName!));

    private static bool IsIngediend(Type t) => typeof(ISwvIngediend).IsAssignableFrom(t);

    private Guid A => fixture.SwvA.Id;
    private Guid B => fixture.SwvB.Id;

    [Fact]
    public async Task The_seed_covers_every_swv_owned_entity()
    {
        Assert.Contains(typeof(Swvaanvraag), SwvOwnedTypes);
        Assert.Contains(typeof(Beoordeling), SwvOwnedTypes);
        foreach (var type in SwvOwnedTypes)
        {
            await using var db = fixture.App.ContextForSwv(A);
            Assert.True((await Rijen(db, type, ignoreFilters: false)).Count > 0, $"Geen rij van {type.Name} in SWV A");
            await using var b = fixture.App.ContextForSwv(B);
            Assert.True((await Rijen(b, type, ignoreFilters: false)).Count > 0, $"Geen rij van {type.Name} in SWV B");
        }
    }

    [Theory]
    [MemberData(nameof(SwvOwned))]
    public async Task As_SWV_A_a_DbSet_returns_only_rows_of_SWV_A_and_RLS_alone_hides_SWV_B(string type)
    {
        await using var db = fixture.App.ContextForSwv(A);
        var gefilterd = await Rijen(db, Type(type), ignoreFilters: false);
        Assert.NotEmpty(gefilterd);
        Assert.All(gefilterd, r => Assert.Equal(A, r.Swv));
        await using var zonderFilter = fixture.App.ContextForSwv(A);
        var rls = await Rijen(zonderFilter, Type(type), ignoreFilters: true);
        Assert.NotEmpty(rls);
        Assert.DoesNotContain(rls, r => r.Swv == B);
    }

    [Theory]
    [MemberData(nameof(SwvOwned))]
    public async Task Bound_to_nothing_row_level_security_returns_nothing(string type)
    {
        await using var db = fixture.App.ContextFor(null);
        Assert.Empty(await Rijen(db, Type(type), ignoreFilters: true));
    }

    [Theory]
    [MemberData(nameof(Ingediend))]
    public async Task A_school_reads_only_what_it_sent_itself_not_that_of_a_school_in_the_same_SWV(string type)
    {
        foreach (var (school, ander) in new[] { (fixture.X, fixture.Y), (fixture.Y, fixture.X) })
        {
            await using var db = fixture.App.ContextFor(school.School.Id);
            var metFilter = await Rijen(db, Type(type), ignoreFilters: false);
            Assert.NotEmpty(metFilter);
            Assert.All(metFilter, r => Assert.Equal(school.School.Id, r.School));
            await using var rls = fixture.App.ContextFor(school.School.Id);
            var zonderFilter = await Rijen(rls, Type(type), ignoreFilters: true);
            Assert.NotEmpty(zonderFilter);
            Assert.DoesNotContain(zonderFilter, r => r.School == ander.School.Id);
        }
    }

    [Theory]
    [MemberData(nameof(AlleenSwv))]
    public async Task A_school_sees_nothing_of_the_SWVs_own_rows(string type)
    {
        await using var db = fixture.App.ContextFor(fixture.X.School.Id);
        Assert.Empty(await Rijen(db, Type(type), ignoreFilters: true));
    }

    [Fact]
    public async Task An_SWV_reads_no_row_of_any_school_owned_table()
    {
        await using var db = fixture.App.ContextForSwv(A);
        var tabellen = db.Model.GetEntityTypes().Where(t => typeof(ISchoolOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.GetTableName()!).Distinct().ToList();
        Assert.NotEmpty(tabellen);
        foreach (var tabel in tabellen)
        {
            // The table name comes from the EF model, not from input.
#pragma warning disable EF1002
            var aantal = await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM {tabel}").SingleAsync();
#pragma warning restore EF1002
            Assert.True(aantal == 0, $"{tabel}: {aantal} rijen zichtbaar voor het samenwerkingsverband");
        }
    }

    [Fact]
    public async Task A_school_cannot_send_to_another_SWV()
    {
        await using var db = fixture.App.ContextFor(fixture.X.School.Id);
        db.Swvaanvragen.Add(TwoSwvFixture.Aanvraag(fixture.X, B));
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, Assert.IsType<PostgresException>(ex.InnerException).SqlState);
    }

    [Fact]
    public async Task A_school_cannot_send_in_the_name_of_another_school()
    {
        await using var db = fixture.App.ContextFor(fixture.X.School.Id);
        db.Swvaanvragen.Add(TwoSwvFixture.Aanvraag(fixture.Y, A));
        await Assert.ThrowsAsync<SchoolMismatchException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_school_cannot_change_or_remove_what_it_sent()
    {
        await using (var db = fixture.App.ContextFor(fixture.X.School.Id))
        {
            var aanvraag = await db.Swvaanvragen.AsTracking().FirstAsync();
            aanvraag.Uitkomst = Besluituitkomst.Toegekend;
            await Assert.ThrowsAsync<SchoolMismatchException>(() => db.SaveChangesAsync());
        }
        await using var sql = fixture.App.ContextFor(fixture.X.School.Id);
        Assert.Equal(0, await sql.Database.ExecuteSqlRawAsync("UPDATE swv_aanvragen SET uitkomst = 'Toegekend'"));
        Assert.Equal(0, await sql.Database.ExecuteSqlRawAsync("DELETE FROM swv_aanvragen"));
    }

    [Fact]
    public async Task An_SWV_cannot_write_a_row_of_another_SWV()
    {
        await using (var db = fixture.App.ContextForSwv(A))
        {
            db.Beoordelingen.Add(new Beoordeling { SwvId = B, AanvraagId = Guid.NewGuid(), DoorNaam = "x", Toelichting = "x", Op = DateTimeOffset.UtcNow });
            await Assert.ThrowsAsync<SchoolMismatchException>(() => db.SaveChangesAsync());
        }
        await using var sql = fixture.App.ContextForSwv(A);
        Assert.Equal(0, await sql.Database.ExecuteSqlRawAsync("UPDATE swv_aanvragen SET status = 'Besloten' WHERE swv_id = @b", new NpgsqlParameter("b", B)));
        var ex = await Assert.ThrowsAsync<PostgresException>(() => sql.Database.ExecuteSqlRawAsync(
            "INSERT INTO swv_beoordelingen (id, swv_id, aanvraag_id, rol, door_id, door_naam, positief, toelichting, op) " +
            "SELECT @id, @b, a.id, 'Manager', @id, 'x', true, 'x', now() FROM swv_aanvragen a LIMIT 1",
            new NpgsqlParameter("id", Guid.CreateVersion7()), new NpgsqlParameter("b", B)));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Fact]
    public async Task The_SWV_changes_what_a_school_sent_and_the_school_reads_the_decision()
    {
        var aanvraagId = Guid.Empty;
        await using (var db = fixture.App.ContextForSwv(A))
        {
            var aanvraag = await db.Swvaanvragen.AsTracking().FirstAsync(a => a.SchoolId == fixture.Y.School.Id);
            aanvraag.Uitkomst = Besluituitkomst.Geadviseerd;
            aanvraag.Besluittekst = "Advies: ambulante begeleiding";
            aanvraag.Versie++;
            await db.SaveChangesAsync();
            aanvraagId = aanvraag.Id;
        }
        await using var school = fixture.App.ContextFor(fixture.Y.School.Id);
        var gelezen = await school.Swvaanvragen.SingleAsync(a => a.Id == aanvraagId);
        Assert.Equal("Advies: ambulante begeleiding", gelezen.Besluittekst);
    }

    [Fact]
    public async Task An_SWVs_audit_lines_are_read_by_that_SWV_only()
    {
        await using (var db = fixture.App.ContextForSwv(A))
        {
            db.AuditEntries.Add(new AuditEntry { SwvId = A, Rol = "SwvManager", Tijdstip = DateTimeOffset.UtcNow, Actie = AuditActie.Lezen, Detail = "aanvraag swv-audit-test" });
            await db.SaveChangesAsync();
        }
        await using (var db = fixture.App.ContextForSwv(A))
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Detail == "aanvraag swv-audit-test"));
        }
        await using (var db = fixture.App.ContextForSwv(B))
        {
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Detail == "aanvraag swv-audit-test"));
            db.AuditEntries.Add(new AuditEntry { SwvId = A, Rol = "SwvManager", Tijdstip = DateTimeOffset.UtcNow, Actie = AuditActie.Lezen, Detail = "vals" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await using var school = fixture.App.ContextFor(fixture.X.School.Id);
        Assert.Equal(0, await school.AuditEntries.CountAsync(a => a.Detail == "aanvraag swv-audit-test"));
    }

    private static Type Type(string name) => typeof(ISwvOwned).Assembly.GetType(name) ?? throw new ArgumentException(name);

    private static readonly MethodInfo RijenMethod = typeof(SwvIsolationTests).GetMethod(nameof(RijenVan), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<List<(Guid Swv, Guid? School)>> Rijen(LeerlingzorgDbContext db, Type type, bool ignoreFilters) =>
        (Task<List<(Guid, Guid?)>>)RijenMethod.MakeGenericMethod(type).Invoke(null, [db, ignoreFilters])!;

    private static async Task<List<(Guid Swv, Guid? School)>> RijenVan<T>(LeerlingzorgDbContext db, bool ignoreFilters) where T : class, ISwvOwned
    {
        var set = ignoreFilters ? db.Set<T>().IgnoreQueryFilters() : db.Set<T>();
        var rijen = await set.ToListAsync();
        return [.. rijen.Select(r => (r.SwvId, r is ISwvIngediend i ? i.SchoolId : (Guid?)null))];
    }
}
