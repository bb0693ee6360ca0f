using System;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Schooljaarovergangen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schooljaarovergangen",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    van = table.Column<int>(type: "integer", nullable: false),
                    naar = table.Column<int>(type: "integer", nullable: false),
                    uitgevoerd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uitgevoerd_door = table.Column<Guid>(type: "uuid", nullable: true),
                    bevorderd = table.Column<int>(type: "integer", nullable: false),
                    gedoubleerd = table.Column<int>(type: "integer", nullable: false),
                    vertrokken = table.Column<int>(type: "integer", nullable: false),
                    klassen_aangemaakt = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schooljaarovergangen", x => x.id);
                    table.ForeignKey(
                        name: "fk_schooljaarovergangen_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_schooljaarovergangen_school_id_van",
                table: "schooljaarovergangen",
                columns: new[] { "school_id", "van" },
                unique: true);

            // Rollovers done before this record existed: a year some of whose students were promoted or stayed back
            // into a placement of the next year. The time comes from the rollover's audit line where there is one;
            // who did it and how many classes it made are not known. Row-level security is forced on these tables,
            // for the owner too: lifted for this one statement, inside the migration's transaction.
            migrationBuilder.Sql("""
                ALTER TABLE klasplaatsingen NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE audit_entries NO FORCE ROW LEVEL SECURITY;
                WITH afgesloten AS (
                    SELECT DISTINCT v.school_id, v.schooljaar
                    FROM klasplaatsingen v
                    JOIN klasplaatsingen n ON n.school_id = v.school_id AND n.leerling_id = v.leerling_id AND n.schooljaar = v.schooljaar + 1
                    WHERE v.uitkomst IN ('Bevorderd', 'Gedoubleerd'))
                INSERT INTO schooljaarovergangen (id, school_id, van, naar, uitgevoerd_op, uitgevoerd_door, bevorderd, gedoubleerd, vertrokken, klassen_aangemaakt)
                SELECT gen_random_uuid(), a.school_id, a.schooljaar, a.schooljaar + 1,
                       coalesce((SELECT max(e.tijdstip) FROM audit_entries e
                                 WHERE e.school_id = a.school_id AND e.leerling_id IS NULL
                                   AND e.detail LIKE 'schooljaarovergang ' || a.schooljaar || '-' || (a.schooljaar + 1) || ' naar %'), now()),
                       NULL,
                       (SELECT count(*) FROM klasplaatsingen p WHERE p.school_id = a.school_id AND p.schooljaar = a.schooljaar AND p.uitkomst = 'Bevorderd'),
                       (SELECT count(*) FROM klasplaatsingen p WHERE p.school_id = a.school_id AND p.schooljaar = a.schooljaar AND p.uitkomst = 'Gedoubleerd'),
                       (SELECT count(*) FROM klasplaatsingen p WHERE p.school_id = a.school_id AND p.schooljaar = a.schooljaar AND p.uitkomst = 'Vertrokken'),
                       0
                FROM afgesloten a;
                ALTER TABLE klasplaatsingen FORCE ROW LEVEL SECURITY;
                ALTER TABLE audit_entries FORCE ROW LEVEL SECURITY;
                """);

            migrationBuilder.EnableSchoolIsolation("schooljaarovergangen");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "schooljaarovergangen");
        }
    }
}
