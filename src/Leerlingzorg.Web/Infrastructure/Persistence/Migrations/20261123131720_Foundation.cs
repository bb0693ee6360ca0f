using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    gebruiker_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rol = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    tijdstip = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actie = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rollen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollen", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "samenwerkingsverbanden",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_samenwerkingsverbanden", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rol_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rol_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_rol_claims_rollen_role_id",
                        column: x => x.role_id,
                        principalTable: "rollen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scholen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    samenwerkingsverband_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    brinnummer = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scholen", x => x.id);
                    table.ForeignKey(
                        name: "fk_scholen_samenwerkingsverbanden_samenwerkingsverband_id",
                        column: x => x.samenwerkingsverband_id,
                        principalTable: "samenwerkingsverbanden",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "afdelingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_afdelingen", x => x.id);
                    table.UniqueConstraint("ak_afdelingen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_afdelingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gebruikers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    voornaam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tussenvoegsel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    achternaam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    samenwerkingsverband_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actief = table.Column<bool>(type: "boolean", nullable: false),
                    thema = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gebruikers", x => x.id);
                    table.CheckConstraint("ck_gebruiker_school_of_swv", "(school_id IS NULL) <> (samenwerkingsverband_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_gebruikers_samenwerkingsverbanden_samenwerkingsverband_id",
                        column: x => x.samenwerkingsverband_id,
                        principalTable: "samenwerkingsverbanden",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_gebruikers_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "import_koppelingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    kolommen_json = table.Column<string>(type: "jsonb", nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_koppelingen", x => x.id);
                    table.UniqueConstraint("ak_import_koppelingen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_import_koppelingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    bestandsnaam = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    gestart_door = table.Column<Guid>(type: "uuid", nullable: false),
                    gestart_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    klaar_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    proefdraai = table.Column<bool>(type: "boolean", nullable: false),
                    totaal = table.Column<int>(type: "integer", nullable: false),
                    nieuw = table.Column<int>(type: "integer", nullable: false),
                    bijgewerkt = table.Column<int>(type: "integer", nullable: false),
                    ongewijzigd = table.Column<int>(type: "integer", nullable: false),
                    fouten = table.Column<int>(type: "integer", nullable: false),
                    samenvatting = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_runs", x => x.id);
                    table.UniqueConstraint("ak_import_runs_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_import_runs_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "locaties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    plaats = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_locaties", x => x.id);
                    table.UniqueConstraint("ak_locaties_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_locaties_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coordinatoren",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    medewerker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerjaar = table.Column<int>(type: "integer", nullable: true),
                    afdeling_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coordinatoren", x => x.id);
                    table.UniqueConstraint("ak_coordinatoren_school_id_id", x => new { x.school_id, x.id });
                    table.CheckConstraint("ck_coordinator_leerjaar_of_afdeling", "leerjaar IS NOT NULL OR afdeling_id IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_coordinatoren_afdelingen_school_id_afdeling_id",
                        columns: x => new { x.school_id, x.afdeling_id },
                        principalTable: "afdelingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_coordinatoren_gebruikers_medewerker_id",
                        column: x => x.medewerker_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_coordinatoren_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gebruiker_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gebruiker_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_gebruiker_claims_gebruikers_user_id",
                        column: x => x.user_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gebruiker_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gebruiker_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_gebruiker_logins_gebruikers_user_id",
                        column: x => x.user_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gebruiker_passkeys",
                columns: table => new
                {
                    credential_id = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gebruiker_passkeys", x => x.credential_id);
                    table.ForeignKey(
                        name: "fk_gebruiker_passkeys_gebruikers_user_id",
                        column: x => x.user_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gebruiker_rollen",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gebruiker_rollen", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_gebruiker_rollen_gebruikers_user_id",
                        column: x => x.user_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_gebruiker_rollen_rollen_role_id",
                        column: x => x.role_id,
                        principalTable: "rollen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gebruiker_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gebruiker_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_gebruiker_tokens_gebruikers_user_id",
                        column: x => x.user_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ouders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voornaam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tussenvoegsel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    achternaam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    telefoon = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    voorkeurstaal = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    gebruiker_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ouders", x => x.id);
                    table.UniqueConstraint("ak_ouders_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_ouders_gebruikers_gebruiker_id",
                        column: x => x.gebruiker_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ouders_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "klassen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    locatie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    leerjaar = table.Column<int>(type: "integer", nullable: false),
                    afdeling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    schooljaar = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_klassen", x => x.id);
                    table.UniqueConstraint("ak_klassen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_klassen_afdelingen_school_id_afdeling_id",
                        columns: x => new { x.school_id, x.afdeling_id },
                        principalTable: "afdelingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_klassen_locaties_school_id_locatie_id",
                        columns: x => new { x.school_id, x.locatie_id },
                        principalTable: "locaties",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_klassen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "klas_mentoren",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    klas_id = table.Column<Guid>(type: "uuid", nullable: false),
                    medewerker_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_klas_mentoren", x => new { x.school_id, x.klas_id, x.medewerker_id });
                    table.ForeignKey(
                        name: "fk_klas_mentoren_gebruikers_medewerker_id",
                        column: x => x.medewerker_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_klas_mentoren_klassen_school_id_klas_id",
                        columns: x => new { x.school_id, x.klas_id },
                        principalTable: "klassen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_klas_mentoren_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leerlingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerlingnummer = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    voornaam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tussenvoegsel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    achternaam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    geboortedatum = table.Column<DateOnly>(type: "date", nullable: false),
                    klas_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_amv = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    inschrijfdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    uitschrijfdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    uitschrijfreden = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leerlingen", x => x.id);
                    table.UniqueConstraint("ak_leerlingen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_leerlingen_klassen_school_id_klas_id",
                        columns: x => new { x.school_id, x.klas_id },
                        principalTable: "klassen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_leerlingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lesopdrachten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    klas_id = table.Column<Guid>(type: "uuid", nullable: false),
                    medewerker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vak = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lesopdrachten", x => x.id);
                    table.UniqueConstraint("ak_lesopdrachten_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_lesopdrachten_gebruikers_medewerker_id",
                        column: x => x.medewerker_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lesopdrachten_klassen_school_id_klas_id",
                        columns: x => new { x.school_id, x.klas_id },
                        principalTable: "klassen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_lesopdrachten_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "klasplaatsingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    klas_id = table.Column<Guid>(type: "uuid", nullable: false),
                    schooljaar = table.Column<int>(type: "integer", nullable: false),
                    uitkomst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_klasplaatsingen", x => x.id);
                    table.UniqueConstraint("ak_klasplaatsingen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_klasplaatsingen_klassen_school_id_klas_id",
                        columns: x => new { x.school_id, x.klas_id },
                        principalTable: "klassen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_klasplaatsingen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_klasplaatsingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leerling_ouders",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ouder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relatie = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gezag = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leerling_ouders", x => new { x.school_id, x.leerling_id, x.ouder_id });
                    table.ForeignKey(
                        name: "fk_leerling_ouders_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_leerling_ouders_ouders_school_id_ouder_id",
                        columns: x => new { x.school_id, x.ouder_id },
                        principalTable: "ouders",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_leerling_ouders_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_afdelingen_school_id_naam",
                table: "afdelingen",
                columns: new[] { "school_id", "naam" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_school_id_leerling_id_tijdstip",
                table: "audit_entries",
                columns: new[] { "school_id", "leerling_id", "tijdstip" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_school_id_tijdstip",
                table: "audit_entries",
                columns: new[] { "school_id", "tijdstip" });

            migrationBuilder.CreateIndex(
                name: "ix_coordinatoren_medewerker_id",
                table: "coordinatoren",
                column: "medewerker_id");

            migrationBuilder.CreateIndex(
                name: "ix_coordinatoren_school_id_afdeling_id",
                table: "coordinatoren",
                columns: new[] { "school_id", "afdeling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coordinatoren_school_id_medewerker_id",
                table: "coordinatoren",
                columns: new[] { "school_id", "medewerker_id" });

            migrationBuilder.CreateIndex(
                name: "ix_gebruiker_claims_user_id",
                table: "gebruiker_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_gebruiker_logins_user_id",
                table: "gebruiker_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_gebruiker_passkeys_user_id",
                table: "gebruiker_passkeys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_gebruiker_rollen_role_id",
                table: "gebruiker_rollen",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_gebruikers_normalized_email",
                table: "gebruikers",
                column: "normalized_email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gebruikers_samenwerkingsverband_id",
                table: "gebruikers",
                column: "samenwerkingsverband_id");

            migrationBuilder.CreateIndex(
                name: "ix_gebruikers_school_id",
                table: "gebruikers",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "gebruikers",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_koppelingen_school_id_soort",
                table: "import_koppelingen",
                columns: new[] { "school_id", "soort" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_runs_school_id_gestart_op",
                table: "import_runs",
                columns: new[] { "school_id", "gestart_op" });

            migrationBuilder.CreateIndex(
                name: "ix_klas_mentoren_medewerker_id",
                table: "klas_mentoren",
                column: "medewerker_id");

            migrationBuilder.CreateIndex(
                name: "ix_klas_mentoren_school_id_medewerker_id",
                table: "klas_mentoren",
                columns: new[] { "school_id", "medewerker_id" });

            migrationBuilder.CreateIndex(
                name: "ix_klasplaatsingen_school_id_klas_id",
                table: "klasplaatsingen",
                columns: new[] { "school_id", "klas_id" });

            migrationBuilder.CreateIndex(
                name: "ix_klasplaatsingen_school_id_leerling_id_schooljaar",
                table: "klasplaatsingen",
                columns: new[] { "school_id", "leerling_id", "schooljaar" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_klassen_school_id_afdeling_id",
                table: "klassen",
                columns: new[] { "school_id", "afdeling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_klassen_school_id_locatie_id",
                table: "klassen",
                columns: new[] { "school_id", "locatie_id" });

            migrationBuilder.CreateIndex(
                name: "ix_klassen_school_id_schooljaar_naam",
                table: "klassen",
                columns: new[] { "school_id", "schooljaar", "naam" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leerling_ouders_school_id_ouder_id",
                table: "leerling_ouders",
                columns: new[] { "school_id", "ouder_id" });

            migrationBuilder.CreateIndex(
                name: "ix_leerlingen_school_id_klas_id",
                table: "leerlingen",
                columns: new[] { "school_id", "klas_id" });

            migrationBuilder.CreateIndex(
                name: "ix_leerlingen_school_id_leerlingnummer",
                table: "leerlingen",
                columns: new[] { "school_id", "leerlingnummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lesopdrachten_medewerker_id",
                table: "lesopdrachten",
                column: "medewerker_id");

            migrationBuilder.CreateIndex(
                name: "ix_lesopdrachten_school_id_klas_id_medewerker_id_vak",
                table: "lesopdrachten",
                columns: new[] { "school_id", "klas_id", "medewerker_id", "vak" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lesopdrachten_school_id_medewerker_id",
                table: "lesopdrachten",
                columns: new[] { "school_id", "medewerker_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ouders_gebruiker_id",
                table: "ouders",
                column: "gebruiker_id");

            migrationBuilder.CreateIndex(
                name: "ix_ouders_school_id_gebruiker_id",
                table: "ouders",
                columns: new[] { "school_id", "gebruiker_id" });

            migrationBuilder.CreateIndex(
                name: "ix_rol_claims_role_id",
                table: "rol_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "rollen",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scholen_brinnummer",
                table: "scholen",
                column: "brinnummer",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scholen_samenwerkingsverband_id",
                table: "scholen",
                column: "samenwerkingsverband_id");

            // Tenancy in the database: every school-owned table is closed to other schools.
            foreach (var table in new[]
                     {
                         "locaties", "afdelingen", "klassen", "klas_mentoren", "coordinatoren", "lesopdrachten",
                         "leerlingen", "klasplaatsingen", "ouders", "leerling_ouders", "import_runs", "import_koppelingen",
                     })
            {
                migrationBuilder.EnableSchoolIsolation(table);
            }
            migrationBuilder.GrantAppRole();
            migrationBuilder.MakeAuditAppendOnly();
            migrationBuilder.AddStudentSearch();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "coordinatoren");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "gebruiker_claims");

            migrationBuilder.DropTable(
                name: "gebruiker_logins");

            migrationBuilder.DropTable(
                name: "gebruiker_passkeys");

            migrationBuilder.DropTable(
                name: "gebruiker_rollen");

            migrationBuilder.DropTable(
                name: "gebruiker_tokens");

            migrationBuilder.DropTable(
                name: "import_koppelingen");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "klas_mentoren");

            migrationBuilder.DropTable(
                name: "klasplaatsingen");

            migrationBuilder.DropTable(
                name: "leerling_ouders");

            migrationBuilder.DropTable(
                name: "lesopdrachten");

            migrationBuilder.DropTable(
                name: "rol_claims");

            migrationBuilder.DropTable(
                name: "leerlingen");

            migrationBuilder.DropTable(
                name: "ouders");

            migrationBuilder.DropTable(
                name: "rollen");

            migrationBuilder.DropTable(
                name: "klassen");

            migrationBuilder.DropTable(
                name: "gebruikers");

            migrationBuilder.DropTable(
                name: "afdelingen");

            migrationBuilder.DropTable(
                name: "locaties");

            migrationBuilder.DropTable(
                name: "scholen");

            migrationBuilder.DropTable(
                name: "samenwerkingsverbanden");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS lz_zoektekst(text, text, text, text);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS lz_zoekterm(text);");
        }
    }
}
