using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Ondersteuning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "pm_niveau",
                table: "leerlingen",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateOnly>(
                name: "pm_sinds",
                table: "leerlingen",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ondersteuningsaanbod",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    categorie = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    niveau = table.Column<int>(type: "integer", nullable: false),
                    aanbiedersoort = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    aanbieder = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    capaciteit = table.Column<int>(type: "integer", nullable: true),
                    toestemming_nodig = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    omschrijving = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    actief = table.Column<bool>(type: "boolean", nullable: false),
                    volgorde = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ondersteuningsaanbod", x => x.id);
                    table.UniqueConstraint("ak_ondersteuningsaanbod_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_ondersteuningsaanbod_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ondersteuningspassen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    diagnose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    geldig_vanaf = table.Column<DateOnly>(type: "date", nullable: false),
                    geldig_tot = table.Column<DateOnly>(type: "date", nullable: true),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    aangemaakt_door = table.Column<Guid>(type: "uuid", nullable: false),
                    vervallen_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false),
                    faciliteiten = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ondersteuningspassen", x => x.id);
                    table.UniqueConstraint("ak_ondersteuningspassen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_ondersteuningspassen_gebruikers_aangemaakt_door",
                        column: x => x.aangemaakt_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ondersteuningspassen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ondersteuningspassen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pm_stappen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    van = table.Column<int>(type: "integer", nullable: true),
                    naar = table.Column<int>(type: "integer", nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    vastgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    door_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reden = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    geprobeerd = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    rechtvaardiging = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pm_stappen", x => x.id);
                    table.UniqueConstraint("ak_pm_stappen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_pm_stappen_gebruikers_door_id",
                        column: x => x.door_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pm_stappen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pm_stappen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "toestemmingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    doel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    partner = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    ouder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    wijze = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gegeven_op = table.Column<DateOnly>(type: "date", nullable: false),
                    geldig_tot = table.Column<DateOnly>(type: "date", nullable: true),
                    vastgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    vastgelegd_door = table.Column<Guid>(type: "uuid", nullable: false),
                    opmerking = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ingetrokken_op = table.Column<DateOnly>(type: "date", nullable: true),
                    ingetrokken_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    intrekking_vastgelegd_door = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_toestemmingen", x => x.id);
                    table.UniqueConstraint("ak_toestemmingen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_toestemmingen_gebruikers_vastgelegd_door",
                        column: x => x.vastgelegd_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_toestemmingen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_toestemmingen_ouders_school_id_ouder_id",
                        columns: x => new { x.school_id, x.ouder_id },
                        principalTable: "ouders",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_toestemmingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inzetten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aanbod_id = table.Column<Guid>(type: "uuid", nullable: false),
                    doel = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    gepland_einde = table.Column<DateOnly>(type: "date", nullable: true),
                    eigenaar_id = table.Column<Guid>(type: "uuid", nullable: false),
                    frequentie = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    volgende_evaluatie = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    aangemaakt_door = table.Column<Guid>(type: "uuid", nullable: false),
                    wachtlijst_sinds = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    beeindigd_op = table.Column<DateOnly>(type: "date", nullable: true),
                    uitkomst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    evaluatie = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    toestemming_ingetrokken_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inzetten", x => x.id);
                    table.UniqueConstraint("ak_inzetten_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_inzetten_gebruikers_aangemaakt_door",
                        column: x => x.aangemaakt_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inzetten_gebruikers_eigenaar_id",
                        column: x => x.eigenaar_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inzetten_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inzetten_ondersteuningsaanbod_school_id_aanbod_id",
                        columns: x => new { x.school_id, x.aanbod_id },
                        principalTable: "ondersteuningsaanbod",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inzetten_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leerlingen_school_id_pm_niveau",
                table: "leerlingen",
                columns: new[] { "school_id", "pm_niveau" });

            migrationBuilder.CreateIndex(
                name: "ix_inzetten_aangemaakt_door",
                table: "inzetten",
                column: "aangemaakt_door");

            migrationBuilder.CreateIndex(
                name: "ix_inzetten_eigenaar_id",
                table: "inzetten",
                column: "eigenaar_id");

            migrationBuilder.CreateIndex(
                name: "ix_inzetten_school_id_aanbod_id_status",
                table: "inzetten",
                columns: new[] { "school_id", "aanbod_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_inzetten_school_id_eigenaar_id_volgende_evaluatie",
                table: "inzetten",
                columns: new[] { "school_id", "eigenaar_id", "volgende_evaluatie" });

            migrationBuilder.CreateIndex(
                name: "ix_inzetten_school_id_leerling_id",
                table: "inzetten",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ondersteuningsaanbod_school_id_naam",
                table: "ondersteuningsaanbod",
                columns: new[] { "school_id", "naam" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ondersteuningspassen_aangemaakt_door",
                table: "ondersteuningspassen",
                column: "aangemaakt_door");

            migrationBuilder.CreateIndex(
                name: "ix_ondersteuningspassen_school_id_leerling_id",
                table: "ondersteuningspassen",
                columns: new[] { "school_id", "leerling_id" },
                unique: true,
                filter: "vervallen_op IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_pm_stappen_door_id",
                table: "pm_stappen",
                column: "door_id");

            migrationBuilder.CreateIndex(
                name: "ix_pm_stappen_school_id_leerling_id_datum",
                table: "pm_stappen",
                columns: new[] { "school_id", "leerling_id", "datum" });

            migrationBuilder.CreateIndex(
                name: "ix_toestemmingen_school_id_geldig_tot",
                table: "toestemmingen",
                columns: new[] { "school_id", "geldig_tot" });

            migrationBuilder.CreateIndex(
                name: "ix_toestemmingen_school_id_leerling_id_doel",
                table: "toestemmingen",
                columns: new[] { "school_id", "leerling_id", "doel" });

            migrationBuilder.CreateIndex(
                name: "ix_toestemmingen_school_id_ouder_id",
                table: "toestemmingen",
                columns: new[] { "school_id", "ouder_id" });

            migrationBuilder.CreateIndex(
                name: "ix_toestemmingen_vastgelegd_door",
                table: "toestemmingen",
                column: "vastgelegd_door");

            // Every school-owned table: row-level security on the connection's school.
            foreach (var table in new[] { "ondersteuningsaanbod", "ondersteuningspassen", "pm_stappen", "toestemmingen", "inzetten" })
            {
                migrationBuilder.EnableSchoolIsolation(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inzetten");

            migrationBuilder.DropTable(
                name: "ondersteuningspassen");

            migrationBuilder.DropTable(
                name: "pm_stappen");

            migrationBuilder.DropTable(
                name: "toestemmingen");

            migrationBuilder.DropTable(
                name: "ondersteuningsaanbod");

            migrationBuilder.DropIndex(
                name: "ix_leerlingen_school_id_pm_niveau",
                table: "leerlingen");

            migrationBuilder.DropColumn(
                name: "pm_niveau",
                table: "leerlingen");

            migrationBuilder.DropColumn(
                name: "pm_sinds",
                table: "leerlingen");
        }
    }
}
