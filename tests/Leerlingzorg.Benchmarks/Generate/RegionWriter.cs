using System.Diagnostics;
using Leerlingzorg.Domain.Gebruikers;
using Npgsql;
using NpgsqlTypes;

namespace Leerlingzorg.Benchmarks.Generate;

/// <summary>Rows written to one table and how long it took.</summary>
internal sealed record TableTiming(string Table, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Writes a <see cref="Region"/> with PostgreSQL binary COPY (<see cref="NpgsqlBinaryImporter"/>), in one
/// transaction, in foreign-key order, and analyzes the tables afterwards so that the planner knows their size.
/// <para>
/// A development and benchmark tool, never for production data. PostgreSQL refuses <c>COPY FROM</c> into a
/// table with row-level security for any role the policies apply to, and the migrations FORCE them onto the
/// owner too. So the fast path needs a superuser (or a BYPASSRLS role): the local launcher's <c>postgres</c>.
/// Given the owner instead, school-owned tables are copied into a temporary table (no RLS there) and moved
/// with <c>INSERT … SELECT</c> one school at a time with <c>app.school_id</c> set, so the policies check
/// every row; slower, but it never switches row-level security off.
/// </para>
/// </summary>
internal sealed class RegionWriter(string connectionString)
{
    public async Task<IReadOnlyList<TableTiming>> WriteAsync(Region region, Action<TableTiming>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var bypassesRls = await ScalarAsync<bool>(connection, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", cancellationToken);
        if (!await ScalarAsync<bool>(connection, "SELECT to_regclass('public.leerlingen') IS NOT NULL", cancellationToken))
        {
            // The connection string is the user's argument: the wrong database is a usage error.
            throw new ArgumentException("This database has no Leerlingzorg schema: apply the migrations first (as the owner).");
        }
        await using (var clash = new NpgsqlCommand("SELECT string_agg(brinnummer, ', ') FROM scholen WHERE brinnummer = ANY(@brin)", connection))
        {
            clash.Parameters.AddWithValue("brin", region.Scholen.Select(s => s.Brinnummer).ToArray());
            if (await clash.ExecuteScalarAsync(cancellationToken) is string taken)
            {
                throw new ArgumentException($"Schools with BRIN {taken} already exist here: generate into a fresh database (or use another --seed).");
            }
        }

        var timings = new List<TableTiming>();
        var scholen = region.Scholen.Select(s => s.Id).ToArray();
        async Task Copy<T>(string table, string columns, IReadOnlyCollection<T> rows, Action<NpgsqlBinaryImporter, T> write, bool schoolOwned)
        {
            var started = Stopwatch.GetTimestamp();
            if (!schoolOwned || bypassesRls)
            {
                await CopyAsync(connection, table, columns, rows, write, cancellationToken);
            }
            else
            {
                await CopyThroughStagingAsync(connection, table, columns, rows, write, scholen, cancellationToken);
            }
            var timing = new TableTiming(table, rows.Count, Stopwatch.GetElapsedTime(started));
            timings.Add(timing);
            progress?.Invoke(timing);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rollen = await RolesAsync(connection, region, cancellationToken);
        await Copy("rollen", "id, name, normalized_name, concurrency_stamp", rollen.Nieuw, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Uuid);
            w.Write(r.Naam, NpgsqlDbType.Varchar);
            w.Write(r.Naam.ToUpperInvariant(), NpgsqlDbType.Varchar);
            w.Write(r.Id.ToString(), NpgsqlDbType.Text);
        }, schoolOwned: false);
        await Copy("samenwerkingsverbanden", "id, naam, code", [region.Samenwerkingsverband], (w, s) =>
        {
            w.Write(s.Id, NpgsqlDbType.Uuid);
            w.Write(s.Naam, NpgsqlDbType.Varchar);
            w.Text(s.Code);
        }, schoolOwned: false);
        await Copy("scholen", "id, samenwerkingsverband_id, naam, brinnummer", region.Scholen, (w, s) =>
        {
            w.Write(s.Id, NpgsqlDbType.Uuid);
            w.Write(s.SamenwerkingsverbandId, NpgsqlDbType.Uuid);
            w.Write(s.Naam, NpgsqlDbType.Varchar);
            w.Write(s.Brinnummer, NpgsqlDbType.Varchar);
        }, schoolOwned: false);
        await Copy("gebruikers",
            "id, voornaam, tussenvoegsel, achternaam, school_id, samenwerkingsverband_id, actief, thema, user_name, normalized_user_name, " +
            "email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number, " +
            "phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count",
            region.Gebruikers, (w, g) =>
            {
                w.Write(g.Id, NpgsqlDbType.Uuid);
                w.Write(g.Voornaam, NpgsqlDbType.Varchar);
                w.Text(g.Tussenvoegsel);
                w.Write(g.Achternaam, NpgsqlDbType.Varchar);
                w.Uuid(g.SchoolId);
                w.Uuid(g.SamenwerkingsverbandId);
                w.Write(g.Actief, NpgsqlDbType.Boolean);
                w.Text(g.Thema);
                w.Text(g.UserName);
                w.Text(g.NormalizedUserName);
                w.Text(g.Email);
                w.Text(g.NormalizedEmail);
                w.Write(g.EmailConfirmed, NpgsqlDbType.Boolean);
                w.Text(g.PasswordHash);
                w.Text(g.SecurityStamp);
                w.Text(g.ConcurrencyStamp);
                w.Text(g.PhoneNumber);
                w.Write(g.PhoneNumberConfirmed, NpgsqlDbType.Boolean);
                w.Write(g.TwoFactorEnabled, NpgsqlDbType.Boolean);
                w.WriteNull();
                w.Write(g.LockoutEnabled, NpgsqlDbType.Boolean);
                w.Write(g.AccessFailedCount, NpgsqlDbType.Integer);
            }, schoolOwned: false);
        await Copy("gebruiker_rollen", "user_id, role_id", region.GebruikerRollen, (w, r) =>
        {
            w.Write(r.GebruikerId, NpgsqlDbType.Uuid);
            w.Write(rollen.Ids[r.Rol], NpgsqlDbType.Uuid);
        }, schoolOwned: false);
        await Copy("locaties", "id, school_id, naam, plaats", region.Locaties, (w, l) =>
        {
            w.Write(l.Id, NpgsqlDbType.Uuid);
            w.Write(l.SchoolId, NpgsqlDbType.Uuid);
            w.Write(l.Naam, NpgsqlDbType.Varchar);
            w.Write(l.Plaats, NpgsqlDbType.Varchar);
        }, schoolOwned: true);
        await Copy("afdelingen", "id, school_id, naam", region.Afdelingen, (w, a) =>
        {
            w.Write(a.Id, NpgsqlDbType.Uuid);
            w.Write(a.SchoolId, NpgsqlDbType.Uuid);
            w.Write(a.Naam, NpgsqlDbType.Varchar);
        }, schoolOwned: true);
        await Copy("klassen", "id, school_id, locatie_id, naam, leerjaar, afdeling_id, schooljaar", region.Klassen, (w, k) =>
        {
            w.Write(k.Id, NpgsqlDbType.Uuid);
            w.Write(k.SchoolId, NpgsqlDbType.Uuid);
            w.Write(k.LocatieId, NpgsqlDbType.Uuid);
            w.Write(k.Naam, NpgsqlDbType.Varchar);
            w.Write(k.Leerjaar, NpgsqlDbType.Integer);
            w.Write(k.AfdelingId, NpgsqlDbType.Uuid);
            w.Write(k.Schooljaar.Startjaar, NpgsqlDbType.Integer);
        }, schoolOwned: true);
        await Copy("klas_mentoren", "school_id, klas_id, medewerker_id", region.KlasMentoren, (w, m) =>
        {
            w.Write(m.SchoolId, NpgsqlDbType.Uuid);
            w.Write(m.KlasId, NpgsqlDbType.Uuid);
            w.Write(m.MedewerkerId, NpgsqlDbType.Uuid);
        }, schoolOwned: true);
        await Copy("coordinatoren", "id, school_id, medewerker_id, leerjaar, afdeling_id", region.Coordinatoren, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Uuid);
            w.Write(c.SchoolId, NpgsqlDbType.Uuid);
            w.Write(c.MedewerkerId, NpgsqlDbType.Uuid);
            if (c.Leerjaar is { } leerjaar)
            {
                w.Write(leerjaar, NpgsqlDbType.Integer);
            }
            else
            {
                w.WriteNull();
            }
            w.Uuid(c.AfdelingId);
        }, schoolOwned: true);
        await Copy("lesopdrachten", "id, school_id, klas_id, medewerker_id, vak", region.Lesopdrachten, (w, l) =>
        {
            w.Write(l.Id, NpgsqlDbType.Uuid);
            w.Write(l.SchoolId, NpgsqlDbType.Uuid);
            w.Write(l.KlasId, NpgsqlDbType.Uuid);
            w.Write(l.MedewerkerId, NpgsqlDbType.Uuid);
            w.Write(l.Vak, NpgsqlDbType.Varchar);
        }, schoolOwned: true);
        await Copy("leerlingen",
            "id, school_id, leerlingnummer, voornaam, tussenvoegsel, achternaam, geboortedatum, klas_id, is_amv, status, " +
            "inschrijfdatum, uitschrijfdatum, uitschrijfreden",
            region.Leerlingen, (w, l) =>
            {
                w.Write(l.Id, NpgsqlDbType.Uuid);
                w.Write(l.SchoolId, NpgsqlDbType.Uuid);
                w.Write(l.Leerlingnummer, NpgsqlDbType.Varchar);
                w.Write(l.Voornaam, NpgsqlDbType.Varchar);
                w.Text(l.Tussenvoegsel);
                w.Write(l.Achternaam, NpgsqlDbType.Varchar);
                w.Write(l.Geboortedatum, NpgsqlDbType.Date);
                w.Uuid(l.KlasId);
                w.Write(l.IsAmv, NpgsqlDbType.Boolean);
                // Enums are stored by name (HasConversion<string>), as the migration defines the column.
                w.Write(l.Status.ToString(), NpgsqlDbType.Varchar);
                w.Date(l.Inschrijfdatum);
                w.Date(l.Uitschrijfdatum);
                w.Text(l.Uitschrijfreden);
            }, schoolOwned: true);
        await Copy("klasplaatsingen", "id, school_id, leerling_id, klas_id, schooljaar, uitkomst", region.KlasPlaatsingen, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Uuid);
            w.Write(p.SchoolId, NpgsqlDbType.Uuid);
            w.Write(p.LeerlingId, NpgsqlDbType.Uuid);
            w.Write(p.KlasId, NpgsqlDbType.Uuid);
            w.Write(p.Schooljaar.Startjaar, NpgsqlDbType.Integer);
            w.Text(p.Uitkomst?.ToString());
        }, schoolOwned: true);
        await Copy("ouders", "id, school_id, voornaam, tussenvoegsel, achternaam, email, telefoon, voorkeurstaal, gebruiker_id", region.Ouders, (w, o) =>
        {
            w.Write(o.Id, NpgsqlDbType.Uuid);
            w.Write(o.SchoolId, NpgsqlDbType.Uuid);
            w.Write(o.Voornaam, NpgsqlDbType.Varchar);
            w.Text(o.Tussenvoegsel);
            w.Write(o.Achternaam, NpgsqlDbType.Varchar);
            w.Text(o.Email);
            w.Text(o.Telefoon);
            w.Text(o.Voorkeurstaal);
            w.Uuid(o.GebruikerId);
        }, schoolOwned: true);
        await Copy("leerling_ouders", "school_id, leerling_id, ouder_id, relatie, gezag", region.LeerlingOuders, (w, lo) =>
        {
            w.Write(lo.SchoolId, NpgsqlDbType.Uuid);
            w.Write(lo.LeerlingId, NpgsqlDbType.Uuid);
            w.Write(lo.OuderId, NpgsqlDbType.Uuid);
            w.Write(lo.Relatie.ToString(), NpgsqlDbType.Varchar);
            w.Write(lo.Gezag, NpgsqlDbType.Boolean);
        }, schoolOwned: true);
        await transaction.CommitAsync(cancellationToken);

        // Fresh statistics, or the planner takes these tables for empty ones.
        var analyzeStarted = Stopwatch.GetTimestamp();
        await using (var analyze = new NpgsqlCommand(
            "ANALYZE rollen, samenwerkingsverbanden, scholen, gebruikers, gebruiker_rollen, locaties, afdelingen, klassen, " +
            "klas_mentoren, coordinatoren, lesopdrachten, leerlingen, klasplaatsingen, ouders, leerling_ouders", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        var analyzeTiming = new TableTiming("(ANALYZE)", 0, Stopwatch.GetElapsedTime(analyzeStarted));
        timings.Add(analyzeTiming);
        progress?.Invoke(analyzeTiming);
        return timings;
    }

    private static Task CopyAsync<T>(NpgsqlConnection connection, string table, string columns, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken) =>
        BinaryCopy.CopyAsync(connection, $"{table} ({columns})", rows, write, cancellationToken);

    private static async Task CopyThroughStagingAsync<T>(NpgsqlConnection connection, string table, string columns, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, Guid[] scholen, CancellationToken cancellationToken)
    {
        var staging = "lz_staging_" + table;
        await ExecuteAsync(connection, $"CREATE TEMP TABLE {staging} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
        await CopyAsync(connection, staging, columns, rows, write, cancellationToken);
        await using var insert = new NpgsqlCommand(
            $"SELECT set_config('app.school_id', @school::text, true); INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging} WHERE school_id = @school",
            connection);
        var school = new NpgsqlParameter<Guid>("school", NpgsqlDbType.Uuid);
        insert.Parameters.Add(school);
        foreach (var id in scholen)
        {
            school.TypedValue = id;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await ExecuteAsync(connection, "SELECT set_config('app.school_id', '', true)", cancellationToken);
    }

    private sealed record Rol(Guid Id, string Naam);

    /// <summary>The Identity roles: those already there keep their ids (the demo seeder may have made them), the rest are new.</summary>
    private static async Task<(Dictionary<string, Guid> Ids, List<Rol> Nieuw)> RolesAsync(NpgsqlConnection connection, Region region, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT name, id FROM rollen WHERE name IS NOT NULL", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetString(0)] = reader.GetGuid(1);
            }
        }
        var ordered = new Uuid7Sequence(region.Spec.Seed ^ 0x524F4C, new DateTimeOffset(region.Spec.Schooljaar.Begin, TimeOnly.MinValue, TimeSpan.Zero));
        var nieuw = Rollen.Alle.Where(r => !ids.ContainsKey(r)).Select(r => new Rol(ordered.Next(), r)).ToList();
        foreach (var rol in nieuw)
        {
            ids[rol.Naam] = rol.Id;
        }
        return (ids, nieuw);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Rows into a table with binary COPY: the region generator and the benchmarks that fill it further.</summary>
internal static class BinaryCopy
{
    public static async Task CopyAsync<T>(NpgsqlConnection connection, string tableAndColumns, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(write);
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)", cancellationToken);
        importer.Timeout = TimeSpan.FromHours(1);
        foreach (var row in rows)
        {
            // The synchronous writes only fill Npgsql's buffer; awaiting each of millions of values costs more than it saves.
            importer.StartRow();
            write(importer, row);
        }
        await importer.CompleteAsync(cancellationToken);
    }
}

internal static class BinaryImporterExtensions
{
    public static void Text(this NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void Uuid(this NpgsqlBinaryImporter importer, Guid? value)
    {
        if (value is { } id)
        {
            importer.Write(id, NpgsqlDbType.Uuid);
        }
        else
        {
            importer.WriteNull();
        }
    }

    public static void Date(this NpgsqlBinaryImporter importer, DateOnly? value)
    {
        if (value is { } date)
        {
            importer.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
