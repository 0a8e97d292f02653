/* test-cli-plan.c — sales-planner-cli's planning commands: import-history, set-target,
 * breakdown, export-breakdown, workload and render
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "cli-runner.h"
#include "sp-history-import.h"

/* A demo workspace in the fixture's folder; returns its path. */
static char *
make_demo (Fixture *fixture)
{
  g_autofree char *path = fixture_path (fixture, "demo.db");
  g_autoptr(CliResult) demo = run_cli (fixture, "demo", "--file", path, "--today", TODAY, NULL);

  g_assert_cmpint (demo->status, ==, 0);
  return g_steal_pointer (&path);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* ---- import-history ------------------------------------------------------------------- */

static void
test_import_history (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *csv = write_file (fixture, "orders.csv",
                                     "下单日期,金额（元）,区域,销售员,产品\n"
                                     "2025-01-02,957.5775,East,Ann,Widgets\n"
                                     "2025-01-03,\"1,000.00\",East,Ann,Widgets\n");
  g_autofree char *before = content_hash (db);
  g_autofree char *after_dry = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliResult) dry = run_cli (fixture, "import-history", "--file", db, csv, "--dry-run",
                                      NULL);
  g_autoptr(CliResult) real = NULL;
  const char *summary =
    "Encoding: UTF-8\n"
    "Rows read: 2\n"
    "Rows accepted: 2\n"
    "Rows rejected: 0\n"
    "Total amount: ¥1,957.58\n"
    "New regions: East\n"
    "New reps: Ann (East)\n"
    "New products: Widgets\n"
    "New customer types: —\n";
  g_autofree char *dry_out = g_strconcat (summary, "Dry run: nothing was imported\n", NULL);
  g_autofree char *real_out = g_strconcat (summary, "Imported 2 orders\n", NULL);

  assert_succeeded_with (dry, dry_out);
  after_dry = content_hash (db);
  g_assert_cmpstr (before, ==, after_dry);

  real = run_cli (fixture, "import-history", "--file", db, csv, NULL);
  assert_succeeded_with (real, real_out);
  after = content_hash (db);
  g_assert_cmpstr (before, !=, after);
}

static void
test_import_history_bad_rows (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *csv = write_file (fixture, "bad.csv",
                                     "date,amount,region\n"
                                     "2025-01-01,10,East\n"
                                     "2025-02-30,10,East\n"
                                     "2025-01-02,abc,East\n");
  g_autofree char *ambiguous = write_file (fixture, "dates.csv",
                                           "Booked,Value\n03/05/2026,1\n");
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autoptr(CliResult) r1 = run_cli (fixture, "import-history", "--file", db, csv, NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "import-history", "--file", db, csv, "--dry-run",
                                     NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "import-history", "--file", db, ambiguous,
                                     "--map", "date=Booked", "--map", "amount=2", NULL);
  g_autoptr(CliResult) r4 = NULL;
  g_autoptr(CliResult) r5 = NULL;
  g_autoptr(CliResult) r6 = NULL;
  g_autoptr(CliResult) r7 = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (r1->status, ==, 1);
  lines = g_strsplit (r1->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "Line 3: "));
  g_assert_true (g_str_has_prefix (lines[1], "Line 4: "));
  g_assert_cmpstr (lines[2], ==, PREFIX "2 rows cannot be imported; nothing was imported");
  g_assert_nonnull (strstr (r1->out, "Rows rejected: 2\n"));
  g_assert_cmpint (r2->status, ==, 1);
  g_assert_nonnull (strstr (r2->err, PREFIX "2 rows cannot be imported; use --allow-rejected"));
  g_assert_cmpint (r3->status, ==, 1);
  g_assert_true (g_str_has_prefix (r3->err, "Line 2: "));
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);

  r4 = run_cli (fixture, "import-history", "--file", db, ambiguous, "--map", "date=Booked",
                "--map", "amount=2", "--date-order", "dmy", NULL);
  r5 = run_cli (fixture, "import-history", "--file", db, csv, "--allow-rejected", NULL);
  r6 = run_cli (fixture, "import-history", "--file", db, csv, "--date-order", "ymd", NULL);
  r7 = run_cli (fixture, "import-history", "--file", db, ambiguous, NULL);
  g_assert_cmpint (r4->status, ==, 0);
  g_assert_nonnull (strstr (r4->out, "Imported 1 order\n"));
  g_assert_cmpint (r5->status, ==, 0);
  g_assert_nonnull (strstr (r5->out, "Imported 1 order\n"));
  g_assert_nonnull (strstr (r5->err, "Line 3: "));
  assert_usage_error (r6, "Unknown date order “ymd”: use “auto”, “dmy” or “mdy”");
  g_assert_cmpint (r7->status, ==, 1);
  assert_failed_with (r7, "No columns for Date, Amount. The file’s columns: “Booked”, “Value”");
}

