using System.Reflection;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Persistence.Interceptors;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leerlingzorg.Web.Tests.Tenancy;

/// <summary>
/// The cross-school isolation suite. Every school-owned entity of the domain is covered automatically: a new
/// entity fails <see cref="The_seed_covers_every_school_owned_entity"/> until the two-school seed holds a row of it.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CrossSchoolIsolationTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly string[] SchoolOwnedTypeNames = typeof(ISchoolOwned).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISchoolOwned).IsAssignableFrom(t))
        .Select(t => t.FullName!).Order().ToArray();

    public static TheoryData<string> SchoolOwnedTypes() => new(SchoolOwnedTypeNames);

    private Guid A => fixture.A.School.Id;
    private Guid B => fixture.B.School.Id;

    [Fact]
    public async Task The_seed_covers_every_school_owned_entity()
    {
        Assert.NotEmpty(SchoolOwnedTypeNames);
        foreach (var name in SchoolOwnedTypeNames)
        {
            await using var db = fixture.App.ContextFor(A);
            Assert.True((await SchoolIds(db, name, ignoreFilters: false)).Count > 0, $"Geen rij van {name} in school A");
        }
    }

    [Theory]
    [MemberData(nameof(SchoolOwnedTypes))]
    public async Task As_school_A_a_DbSet_returns_only_rows_of_school_A(string type)
    {
        await using var db = fixture.App.ContextFor(A);
        var schools = await SchoolIds(db, type, ignoreFilters: false);
        Assert.NotEmpty(schools);
        Assert.All(schools, s => Assert.Equal(A, s));
    }

    [Theory]
    [MemberData(nameof(SchoolOwnedTypes))]
    public async Task With_the_EF_filters_off_row_level_security_alone_returns_no_row_of_school_B(string type)
    {
        await using var db = fixture.App.ContextFor(A);
        var schools = await SchoolIds(db, type, ignoreFilters: true);
        Assert.NotEmpty(schools);
        Assert.DoesNotContain(B, schools);
    }

    [Theory]
    [MemberData(nameof(SchoolOwnedTypes))]
    public async Task With_no_school_set_row_level_security_returns_nothing(string type)
    {
        await using var db = fixture.App.ContextFor(null);
        Assert.Empty(await SchoolIds(db, type, ignoreFilters: true));
    }

    [Theory]
    [MemberData(nameof(SchoolOwnedTypes))]
    public async Task Raw_SQL_as_school_A_sees_no_row_of_school_B(string type)
    {
        await using var db = fixture.App.ContextFor(A);
        var table = db.Model.FindEntityType(Type.GetType(type + ", Leerlingzorg.Domain")!)!.GetTableName();
        // The table name comes from the EF model, not from input.
#pragma warning disable EF1002
        var foreign = await db.Database
            .SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM {table} WHERE school_id = @b", new NpgsqlParameter("b", B))
            .SingleAsync();
#pragma warning restore EF1002
        Assert.Equal(0, foreign);
    }

    [Fact]
    public async Task Saving_a_school_B_row_while_set_to_school_A_is_refused_by_the_save_guard()
    {
        await using var db = fixture.App.ContextFor(A);
        db.Leerlingen.Add(new Leerling { SchoolId = B, Leerlingnummer = "X1", Voornaam = "Indringer", Achternaam = "B", Geboortedatum = new DateOnly(2012, 1, 1) });
        await Assert.ThrowsAsync<SchoolMismatchException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Moving_a_row_to_another_school_is_refused()
    {
        // school_id is part of the (school_id, id) key: EF Core refuses the change before the guard sees it.
        await using var db = fixture.App.ContextFor(A);
        var leerling = await db.Leerlingen.AsTracking().FirstAsync();
        leerling.SchoolId = B;
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Inserting_a_school_B_row_with_raw_SQL_while_set_to_school_A_is_refused_by_the_database()
    {
        await using var db = fixture.App.ContextFor(A);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO leerlingen (id, school_id, leerlingnummer, voornaam, achternaam, geboortedatum, is_amv, status) VALUES (@id, @b, 'X2', 'Indringer', 'B', DATE '2012-01-01', false, 'Ingeschreven')",
            new NpgsqlParameter("id", Guid.CreateVersion7()), new NpgsqlParameter("b", B)));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Fact]
    public async Task Updating_or_deleting_school_B_rows_with_raw_SQL_as_school_A_touches_nothing()
    {
        await using var db = fixture.App.ContextFor(A);
        Assert.Equal(0, await db.Database.ExecuteSqlRawAsync("UPDATE leerlingen SET voornaam = 'Gewijzigd' WHERE school_id = @b", new NpgsqlParameter("b", B)));
        Assert.Equal(0, await db.Database.ExecuteSqlRawAsync("DELETE FROM leerling_ouders WHERE school_id = @b", new NpgsqlParameter("b", B)));
    }

    [Fact]
    public async Task A_child_row_cannot_point_to_a_parent_of_another_school()
    {
        // Even with matching school ids for RLS, the composite foreign key (school_id, klas_id) rejects a class of school B.
        await using var db = fixture.App.ContextFor(A);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO leerlingen (id, school_id, leerlingnummer, voornaam, achternaam, geboortedatum, is_amv, status, klas_id) VALUES (@id, @a, 'X3', 'Kruis', 'Verwijzing', DATE '2012-01-01', false, 'Ingeschreven', @klas)",
            new NpgsqlParameter("id", Guid.CreateVersion7()), new NpgsqlParameter("a", A), new NpgsqlParameter("klas", fixture.B.Klas.Id)));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, ex.SqlState);
    }

    private static readonly MethodInfo SchoolIdsMethod = typeof(CrossSchoolIsolationTests)
        .GetMethod(nameof(SchoolIdsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<List<Guid>> SchoolIds(LeerlingzorgDbContext db, string typeName, bool ignoreFilters)
    {
        var type = typeof(ISchoolOwned).Assembly.GetType(typeName) ?? throw new ArgumentException(typeName);
        return (Task<List<Guid>>)SchoolIdsMethod.MakeGenericMethod(type).Invoke(null, [db, ignoreFilters])!;
    }

    private static Task<List<Guid>> SchoolIdsOf<T>(LeerlingzorgDbContext db, bool ignoreFilters) where T : class, ISchoolOwned =>
        (ignoreFilters ? db.Set<T>().IgnoreQueryFilters([LeerlingzorgDbContext.SchoolFilter]) : db.Set<T>())
            .Select(e => e.SchoolId).ToListAsync();
}
