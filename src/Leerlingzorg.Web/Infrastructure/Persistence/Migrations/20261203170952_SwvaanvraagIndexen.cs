using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Leerlingzorg.Web.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SwvaanvraagIndexen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_swv_aanvragen_swv_id_ingediend_op",
                table: "swv_aanvragen",
                columns: new[] { "swv_id", "ingediend_op" });

            migrationBuilder.CreateIndex(
                name: "ix_swv_aanvragen_swv_id_toegekend_tot",
                table: "swv_aanvragen",
                columns: new[] { "swv_id", "toegekend_tot" });

            migrationBuilder.CreateIndex(
                name: "ix_swv_aanvragen_swv_id_toegekend_van",
                table: "swv_aanvragen",
                columns: new[] { "swv_id", "toegekend_van" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_swv_aanvragen_swv_id_ingediend_op",
                table: "swv_aanvragen");

            migrationBuilder.DropIndex(
                name: "ix_swv_aanvragen_swv_id_toegekend_tot",
                table: "swv_aanvragen");

            migrationBuilder.DropIndex(
                name: "ix_swv_aanvragen_swv_id_toegekend_van",
                table: "swv_aanvragen");
        }
    }
}