/* ---- set-target, breakdown, export-breakdown ------------------------------------------ */

static char *
money (gint64 amount)
{
  return sp_money_format (amount, sp_currency_lookup ("CNY"), SP_MONEY_FORMAT_DEFAULT);
}

static void
test_set_target (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(CliResult) r1 = run_cli (fixture, "set-target", "--file", db, "--year", "2027",
                                     "--amount", "12,000,000", NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "set-target", "--file", db, "--year", "2028",
                                     "--from-history", "2025", "--growth", "15%", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "set-target", "--file", db, "--year", "2027",
                                     "--amount", "¥10,000,000.004", "--sprint", "125%",
                                     "--challenge", "14,000,000", NULL);
  g_autofree char *basis_shown = NULL;
  g_autofree char *target_shown = NULL;
  g_autofree char *expected = NULL;
  gint64 basis = 0, target;
  guint found = 0;

  assert_succeeded_with (r1, "Fiscal year 2027: target ¥12,000,000.00, sprint ¥12,000,000.00, "
                             "challenge ¥12,000,000.00\n");
  assert_succeeded_with (r3, "Fiscal year 2027: target ¥10,000,000.00, sprint ¥12,500,000.00, "
                             "challenge ¥14,000,000.00\n");

  store = sp_store_open_read_only (db, &error);
  g_assert_no_error (error);
  g_assert_true (sp_history_get_year_total (store, 2025, &basis, &error));
  g_assert_cmpint (basis, >, 0);
  target = basis + sp_money_apply_percent (basis, 1500);
  basis_shown = money (basis);
  target_shown = money (target);
  expected = g_strdup_printf ("History of fiscal year 2025: %s, growth +15.00%%\n"
                              "Fiscal year 2028: target %s, sprint %s, challenge %s\n",
                              basis_shown, target_shown, target_shown, target_shown);
  assert_succeeded_with (r2, expected);

  plans = sp_plan_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SpPlan) plan = g_list_model_get_item (plans, i);

      if (sp_plan_get_fiscal_year (plan) == 2027)
        {
          g_assert_cmpint (sp_plan_get_target (plan), ==, 1000000000);
          g_assert_cmpint (sp_plan_get_sprint (plan), ==, 1250000000);
          g_assert_cmpint (sp_plan_get_challenge (plan), ==, 1400000000);
          found++;
        }
      else if (sp_plan_get_fiscal_year (plan) == 2028)
        {
          g_assert_cmpint (sp_plan_get_target (plan), ==, target);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);
}

