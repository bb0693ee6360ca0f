using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Dossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gesprek_concepten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    auteur_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sleutel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    inhoud = table.Column<string>(type: "jsonb", nullable: false),
                    bijgewerkt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gesprek_concepten", x => x.id);
                    table.UniqueConstraint("ak_gesprek_concepten_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_gesprek_concepten_gebruikers_auteur_id",
                        column: x => x.auteur_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_gesprek_concepten_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gesprek_soorten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    is_voortgangsgesprek = table.Column<bool>(type: "boolean", nullable: false),
                    volgorde = table.Column<int>(type: "integer", nullable: false),
                    actief = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gesprek_soorten", x => x.id);
                    table.UniqueConstraint("ak_gesprek_soorten_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_gesprek_soorten_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gesprekken",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    auteur_id = table.Column<Guid>(type: "uuid", nullable: false),
                    samenvatting = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    vertrouwelijkheid = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    andere_deelnemers = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    met_ouders = table.Column<bool>(type: "boolean", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false),
                    verwijderd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verwijderd_door = table.Column<Guid>(type: "uuid", nullable: true),
                    verwijder_reden = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    voortgang = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gesprekken", x => x.id);
                    table.UniqueConstraint("ak_gesprekken_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_gesprekken_gebruikers_auteur_id",
                        column: x => x.auteur_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_gesprekken_gesprek_soorten_school_id_soort_id",
                        columns: x => new { x.school_id, x.soort_id },
                        principalTable: "gesprek_soorten",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_gesprekken_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "afspraken",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gesprek_id = table.Column<Guid>(type: "uuid", nullable: true),
                    wat = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    eigenaar_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    afgerond_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    evaluatie = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_afspraken", x => x.id);
                    table.UniqueConstraint("ak_afspraken_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_afspraken_gebruikers_eigenaar_id",
                        column: x => x.eigenaar_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_afspraken_gesprekken_school_id_gesprek_id",
                        columns: x => new { x.school_id, x.gesprek_id },
                        principalTable: "gesprekken",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_afspraken_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_afspraken_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gesprek_leerlingen",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gesprek_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gesprek_leerlingen", x => new { x.school_id, x.gesprek_id, x.leerling_id });
                    table.ForeignKey(
                        name: "fk_gesprek_leerlingen_gesprekken_school_id_gesprek_id",
                        columns: x => new { x.school_id, x.gesprek_id },
                        principalTable: "gesprekken",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_gesprek_leerlingen_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_gesprek_leerlingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gesprek_revisies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gesprek_id = table.Column<Guid>(type: "uuid", nullable: false),
                    versie = table.Column<int>(type: "integer", nullable: false),
                    gewijzigd_door = table.Column<Guid>(type: "uuid", nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    inhoud = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gesprek_revisies", x => x.id);
                    table.UniqueConstraint("ak_gesprek_revisies_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_gesprek_revisies_gesprekken_school_id_gesprek_id",
                        columns: x => new { x.school_id, x.gesprek_id },
                        principalTable: "gesprekken",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_gesprek_revisies_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_afspraken_eigenaar_id",
                table: "afspraken",
                column: "eigenaar_id");

            migrationBuilder.CreateIndex(
                name: "ix_afspraken_school_id_eigenaar_id_afgerond_op_deadline",
                table: "afspraken",
                columns: new[] { "school_id", "eigenaar_id", "afgerond_op", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_afspraken_school_id_gesprek_id",
                table: "afspraken",
                columns: new[] { "school_id", "gesprek_id" });

            migrationBuilder.CreateIndex(
                name: "ix_afspraken_school_id_leerling_id",
                table: "afspraken",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_gesprek_concepten_auteur_id",
                table: "gesprek_concepten",
                column: "auteur_id");

            migrationBuilder.CreateIndex(
                name: "ix_gesprek_concepten_school_id_auteur_id_sleutel",
                table: "gesprek_concepten",
                columns: new[] { "school_id", "auteur_id", "sleutel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gesprek_leerlingen_school_id_leerling_id",
                table: "gesprek_leerlingen",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_gesprek_revisies_school_id_gesprek_id_versie",
                table: "gesprek_revisies",
                columns: new[] { "school_id", "gesprek_id", "versie" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gesprek_soorten_school_id_naam",
                table: "gesprek_soorten",
                columns: new[] { "school_id", "naam" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gesprekken_auteur_id",
                table: "gesprekken",
                column: "auteur_id");

            migrationBuilder.CreateIndex(
                name: "ix_gesprekken_school_id_auteur_id_datum",
                table: "gesprekken",
                columns: new[] { "school_id", "auteur_id", "datum" });

            migrationBuilder.CreateIndex(
                name: "ix_gesprekken_school_id_soort_id",
                table: "gesprekken",
                columns: new[] { "school_id", "soort_id" });

            foreach (var table in new[]
                     {
                         "gesprek_soorten", "gesprekken", "gesprek_leerlingen", "gesprek_revisies", "gesprek_concepten", "afspraken",
                     })
            {
                migrationBuilder.EnableSchoolIsolation(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "afspraken");

            migrationBuilder.DropTable(
                name: "gesprek_concepten");

            migrationBuilder.DropTable(
                name: "gesprek_leerlingen");

            migrationBuilder.DropTable(
                name: "gesprek_revisies");

            migrationBuilder.DropTable(
                name: "gesprekken");

            migrationBuilder.DropTable(
                name: "gesprek_soorten");
        }
    }
}
