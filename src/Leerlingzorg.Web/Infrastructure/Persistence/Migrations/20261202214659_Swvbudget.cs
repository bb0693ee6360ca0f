using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Swvbudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "evaluatie_op",
                table: "swv_aanvragen",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "swv_bestedingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    swv_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aanvraag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ontvangende_school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bedrag = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    omschrijving = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    door_id = table.Column<Guid>(type: "uuid", nullable: false),
                    op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swv_bestedingen", x => x.id);
                    table.ForeignKey(
                        name: "fk_swv_bestedingen_samenwerkingsverbanden_swv_id",
                        column: x => x.swv_id,
                        principalTable: "samenwerkingsverbanden",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_swv_bestedingen_swvaanvragen_swv_id_aanvraag_id",
                        columns: x => new { x.swv_id, x.aanvraag_id },
                        principalTable: "swv_aanvragen",
                        principalColumns: new[] { "swv_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "swv_budgetten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    swv_id = table.Column<Guid>(type: "uuid", nullable: false),
                    schooljaar = table.Column<int>(type: "integer", nullable: false),
                    bedrag = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swv_budgetten", x => x.id);
                    table.ForeignKey(
                        name: "fk_swv_budgetten_samenwerkingsverbanden_swv_id",
                        column: x => x.swv_id,
                        principalTable: "samenwerkingsverbanden",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_swv_bestedingen_swv_id_aanvraag_id",
                table: "swv_bestedingen",
                columns: new[] { "swv_id", "aanvraag_id" });

            migrationBuilder.CreateIndex(
                name: "ix_swv_bestedingen_swv_id_datum",
                table: "swv_bestedingen",
                columns: new[] { "swv_id", "datum" });

            migrationBuilder.CreateIndex(
                name: "ix_swv_budgetten_swv_id_schooljaar",
                table: "swv_budgetten",
                columns: new[] { "swv_id", "schooljaar" },
                unique: true);

            migrationBuilder.EnableSwvIsolation("swv_budgetten");
            migrationBuilder.EnableSwvIsolation("swv_bestedingen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "swv_bestedingen");

            migrationBuilder.DropTable(
                name: "swv_budgetten");

            migrationBuilder.DropColumn(
                name: "evaluatie_op",
                table: "swv_aanvragen");
        }
    }
}
