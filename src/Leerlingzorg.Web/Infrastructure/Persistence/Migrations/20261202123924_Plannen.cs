using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Plannen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "opp_instemming",
                table: "scholen",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "AlleOuders");

            migrationBuilder.CreateTable(
                name: "plannen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nodig_sinds = table.Column<DateOnly>(type: "date", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    aangemaakt_door = table.Column<Guid>(type: "uuid", nullable: false),
                    beeindigd_op = table.Column<DateOnly>(type: "date", nullable: true),
                    beeindigingsreden = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plannen", x => x.id);
                    table.UniqueConstraint("ak_plannen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_plannen_gebruikers_aangemaakt_door",
                        column: x => x.aangemaakt_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plannen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plannen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "toestemmingsverzoeken",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ouder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    doel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    partner = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    toelichting = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    geldig_tot = table.Column<DateOnly>(type: "date", nullable: true),
                    gevraagd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gevraagd_door = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    beantwoord_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reden = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    toestemming_id = table.Column<Guid>(type: "uuid", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_toestemmingsverzoeken", x => x.id);
                    table.UniqueConstraint("ak_toestemmingsverzoeken_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_toestemmingsverzoeken_gebruikers_gevraagd_door",
                        column: x => x.gevraagd_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_toestemmingsverzoeken_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_toestemmingsverzoeken_ouders_school_id_ouder_id",
                        columns: x => new { x.school_id, x.ouder_id },
                        principalTable: "ouders",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_toestemmingsverzoeken_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_versies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nummer = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    inhoud = table.Column<string>(type: "jsonb", nullable: false),
                    evaluatie_gepland = table.Column<DateOnly>(type: "date", nullable: true),
                    revisie = table.Column<int>(type: "integer", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    aangemaakt_door = table.Column<Guid>(type: "uuid", nullable: false),
                    bijgewerkt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    bijgewerkt_door = table.Column<Guid>(type: "uuid", nullable: false),
                    voorgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    voorgelegd_door = table.Column<Guid>(type: "uuid", nullable: true),
                    besluit_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ingang = table.Column<DateOnly>(type: "date", nullable: true),
                    laatst_geevalueerd = table.Column<DateOnly>(type: "date", nullable: true),
                    evaluatie = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    vervangen_op = table.Column<DateOnly>(type: "date", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_versies", x => x.id);
                    table.UniqueConstraint("ak_plan_versies_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_plan_versies_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_versies_plannen_school_id_plan_id",
                        columns: x => new { x.school_id, x.plan_id },
                        principalTable: "plannen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_versies_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "instemmingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    versie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ouder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    revisie = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gevraagd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    beslist_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    wijze = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reden = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    vastgelegd_door = table.Column<Guid>(type: "uuid", nullable: true),
                    vervallen_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instemmingen", x => x.id);
                    table.UniqueConstraint("ak_instemmingen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_instemmingen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_instemmingen_ouders_school_id_ouder_id",
                        columns: x => new { x.school_id, x.ouder_id },
                        principalTable: "ouders",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_instemmingen_plan_versies_school_id_versie_id",
                        columns: x => new { x.school_id, x.versie_id },
                        principalTable: "plan_versies",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_instemmingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_overleggen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    versie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aanleiding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    geopend_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: true),
                    verslag = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    afgesloten_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    afgesloten_door = table.Column<Guid>(type: "uuid", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_overleggen", x => x.id);
                    table.UniqueConstraint("ak_plan_overleggen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_plan_overleggen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_overleggen_plan_versies_school_id_versie_id",
                        columns: x => new { x.school_id, x.versie_id },
                        principalTable: "plan_versies",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plan_overleggen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_instemmingen_school_id_leerling_id",
                table: "instemmingen",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_instemmingen_school_id_ouder_id_status",
                table: "instemmingen",
                columns: new[] { "school_id", "ouder_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_instemmingen_school_id_versie_id",
                table: "instemmingen",
                columns: new[] { "school_id", "versie_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_overleggen_school_id_leerling_id",
                table: "plan_overleggen",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_overleggen_school_id_versie_id",
                table: "plan_overleggen",
                columns: new[] { "school_id", "versie_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_versies_school_id_leerling_id",
                table: "plan_versies",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_versies_school_id_plan_id_nummer",
                table: "plan_versies",
                columns: new[] { "school_id", "plan_id", "nummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plannen_aangemaakt_door",
                table: "plannen",
                column: "aangemaakt_door");

            migrationBuilder.CreateIndex(
                name: "ix_plannen_school_id_leerling_id",
                table: "plannen",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_toestemmingsverzoeken_gevraagd_door",
                table: "toestemmingsverzoeken",
                column: "gevraagd_door");

            migrationBuilder.CreateIndex(
                name: "ix_toestemmingsverzoeken_school_id_leerling_id",
                table: "toestemmingsverzoeken",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_toestemmingsverzoeken_school_id_ouder_id_status",
                table: "toestemmingsverzoeken",
                columns: new[] { "school_id", "ouder_id", "status" });

            // Every school-owned table: row-level security on the connection's school.
            foreach (var table in new[] { "plannen", "plan_versies", "instemmingen", "plan_overleggen", "toestemmingsverzoeken" })
            {
                migrationBuilder.EnableSchoolIsolation(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "instemmingen");

            migrationBuilder.DropTable(
                name: "plan_overleggen");

            migrationBuilder.DropTable(
                name: "toestemmingsverzoeken");

            migrationBuilder.DropTable(
                name: "plan_versies");

            migrationBuilder.DropTable(
                name: "plannen");

            migrationBuilder.DropColumn(
                name: "opp_instemming",
                table: "scholen");
        }
    }
}
