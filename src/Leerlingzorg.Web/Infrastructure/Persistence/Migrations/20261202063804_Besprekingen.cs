using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Besprekingen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "agendapunt_id",
                table: "afspraken",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "besprekingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    soort = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    titel = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    datum = table.Column<DateOnly>(type: "date", nullable: false),
                    begin = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    einde = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    plaats = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    voorzitter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    serie_id = table.Column<Guid>(type: "uuid", nullable: true),
                    inventarisatie_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    klasnotities = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    aangemaakt_door = table.Column<Guid>(type: "uuid", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    afgesloten_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_besprekingen", x => x.id);
                    table.UniqueConstraint("ak_besprekingen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_besprekingen_gebruikers_aangemaakt_door",
                        column: x => x.aangemaakt_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_besprekingen_gebruikers_voorzitter_id",
                        column: x => x.voorzitter_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_besprekingen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    naam = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    organisatie = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    functie = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    telefoon = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actief = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partners", x => x.id);
                    table.UniqueConstraint("ak_partners_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_partners_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agendapunten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bespreking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    volgorde = table.Column<int>(type: "integer", nullable: false),
                    ingebracht_door = table.Column<Guid>(type: "uuid", nullable: true),
                    vraag = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    anoniem = table.Column<bool>(type: "boolean", nullable: false),
                    wat_gaat_goed = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    probleem = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    oorzaak = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    aanpak = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    vertrouwelijkheid = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    besproken = table.Column<bool>(type: "boolean", nullable: false),
                    verwijsindex_op = table.Column<DateOnly>(type: "date", nullable: true),
                    verwijsindex_door = table.Column<Guid>(type: "uuid", nullable: true),
                    bijgewerkt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    bijgewerkt_door = table.Column<Guid>(type: "uuid", nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agendapunten", x => x.id);
                    table.UniqueConstraint("ak_agendapunten_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_agendapunten_besprekingen_school_id_bespreking_id",
                        columns: x => new { x.school_id, x.bespreking_id },
                        principalTable: "besprekingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agendapunten_gebruikers_bijgewerkt_door",
                        column: x => x.bijgewerkt_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agendapunten_gebruikers_ingebracht_door",
                        column: x => x.ingebracht_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agendapunten_gebruikers_verwijsindex_door",
                        column: x => x.verwijsindex_door,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agendapunten_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agendapunten_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bespreking_deelnemers",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bespreking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    gebruiker_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bespreking_deelnemers", x => new { x.school_id, x.bespreking_id, x.gebruiker_id });
                    table.ForeignKey(
                        name: "fk_bespreking_deelnemers_besprekingen_school_id_bespreking_id",
                        columns: x => new { x.school_id, x.bespreking_id },
                        principalTable: "besprekingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bespreking_deelnemers_gebruikers_gebruiker_id",
                        column: x => x.gebruiker_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bespreking_deelnemers_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bespreking_klassen",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bespreking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    klas_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bespreking_klassen", x => new { x.school_id, x.bespreking_id, x.klas_id });
                    table.ForeignKey(
                        name: "fk_bespreking_klassen_besprekingen_school_id_bespreking_id",
                        columns: x => new { x.school_id, x.bespreking_id },
                        principalTable: "besprekingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bespreking_klassen_klassen_school_id_klas_id",
                        columns: x => new { x.school_id, x.klas_id },
                        principalTable: "klassen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bespreking_klassen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inventarisaties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bespreking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    klas_id = table.Column<Guid>(type: "uuid", nullable: false),
                    docent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    ingeleverd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    te_laat = table.Column<bool>(type: "boolean", nullable: false),
                    herinnerd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventarisaties", x => x.id);
                    table.UniqueConstraint("ak_inventarisaties_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_inventarisaties_besprekingen_school_id_bespreking_id",
                        columns: x => new { x.school_id, x.bespreking_id },
                        principalTable: "besprekingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventarisaties_gebruikers_docent_id",
                        column: x => x.docent_id,
                        principalTable: "gebruikers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventarisaties_klassen_school_id_klas_id",
                        columns: x => new { x.school_id, x.klas_id },
                        principalTable: "klassen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventarisaties_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bespreking_partners",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bespreking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bespreking_partners", x => new { x.school_id, x.bespreking_id, x.partner_id });
                    table.ForeignKey(
                        name: "fk_bespreking_partners_besprekingen_school_id_bespreking_id",
                        columns: x => new { x.school_id, x.bespreking_id },
                        principalTable: "besprekingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bespreking_partners_partners_school_id_partner_id",
                        columns: x => new { x.school_id, x.partner_id },
                        principalTable: "partners",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bespreking_partners_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inventarisatie_regels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inventarisatie_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: false),
                    werkhouding = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    gedrag = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    resultaten = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    welbevinden = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    opmerking = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    bijgewerkt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inventarisatie_regels", x => x.id);
                    table.UniqueConstraint("ak_inventarisatie_regels_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_inventarisatie_regels_inventarisaties_school_id_inventarisa",
                        columns: x => new { x.school_id, x.inventarisatie_id },
                        principalTable: "inventarisaties",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inventarisatie_regels_leerlingen_school_id_leerling_id",
                        columns: x => new { x.school_id, x.leerling_id },
                        principalTable: "leerlingen",
                        principalColumns: new[] { "school_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inventarisatie_regels_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_afspraken_school_id_agendapunt_id",
                table: "afspraken",
                columns: new[] { "school_id", "agendapunt_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agendapunten_bijgewerkt_door",
                table: "agendapunten",
                column: "bijgewerkt_door");

            migrationBuilder.CreateIndex(
                name: "ix_agendapunten_ingebracht_door",
                table: "agendapunten",
                column: "ingebracht_door");

            migrationBuilder.CreateIndex(
                name: "ix_agendapunten_school_id_bespreking_id_leerling_id",
                table: "agendapunten",
                columns: new[] { "school_id", "bespreking_id", "leerling_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agendapunten_school_id_leerling_id",
                table: "agendapunten",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agendapunten_verwijsindex_door",
                table: "agendapunten",
                column: "verwijsindex_door");

            migrationBuilder.CreateIndex(
                name: "ix_bespreking_deelnemers_gebruiker_id",
                table: "bespreking_deelnemers",
                column: "gebruiker_id");

            migrationBuilder.CreateIndex(
                name: "ix_bespreking_deelnemers_school_id_gebruiker_id",
                table: "bespreking_deelnemers",
                columns: new[] { "school_id", "gebruiker_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bespreking_klassen_school_id_klas_id",
                table: "bespreking_klassen",
                columns: new[] { "school_id", "klas_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bespreking_partners_school_id_partner_id",
                table: "bespreking_partners",
                columns: new[] { "school_id", "partner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_besprekingen_aangemaakt_door",
                table: "besprekingen",
                column: "aangemaakt_door");

            migrationBuilder.CreateIndex(
                name: "ix_besprekingen_school_id_datum",
                table: "besprekingen",
                columns: new[] { "school_id", "datum" });

            migrationBuilder.CreateIndex(
                name: "ix_besprekingen_school_id_serie_id",
                table: "besprekingen",
                columns: new[] { "school_id", "serie_id" });

            migrationBuilder.CreateIndex(
                name: "ix_besprekingen_voorzitter_id",
                table: "besprekingen",
                column: "voorzitter_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventarisatie_regels_school_id_inventarisatie_id_leerling_",
                table: "inventarisatie_regels",
                columns: new[] { "school_id", "inventarisatie_id", "leerling_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventarisatie_regels_school_id_leerling_id",
                table: "inventarisatie_regels",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_inventarisaties_docent_id",
                table: "inventarisaties",
                column: "docent_id");

            migrationBuilder.CreateIndex(
                name: "ix_inventarisaties_school_id_bespreking_id_klas_id_docent_id",
                table: "inventarisaties",
                columns: new[] { "school_id", "bespreking_id", "klas_id", "docent_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inventarisaties_school_id_docent_id_ingeleverd_op",
                table: "inventarisaties",
                columns: new[] { "school_id", "docent_id", "ingeleverd_op" });

            migrationBuilder.CreateIndex(
                name: "ix_inventarisaties_school_id_klas_id",
                table: "inventarisaties",
                columns: new[] { "school_id", "klas_id" });

            migrationBuilder.CreateIndex(
                name: "ix_partners_school_id_naam",
                table: "partners",
                columns: new[] { "school_id", "naam" });

            migrationBuilder.AddForeignKey(
                name: "fk_afspraken_agendapunten_school_id_agendapunt_id",
                table: "afspraken",
                columns: new[] { "school_id", "agendapunt_id" },
                principalTable: "agendapunten",
                principalColumns: new[] { "school_id", "id" },
                onDelete: ReferentialAction.Restrict);

            // Every school-owned table: row-level security on the connection's school.
            foreach (var table in new[] { "besprekingen", "bespreking_klassen", "bespreking_deelnemers", "bespreking_partners", "partners", "agendapunten", "inventarisaties", "inventarisatie_regels" })
            {
                migrationBuilder.EnableSchoolIsolation(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_afspraken_agendapunten_school_id_agendapunt_id",
                table: "afspraken");

            migrationBuilder.DropTable(
                name: "agendapunten");

            migrationBuilder.DropTable(
                name: "bespreking_deelnemers");

            migrationBuilder.DropTable(
                name: "bespreking_klassen");

            migrationBuilder.DropTable(
                name: "bespreking_partners");

            migrationBuilder.DropTable(
                name: "inventarisatie_regels");

            migrationBuilder.DropTable(
                name: "partners");

            migrationBuilder.DropTable(
                name: "inventarisaties");

            migrationBuilder.DropTable(
                name: "besprekingen");

            migrationBuilder.DropIndex(
                name: "ix_afspraken_school_id_agendapunt_id",
                table: "afspraken");

            migrationBuilder.DropColumn(
                name: "agendapunt_id",
                table: "afspraken");
        }
    }
}
