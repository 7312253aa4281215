using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenOrchestrator.Silo.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Triggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "max_depth",
                table: "triggers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "depth",
                table: "runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "trigger_firings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    owner_id = table.Column<string>(type: "text", nullable: false),
                    trigger_key = table.Column<string>(type: "text", nullable: false),
                    source_bot_id = table.Column<string>(type: "text", nullable: false),
                    source_bot_name = table.Column<string>(type: "text", nullable: false),
                    source_run_id = table.Column<string>(type: "text", nullable: false),
                    target_bot_id = table.Column<string>(type: "text", nullable: false),
                    @event = table.Column<string>(name: "event", type: "text", nullable: false),
                    depth = table.Column<int>(type: "integer", nullable: false),
                    input = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trigger_firings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_trigger_firings_delivered_at",
                table: "trigger_firings",
                column: "delivered_at");

            migrationBuilder.CreateIndex(
                name: "ix_trigger_firings_trigger_key_source_run_id_target_bot_id",
                table: "trigger_firings",
                columns: new[] { "trigger_key", "source_run_id", "target_bot_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "trigger_firings");

            migrationBuilder.DropColumn(
                name: "max_depth",
                table: "triggers");

            migrationBuilder.DropColumn(
                name: "depth",
                table: "runs");
        }
    }
}
