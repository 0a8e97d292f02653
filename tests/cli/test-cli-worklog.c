/* test-cli-worklog.c — sales-planner-cli's work-log commands: log-add, log-import and
 * log-export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-runner.h"

/* A workspace with regions East and West and reps Zhang San (East), Li Si (East and West)
 * and Wang Wu (West); returns its path. */
static char *
make_team (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  gint64 east, west;

  g_assert_no_error (error);
  east = sp_region_add (store, "East", &error);
  g_assert_no_error (error);
  west = sp_region_add (store, "West", &error);
  g_assert_no_error (error);
  sp_rep_add (store, "Zhang San", east, &error);
  g_assert_no_error (error);
  sp_rep_add (store, "Li Si", east, &error);
  g_assert_no_error (error);
  sp_rep_add (store, "Li Si", west, &error);
  g_assert_no_error (error);
  sp_rep_add (store, "Wang Wu", west, &error);
  g_assert_no_error (error);
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

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* ---- log-add -------------------------------------------------------------------------- */

static void
test_log_add (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *db = make_team (fixture, "team.db");
  g_autoptr(CliResult) add = NULL;
  g_autoptr(CliResult) update = NULL;
  g_autoptr(CliResult) out = NULL;

  add = run_cli (fixture, "log-add", "--file", db, "--rep", "Zhang San", "--date", "2026-03-02",
                 "--prospects", "5", "--revenue", "1,200.50", "--summary", "拜访三家", NULL);
  assert_succeeded_with (add, "Added the entry of Zhang San on 2026-03-02\n");
  update = run_cli (fixture, "log-add", "--file", db, "--rep", "Li Si", "--region", "West",
                    "--date", "2026-03-02", "--orders", "2", NULL);
  assert_succeeded_with (update, "Added the entry of Li Si on 2026-03-02\n");
  g_clear_pointer (&update, cli_result_free);
  update = run_cli (fixture, "log-add", "--file", db, "--rep", "Zhang San", "--date",
                    "2026-03-02", "--closes", "1", NULL);
  assert_succeeded_with (update, "Updated the entry of Zhang San on 2026-03-02\n");

  out = run_cli (fixture, "log-export", "--file", db, "--from", "2026-03-01", "--to",
                 "2026-03-31", "-", NULL);
  assert_succeeded_with (out,
    "Date,Rep,Region,Prospects,Appointments,Presentations,Objections,Closes,Orders,Revenue,"
    "New customers,Repeat purchases,Collected,Summary,Problems,Help needed,Tomorrow plan\r\n"
    "2026-03-02,Zhang San,East,5,0,0,0,1,0,1200.50,0,0,0.00,拜访三家,,,\r\n"
    "2026-03-02,Li Si,West,0,0,0,0,0,2,0.00,0,0,0.00,,,,\r\n");
}

static void
test_log_add_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = make_team (fixture, "team.db");
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autofree char *missing = fixture_path (fixture, "missing.db");
  g_autofree char *no_workspace = NULL;
  struct
  {
    const char *args[8];
    const char *message;
    gboolean    refused; /* by the model (exit 1), not a usage error (exit 2) */
  } cases[] = {
    { { "--date", "2026-03-02", NULL }, "Missing option --rep" },
    { { "--rep", "Wang Wu", NULL }, "Missing option --date" },
    { { "--rep", "Wang Wu", "--date", "2026-02-30", NULL },
      "Invalid date “2026-02-30”: expected YYYY-MM-DD" },
    { { "--rep", "Nobody", "--date", "2026-03-02", NULL }, "There is no rep named “Nobody”" },
    { { "--rep", "Li Si", "--date", "2026-03-02", NULL },
      "There are several reps named “Li Si”; add --region" },
    { { "--rep", "Li Si", "--region", "North", "--date", "2026-03-02", NULL },
      "There is no rep named “Li Si” in region “North”" },
    { { "--rep", "Wang Wu", "--date", "2026-03-02", "--prospects", "-1", NULL },
      "Prospecting: “-1” is negative; enter zero or more", TRUE },
    { { "--rep", "Wang Wu", "--date", "2026-03-02", "--orders", "1.5", NULL },
      "Orders: “1.5” is not a whole number", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(CliResult) result = run_cli (fixture, "log-add", "--file", db, a[0], a[1], a[2],
                                             a[3], a[4], a[5], a[6], a[7], NULL);

      assert_exited_with (result, cases[i].refused ? 1 : 2, cases[i].message);
    }
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);

  {
    g_autoptr(CliResult) result = run_cli (fixture, "log-add", "--file", missing, "--rep",
                                           "Wang Wu", "--date", "2026-03-02", NULL);

    no_workspace = g_strdup_printf ("There is no workspace at “%s”; create one with "
                                    "“sales-planner-cli init” or “sales-planner-cli demo”",
                                    missing);
    assert_usage_error (result, no_workspace);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

/* ---- log-export and log-import ------------------------------------------------------------ */

static void
round_trip (Fixture    *fixture,
            const char *flag1,
            const char *flag2)
{
  g_autofree char *db = make_team (fixture, "team.db");
  g_autofree char *fresh = make_team (fixture, "fresh.db");
  g_autofree char *csv = fixture_path (fixture, "log.csv");
  g_autofree char *exported = NULL;
  g_autofree char *before = content_hash (fresh);
  g_autofree char *after_dry = NULL;
  g_autoptr(CliResult) a1 = NULL, a2 = NULL, a3 = NULL, ex = NULL, dry = NULL, imp = NULL;
  g_autoptr(CliResult) again = NULL;

  a1 = run_cli (fixture, "log-add", "--file", db, "--rep", "Zhang San", "--date", "2026-03-02",
                "--prospects", "5", "--appointments", "4", "--presentations", "3",
                "--objections", "2", "--closes", "1", "--orders", "1", "--revenue", "888.80",
                "--new-customers", "1", "--repeat-purchases", "2", "--collected", "100",
                "--summary", "=1+1, \"ok\"", "--problems", "价格", "--help-needed", "样品",
                "--tomorrow-plan", "回访", NULL);
  g_assert_cmpint (a1->status, ==, 0);
  a2 = run_cli (fixture, "log-add", "--file", db, "--rep", "Li Si", "--region", "West",
                "--date", "2026-03-02", "--orders", "3", NULL);
  g_assert_cmpint (a2->status, ==, 0);
  a3 = run_cli (fixture, "log-add", "--file", db, "--rep", "Li Si", "--region", "East",
                "--date", "2026-03-05", "--prospects", "9", NULL);
  g_assert_cmpint (a3->status, ==, 0);

  ex = run_cli (fixture, "log-export", "--file", db, "--from", "2026-03-01", "--to",
                "2026-03-31", csv, flag1, flag2, NULL);
  assert_succeeded_with (ex, "");
  exported = read_file (csv);
  if (flag1 != NULL)
    {
      g_assert_true (g_str_has_prefix (exported, "\xef\xbb\xbf日期,销售代表,区域,准客户开发,"));
    }
  else
    {
      g_assert_true (g_str_has_prefix (exported, "Date,Rep,Region,Prospects,"));
    }
  g_assert_nonnull (strstr (exported, ",\"'=1+1, \"\"ok\"\"\","));

  dry = run_cli (fixture, "log-import", "--file", fresh, csv, "--dry-run", NULL);
  assert_succeeded_with (dry, "Encoding: UTF-8\nRows read: 3\nRows accepted: 3\n"
                              "Rows rejected: 0\nDry run: nothing was imported\n");
  after_dry = content_hash (fresh);
  g_assert_cmpstr (before, ==, after_dry);

  imp = run_cli (fixture, "log-import", "--file", fresh, csv, NULL);
  assert_succeeded_with (imp, "Encoding: UTF-8\nRows read: 3\nRows accepted: 3\n"
                              "Rows rejected: 0\nImported 3 work log entries\n");
  again = run_cli (fixture, "log-export", "--file", fresh, "--from", "2026-03-01", "--to",
                   "2026-03-31", "-", flag1, flag2, NULL);
  assert_succeeded_with (again, exported);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  round_trip (fixture, NULL, NULL);
}

static void
test_round_trip_bom_chinese (Fixture       *fixture,
                             gconstpointer  data)
{
  round_trip (fixture, "--bom", "--chinese-headers");
}

static void
test_log_export_filters_and_errors (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *db = make_team (fixture, "team.db");
  g_autofree char *existing = write_file (fixture, "existing.csv", "keep");
  g_autofree char *exists_message =
    g_strdup_printf ("The file “%s” already exists; use --force to replace it", existing);
  g_autoptr(CliResult) a1 = NULL, a2 = NULL, by_rep = NULL, by_region = NULL;
  g_autoptr(CliResult) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, forced = NULL;
  g_autofree char *contents = NULL;
  const char *header =
    "Date,Rep,Region,Prospects,Appointments,Presentations,Objections,Closes,Orders,Revenue,"
    "New customers,Repeat purchases,Collected,Summary,Problems,Help needed,Tomorrow plan\r\n";
  g_autofree char *wang = g_strconcat (header,
                                       "2026-03-03,Wang Wu,West,1,0,0,0,0,0,0.00,0,0,0.00,,,,\r\n",
                                       NULL);
  g_autofree char *east = g_strconcat (header,
                                       "2026-03-02,Zhang San,East,2,0,0,0,0,0,0.00,0,0,0.00,,,,\r\n",
                                       NULL);

  a1 = run_cli (fixture, "log-add", "--file", db, "--rep", "Wang Wu", "--date", "2026-03-03",
                "--prospects", "1", NULL);
  a2 = run_cli (fixture, "log-add", "--file", db, "--rep", "Zhang San", "--date", "2026-03-02",
                "--prospects", "2", NULL);
  g_assert_cmpint (a1->status + a2->status, ==, 0);

  by_rep = run_cli (fixture, "log-export", "--file", db, "--rep", "Wang Wu", "-", NULL);
  assert_succeeded_with (by_rep, wang);
  by_region = run_cli (fixture, "log-export", "--file", db, "--region", "East", "-", NULL);
  assert_succeeded_with (by_region, east);

  e1 = run_cli (fixture, "log-export", "--file", db, existing, NULL);
  assert_failed_with (e1, exists_message);
  contents = read_file (existing);
  g_assert_cmpstr (contents, ==, "keep");
  e2 = run_cli (fixture, "log-export", "--file", db, "--region", "North", "-", NULL);
  assert_usage_error (e2, "There is no region named “North”");
  e3 = run_cli (fixture, "log-export", "--file", db, "--from", "2026-13-01", "-", NULL);
  assert_usage_error (e3, "Invalid date “2026-13-01”: expected YYYY-MM-DD");
  e4 = run_cli (fixture, "log-export", "--file", db, "--from", "2026-03-05", "--to",
                "2026-03-01", "-", NULL);
  assert_usage_error (e4, "--from 2026-03-05 is after --to 2026-03-01");

  forced = run_cli (fixture, "log-export", "--file", db, "--rep", "Wang Wu", "--force",
                    existing, NULL);
  assert_succeeded_with (forced, "");
  g_clear_pointer (&contents, g_free);
  contents = read_file (existing);
  g_assert_cmpstr (contents, ==, wang);
}

static void
test_log_import_bad_rows (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *db = make_team (fixture, "team.db");
  g_autofree char *csv = write_file (fixture, "bad.csv",
                                     "日期,销售员,区域,准客户开发,单量\n"
                                     "2026-03-02,Zhang San,,1,1\n"
                                     "2026-03-02,Wang Wu,,-1,0\n"
                                     "2026-03-02,Li Si,East,1.5,0\n"
                                     "2026-03-02,Zhao Liu,,1,0\n"
                                     "2026-03-02,Zhang San,,2,0\n"
                                     "2026-02-30,Wang Wu,,1,0\n");
  g_autofree char *unmapped = write_file (fixture, "unmapped.csv",
                                          "Day,Who,Prospects\n2026-03-02,Wang Wu,3\n");
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  const char *summary = "Encoding: UTF-8\nRows read: 6\nRows accepted: 1\nRows rejected: 5\n";
  const char *rejected =
    "Line 3: Prospecting: “-1” is negative; enter zero or more\n"
    "Line 4: Prospecting: “1.5” is not a whole number\n"
    "Line 5: there is no rep “Zhao Liu”\n"
    "Line 6: “Zhang San” already has an entry for 2026-03-02 on line 2\n"
    "Line 7: “2026-02-30” is not a day on the calendar\n";
  g_autofree char *err = g_strconcat (rejected, PREFIX,
                                      "5 rows cannot be imported; use --allow-rejected to skip "
                                      "them\n", NULL);
  g_autoptr(CliResult) dry = NULL, real = NULL, allowed = NULL, bad_enc = NULL;
  g_autoptr(CliResult) missing_col = NULL, mapped = NULL, no_file = NULL;
  g_autofree char *no_file_path = fixture_path (fixture, "nope.csv");
  g_autofree char *no_file_message = NULL;

  dry = run_cli (fixture, "log-import", "--file", db, csv, "--dry-run", NULL);
  g_assert_cmpint (dry->status, ==, 1);
  g_assert_cmpstr (dry->out, ==, summary);
  g_assert_cmpstr (dry->err, ==, err);
  real = run_cli (fixture, "log-import", "--file", db, csv, NULL);
  g_assert_cmpint (real->status, ==, 1);
  g_assert_cmpstr (real->out, ==, summary);
  g_assert_cmpstr (real->err, ==, err);
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);

  allowed = run_cli (fixture, "log-import", "--file", db, csv, "--allow-rejected", NULL);
  g_assert_cmpint (allowed->status, ==, 0);
  g_assert_cmpstr (allowed->out, ==, "Encoding: UTF-8\nRows read: 6\nRows accepted: 1\n"
                                     "Rows rejected: 5\nImported 1 work log entry\n");
  g_assert_cmpstr (allowed->err, ==, rejected);

  bad_enc = run_cli (fixture, "log-import", "--file", db, csv, "--encoding", "latin1", NULL);
  assert_usage_error (bad_enc, "Unknown encoding “latin1”: use “auto”, “utf-8” or “gb18030”");
  missing_col = run_cli (fixture, "log-import", "--file", db, unmapped, NULL);
  g_assert_cmpint (missing_col->status, ==, 1);
  g_assert_true (g_str_has_prefix (missing_col->err, PREFIX));
  g_assert_nonnull (strstr (missing_col->err, "Rep"));
  mapped = run_cli (fixture, "log-import", "--file", db, unmapped, "--map", "rep=Who", NULL);
  assert_succeeded_with (mapped, "Encoding: UTF-8\nRows read: 1\nRows accepted: 1\n"
                                 "Rows rejected: 0\nImported 1 work log entry\n");

  no_file = run_cli (fixture, "log-import", "--file", db, no_file_path, NULL);
  g_assert_cmpint (no_file->status, ==, 1);
  no_file_message = g_strdup_printf ("Error when getting information for file “%s”: "
                                     "No such file or directory",
                                     no_file_path);
  assert_failed_with (no_file, no_file_message);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/log-add/success", test_log_add);
  ADD ("/cli/log-add/errors", test_log_add_errors);
  ADD ("/cli/log-export/round-trip", test_round_trip);
  ADD ("/cli/log-export/round-trip-bom-chinese", test_round_trip_bom_chinese);
  ADD ("/cli/log-export/filters-and-errors", test_log_export_filters_and_errors);
  ADD ("/cli/log-import/bad-rows", test_log_import_bad_rows);

#undef ADD

  return g_test_run ();
}
