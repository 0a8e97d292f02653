/* test-cli-evaluation.c — ranking, scorecard, payout, revise and coach from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-runner.h"

/* Regions East and West; Zhang San (East) and Wang Wu (West) with work log entries in
 * March 2026; no plan. */
static char *
make_team (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "team.db");
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autoptr(CliResult) a = NULL;
  g_autoptr(CliResult) b = NULL;
  gint64 east, west;

  g_assert_no_error (error);
  east = sp_region_add (store, "East", &error);
  west = sp_region_add (store, "West", &error);
  sp_rep_add (store, "Zhang San", east, &error);
  sp_rep_add (store, "Wang Wu", west, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  a = run_cli (fixture, "log-add", "--file", path, "--rep", "Zhang San", "--date", "2026-03-02",
               "--prospects", "10", "--appointments", "5", "--revenue", "1200.50", NULL);
  g_assert_cmpint (a->status, ==, 0);
  b = run_cli (fixture, "log-add", "--file", path, "--rep", "Wang Wu", "--date", "2026-03-03",
               "--prospects", "10", "--appointments", "8", "--revenue", "300", NULL);
  g_assert_cmpint (b->status, ==, 0);
  return g_steal_pointer (&path);
}

static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *db = make_team (fixture);
  g_autoptr(CliResult) week = NULL;
  g_autoptr(CliResult) regions = NULL;
  g_autoptr(CliResult) empty = NULL;

  /* No targets: ranked by amount; the week of Monday 2 March. */
  week = run_cli (fixture, "ranking", "--file", db, "--period", "week", "--date", "2026-03-04",
                  "--format", "json", NULL);
  assert_succeeded_with (week,
    "{\"period\":\"week\",\"from\":\"2026-03-02\",\"to\":\"2026-03-08\",\"entries\":["
    "{\"rank\":1,\"name\":\"Zhang San\",\"actual\":120050,\"target\":0,\"attainment\":[0,0],"
    "\"star\":true},"
    "{\"rank\":2,\"name\":\"Wang Wu\",\"actual\":30000,\"target\":0,\"attainment\":[0,0],"
    "\"star\":false}]}\n");
  regions = run_cli (fixture, "ranking", "--file", db, "--period", "quarter", "--regions",
                     "--date", "2026-02-10", "--format", "json", NULL);
  assert_succeeded_with (regions,
    "{\"period\":\"quarter\",\"from\":\"2026-01-01\",\"to\":\"2026-03-31\",\"entries\":["
    "{\"rank\":1,\"name\":\"East\",\"actual\":120050,\"target\":0,\"attainment\":[0,0],"
    "\"star\":true},"
    "{\"rank\":2,\"name\":\"West\",\"actual\":30000,\"target\":0,\"attainment\":[0,0],"
    "\"star\":false}]}\n");
  /* An empty month: both at 0, one rank, no star. */
  empty = run_cli (fixture, "ranking", "--file", db, "--period", "month", "--date", "2026-05-10",
                   "--format", "json", NULL);
  assert_succeeded_with (empty,
    "{\"period\":\"month\",\"from\":\"2026-05-01\",\"to\":\"2026-05-31\",\"entries\":["
    "{\"rank\":1,\"name\":\"Wang Wu\",\"actual\":0,\"target\":0,\"attainment\":[0,0],"
    "\"star\":false},"
    "{\"rank\":1,\"name\":\"Zhang San\",\"actual\":0,\"target\":0,\"attainment\":[0,0],"
    "\"star\":false}]}\n");
}

static void
test_coach_and_scorecard (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *db = make_team (fixture);
  g_autoptr(CliResult) coach = NULL;
  g_autoptr(CliResult) card = NULL;

  /* Zhang San 5/10 against the team's 13/20 on the first step. */
  coach = run_cli (fixture, "coach", "--file", db, "--rep", "Zhang San", "--from", "2026-03-01",
                   "--to", "2026-03-31", "--format", "json", NULL);
  assert_succeeded_with (coach,
    "{\"rates\":[{\"rep\":[5,10],\"team\":[13,20]},{\"rep\":[0,5],\"team\":[0,13]},"
    "{\"rep\":[0,0],\"team\":[0,0]},{\"rep\":[0,0],\"team\":[0,0]}],\"weakest\":0}\n");
  /* The default scorecard: revenue 100 %; no plan, so no target and a score of 0. */
  card = run_cli (fixture, "scorecard", "--file", db, "--rep", "Zhang San", "--from",
                  "2026-03-01", "--to", "2026-03-31", "--format", "json", NULL);
  assert_succeeded_with (card,
    "{\"indicators\":[{\"indicator\":\"revenue\",\"weight_bp\":10000,\"actual\":120050,"
    "\"target\":0,\"score_tenths\":0},{\"indicator\":\"new-customers\",\"weight_bp\":0,"
    "\"actual\":0,\"target\":0,\"score_tenths\":0},{\"indicator\":\"orders\",\"weight_bp\":0,"
    "\"actual\":0,\"target\":0,\"score_tenths\":0},{\"indicator\":\"collection\","
    "\"weight_bp\":0,\"actual\":0,\"target\":0,\"score_tenths\":0},{\"indicator\":"
    "\"activity\",\"weight_bp\":0,\"actual\":15,\"target\":0,\"score_tenths\":0}],"
    "\"total_tenths\":0}\n");
}

