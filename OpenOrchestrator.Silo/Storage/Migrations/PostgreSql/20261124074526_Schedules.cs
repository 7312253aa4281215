using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenOrchestrator.Silo.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Schedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cause",
                table: "runs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "missed_runs",
                table: "bots",
                type: "text",
                nullable: false,
                defaultValue: "runOnce");

            migrationBuilder.CreateTable(
                name: "activity",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner_id = table.Column<string>(type: "text", nullable: false),
                    bot_id = table.Column<string>(type: "text", nullable: false),
                    run_id = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    service_id = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    grain_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reminder_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    grain_hash = table.Column<long>(type: "bigint", nullable: false),
                    start_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    period_ms = table.Column<long>(type: "bigint", nullable: false),
                    e_tag = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminders", x => new { x.service_id, x.grain_id, x.reminder_name });
                });

            migrationBuilder.CreateIndex(
                name: "ix_runs_bot_id_cause",
                table: "runs",
                columns: new[] { "bot_id", "cause" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_activity_owner_id_id",
                table: "activity",
                columns: new[] { "owner_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reminders_service_id_grain_hash",
                table: "reminders",
                columns: new[] { "service_id", "grain_hash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropIndex(
                name: "ix_runs_bot_id_cause",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "cause",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "missed_runs",
                table: "bots");
        }
    }
}
