/* test-cli-meeting.c — sales-planner-cli meeting: plan, list, agenda, add-action, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-runner.h"

/* Regions East and West, reps Zhang San (East) and Wang Wu (West). */
static char *
make_team (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (fixture, "team.db");
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  gint64 east, west;

  g_assert_no_error (error);
  east = sp_region_add (store, "East", &error);
  west = sp_region_add (store, "West", &error);
  sp_rep_add (store, "Zhang San", east, &error);
  sp_rep_add (store, "Wang Wu", west, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_plan_list_actions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = make_team (fixture);
  g_autoptr(CliResult) plan = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) lines = NULL;
  g_autoptr(CliResult) list = NULL;
  g_autoptr(CliResult) add = NULL;
  g_autoptr(CliResult) agenda = NULL;
  g_autoptr(CliResult) text = NULL;
  g_autoptr(CliResult) export = NULL;

  /* Meeting ids follow the day, then the time: 2026-01-01 (Thursday) has the morning (1),
   * monthly (2) and evening (3) meetings. Calendar year, Monday to Friday: 261 working days × 2 daily meetings, 52 Mondays, 12
   * monthly, reviews on 03-31 (quarter), 06-30 (half-year), 09-30 (quarter), 12-31 (year). */
  plan = run_cli (fixture, "meeting", "plan", "--file", db, "--defaults", "--year", "2026", NULL);
  assert_succeeded_with (plan, "Added 590 meetings to fiscal year 2026\n");
  again = run_cli (fixture, "meeting", "plan", "--file", db, "--year", "2026", NULL);
  assert_succeeded_with (again, "Added 0 meetings to fiscal year 2026\n");
  lines = run_cli (fixture, "meeting", "plan", "--file", db, NULL);
  assert_succeeded_with (lines,
                         "Morning meeting\tEvery working day\t08:30\n"
                         "Evening meeting\tEvery working day\t18:00\n"
                         "Weekly meeting\tWeekly\t09:00\n"
                         "Monthly business review\tMonthly\t14:00\n"
                         "Quarterly, half-year and annual review\tQuarterly\t14:00\n"
                         "Quarterly, half-year and annual review\tHalf-yearly\t14:00\n"
                         "Quarterly, half-year and annual review\tYearly\t14:00\n");

  list = run_cli (fixture, "meeting", "list", "--file", db, "--type", "weekly", "--from",
                  "2026-01-01", "--to", "2026-01-31", NULL);
  assert_succeeded_with (list,
                         "7\t2026-01-05 09:00\tweekly\tWeekly meeting\n"
                         "18\t2026-01-12 09:00\tweekly\tWeekly meeting\n"
                         "29\t2026-01-19 09:00\tweekly\tWeekly meeting\n"
                         "40\t2026-01-26 09:00\tweekly\tWeekly meeting\n");

  add = run_cli (fixture, "meeting", "add-action", "--file", db, "--meeting", "7", "--rep",
                 "Zhang San", "--text", "Call back 华为", "--due", "2026-01-09", "--phase", "do",
                 NULL);
  assert_succeeded_with (add, "Added action item 1\n");

  /* Carried into the next weekly meeting until done. */
  agenda = run_cli (fixture, "meeting", "agenda", "--file", db, "--meeting", "18", "--format",
                    "json", NULL);
  assert_succeeded_with (agenda, NULL);
  g_assert_nonnull (strstr (agenda->out, "\"kind\":\"weekly\",\"day\":\"2026-01-12\","
                                         "\"first\":\"2026-01-05\",\"last\":\"2026-01-11\""));
  g_assert_nonnull (strstr (agenda->out, "\"rep_ranking\":[{\"rank\":1,\"id\":2,\"name\":\"Wang Wu\","
                                         "\"actual\":0,\"target\":0,\"attainment_bp\":null},"
                                         "{\"rank\":1,\"id\":1,\"name\":\"Zhang San\""));
  g_assert_nonnull (strstr (agenda->out, "\"open_actions\":[{\"id\":1,\"text\":\"Call back 华为\","
                                         "\"owner\":\"Zhang San\",\"due_on\":\"2026-01-09\","
                                         "\"phase\":\"do\"}]}\n"));

  {
    g_autoptr(CliResult) monthly = run_cli (fixture, "meeting", "agenda", "--file", db, "--type",
                                            "monthly", "--date", "2026-04-01", "--format", "json",
                                            NULL);

    assert_succeeded_with (monthly, NULL);
    g_assert_nonnull (strstr (monthly->out, "\"first\":\"2026-03-01\",\"last\":\"2026-03-31\""));
    g_assert_nonnull (strstr (monthly->out, "\"kpis\":{\"effective_leads\":0,"
                                            "\"effective_opportunities\":0,\"won\":0,\"lost\":0,"
                                            "\"won_amount\":0,\"win_rate\":null,"
                                            "\"win_cycle_days\":null,\"collection_rate\":null,"
                                            "\"average_deal_size\":null}"));
    g_assert_nonnull (strstr (monthly->out, "\"lost_reasons\":[],\"team_actual\":0,"
                                            "\"team_target\":0,\"year_target\":0,"
                                            "\"year_actual\":0,\"year_gap\":0"));
  }

  text = run_cli (fixture, "meeting", "agenda", "--file", db, "--type", "morning", "--date",
                  "2026-01-06", NULL);
  assert_succeeded_with (text, "Morning meeting  2026-01-05 … 2026-01-05\n"
                               "Zhang San: no log\n"
                               "Wang Wu: no log\n"
                               "\nOpen action items\n"
                               "- Call back 华为 (Zhang San, Do)\n");

  export = run_cli (fixture, "meeting", "export", "--file", db, "--from", "2026-01-05", "--to",
                    "2026-01-05", NULL);
  assert_succeeded_with (export,
                         "meeting_id,day,time,kind,title,held,action_id,owner,action,due_on,phase\r\n"
                         "6,2026-01-05,08:30,morning,Morning meeting,0,,,,,\r\n"
                         "7,2026-01-05,09:00,weekly,Weekly meeting,0,1,Zhang San,Call back 华为,2026-01-09,do\r\n"
                         "8,2026-01-05,18:00,evening,Evening meeting,0,,,,,\r\n");
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = make_team (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct
  {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "brunch", NULL },
      "Unknown action “brunch”; use plan, list, agenda, add-action or export" },
    { { "agenda", "--type", "brunch", "--date", "2026-01-06", NULL },
      "Unknown meeting type “brunch”; use morning, evening, weekly, monthly, review, sharing, "
      "coaching or workshop" },
    { { "agenda", "--type", "weekly", "--date", "2026-02-30", NULL },
      "Invalid date “2026-02-30”: expected YYYY-MM-DD" },
    { { "agenda", "--type", "weekly", "--date", "2026-01-06", "--format", "xml", NULL },
      "Unknown format “xml”; use text or json" },
    { { "agenda", "--meeting", "99", NULL }, "No meeting with id 99" },
    { { "add-action", "--meeting", "1", "--rep", "Nobody", "--text", "x", NULL },
      "There is no rep named “Nobody”" },
    { { "add-action", "--meeting", "99", "--text", "x", NULL }, "No meeting with id 99" },
    { { "add-action", "--meeting", "1", "--text", "x", "--phase", "later", NULL },
      "Unknown phase “later”; use plan, do, check, act or done" },
  };

  before = content_hash (db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(CliResult) result = run_cli (fixture, "meeting", "--file", db, a[0], a[1], a[2],
                                             a[3], a[4], a[5], a[6], a[7], NULL);

      /* A bad word or date on the command line is a usage error (2); a meeting that does not
       * exist is a failure (1). */
      assert_exited_with (result, g_str_has_prefix (cases[i].message, "No meeting") ? 1 : 2,
                          cases[i].message);
    }
  after = content_hash (db);
  g_assert_cmpstr (before, ==, after);

  /* In Chinese, the same one line. */
  {
    const char *builddir = g_getenv ("SP_BUILD_ROOT");
    g_autofree char *localedir = g_build_filename (builddir, "po", NULL);
    g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
    const char *env[] = { "LANGUAGE", "zh_CN", "SALES_PLANNER_LOCALEDIR", localedir, NULL };
    g_autoptr(CliResult) result = NULL;

    if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
      return;
    result = run_cli_env (fixture, env, "meeting", "agenda", "--file", db, "--type", "brunch",
                          "--date", "2026-01-06", NULL);
    assert_exited_with (result, 2, "未知会议类型“brunch”；请使用 morning、evening、weekly、monthly、"
                                "review、sharing、coaching 或 workshop");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/meeting/plan-list-actions", test_plan_list_actions);
  ADD ("/cli/meeting/errors", test_errors);

#undef ADD

  return g_test_run ();
}
