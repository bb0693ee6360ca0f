using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Verwijsindex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signaleringen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    geboortedatum = table.Column<DateOnly>(type: "date", nullable: false),
                    gesignaleerd_op = table.Column<DateOnly>(type: "date", nullable: false),
                    door_id = table.Column<Guid>(type: "uuid", nullable: false),
                    door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contactpersoon = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    contact_telefoon_of_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    vastgelegd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    afgemeld_op = table.Column<DateOnly>(type: "date", nullable: true),
                    afmeld_reden = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    afgemeld_door = table.Column<Guid>(type: "uuid", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false),
                    informeringen = table.Column<string>(type: "jsonb", nullable: true),
                    matches = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signaleringen", x => x.id);
                    table.UniqueConstraint("ak_signaleringen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_signaleringen_gebruikers_door_id",
                        column: x => x.door_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_signaleringen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_signaleringen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signaleringen_door_id",
                table: "signaleringen",
                column: "door_id");

            migrationBuilder.CreateIndex(
                name: "ix_signaleringen_school_id_afgemeld_op_gesignaleerd_op",
                table: "signaleringen",
                columns: new[] { "school_id", "afgemeld_op", "gesignaleerd_op" });

            migrationBuilder.CreateIndex(
                name: "ix_signaleringen_school_id_leerling_id",
                table: "signaleringen",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.EnableSchoolIsolation("signaleringen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signaleringen");
        }
    }
}
