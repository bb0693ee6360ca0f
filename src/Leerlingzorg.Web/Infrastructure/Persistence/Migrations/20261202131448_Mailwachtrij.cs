using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Mailwachtrij : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mailberichten",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    gebruiker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aan = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    onderwerp = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tekst = table.Column<string>(type: "text", nullable: false),
                    link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    volgende_poging = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pogingen = table.Column<int>(type: "integer", nullable: false),
                    verzonden_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    laatste_fout = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mailberichten", x => x.id);
                    table.ForeignKey(
                        name: "fk_mailberichten_scholen_school_id",
                        column: x => x.school_id,
                        principalTable: "scholen",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mailberichten_school_id_aangemaakt_op",
                table: "mailberichten",
                columns: new[] { "school_id", "aangemaakt_op" });

            migrationBuilder.CreateIndex(
                name: "ix_mailberichten_status_volgende_poging",
                table: "mailberichten",
                columns: new[] { "status", "volgende_poging" });

            // Row-level security like EnableSchoolIsolation, but a mail without school (an account mail of a
            // partnership user) is the null school's: visible only to a connection with no school set.
            migrationBuilder.Sql($"""
                ALTER TABLE mailberichten ENABLE ROW LEVEL SECURITY;
                ALTER TABLE mailberichten FORCE ROW LEVEL SECURITY;
                CREATE POLICY school_isolation ON mailberichten
                    USING (school_id IS NOT DISTINCT FROM {RowLevelSecurity.CurrentSchool})
                    WITH CHECK (school_id IS NOT DISTINCT FROM {RowLevelSecurity.CurrentSchool});
                """);
            // Which schools have mail due, in one round trip for the Mailbezorger: it sets each school in turn
            // (transaction-local), so the policy above still decides what it sees; it returns school ids only.
            migrationBuilder.Sql("""
                CREATE FUNCTION lz_mail_scholen(tot timestamptz) RETURNS SETOF uuid LANGUAGE plpgsql AS $fn$
                DECLARE
                  s uuid;
                  vorige text := coalesce(current_setting('app.school_id', true), '');
                BEGIN
                  FOR s IN SELECT id FROM scholen LOOP
                    PERFORM set_config('app.school_id', s::text, true);
                    IF EXISTS (SELECT 1 FROM mailberichten WHERE status = 'Wachtend' AND volgende_poging <= tot) THEN
                      RETURN NEXT s;
                    END IF;
                  END LOOP;
                  PERFORM set_config('app.school_id', vorige, true);
                END
                $fn$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION lz_mail_scholen(timestamptz);");
            migrationBuilder.DropTable(
                name: "mailberichten");
        }
    }
}
