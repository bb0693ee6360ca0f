using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Swvaanvragen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "swv_id",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "swv_aanvragen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    swv_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leerling_id = table.Column<Guid>(type: "uuid", nullable: true),
                    soort = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    vraag = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    leerling = table.Column<string>(type: "jsonb", nullable: true),
                    snapshot = table.Column<string>(type: "jsonb", nullable: false),
                    gevraagd = table.Column<string>(type: "jsonb", nullable: true),
                    tlv_categorie = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ingediend_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ingediend_door = table.Column<Guid>(type: "uuid", nullable: false),
                    ingediend_door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gepland_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    uitkomst = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    toegekend_bedrag = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    toegekend_van = table.Column<DateOnly>(type: "date", nullable: true),
                    toegekend_tot = table.Column<DateOnly>(type: "date", nullable: true),
                    besluittekst = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    besluit_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    besluit_door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    versie = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swv_aanvragen", x => x.id);
                    table.UniqueConstraint("ak_swvaanvragen_swv_id_id", x => new { x.swv_id, x.id });
                    table.ForeignKey(
                        name: "fk_swv_aanvragen_samenwerkingsverbanden_swv_id",
                        column: x => x.swv_id,
                        principalTable: "samenwerkingsverbanden",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_swv_aanvragen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "swv_beoordelingen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    swv_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aanvraag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rol = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    door_id = table.Column<Guid>(type: "uuid", nullable: false),
                    door_naam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    positief = table.Column<bool>(type: "boolean", nullable: false),
                    toelichting = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_swv_beoordelingen", x => x.id);
                    table.ForeignKey(
                        name: "fk_swv_beoordelingen_samenwerkingsverbanden_swv_id",
                        column: x => x.swv_id,
                        principalTable: "samenwerkingsverbanden",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_swv_beoordelingen_swvaanvragen_swv_id_aanvraag_id",
                        columns: x => new { x.swv_id, x.aanvraag_id },
                        principalTable: "swv_aanvragen",
                        principalColumns: new[] { "swv_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_swv_id_tijdstip",
                table: "audit_entries",
                columns: new[] { "swv_id", "tijdstip" });

            migrationBuilder.CreateIndex(
                name: "ix_swv_aanvragen_school_id_leerling_id",
                table: "swv_aanvragen",
                columns: new[] { "school_id", "leerling_id" });

            migrationBuilder.CreateIndex(
                name: "ix_swv_aanvragen_swv_id_status_ingediend_op",
                table: "swv_aanvragen",
                columns: new[] { "swv_id", "status", "ingediend_op" });

            migrationBuilder.CreateIndex(
                name: "ix_swv_beoordelingen_swv_id_aanvraag_id",
                table: "swv_beoordelingen",
                columns: new[] { "swv_id", "aanvraag_id" });

            // ADR 0010: what a school sends is the SWV's (and readable by the sender); assessments are the SWV's alone.
            migrationBuilder.EnableSwvSubmission("swv_aanvragen");
            migrationBuilder.EnableSwvIsolation("swv_beoordelingen");
            // The audit log learns the second tenant: an SWV reads its own lines; a line carries at most the connection's school and SWV.
            migrationBuilder.Sql($"""
                DROP POLICY audit_read ON audit_entries;
                DROP POLICY audit_append ON audit_entries;
                CREATE POLICY audit_read ON audit_entries FOR SELECT
                    USING (school_id = {RowLevelSecurity.CurrentSchool} OR swv_id = {RowLevelSecurity.CurrentSwv});
                CREATE POLICY audit_append ON audit_entries FOR INSERT
                    WITH CHECK (school_id IS NOT DISTINCT FROM {RowLevelSecurity.CurrentSchool}
                        AND (swv_id IS NULL OR swv_id = {RowLevelSecurity.CurrentSwv}));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                DROP POLICY audit_read ON audit_entries;
                DROP POLICY audit_append ON audit_entries;
                CREATE POLICY audit_read ON audit_entries FOR SELECT USING (school_id = {RowLevelSecurity.CurrentSchool});
                CREATE POLICY audit_append ON audit_entries FOR INSERT
                    WITH CHECK (school_id IS NOT DISTINCT FROM {RowLevelSecurity.CurrentSchool});
                """);

            migrationBuilder.DropTable(
                name: "swv_beoordelingen");

            migrationBuilder.DropTable(
                name: "swv_aanvragen");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_swv_id_tijdstip",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "swv_id",
                table: "audit_entries");
        }
    }
}
