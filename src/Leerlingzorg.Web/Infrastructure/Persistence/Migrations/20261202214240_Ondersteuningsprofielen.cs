using System;
using System.Collections.Generic;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Ondersteuningsprofielen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gepubliceerde_profielen",
                columns: table => new
                {
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    samenwerkingsverband_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gepubliceerd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    inhoud = table.Column<string>(type: "jsonb", nullable: false),
                    expertise_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    plaatsen = table.Column<List<string>>(type: "text[]", nullable: false),
                    zoektekst = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gepubliceerde_profielen", x => x.school_id);
                    table.ForeignKey(
                        name: "fk_gepubliceerde_profielen_samenwerkingsverbanden_samenwerking",
                        column: x => x.samenwerkingsverband_id,
                        principalTable: "samenwerkingsverbanden",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_gepubliceerde_profielen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ondersteuningsprofielen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ondersteuningsstructuur = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    veilige_omgeving = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    kwaliteitszorg = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    onderwijsaanbod = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    adres = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    telefoon = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    website = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    expertises = table.Column<string>(type: "jsonb", nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    gewijzigd_door = table.Column<Guid>(type: "uuid", nullable: true),
                    gepubliceerd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heeft_ongepubliceerde_wijzigingen = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ondersteuningsprofielen", x => x.id);
                    table.UniqueConstraint("ak_ondersteuningsprofielen_school_id_id", x => new { x.school_id, x.id });
                    table.ForeignKey(
                        name: "fk_ondersteuningsprofielen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_gepubliceerde_profielen_samenwerkingsverband_id_school_naam",
                table: "gepubliceerde_profielen",
                columns: new[] { "samenwerkingsverband_id", "school_naam" });

            migrationBuilder.CreateIndex(
                name: "ix_ondersteuningsprofielen_school_id",
                table: "ondersteuningsprofielen",
                column: "school_id",
                unique: true);

            migrationBuilder.EnableSchoolIsolation("ondersteuningsprofielen");
            // Public data outside the tenancy (ADR 0010): everyone reads every row, also a connection bound to no
            // school (the public overview); only the school the connection is bound to writes its own row.
            migrationBuilder.Sql($"""
                ALTER TABLE gepubliceerde_profielen ENABLE ROW LEVEL SECURITY;
                ALTER TABLE gepubliceerde_profielen FORCE ROW LEVEL SECURITY;
                CREATE POLICY publiek_lezen ON gepubliceerde_profielen FOR SELECT USING (true);
                CREATE POLICY eigen_school_toevoegen ON gepubliceerde_profielen FOR INSERT
                    WITH CHECK (school_id = {RowLevelSecurity.CurrentSchool});
                CREATE POLICY eigen_school_wijzigen ON gepubliceerde_profielen FOR UPDATE
                    USING (school_id = {RowLevelSecurity.CurrentSchool}) WITH CHECK (school_id = {RowLevelSecurity.CurrentSchool});
                CREATE POLICY eigen_school_verwijderen ON gepubliceerde_profielen FOR DELETE
                    USING (school_id = {RowLevelSecurity.CurrentSchool});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gepubliceerde_profielen");

            migrationBuilder.DropTable(
                name: "ondersteuningsprofielen");
        }
    }
}
