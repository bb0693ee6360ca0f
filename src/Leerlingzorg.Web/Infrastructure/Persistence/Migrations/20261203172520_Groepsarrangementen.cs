using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Groepsarrangementen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "groepsgrootte",
                table: "swv_aanvragen",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "swv_groepsleden",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    swv_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aanvraag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling = table.Column<string>(type: "jsonb", nullable: false),
                    opp_versie = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swv_groepsleden", x => x.id);
                    table.ForeignKey(
                        name: "fk_swv_groepsleden_samenwerkingsverbanden_swv_id",
                        column: x => x.swv_id,
                        principalTable: "samenwerkingsverbanden",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_swv_groepsleden_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_swv_groepsleden_swvaanvragen_swv_id_aanvraag_id",
                        columns: x => new { x.swv_id, x.aanvraag_id },
                        principalTable: "swv_aanvragen",
                        principalColumns: new[] { "swv_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_swv_groepsleden_school_id_leerling_id",
                table: "swv_groepsleden",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_swv_groepsleden_swv_id_aanvraag_id",
                table: "swv_groepsleden",
                columns: new[] { "swv_id", "aanvraag_id" });

            // ADR 0010: the SWV's own, and the sending school reads its rows and may add them, only to its own SWV.
            migrationBuilder.EnableSwvSubmission("swv_groepsleden");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "swv_groepsleden");

            migrationBuilder.DropColumn(
                name: "groepsgrootte",
                table: "swv_aanvragen");
        }
    }
}
