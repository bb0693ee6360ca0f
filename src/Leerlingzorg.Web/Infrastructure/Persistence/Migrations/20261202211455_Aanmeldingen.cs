using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Aanmeldingen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aanmeldingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    voornaam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tussenvoegsel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    achternaam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    geboortedatum = table.Column<DateOnly>(type: "date", nullable: false),
                    huidige_school = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ouders = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ondersteuningsvraag = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ontvangen_op = table.Column<DateOnly>(type: "date", nullable: false),
                    vastgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    vastgelegd_door = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    verlengd_op = table.Column<DateOnly>(type: "date", nullable: true),
                    verlengingsreden = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    verlengd_door = table.Column<Guid>(type: "uuid", nullable: true),
                    intake_op = table.Column<DateOnly>(type: "date", nullable: true),
                    intake_door = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    intake_notities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    onderzoek = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    onderzoek_uitkomst = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    besluit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    besluit_op = table.Column<DateOnly>(type: "date", nullable: true),
                    besluit_door = table.Column<Guid>(type: "uuid", nullable: true),
                    besluit_toelichting = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    plaatsingsdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    andere_school = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    afspraak_andere_school = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ingetrokken_op = table.Column<DateOnly>(type: "date", nullable: true),
                    intrekkingsreden = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: true),
                    gekoppeld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aanmeldingen", x => x.id);
                    table.UniqueConstraint("ak_aanmeldingen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_aanmeldingen_gebruikers_vastgelegd_door",
                        column: x => x.vastgelegd_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_aanmeldingen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_aanmeldingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aanmeldingen_school_id_leerling_id",
                table: "aanmeldingen",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_aanmeldingen_school_id_status_ontvangen_op",
                table: "aanmeldingen",
                columns: new[] { "school_id", "status", "ontvangen_op" });

            migrationBuilder.CreateIndex(
                name: "ix_aanmeldingen_vastgelegd_door",
                table: "aanmeldingen",
                column: "vastgelegd_door");

            migrationBuilder.EnableSchoolIsolation("aanmeldingen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aanmeldingen");
        }
    }
}