static void
test_set_target_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *missing = fixture_path (fixture, "missing.db");
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autoptr(CliResult) r1 = run_cli (fixture, "set-target", "--file", db, "--amount", "5", NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "set-target", "--file", db, "--year", "2027",
                                     "--from-history", "2025", "--growth", "15x", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "set-target", "--file", db, "--year", "2027",
                                     "--amount", "5", "--from-history", "2025", NULL);
  g_autoptr(CliResult) r4 = run_cli (fixture, "set-target", "--file", db, "--year", "2027",
                                     "--amount", "5", "--sprint", "4", NULL);
  g_autoptr(CliResult) r5 = run_cli (fixture, "set-target", "--file", db, "--year", "2027",
                                     "--amount", "lots", NULL);
  g_autoptr(CliResult) r6 = run_cli (fixture, "set-target", "--file", db, "--year", "20x7",
                                     "--amount", "5", NULL);
  g_autoptr(CliResult) r7 = run_cli (fixture, "set-target", "--file", db, "--year", "2027",
                                     "--from-history", "1990", "--growth", "5%", NULL);
  g_autoptr(CliResult) r8 = run_cli (fixture, "set-target", "--file", db, "--year", "2027",
                                     "--amount", "5", "--growth", "5%", NULL);
  g_autoptr(CliResult) r9 = run_cli (fixture, "set-target", "--file", missing, "--year", "2027",
                                     "--amount", "5", NULL);
  g_autofree char *no_workspace = g_strdup_printf ("There is no workspace at “%s”; create one "
                                                   "with “sales-planner-cli init” or "
                                                   "“sales-planner-cli demo”", missing);

  assert_usage_error (r1, "Missing option --year");
  assert_usage_error (r2, "Invalid percentage “15x” for --growth: expected a number such as 15% "
                          "or 12.5%");
  assert_usage_error (r3, "Give either --amount or --from-history with --growth");
  assert_failed_with (r4, "The tiers must rise: base ≤ sprint ≤ challenge");
  g_assert_cmpint (r5->status, ==, 1);
  g_assert_nonnull (strstr (r5->err, "“lots”"));
  assert_usage_error (r6, "Invalid year “20x7” for --year: expected a year such as 2026");
  assert_usage_error (r7, "There are no history orders in fiscal year 1990");
  assert_usage_error (r8, "--growth needs --from-history");
  assert_usage_error (r9, no_workspace);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_breakdown (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *csv = fixture_path (fixture, "breakdown.csv");
  g_autofree char *json = fixture_path (fixture, "breakdown.json");
  g_autofree char *bom = fixture_path (fixture, "bom.csv");
  g_autofree char *contents = NULL;
  g_autoptr(CliResult) plan = NULL;
  g_autoptr(CliResult) early = NULL;
  g_autoptr(CliResult) r1 = NULL;
  g_autoptr(CliResult) r2 = NULL;
  g_autoptr(CliResult) r3 = NULL;
  g_autoptr(CliResult) r4 = NULL;
  g_autoptr(CliResult) r5 = NULL;
  g_autoptr(CliResult) r6 = NULL;
  g_autoptr(CliResult) r7 = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 sum = 0;
  gsize len;

  /* The demo plan comes broken down; a new plan is not, and says so. */
  plan = run_cli (fixture, "set-target", "--file", db, "--year", "2027", "--amount", "50,000,000",
                  NULL);
  g_assert_cmpint (plan->status, ==, 0);
  early = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2027", "-", NULL);
  assert_failed_with (early, "The target of fiscal year 2027 is not broken down yet; run "
                             "“sales-planner-cli breakdown”");

  r1 = run_cli (fixture, "breakdown", "--file", db, "--year", "2026", "--time-weights", "history",
                "--basis", "2024,2025", "--region-weights", "headcount", NULL);
  g_assert_cmpint (r1->status, ==, 0);
  g_assert_cmpstr (r1->err, ==, "");
  lines = g_strsplit (r1->out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Fiscal year 2026: ¥40,950,000.00");
  g_assert_cmpstr (lines[1], ==, "Months:");
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("  2026-%02u  ¥", i + 1);
      gint64 amount = 0;

      g_assert_true (g_str_has_prefix (lines[2 + i], prefix));
      g_assert_true (sp_money_parse (lines[2 + i] + strlen (prefix), sp_currency_lookup ("CNY"),
                                     &amount, &error));
      g_assert_no_error (error);
      sum += amount;
    }
  g_assert_cmpint (sum, ==, 4095000000);
  g_assert_cmpstr (lines[14], ==, "Regions:");

  r2 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026", csv, NULL);
  assert_succeeded_with (r2, "");
  g_assert_true (g_file_get_contents (csv, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "dimension,member_id,"));

  r3 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026", "-", NULL);
  assert_succeeded_with (r3, contents);

  r4 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026", "--format", "json",
                json, NULL);
  assert_succeeded_with (r4, "");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (json, &contents, &len, &error));
  g_assert_true (g_str_has_prefix (contents, "{"));
  g_assert_nonnull (strstr (contents, "\"fiscal_year\": 2026"));

  r5 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026", "--bom", bom, NULL);
  assert_succeeded_with (r5, "");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (bom, &contents, &len, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "dimension,"));

  r6 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026", csv, NULL);
  r7 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026", "--format", "xml",
                "-", NULL);
  {
    g_autofree char *exists = g_strdup_printf ("The file “%s” already exists; use --force to "
                                               "replace it", csv);
    assert_failed_with (r6, exists);
  }
  assert_usage_error (r7, "Unknown format “xml”: use “csv” or “json”");
}

