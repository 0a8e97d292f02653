/* test-cli-breakdown.c — sales-planner-cli export-breakdown --level: one level's cells, every
 * member named, and the usage errors
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

/* Parses "123.45" (CSV amounts are in major units, yuan) to minor units. */
static gint64
csv_amount (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 0;

  g_assert_true (sp_money_parse (text, sp_currency_lookup ("CNY"), &amount, &error));
  g_assert_no_error (error);
  return amount;
}

static void
test_levels (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  static const struct
  {
    const char *level;
    guint       per_member;
  } levels[] = {
    { "year", 1 }, { "quarter", 4 }, { "month", 12 },
  };
  guint n_series = 0;
  gint64 team_year = 0;

  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      g_autoptr(CliResult) result = run_cli (fixture, "export-breakdown", "--file", db, "--year",
                                             "2026", "--level", levels[l].level, "-", NULL);
      g_auto(GStrv) lines = NULL;
      guint n_rows = 0;
      gint64 team_sum = 0;

      assert_succeeded_with (result, NULL);
      lines = g_strsplit (result->out, "\r\n", -1);
      g_assert_true (g_str_has_prefix (lines[0], "dimension,member_id,member,"));
      for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

          g_assert_cmpuint (g_strv_length (fields), ==, 15);
          g_assert_cmpstr (fields[4], ==, levels[l].level);
          /* Every member has its name: regions, reps, products and customer types. */
          g_assert_cmpstr (fields[2], !=, "");
          if (g_str_equal (fields[0], "team"))
            team_sum += csv_amount (fields[9]);
          n_rows++;
        }

      if (l == 0)
        {
          n_series = n_rows;
          team_year = team_sum;
          g_assert_cmpuint (n_series, >, 10);
        }
      else
        g_assert_cmpint (team_sum, ==, team_year);
      g_assert_cmpuint (n_rows, ==, n_series * levels[l].per_member);
      g_assert_nonnull (strstr (result->out, "\r\nproduct,"));
      g_assert_nonnull (strstr (result->out, "\r\ncustomer_type,"));
    }

  /* Weeks, as JSON: every cell is a week. */
  {
    g_autoptr(CliResult) json = run_cli (fixture, "export-breakdown", "--file", db, "--year",
                                         "2026", "--level", "week", "--format", "json", "-",
                                         NULL);

    assert_succeeded_with (json, NULL);
    g_assert_true (g_str_has_prefix (json->out, "{"));
    g_assert_nonnull (strstr (json->out, "\"period\": \"week\""));
    g_assert_null (strstr (json->out, "\"period\": \"month\""));
    g_assert_null (strstr (json->out, "\"period\": \"year\""));
  }
}

static void
test_level_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = make_demo (fixture);
  g_autoptr(CliResult) r1 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026",
                                     "--level", "fortnight", "-", NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026",
                                     "--level", "day", "-", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "export-breakdown", "--file", db, "--year", "2026",
                                     "--level", "month", "--days", "-", NULL);

  assert_usage_error (r1, "Unknown level “fortnight”: use “year”, “quarter”, “month” or “week”");
  assert_usage_error (r2, "Unknown level “day”: use “year”, “quarter”, “month” or “week”");
  assert_usage_error (r3, "Give either --level or --days");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/export-breakdown/levels", Fixture, NULL, fixture_set_up, test_levels,
              fixture_tear_down);
  g_test_add ("/cli/export-breakdown/level-errors", Fixture, NULL, fixture_set_up,
              test_level_errors, fixture_tear_down);

  return g_test_run ();
}
