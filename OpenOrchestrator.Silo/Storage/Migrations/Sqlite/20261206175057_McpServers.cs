using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrchestrator.Silo.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class McpServers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "mcp_servers",
                table: "bots",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "mcp_tools",
                table: "bots",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "mcp_servers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    transport = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    protected_headers = table.Column<string>(type: "TEXT", nullable: true),
                    header_names = table.Column<string>(type: "TEXT", nullable: false),
                    command = table.Column<string>(type: "TEXT", nullable: true),
                    args = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mcp_servers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mcp_servers_owner_id_name",
                table: "mcp_servers",
                columns: new[] { "owner_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mcp_servers");

            migrationBuilder.DropColumn(
                name: "mcp_servers",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "mcp_tools",
                table: "bots");
        }
    }
}