static void
test_breakdown_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autoptr(CliResult) r1 = run_cli (fixture, "breakdown", "--file", db, NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "breakdown", "--file", db, "--year", "2030", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "breakdown", "--file", db, "--year", "2026",
                                     "--time-weights", "custom", NULL);
  g_autoptr(CliResult) r4 = run_cli (fixture, "breakdown", "--file", db, "--year", "2026",
                                     "--region-weights", "working-days", NULL);
  g_autoptr(CliResult) r5 = run_cli (fixture, "breakdown", "--file", db, "--year", "2026",
                                     "--basis", "2024,x", NULL);

  assert_usage_error (r1, "Missing option --year");
  assert_usage_error (r2, "There is no plan for fiscal year 2030; create it with "
                          "“sales-planner-cli set-target”");
  assert_usage_error (r3, "Unknown weights “custom” for --time-weights: use "
                          "equal|working-days|history");
  assert_usage_error (r4, "Unknown weights “working-days” for --region-weights: use "
                          "equal|history|headcount");
  assert_usage_error (r5, "Invalid year “x” for --basis: expected a year such as 2026");
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);
}

/* ---- workload ------------------------------------------------------------------------- */

static char *
rate_text (SpRate rate)
{
  gint64 bp = sp_rate_to_basis_points (rate);

  return g_strdup_printf ("%lld.%02d%%", (long long) (bp / 100), (int) (ABS (bp) % 100));
}

