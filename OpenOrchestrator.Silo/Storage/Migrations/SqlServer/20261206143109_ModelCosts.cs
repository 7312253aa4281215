using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrchestrator.Silo.Storage.Migrations.SqlServer
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
                type: "float",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "owner_id",
                table: "runs",
                type: "nvarchar(450)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AddColumn<double>(
                name: "cost",
                table: "runs",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "model",
                table: "runs",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fallback_models",
                table: "bots",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<double>(
                name: "monthly_budget",
                table: "bots",
                type: "float",
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

            migrationBuilder.AlterColumn<string>(
                name: "owner_id",
                table: "runs",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(450)");
        }
    }
}
