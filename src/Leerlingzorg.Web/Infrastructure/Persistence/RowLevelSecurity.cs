using Microsoft.EntityFrameworkCore.Migrations;

namespace Leerlingzorg.Web.Infrastructure.Persistence;

/// <summary>
/// SQL for the database half of tenancy, used by the migrations. Every school-owned table gets row-level
/// security, enabled and forced (the owner is bound too), with one policy on the connection's
/// <c>app.school_id</c> setting; an unset or empty setting matches no row.
/// </summary>
public static class RowLevelSecurity
{
    /// <summary>The group role the application signs in as (or is a member of).</summary>
    public const string AppRole = "leerlingzorg_app";

    /// <summary>The current school as PostgreSQL sees it; null when unset. STABLE, so index scans can use it.</summary>
    public const string CurrentSchool = "nullif(current_setting('app.school_id', true), '')::uuid";

    /// <summary>The current samenwerkingsverband as PostgreSQL sees it (ADR 0010); null when unset. STABLE, like <see cref="CurrentSchool"/>.</summary>
    public const string CurrentSwv = "nullif(current_setting('app.swv_id', true), '')::uuid";

    /// <summary>An SWV-owned table (ADR 0010): only the connection's samenwerkingsverband reads and writes its rows.</summary>
    public static void EnableSwvIsolation(this MigrationBuilder migrationBuilder, string table)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY swv_isolation ON {table}
                USING (swv_id = {CurrentSwv})
                WITH CHECK (swv_id = {CurrentSwv});
            """);
    }

    /// <summary>
    /// A table of what schools send their SWV (ADR 0010): the SWV's own, and besides that the sending school reads its
    /// rows and may add one, only to its own SWV. No school may change or remove a row it sent.
    /// </summary>
    public static void EnableSwvSubmission(this MigrationBuilder migrationBuilder, string table)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.EnableSwvIsolation(table);
        migrationBuilder.Sql($"""
            CREATE POLICY school_leest ON {table} FOR SELECT
                USING (school_id = {CurrentSchool});
            CREATE POLICY school_dient_in ON {table} FOR INSERT
                WITH CHECK (school_id = {CurrentSchool}
                    AND swv_id = (SELECT s.samenwerkingsverband_id FROM scholen s WHERE s.id = {CurrentSchool}));
            """);
    }

    public static void EnableSchoolIsolation(this MigrationBuilder migrationBuilder, string table)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
            CREATE POLICY school_isolation ON {table}
                USING (school_id = {CurrentSchool})
                WITH CHECK (school_id = {CurrentSchool});
            """);
    }

    /// <summary>
    /// The application role may read and write the tables but owns none of them; later tables get the same
    /// grants through default privileges. Where the role does not exist yet it is created without login
    /// (a DBA then grants it to the login the application uses).
    /// </summary>
    public static void GrantAppRole(this MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} NOLOGIN NOSUPERUSER NOBYPASSRLS;
              END IF;
            END $$;
            GRANT USAGE ON SCHEMA public TO {AppRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {AppRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {AppRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {AppRole};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {AppRole};
            """);
    }

    /// <summary>
    /// The audit log is append-only: the application role may insert and read (its own school's lines),
    /// never update or delete; a trigger refuses updates and deletes from anyone, the owner included.
    /// </summary>
    public static void MakeAuditAppendOnly(this MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"""
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM {AppRole};
            ALTER TABLE audit_entries ENABLE ROW LEVEL SECURITY;
            ALTER TABLE audit_entries FORCE ROW LEVEL SECURITY;
            CREATE POLICY audit_read ON audit_entries FOR SELECT USING (school_id = {CurrentSchool});
            CREATE POLICY audit_append ON audit_entries FOR INSERT
                WITH CHECK (school_id IS NOT DISTINCT FROM {CurrentSchool});
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
              RAISE EXCEPTION 'audit_entries is append-only';
            END
            $fn$;
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
            """);
    }

    /// <summary>
    /// Typo- and accent-tolerant student search: an immutable search text (names and leerlingnummer, without
    /// accents, lower case) and a GIN index on (school_id, search text) with btree_gin. Under row-level
    /// security PostgreSQL applies only leakproof conditions inside an index scan, and the trigram operators
    /// are not leakproof: the index then narrows to the school (the RLS predicate) and the trigram match
    /// filters that school's rows. Measured in docs/benchmarks.md.
    /// </summary>
    public static void AddStudentSearch(this MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE FUNCTION lz_zoektekst(voornaam text, tussenvoegsel text, achternaam text, leerlingnummer text)
                RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN lower(public.unaccent('public.unaccent'::regdictionary,
                    coalesce(voornaam, '') || ' ' || coalesce(tussenvoegsel || ' ', '') || coalesce(achternaam, '') || ' ' || coalesce(leerlingnummer, '')));
            CREATE FUNCTION lz_zoekterm(tekst text)
                RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN lower(public.unaccent('public.unaccent'::regdictionary, coalesce(tekst, '')));
            CREATE INDEX ix_leerlingen_zoeken ON leerlingen
                USING gin (school_id, lz_zoektekst(voornaam, tussenvoegsel, achternaam, leerlingnummer) gin_trgm_ops);
            """);
    }
}