static void
test_revise (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_team (fixture);
  g_autoptr(CliResult) target = NULL;
  g_autoptr(CliResult) breakdown = NULL;
  g_autoptr(CliResult) revise = NULL;
  g_autoptr(CliResult) low = NULL;
  g_autoptr(CliResult) payout = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  target = run_cli (fixture, "set-target", "--file", db, "--year", "2026", "--amount", "1200",
                    "--sprint", "125%", NULL);
  g_assert_cmpint (target->status, ==, 0);
  breakdown = run_cli (fixture, "breakdown", "--file", db, "--year", "2026", "--time-weights",
                       "equal", NULL);
  g_assert_cmpint (breakdown->status, ==, 0);
  /* Jan–Mar keep 100.00; 1000.00 over nine months: 111.12 once (largest remainder, earlier
   * first), then 111.11. */
  revise = run_cli (fixture, "revise", "--file", db, "--year", "2026", "--date", "2026-04-15",
                    "--amount", "1300", "--reason", "大客户提前下单", NULL);
  assert_succeeded_with (revise,
    "Revised the target of fiscal year 2026\n"
    "1\t¥100.00\t¥100.00\n2\t¥100.00\t¥100.00\n3\t¥100.00\t¥100.00\n"
    "4\t¥100.00\t¥111.12\n5\t¥100.00\t¥111.11\n6\t¥100.00\t¥111.11\n"
    "7\t¥100.00\t¥111.11\n8\t¥100.00\t¥111.11\n9\t¥100.00\t¥111.11\n"
    "10\t¥100.00\t¥111.11\n11\t¥100.00\t¥111.11\n12\t¥100.00\t¥111.11\n");
  /* Below the ended months: refused, the file unchanged. */
  before = content_hash (db);
  low = run_cli (fixture, "revise", "--file", db, "--year", "2026", "--date", "2026-04-15",
                 "--amount", "100", NULL);
  assert_failed_with (low, "The new target is below the months that have already ended");
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);

  payout = run_cli (fixture, "payout", "--file", db, "--from", "2026-03-01", "--to",
                    "2026-03-31", "--bracket", "base:100%:2%", "--bracket", "sprint:100%:3%:5",
                    NULL);
  /* March targets 50.00 each, sprint 125 % = 62.50: both reach the sprint bracket (the
   * second): 3 % of 1200.50 = 36.015 → 36.02, + 5.00; 3 % of 300.00 + 5.00. */
  assert_succeeded_with (payout,
    "\xef\xbb\xbfRep,Actual,Target,Bracket,Attainment bonus,New-product revenue,"
    "New-product award,Total\r\n"
    "Zhang San,1200.50,50.00,2,41.02,0.00,0.00,41.02\r\n"
    "Wang Wu,300.00,50.00,2,14.00,0.00,0.00,14.00\r\n"
    "Total,1500.50,,,55.02,0.00,0.00,55.02\r\n");
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_team (fixture);
  g_autofree char *before = content_hash (db);
  g_autofree char *after = NULL;
  struct
  {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "ranking", "--period", "year", NULL }, "Unknown period “year”: use week, month or quarter" },
    { { "ranking", "--date", "2026-02-30", NULL },
      "Invalid date “2026-02-30”: expected YYYY-MM-DD" },
    { { "ranking", "--format", "xml", NULL }, "Unknown format “xml”: use text or json" },
    { { "scorecard", "--rep", "Nobody", "--from", "2026-03-01", "--to", "2026-03-31", NULL },
      "There is no rep named “Nobody”" },
    { { "coach", "--rep", "Zhang San", NULL }, "Missing option --from" },
    { { "payout", "--from", "2026-03-01", "--to", "2026-03-31", "--bracket", "gold:1:2" },
      "Invalid bracket “gold:1:2”: expected TIER:THRESHOLD%:RATE%[:AMOUNT], TIER base, sprint "
      "or challenge" },
    { { "revise", "--year", "2026", "--amount", "100", NULL },
      "There is no plan for fiscal year 2026; create it with “sales-planner-cli set-target”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(CliResult) result = run_cli (fixture, a[0], "--file", db, a[1], a[2], a[3],
                                             a[4], a[5], a[6], a[7], NULL);

      /* Each names something unknown, missing or malformed on the command line: usage, 2. */
      assert_exited_with (result, 2, cases[i].message);
    }
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/ranking", test_ranking);
  ADD ("/cli/coach-scorecard", test_coach_and_scorecard);
  ADD ("/cli/revise", test_revise);
  ADD ("/cli/evaluation-errors", test_errors);
  return g_test_run ();
}
