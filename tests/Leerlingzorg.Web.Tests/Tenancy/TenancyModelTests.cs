using Leerlingzorg.Domain;
using Leerlingzorg.Web.Infrastructure.LocalPostgres;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Leerlingzorg.Web.Tests.Tenancy;

/// <summary>Model-wide guarantees: no school-owned table can be forgotten by the filter or by RLS.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class TenancyModelTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    /// <summary>Tables with a school_id that are deliberately not tenant-filtered (see docs/adr/0002).</summary>
    // The mail queue has a nullable school (a partnership user's account mail has none) and its own RLS policy
    // (school_id IS NOT DISTINCT FROM the connection's school), covered by MailwachtrijTests.
    // gepubliceerde_profielen: public data (ADR 0010), readable by anyone; only its own school writes a row (RLS on writes).
    private static readonly string[] OutsideTenancy = ["gebruikers", "audit_entries", "mailberichten", "gepubliceerde_profielen"];

    private static List<IEntityType> SchoolOwned(LeerlingzorgDbContext db) =>
        db.Model.GetEntityTypes().Where(t => typeof(ISchoolOwned).IsAssignableFrom(t.ClrType)).ToList();

    [Fact]
    public async Task Every_school_owned_entity_has_the_named_School_filter()
    {
        await using var db = await NewContextAsync();
        var types = SchoolOwned(db);
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Contains(t.GetDeclaredQueryFilters(), f => f.Key == LeerlingzorgDbContext.SchoolFilter));
    }

    [Fact]
    public async Task Every_table_with_a_school_id_is_school_owned_or_explicitly_outside_the_tenancy()
    {
        await using var db = await NewContextAsync();
        var tablesWithSchoolId = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty(nameof(ISchoolOwned.SchoolId)) is not null)
            // What a school sent its SWV carries the sender's school_id but is the SWV's (ADR 0010, SwvIsolationTests).
            .Select(t => (Table: t.GetTableName()!, Owned: typeof(ISchoolOwned).IsAssignableFrom(t.ClrType) || typeof(ISwvIngediend).IsAssignableFrom(t.ClrType)))
            .ToList();
        Assert.All(tablesWithSchoolId, t => Assert.True(t.Owned || OutsideTenancy.Contains(t.Table), $"{t.Table} heeft school_id maar is niet ISchoolOwned"));
    }

    [Fact]
    public async Task Every_school_owned_table_has_forced_row_level_security_with_a_policy()
    {
        await using var db = await NewContextAsync();
        var tables = SchoolOwned(db).Select(t => t.GetTableName()!).Distinct().ToList();
        await using var connection = new NpgsqlConnection(fixtureDatabase.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand("""
                SELECT c.relrowsecurity, c.relforcerowsecurity,
                       (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname)
                FROM pg_class c WHERE c.relname = @t AND c.relkind = 'r'
                """, connection);
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"tabel {table} ontbreekt");
            Assert.True(reader.GetBoolean(0), $"{table}: RLS niet ingeschakeld");
            Assert.True(reader.GetBoolean(1), $"{table}: RLS niet afgedwongen (FORCE)");
            Assert.True(reader.GetInt64(2) > 0, $"{table}: geen policy");
        }
    }

    [Fact]
    public async Task The_app_role_is_no_superuser_cannot_bypass_RLS_and_owns_no_table()
    {
        await using var connection = new NpgsqlConnection(fixtureDatabase.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname)
            FROM pg_roles r WHERE r.rolname = @r
            """, connection);
        command.Parameters.AddWithValue("r", LocalPostgres.AppRole);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(0, reader.GetInt64(2));
    }

    [Fact]
    public async Task The_application_connects_as_the_app_role()
    {
        await using var db = await NewContextAsync();
        var user = await db.Database.SqlQueryRaw<string>("SELECT current_user AS \"Value\"").SingleAsync();
        Assert.Equal(LocalPostgres.AppRole, user);
    }

    /// <summary>Tables with an swv_id that are not SWV-owned: the audit log, with its own policies (ADR 0010).</summary>
    private static readonly string[] OutsideSwvTenancy = ["audit_entries"];

    private static List<IEntityType> SwvOwned(LeerlingzorgDbContext db) =>
        db.Model.GetEntityTypes().Where(t => typeof(ISwvOwned).IsAssignableFrom(t.ClrType)).ToList();

    [Fact]
    public async Task Every_swv_owned_entity_has_the_named_Swv_filter_and_no_School_filter()
    {
        await using var db = await NewContextAsync();
        var types = SwvOwned(db);
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Contains(t.GetDeclaredQueryFilters(), f => f.Key == LeerlingzorgDbContext.SwvFilter));
        Assert.All(types, t => Assert.False(typeof(ISchoolOwned).IsAssignableFrom(t.ClrType), $"{t.ClrType.Name} is van een school én van een SWV"));
    }

    [Fact]
    public async Task Every_table_with_an_swv_id_is_swv_owned_or_explicitly_outside_and_has_forced_RLS()
    {
        await using var db = await NewContextAsync();
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.FindProperty(nameof(ISwvOwned.SwvId)) is not null)
            .Select(t => (Table: t.GetTableName()!, Owned: typeof(ISwvOwned).IsAssignableFrom(t.ClrType)))
            .ToList();
        Assert.All(tables, t => Assert.True(t.Owned || OutsideSwvTenancy.Contains(t.Table), $"{t.Table} heeft swv_id maar is niet ISwvOwned"));
        await using var connection = new NpgsqlConnection(fixtureDatabase.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables.Where(t => t.Owned).Select(t => t.Table).Distinct())
        {
            await using var command = new NpgsqlCommand("""
                SELECT c.relrowsecurity, c.relforcerowsecurity,
                       (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'swv_isolation')
                FROM pg_class c WHERE c.relname = @t AND c.relkind = 'r'
                """, connection);
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"tabel {table} ontbreekt");
            Assert.True(reader.GetBoolean(0) && reader.GetBoolean(1), $"{table}: RLS niet ingeschakeld en afgedwongen");
            Assert.Equal(1, reader.GetInt64(2));
        }
    }

    private TestDatabaseInfo fixtureDatabase => fixture.App.Database;

    private Task<LeerlingzorgDbContext> NewContextAsync() => Task.FromResult(fixture.App.ContextFor(fixture.A.School.Id));
}
