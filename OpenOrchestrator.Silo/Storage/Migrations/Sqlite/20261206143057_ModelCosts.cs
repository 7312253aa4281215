using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrchestrator.Silo.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ModelCosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "monthly_budget",
                table: "users",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "cost",
                table: "runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "model",
                table: "runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fallback_models",
                table: "bots",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<double>(
                name: "monthly_budget",
                table: "bots",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_runs_owner_id_created_at",
                table: "runs",
                columns: new[] { "owner_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_runs_owner_id_created_at",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "monthly_budget",
                table: "users");

            migrationBuilder.DropColumn(
                name: "cost",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "model",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "fallback_models",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "monthly_budget",
                table: "bots");
        }
    }
}
