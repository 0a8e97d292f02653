/* test-cli-worksheet.c — sales-planner-cli worksheet: the worksheet as text and JSON, its
 * edits, and refusals that leave the workspace as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-runner.h"

static char *
make_demo (Fixture *fixture)
{
  g_autofree char *path = fixture_path (fixture, "demo.db");
  g_autoptr(CliResult) demo = run_cli (fixture, "demo", "--file", path, "--today", TODAY, NULL);

  g_assert_cmpint (demo->status, ==, 0);
  return g_steal_pointer (&path);
}

/* The demo's worksheet of 2026 as the model reads it. */
static SpWorksheet *
load_sheet (const char *path,
            SpStore   **out_store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(SpPlan) plan = NULL;
  SpWorksheet *sheet;

  g_assert_no_error (error);
  plans = sp_plan_list (store, &error);
  g_assert_no_error (error);
  plan = g_list_model_get_item (plans, 0);
  g_assert_cmpint (sp_plan_get_fiscal_year (plan), ==, 2026);
  sheet = sp_worksheet_load (store, sp_plan_get_id (plan), &error);
  g_assert_no_error (error);
  if (out_store != NULL)
    *out_store = g_steal_pointer (&store);
  return sheet;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_show (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autoptr(SpStore) store = NULL;
  g_autoptr(SpWorksheet) sheet = load_sheet (db, &store);
  g_autoptr(CliResult) text = NULL;
  g_autoptr(CliResult) json = NULL;
  g_autofree char *proposed = NULL;
  g_autofree char *line = NULL;
  const SpWorksheetCommitment *first = sp_worksheet_get_commitment (sheet, 0);

  g_clear_object (&store);
  text = run_cli (fixture, "worksheet", "--file", db, "--year", "2026", NULL);
  assert_succeeded_with (text, NULL);
  assert_contains (text->out, "Target worksheet of fiscal year 2026\n");
  assert_contains (text->out, "(mean of 2025)\nGrowth: +15% = +¥");
  assert_contains (text->out, "Industry growth: +3% = +¥");
  assert_contains (text->out, "— 行业整体增速约8%，预计带动增长3%。\n");
  assert_contains (text->out, "New or changed channels: -¥500,000.00 — ");
  proposed = sp_money_format (sp_worksheet_get_proposed (sheet), sp_currency_lookup ("CNY"), 0);
  line = g_strdup_printf ("Proposed target: %s\n", proposed);
  assert_contains (text->out, line);
  assert_contains (text->out, "SWOT analysis\n  Strengths: 产品稳定");
  assert_contains (text->out, "  Threats: 价格竞争加剧");
  assert_contains (text->out, "(4 of 4 reps), gap ");
  assert_contains (text->out, first->rep_name);
  assert_contains (text->out, "OGSMT\n  Objective 1: ");
  assert_contains (text->out, "  Measure 3: 赢单率（%） — 30 — by 2026-06-30\n");

  json = run_cli (fixture, "worksheet", "--file", db, "--year", "2026", "--json", NULL);
  assert_succeeded_with (json, NULL);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("\n  \"proposed\": %" G_GINT64_FORMAT ",\n", sp_worksheet_get_proposed (sheet));
  assert_contains (json->out, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("\n  \"committed\": %" G_GINT64_FORMAT ",\n", sp_worksheet_get_committed (sheet));
  assert_contains (json->out, line);
  assert_contains (json->out, "\"basis_years\": [2025]");
  assert_contains (json->out, "{\"basis\": \"industry\", \"kind\": \"percent\", \"value\": 300,");
  assert_contains (json->out, "\"kind\": \"measure\", \"position\": 2, \"text\": \"赢单率（%）\", "
                              "\"target_value\": 30, \"deadline\": \"2026-06-30\"}");
  g_assert_true (g_str_has_suffix (json->out, "\n  ]\n}\n"));

  /* Showing changes nothing. */
  after = content_hash (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autoptr(SpWorksheet) before = load_sheet (db, NULL);
  g_autoptr(SpWorksheet) sheet = NULL;
  g_autoptr(CliResult) edit = NULL;
  g_autoptr(CliResult) typed = NULL;
  g_autoptr(CliResult) removed = NULL;
  g_autofree char *rep = g_strdup (sp_worksheet_get_commitment (before, 0)->rep_name);
  g_autofree char *commit = g_strdup_printf ("%s=1,000.50", rep);
  g_autofree char *commit_none = g_strdup_printf ("%s=none", rep);
  const SpWorksheetAdjustment *line;

  edit = run_cli (fixture, "worksheet", "--file", db, "--year", "2026",
                  "--basis-years", "2024,2025", "--growth", "12.5%",
                  "--adjust", "industry=+4%", "--adjust", "headcount=+500000", "--note", "理由",
                  "--adjust", "channels=none", "--commit", commit, "--adopt", "proposed", NULL);
  assert_succeeded_with (edit, NULL);
  sheet = load_sheet (db, NULL);
  g_assert_cmpuint (sp_worksheet_get_basis_years (sheet)->len, ==, 2);
  g_assert_cmpint (sp_worksheet_get_growth_bp (sheet), ==, 1250);
  line = sp_worksheet_get_adjustment (sheet, SP_WORKSHEET_BASIS_INDUSTRY);
  g_assert_cmpint (line->kind, ==, SP_WORKSHEET_ADJUSTMENT_PERCENT);
  g_assert_cmpint (line->value, ==, 400);
  g_assert_cmpstr (line->note, ==, "理由");
  line = sp_worksheet_get_adjustment (sheet, SP_WORKSHEET_BASIS_HEADCOUNT);
  g_assert_cmpint (line->kind, ==, SP_WORKSHEET_ADJUSTMENT_AMOUNT);
  g_assert_cmpint (line->value, ==, 50000000);
  g_assert_cmpint (sp_worksheet_get_adjustment (sheet, SP_WORKSHEET_BASIS_CHANNELS)->kind, ==,
                   SP_WORKSHEET_ADJUSTMENT_NONE);
  g_assert_cmpint (sp_worksheet_get_commitment (sheet, 0)->amount, ==, 100050);
  g_assert_cmpint (sp_worksheet_get_target (sheet), ==, sp_worksheet_get_proposed (sheet));
  assert_contains (edit->out, "Headcount change: +¥500,000.00 — 理由\n");
  assert_contains (edit->out, "New or changed channels: none\n");
  g_clear_pointer (&sheet, sp_worksheet_unref);

  typed = run_cli (fixture, "worksheet", "--file", db, "--year", "2026", "--basis", "1,000,000",
                   "--adopt", "committed", NULL);
  assert_succeeded_with (typed, NULL);
  assert_contains (typed->out, "Last years’ results: ¥1,000,000.00 (typed)\n");
  sheet = load_sheet (db, NULL);
  g_assert_true (sp_worksheet_has_typed_basis (sheet));
  g_assert_cmpint (sp_worksheet_get_target (sheet), ==, sp_worksheet_get_committed (sheet));
  g_clear_pointer (&sheet, sp_worksheet_unref);

  removed = run_cli (fixture, "worksheet", "--file", db, "--year", "2026", "--basis", "history",
                     "--commit", commit_none, NULL);
  assert_succeeded_with (removed, NULL);
  sheet = load_sheet (db, NULL);
  g_assert_false (sp_worksheet_has_typed_basis (sheet));
  g_assert_false (sp_worksheet_get_commitment (sheet, 0)->has_commitment);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autoptr(SpWorksheet) sheet = load_sheet (db, NULL);
  g_autofree char *before = content_hash (db);
  g_autofree char *rep = g_strdup (sp_worksheet_get_commitment (sheet, 0)->rep_name);
  g_autofree char *negative = g_strdup_printf ("%s=-5", rep);
  g_autofree char *missing = fixture_path (fixture, "missing.db");
  g_autofree char *no_workspace = g_strdup_printf ("There is no workspace at “%s”; create one with "
                                                   "“sales-planner-cli init” or "
                                                   "“sales-planner-cli demo”", missing);
  struct
  {
    const char *args[8];
    const char *message;
    gboolean    refused; /* by the model (exit 1), not a usage error (exit 2) */
  } cases[] = {
    { { "--growth", "abc", NULL },
      "Invalid percentage “abc” for --growth: expected a number such as 15% or 12.5%" },
    { { "--growth", "2000%", NULL },
      "The percentage of “Growth” must be between -100% and 1000%, not 2000%", TRUE },
    { { "--adjust", "weather=+3%", NULL },
      "Unknown basis “weather”: use “industry”, “headcount”, “channels” or “products”" },
    { { "--adjust", "industry", NULL },
      "Invalid value “industry” for --adjust: expected industry=+3%" },
    { { "--note", "why", NULL }, "--note needs --adjust" },
    { { "--commit", "Nobody=5", NULL }, "There is no rep named “Nobody”" },
    { { "--commit", negative, NULL },
      "Invalid amount “-5” for --commit: a commitment cannot be negative" },
    { { "--adopt", "maybe", NULL },
      "Unknown value “maybe” for --adopt: use “proposed” or “committed”" },
    { { "--basis-years", "2024,abc", NULL },
      "Invalid year “abc” for --basis-years: expected a year such as 2026" },
    { { "--basis-years", "2026", NULL },
      "The basis year 2026 is not a fiscal year before the plan’s (2026)", TRUE },
    { { "--basis", "-5", NULL },
      "Invalid amount “-5” for --basis: the basis cannot be negative" },
    { { "--basis", "lots", NULL }, "“lots” is not an amount", TRUE },
    /* The growth is applied, then the adjustment refused: the growth is undone. */
    { { "--growth", "10%", "--adjust", "products=5000%", NULL },
      "The percentage of “New and old products” must be between -100% and 1000%, not 5000%",
      TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[16] = { "worksheet", "--file", db, "--year", "2026", NULL };
      guint n = 5;
      g_autoptr(CliResult) result = NULL;
      g_autofree char *after = NULL;

      for (guint a = 0; cases[i].args[a] != NULL; a++)
        argv[n++] = cases[i].args[a];
      argv[n] = NULL;
      result = run_cli (fixture, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], argv[6],
                        argv[7], argv[8], argv[9], NULL);
      assert_exited_with (result, cases[i].refused ? 1 : 2, cases[i].message);
      after = content_hash (db);
      g_assert_cmpstr (after, ==, before);
    }

  {
    g_autoptr(CliResult) year = run_cli (fixture, "worksheet", "--file", db, "--year", "2030", NULL);
    g_autoptr(CliResult) none = run_cli (fixture, "worksheet", "--file", missing, NULL);

    assert_usage_error (year, "There is no plan for fiscal year 2030; create it with "
                              "“sales-planner-cli set-target”");
    assert_usage_error (none, no_workspace);
  }
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CliResult) help = run_cli (fixture, "worksheet", "--help", NULL);

  assert_succeeded_with (help, NULL);
  assert_contains (help->out, "--basis-years");
  assert_contains (help->out, "--adopt");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/worksheet/show", test_show);
  ADD ("/cli/worksheet/edit", test_edit);
  ADD ("/cli/worksheet/errors", test_errors);
  ADD ("/cli/worksheet/help", test_help);

#undef ADD

  return g_test_run ();
}