/* The output the CLI should print for the team in January 2026, from the model's own API. */
static char *
expected_team_january (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open_read_only (db, &error);
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  g_autoptr(GString) out = g_string_new ("Workload of the team from 2026-01-01 to 2026-01-31\n"
                                         "Rates: the team’s work log from 2025-01-01 to "
                                         "2025-12-31\n");
  g_autofree char *aov = NULL;
  g_autofree char *target_shown = NULL;
  SpWorkloadRates rates;
  SpWorkloadInput input;
  SpWorkload workload;
  SpMetricsFilter filter;
  SpMetricsAttainment attainment;
  gboolean used_team = FALSE;
  guint days;

  g_assert_no_error (error);
  preferences = sp_preferences_new (store);
  calendar = sp_preferences_dup_calendar (preferences);
  g_assert_true (sp_workload_rates_for_rep (store, 0, "2025-01-01", "2025-12-31", &rates,
                                            &used_team, &error));
  g_assert_no_error (error);
  g_assert_true (sp_metrics_filter_init_iso (&filter, "2026-01-01", "2026-01-31", &error));
  g_assert_true (sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                            &attainment, &error));
  g_assert_no_error (error);
  days = sp_calendar_count_working_days (calendar, &filter.from, &filter.to);
  sp_workload_input_init_from_rates (&input, &rates, attainment.target, days);
  g_assert_true (sp_workload_compute (&input, &workload, &error));

  aov = money (rates.avg_order_value);
  g_string_append_printf (out, "Average order value: %s\n", aov);
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      g_autofree char *rate = rate_text (rates.rates[i]);

      g_string_append_printf (out, "%s → %s: %s\n", sp_workload_stage_get_name (i),
                              sp_workload_stage_get_name (i + 1), rate);
    }
  target_shown = money (attainment.target);
  g_string_append_printf (out, "2026-01: target %s, %u working days\n", target_shown, days);
  for (guint i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    g_string_append_printf (out, "  %s: %lld (%lld a day)\n", sp_workload_stage_get_name (i),
                            (long long) workload.counts[i], (long long) workload.per_day[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_workload (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autofree char *expected = expected_team_january (db);
  g_autoptr(CliResult) team = run_cli (fixture, "workload", "--file", db, "--team", "--from",
                                       "2026-01-01", "--to", "2026-01-31", NULL);
  g_autoptr(CliResult) quarters = run_cli (fixture, "workload", "--file", db, "--period",
                                           "quarter", "--from", "2026-01-01", "--to",
                                           "2026-12-31", NULL);
  g_autoptr(CliResult) years = run_cli (fixture, "workload", "--file", db, "--period", "year",
                                        "--from", "2026-01-01", "--to", "2026-12-31", NULL);
  g_autoptr(CliResult) rep = NULL;
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpRep) first = NULL;
  g_autofree char *header = NULL;

  assert_succeeded_with (team, expected);
  assert_succeeded_with (quarters, NULL);
  g_assert_nonnull (strstr (quarters->out, "\n2026-Q1: target "));
  g_assert_nonnull (strstr (quarters->out, "\n2026-Q4: target "));
  assert_succeeded_with (years, NULL);
  g_assert_nonnull (strstr (years->out, "\n2026: target ¥40,950,000.00, "));

  store = sp_store_open_read_only (db, &error);
  g_assert_no_error (error);
  reps = sp_rep_list (store, 0, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (reps, 0);
  rep = run_cli (fixture, "workload", "--file", db, "--rep", sp_rep_get_name (first), "--from",
                 "2026-01-01", "--to", "2026-01-31", NULL);
  assert_succeeded_with (rep, NULL);
  header = g_strdup_printf ("Workload of %s (%s) from 2026-01-01 to 2026-01-31\nRates: the ",
                            sp_rep_get_name (first), sp_rep_get_region_name (first));
  g_assert_true (g_str_has_prefix (rep->out, header));

  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);
}

/* The CLI's target for a rep is the Workload view's (sp_rep_workload_target()), also for a rep
 * the breakdown has no cells for: a share of the plan by working days, not the CLI's own. */
static void
test_workload_same_target (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (db, &error);
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(SpRegion) region = NULL;
  g_autoptr(CliResult) hire = NULL;
  g_autofree char *target_shown = NULL;
  g_autofree char *line = NULL;
  gint64 target = 0, team_target = 0;
  gboolean has_plan = FALSE;
  guint n_active;
  GDate first, last;

  g_assert_no_error (error);
  regions = sp_region_list (store, &error);
  g_assert_no_error (error);
  region = g_list_model_get_item (regions, 0);
  g_assert_cmpint (sp_rep_add (store, "New Hire", sp_region_get_id (region), &error), >, 0);
  g_assert_no_error (error);
  preferences = sp_preferences_new (store);
  n_active = sp_rep_workload_count_active (store, &error);
  g_assert_no_error (error);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, 2026);
  g_date_set_dmy (&last, 31, G_DATE_JANUARY, 2026);
  g_assert_true (sp_rep_workload_target (preferences, sp_rep_find_by_name (store, "New Hire", 0,
                                                                           &error),
                                         n_active, &first, &last, &target, &has_plan, &error));
  g_assert_no_error (error);
  g_assert_true (has_plan);
  g_assert_cmpint (target, >, 0);
  g_assert_true (sp_rep_workload_target (preferences, 0, n_active, &first, &last, &team_target,
                                         NULL, &error));
  /* Not the team's January target split equally, which counts calendar days. */
  g_assert_cmpint (target, !=, sp_money_scale (team_target, 1, n_active));
  g_clear_object (&preferences);
  g_clear_object (&store);

  hire = run_cli (fixture, "workload", "--file", db, "--rep", "New Hire", "--from", "2026-01-01",
                  "--to", "2026-01-31", NULL);
  assert_succeeded_with (hire, NULL);
  target_shown = money (target);
  line = g_strdup_printf ("\n2026-01: target %s, ", target_shown);
  g_assert_nonnull (strstr (hire->out, line));
}

static void
test_workload_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autoptr(CliResult) r1 = run_cli (fixture, "workload", "--file", db, "--rep", "Nobody", NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "workload", "--file", db, "--period", "week", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "workload", "--file", db, "--from", "2026-13-01",
                                     NULL);
  g_autoptr(CliResult) r4 = run_cli (fixture, "workload", "--file", db, "--from", "2026-02-01",
                                     "--to", "2026-01-01", NULL);
  g_autoptr(CliResult) r5 = run_cli (fixture, "workload", "--file", db, "--from", "2020-01-01",
                                     "--to", "2020-01-31", NULL);
  g_autoptr(CliResult) r6 = run_cli (fixture, "workload", "--file", db, "--rep", "A", "--team",
                                     NULL);

  assert_usage_error (r1, "There is no rep named “Nobody”");
  assert_usage_error (r2, "Unknown period “week”: use “month”, “quarter” or “year”");
  assert_usage_error (r3, "Invalid date “2026-13-01”: expected YYYY-MM-DD");
  assert_usage_error (r4, "The first day comes after the last day");
  assert_failed_with (r5, "The work log from 2019-01-01 to 2019-12-31 has too little history for "
                          "conversion rates (at least 20 logged days, 5 orders and every "
                          "activity are needed)");
  assert_usage_error (r6, "Give either --rep or --team");
}

