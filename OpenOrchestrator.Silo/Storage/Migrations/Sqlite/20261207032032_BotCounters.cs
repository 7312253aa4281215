using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenOrchestrator.Silo.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BotCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_runs_bot_id_created_at",
                table: "runs");

            migrationBuilder.AddColumn<int>(
                name: "completed_runs",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "last_month_cost",
                table: "bots",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "last_month_priced_runs",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "last_month_runs",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "month_cost",
                table: "bots",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "month_priced_runs",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "month_runs",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "result_count",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "run_count",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "spending_month",
                table: "bots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "unseen_results",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "unsuccessful_runs",
                table: "bots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_runs_bot_id_created_at_cost",
                table: "runs",
                columns: new[] { "bot_id", "created_at", "cost" });

            migrationBuilder.CreateIndex(
                name: "ix_results_bot_id_pinned_created_at",
                table: "results",
                columns: new[] { "bot_id", "pinned", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_results_bot_id_seen_created_at",
                table: "results",
                columns: new[] { "bot_id", "seen", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_results_bot_id_status_created_at",
                table: "results",
                columns: new[] { "bot_id", "status", "created_at" });

            // The counters start from what is stored; from here on each bot keeps its own. Spending
            // (spending_month null) is counted by each bot's grain when it is next activated.
            migrationBuilder.Sql(@"UPDATE bots SET
    run_count = (SELECT COUNT(*) FROM runs WHERE runs.bot_id = bots.id),
    completed_runs = (SELECT COUNT(*) FROM runs WHERE runs.bot_id = bots.id AND runs.status = 'completed'),
    unsuccessful_runs = (SELECT COUNT(*) FROM runs WHERE runs.bot_id = bots.id AND runs.status IN ('failed', 'timed_out')),
    result_count = (SELECT COUNT(*) FROM results WHERE results.bot_id = bots.id),
    unseen_results = (SELECT COUNT(*) FROM results WHERE results.bot_id = bots.id AND results.seen = 0)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_runs_bot_id_created_at_cost",
                table: "runs");

            migrationBuilder.DropIndex(
                name: "ix_results_bot_id_pinned_created_at",
                table: "results");

            migrationBuilder.DropIndex(
                name: "ix_results_bot_id_seen_created_at",
                table: "results");

            migrationBuilder.DropIndex(
                name: "ix_results_bot_id_status_created_at",
                table: "results");

            migrationBuilder.DropColumn(
                name: "completed_runs",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "last_month_cost",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "last_month_priced_runs",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "last_month_runs",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "month_cost",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "month_priced_runs",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "month_runs",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "result_count",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "run_count",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "spending_month",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "unseen_results",
                table: "bots");

            migrationBuilder.DropColumn(
                name: "unsuccessful_runs",
                table: "bots");

            migrationBuilder.CreateIndex(
                name: "ix_runs_bot_id_created_at",
                table: "runs",
                columns: new[] { "bot_id", "created_at" });
        }
    }
}
