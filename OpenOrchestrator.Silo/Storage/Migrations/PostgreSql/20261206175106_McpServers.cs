using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrchestrator.Silo.Storage.Migrations.PostgreSql
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
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "mcp_tools",
                table: "bots",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "mcp_servers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    transport = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    protected_headers = table.Column<string>(type: "text", nullable: true),
                    header_names = table.Column<string>(type: "text", nullable: false),
                    command = table.Column<string>(type: "text", nullable: true),
                    args = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
