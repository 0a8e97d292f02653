/* test-cli-pipeline.c — sales-planner-cli's opportunity commands: opp-import, opp-export and
 * opp-stage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cli-runner.h"
#include "sp-opportunity.h"

/* A workspace with one rep, Li Lei, in East; returns its path. */
static char *
make_workspace (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "ws.db");
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  gint64 region;

  g_assert_no_error (error);
  region = sp_region_add (store, "East", &error);
  g_assert_no_error (error);
  sp_rep_add (store, "Li Lei", region, &error);
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

static const char good_csv[] =
  "title,customer,rep,amount,created,stage,closed\n"
  "ERP rollout,Acme,Li Lei,1200.00,2026-01-05,Lead,\n"
  "Pumps,Beta Co,Li Lei,50,2026-01-06,Won,2026-01-20\n";

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_workspace (fixture);
  g_autofree char *csv = write_file (fixture, "opps.csv", good_csv);
  g_autofree char *before = content_hash (db);
  g_autofree char *after_dry = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CliResult) dry = run_cli (fixture, "opp-import", "--file", db, csv, "--dry-run", NULL);
  g_autoptr(CliResult) real = NULL;
  const char *summary =
    "Encoding: UTF-8\n"
    "Rows read: 2\n"
    "Rows accepted: 2\n"
    "Rows rejected: 0\n"
    "Total amount: ¥1,250.00\n"
    "New customers: Acme, Beta Co\n";
  g_autofree char *dry_out = g_strconcat (summary, "Dry run: nothing was imported\n", NULL);
  g_autofree char *real_out = g_strconcat (summary, "Imported 2 opportunities\n", NULL);

  assert_succeeded_with (dry, dry_out);
  after_dry = content_hash (db);
  g_assert_cmpstr (before, ==, after_dry);
  real = run_cli (fixture, "opp-import", "--file", db, csv, NULL);
  assert_succeeded_with (real, real_out);
  after = content_hash (db);
  g_assert_cmpstr (before, !=, after);
}

static void
test_import_bad_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *db = make_workspace (fixture);
  g_autofree char *csv = write_file (fixture, "bad.csv",
                                     "title,rep,amount,created,stage,closed\n"
                                     "Good,Li Lei,1,2026-01-05,Lead,\n"
                                     "Bad rep,Nobody,1,2026-01-05,Lead,\n"
                                     "Bad stage,Li Lei,1,2026-01-05,Closing,\n");
  g_autofree char *missing = write_file (fixture, "missing.csv", "title,amount\nX,1\n");
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  g_autoptr(CliResult) r1 = run_cli (fixture, "opp-import", "--file", db, csv, NULL);
  g_autoptr(CliResult) r2 = run_cli (fixture, "opp-import", "--file", db, csv, "--dry-run", NULL);
  g_autoptr(CliResult) r3 = run_cli (fixture, "opp-import", "--file", db, csv, "--encoding",
                                     "latin1", NULL);
  g_autoptr(CliResult) r4 = run_cli (fixture, "opp-import", "--file", db, missing, NULL);
  g_autoptr(CliResult) r5 = NULL;

  g_assert_cmpint (r1->status, ==, 1);
  g_assert_cmpstr (r1->err, ==,
                   "Line 3: Unknown rep “Nobody”\n"
                   "Line 4: Unknown stage “Closing”\n"
                   PREFIX "2 rows were rejected; nothing was imported\n");
  g_assert_nonnull (strstr (r1->out, "Rows rejected: 2\n"));
  g_assert_cmpint (r2->status, ==, 1);
  g_assert_cmpstr (r2->err, ==,
                   "Line 3: Unknown rep “Nobody”\n"
                   "Line 4: Unknown stage “Closing”\n"
                   PREFIX "2 rows cannot be imported; use --allow-rejected to skip them\n");
  assert_usage_error (r3, "Unknown encoding “latin1”: use “auto”, “utf-8” or “gb18030”");
  g_assert_cmpint (r4->status, ==, 1);
  g_assert_true (g_str_has_prefix (r4->err, PREFIX));
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);

  r5 = run_cli (fixture, "opp-import", "--file", db, csv, "--allow-rejected", NULL);
  g_assert_cmpint (r5->status, ==, 0);
  g_assert_nonnull (strstr (r5->out, "Imported 1 opportunity\n"));
}