/* ---- render --------------------------------------------------------------------------- */

static gboolean
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                     | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const charts[] = { "funnel", "attainment", "burnup", "ranking", "heatmap",
                                         "kpis" };
  static const char * const styles[] = { "light", "dark", "high-contrast", "projector" };
  g_autofree char *db = make_demo (fixture);
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      const char *style = styles[i % G_N_ELEMENTS (styles)];
      g_autofree char *png_name = g_strdup_printf ("%s.png", charts[i]);
      g_autofree char *svg_name = g_strdup_printf ("%s.svg", charts[i]);
      g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", charts[i]);
      g_autofree char *png = fixture_path (fixture, png_name);
      g_autofree char *svg = fixture_path (fixture, svg_name);
      g_autofree char *pdf = fixture_path (fixture, pdf_name);
      g_autofree char *svg_png = fixture_path (fixture, "from-svg.png");
      g_autofree char *pdf_prefix = fixture_path (fixture, "from-pdf");
      g_autofree char *expected = g_strdup_printf ("Wrote %s (1920 × 1080)\n", png);
      g_autoptr(CliResult) r1 = run_cli (fixture, "render", "--file", db, charts[i], "--output",
                                         png, "--year", "2026", "--today", TODAY, "--style",
                                         style, NULL);
      g_autoptr(CliResult) r2 = run_cli (fixture, "render", "--file", db, charts[i], "--output",
                                         svg, "--width", "1024", "--height", "768", "--year",
                                         "2026", NULL);
      g_autoptr(CliResult) r3 = run_cli (fixture, "render", "--file", db, charts[i], "--output",
                                         pdf, "--year", "2026", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *bytes = NULL;
      gsize len = 0;
      cairo_surface_t *image;

      assert_succeeded_with (r1, expected);
      assert_succeeded_with (r2, NULL);
      assert_succeeded_with (r3, NULL);

      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
      cairo_surface_destroy (image);

      g_assert_true (g_file_get_contents (svg, &bytes, &len, &error));
      g_assert_true (g_str_has_prefix (bytes, "<?xml"));
      g_clear_pointer (&bytes, g_free);
      g_assert_true (g_file_get_contents (pdf, &bytes, &len, &error));
      g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

      if (rsvg != NULL)
        g_assert_true (run_tool ((const char * const[]) { "rsvg-convert", svg, "-o", svg_png,
                                                          NULL }));
      if (pdftoppm != NULL)
        g_assert_true (run_tool ((const char * const[]) { "pdftoppm", "-png", "-r", "20", pdf,
                                                          pdf_prefix, NULL }));
    }

  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_render_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *png = fixture_path (fixture, "out.png");
  g_autoptr(CliResult) r1 = run_cli (fixture, "render", "--file", db, "pie", "--output", png,
                                     NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "render", "--file", db, "funnel", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "render", "--file", db, "funnel", "--output",
                                     "out.gif", NULL);
  g_autoptr(CliResult) r4 = run_cli (fixture, "render", "--file", db, "funnel", "--output", png,
                                     "--width", "0", NULL);
  g_autoptr(CliResult) r5 = run_cli (fixture, "render", "--file", db, "funnel", "--output", png,
                                     "--style", "neon", NULL);
  g_autoptr(CliResult) r6 = run_cli (fixture, "render", "--file", db, "funnel", "--output", png,
                                     "--year", "twenty", NULL);
  g_autoptr(CliResult) r7 = run_cli (fixture, "render", "--file", db, NULL);
  g_autoptr(CliResult) ok = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autofree char *exists = g_strdup_printf ("The file “%s” already exists; use --force to "
                                             "replace it", png);

  assert_usage_error (r1, "Unknown chart “pie”: use funnel, attainment, burnup, ranking, "
                          "heatmap or kpis");
  assert_usage_error (r2, "Missing option --output");
  assert_usage_error (r3, "Cannot tell the image format of “out.gif”: name it .png, .svg or .pdf");
  assert_usage_error (r4, "Invalid size “0” for --width: expected 16 to 16384 pixels");
  assert_usage_error (r5, "Unknown style “neon”: use light, dark, high-contrast or projector");
  assert_usage_error (r6, "Invalid year “twenty” for --year: expected a year such as 2026");
  assert_usage_error (r7, "Missing argument CHART for “render”");
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  ok = run_cli (fixture, "render", "--file", db, "ranking", "--output", png, NULL);
  g_assert_cmpint (ok->status, ==, 0);
  again = run_cli (fixture, "render", "--file", db, "ranking", "--output", png, NULL);
  assert_failed_with (again, exists);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, (data), fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/import-history/success", test_import_history, NULL);
  ADD ("/cli/import-history/bad-rows", test_import_history_bad_rows, NULL);
  ADD ("/cli/set-target/success", test_set_target, NULL);
  ADD ("/cli/set-target/errors", test_set_target_errors, NULL);
  ADD ("/cli/breakdown/success", test_breakdown, NULL);
  ADD ("/cli/breakdown/errors", test_breakdown_errors, NULL);
  ADD ("/cli/workload/success", test_workload, NULL);
  ADD ("/cli/workload/errors", test_workload_errors, NULL);
  ADD ("/cli/workload/same-target", test_workload_same_target, NULL);
  ADD ("/cli/render/success", test_render, NULL);
  ADD ("/cli/render/errors", test_render_errors, NULL);

#undef ADD

  return g_test_run ();
}
