using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrchestrator.Silo.Storage.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "depth",
                table: "runs",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "trigger_firings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    owner_id = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    trigger_key = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    source_bot_id = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    source_bot_name = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    source_run_id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    target_bot_id = table.Column<string>(type: "nvarchar(450)", nullable: false),
                    @event = table.Column<string>(name: "event", type: "nvarchar(max)", nullable: false),
                    depth = table.Column<int>(type: "int", nullable: false),
                    input = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    created_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "datetime2", nullable: true)
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