static void
test_stage_and_export (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = make_workspace (fixture);
  g_autofree char *csv = write_file (fixture, "opps.csv", good_csv);
  g_autofree char *existing = write_file (fixture, "exists.csv", "x");
  g_autoptr(CliResult) import = run_cli (fixture, "opp-import", "--file", db, csv, NULL);
  g_autoptr(CliResult) move = NULL;
  g_autoptr(CliResult) earlier = NULL;
  g_autoptr(CliResult) unknown = NULL;
  g_autoptr(CliResult) no_id = NULL;
  g_autoptr(CliResult) bad_date = NULL;
  g_autoptr(CliResult) missing = NULL;
  g_autoptr(CliResult) won = NULL;
  g_autoptr(CliResult) exists = NULL;
  g_autoptr(CliResult) no_rep = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (import->status, ==, 0);
  move = run_cli (fixture, "opp-stage", "--file", db, "--id", "1", "--stage", "谈判",
                  "--date", "2026-02-01", NULL);
  assert_succeeded_with (move, "Opportunity 1 “ERP rollout” is now in stage Negotiation\n");

  before = content_hash (db);
  earlier = run_cli (fixture, "opp-stage", "--file", db, "--id", "1", "--stage", "Won",
                     "--date", "2026-01-10", NULL);
  assert_failed_with (earlier, "The stage change on 2026-01-10 is before the opportunity’s last"
                      " change (2026-02-01)");
  unknown = run_cli (fixture, "opp-stage", "--file", db, "--id", "1", "--stage", "Closing", NULL);
  assert_usage_error (unknown, "No pipeline stage named “Closing”");
  no_id = run_cli (fixture, "opp-stage", "--file", db, "--stage", "Won", NULL);
  assert_usage_error (no_id, "Give the opportunity with --id and the stage with --stage");
  bad_date = run_cli (fixture, "opp-stage", "--file", db, "--id", "1", "--stage", "Won",
                      "--date", "2026-02-30", NULL);
  assert_usage_error (bad_date, "“2026-02-30” is not a date (YYYY-MM-DD)");
  missing = run_cli (fixture, "opp-stage", "--file", db, "--id", "9", "--stage", "Won", NULL);
  assert_failed_with (missing, "No opportunity with id 9");
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);

  won = run_cli (fixture, "opp-export", "--file", db, "--stage", "won", "-", NULL);
  assert_succeeded_with (won,
    "title,customer,customer class,intent grade,rep,amount,created,expected close,stage,"
    "closed,invoiced,collected,entered Lead,entered Qualified,entered Proposal,"
    "entered Negotiation,entered Won,entered Lost\r\n"
    "Pumps,Beta Co,scattered,,Li Lei,50.00,2026-01-06,,Won,2026-01-20,0.00,0.00,"
    "2026-01-06,,,,2026-01-20,\r\n");
  exists = run_cli (fixture, "opp-export", "--file", db, existing, NULL);
  {
    g_autofree char *message = g_strdup_printf ("The file “%s” already exists; use --force"
                                                " to replace it", existing);
    assert_failed_with (exists, message);
  }
  no_rep = run_cli (fixture, "opp-export", "--file", db, "--rep", "Nobody", "-", NULL);
  assert_usage_error (no_rep, "There is no rep named “Nobody”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/opp-import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/cli/opp-import-bad-rows", Fixture, NULL, fixture_set_up, test_import_bad_rows,
              fixture_tear_down);
  g_test_add ("/cli/opp-stage-export", Fixture, NULL, fixture_set_up, test_stage_and_export,
              fixture_tear_down);
  return g_test_run ();
}
