using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The student search reads a stored search text instead of computing <c>lz_zoektekst</c> (with
    /// <c>unaccent</c>) per row and search: under RLS the trigram filter runs on the school's rows, so that was
    /// the cost of a search (docs/benchmarks.md). The GIN index moves from the expression to the column. And one
    /// full-name expression for queries, <c>lz_volledige_naam</c>.
    /// </summary>
    public partial class Zoekkolom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // LANGUAGE sql and IMMUTABLE without non-immutable calls, so that the planner inlines it: no function
            // call per row. Exactly the expression the handlers had ("Jan van der Berg"; no trimming).
            migrationBuilder.Sql("""
                CREATE FUNCTION lz_volledige_naam(voornaam text, tussenvoegsel text, achternaam text)
                    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    RETURN voornaam || ' ' || coalesce(tussenvoegsel || ' ', '') || achternaam;
                DROP INDEX ix_leerlingen_zoeken;
                """);

            migrationBuilder.AddColumn<string>(
                name: "zoektekst",
                table: "leerlingen",
                type: "text",
                nullable: false,
                computedColumnSql: "lz_zoektekst(voornaam, tussenvoegsel, achternaam, leerlingnummer)",
                stored: true);

            // btree_gin: the school_id part is what the RLS predicate can use (see RowLevelSecurity.AddStudentSearch).
            migrationBuilder.Sql("CREATE INDEX ix_leerlingen_zoeken ON leerlingen USING gin (school_id, zoektekst gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_leerlingen_zoeken;");

            migrationBuilder.DropColumn(
                name: "zoektekst",
                table: "leerlingen");

            migrationBuilder.Sql("""
                CREATE INDEX ix_leerlingen_zoeken ON leerlingen
                    USING gin (school_id, lz_zoektekst(voornaam, tussenvoegsel, achternaam, leerlingnummer) gin_trgm_ops);
                DROP FUNCTION IF EXISTS lz_volledige_naam(text, text, text);
                """);
        }
    }
}
