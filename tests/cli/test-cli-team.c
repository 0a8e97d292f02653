/* test-cli-team.c — sales-planner-cli's roster commands: rep, region, product and
 * customer-type, their output and their refusals (one line, exit 1, file unchanged)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cli-runner.h"

/* An empty workspace made by the CLI; returns its path. */
static char *
make_workspace (Fixture *fixture)
{
  g_autofree char *path = fixture_path (fixture, "team.db");
  g_autoptr(CliResult) init = run_cli (fixture, "init", "--file", path, NULL);

  g_assert_cmpint (init->status, ==, 0);
  return g_steal_pointer (&path);
}

#define RUN_OK(db, out, ...) \
  G_STMT_START { g_autoptr(CliResult) _r = run_cli (fixture, __VA_ARGS__, "--file", (db), NULL); \
                 assert_succeeded_with (_r, (out)); } G_STMT_END

static void
test_team_workflow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *db = make_workspace (fixture);

  /* Before: a rep can only come from an import. */
  {
    g_autoptr(CliResult) r = run_cli (fixture, "log-add", "--file", db, "--rep", "新人甲",
                                      "--date", "2026-10-26", NULL);
    assert_exited_with (r, 2, "There is no rep named “新人甲”");
  }

  RUN_OK (db, "Added region 华东\n", "region", "add", "华东");
  RUN_OK (db, "Added region 华南\n", "region", "add", " 华南 ");
  RUN_OK (db, "Added rep 新人甲 to region 华东\n",
          "rep", "add", "新人甲", "--region", "华东", "--hired", "2026-10-23");
  RUN_OK (db, "Added the entry of 新人甲 on 2026-10-26\n",
          "log-add", "--rep", "新人甲", "--date", "2026-10-26", "--prospects", "3");
  RUN_OK (db, "Added rep 老王 to region 华南\n",
          "rep", "add", "老王", "--region", "华南", "--hired", "2025-01-01");
  RUN_OK (db, "Added rep 新人乙\n", "rep", "add", "新人乙");
  RUN_OK (db, "Updated rep 王五\n", "rep", "edit", "老王", "--name", "王五");
  RUN_OK (db, "Updated rep 新人乙\n", "rep", "edit", "新人乙", "--hired", "2026-09-01");
  RUN_OK (db, "Moved 新人甲 to region 华南 from 2026-11-01\n",
          "rep", "move", "新人甲", "--to", "华南", "--date", "2026-11-01");
  RUN_OK (db, "王五 leaves the team after 2026-12-31\n",
          "rep", "leave", "王五", "--date", "2026-12-31");
  RUN_OK (db,
          "No region\n"
          "  新人乙: from 2026-09-01\n"
          "华南\n"
          "  新人甲: from 2026-10-23\n"
          "  王五: from 2025-01-01 to 2026-12-31\n",
          "rep", "list");
  RUN_OK (db,
          "[\n"
          "  {\"id\": 1, \"name\": \"新人甲\", \"region\": \"华南\", \"hired_on\": \"2026-10-23\", "
          "\"left_on\": null, \"active\": true},\n"
          "  {\"id\": 2, \"name\": \"王五\", \"region\": \"华南\", \"hired_on\": \"2025-01-01\", "
          "\"left_on\": \"2026-12-31\", \"active\": false}\n"
          "]\n",
          "rep", "list", "--region", "华南", "--format", "json");
  /* On 31 October 新人甲 was still in 华东; now both are in 华南, one of them gone. */
  RUN_OK (db, "华东: 1 rep\n华南: 1 rep\n", "region", "list", "--on", "2026-10-31");
  RUN_OK (db, "华东: 0 reps\n华南: 1 rep\n", "region", "list");
  RUN_OK (db,
          "[\n  {\"id\": 1, \"name\": \"华东\", \"headcount\": 0},\n"
          "  {\"id\": 2, \"name\": \"华南\", \"headcount\": 1}\n]\n",
          "region", "list", "--on", "2027-01-01", "--format", "json");
  RUN_OK (db, "王五 is back on the team\n", "rep", "reactivate", "王五");

  /* 新人乙 was 新人甲 typed another way: the work log follows. */
  RUN_OK (db, "Added the entry of 新人乙 on 2026-10-26\n",
          "log-add", "--rep", "新人乙", "--date", "2026-10-26", "--prospects", "2");
  RUN_OK (db, "Merged 新人乙 into 新人甲\n", "rep", "merge", "新人乙", "新人甲");
  {
    g_autoptr(CliResult) r = run_cli (fixture, "log-export", "--file", db, "--from",
                                      "2026-10-01", "--to", "2026-10-31", "-", NULL);
    g_assert_cmpint (r->status, ==, 0);
    /* The region column is the rep's current one (what log-import matches). */
    g_assert_nonnull (strstr (r->out, "\r\n2026-10-26,新人甲,华南,5,0,0,0,0,0,0.00,"));
  }

  RUN_OK (db, "Renamed region 华东 to East\n", "region", "rename", "华东", "East");
  RUN_OK (db, "Added region 华北\n", "region", "add", "华北");
  RUN_OK (db, "Removed region 华北\n", "region", "remove", "华北");

  RUN_OK (db, "Added product 手机\n", "product", "add", "手机");
  RUN_OK (db, "Added product Laptop\n", "product", "add", "Laptop");
  RUN_OK (db, "Renamed product 手机 to Phone\n", "product", "rename", "手机", "Phone");
  RUN_OK (db, "Laptop: used 0 times\nPhone: used 0 times\n", "product", "list");
  RUN_OK (db, "Removed product Laptop\n", "product", "remove", "Laptop");
  RUN_OK (db, "[\n  {\"id\": 1, \"name\": \"Phone\", \"uses\": 0}\n]\n",
          "product", "list", "--format", "json");
  RUN_OK (db, "Added customer type 零售\n", "customer-type", "add", "零售");
  RUN_OK (db, "零售: used 0 times\n", "customer-type", "list");
  RUN_OK (db, "[]\n", "rep", "list", "--region", "East", "--format", "json");
}

/* A team whose 老王 has one open opportunity. */
static char *
make_team (Fixture *fixture)
{
  g_autofree char *db = make_workspace (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = NULL;
  gint64 east, wang, lead;

  RUN_OK (db, "Added region 华东\n", "region", "add", "华东");
  RUN_OK (db, "Added region 华南\n", "region", "add", "华南");
  RUN_OK (db, "Added rep 新人甲 to region 华东\n",
          "rep", "add", "新人甲", "--region", "华东", "--hired", "2026-10-23");
  RUN_OK (db, "Added rep 老王 to region 华东\n",
          "rep", "add", "老王", "--region", "华东", "--hired", "2024-03-01");
  RUN_OK (db, "Added product 手机\n", "product", "add", "手机");

  store = sp_store_open (db, &error);
  g_assert_no_error (error);
  east = sp_region_find_by_name (store, "华东", &error);
  wang = sp_rep_find_by_name (store, "老王", east, &error);
  g_assert_true (sp_opportunity_ensure_stages (store, &error));
  lead = sp_opportunity_find_stage (store, "Lead", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sp_opportunity_add (store, "大单", 0, wang, lead, 100000, "2026-09-01", NULL,
                                       &error), >, 0);
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static void
test_team_leave_handover (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *db = make_team (fixture);

  RUN_OK (db, "老王 leaves the team after 2026-11-30\n"
              "Handed 1 open opportunity over to 新人甲\n",
          "rep", "leave", "老王", "--date", "2026-11-30", "--handover", "新人甲");
  RUN_OK (db, "华东\n  新人甲: from 2026-10-23\n  老王: from 2024-03-01 to 2026-11-30\n",
          "rep", "list");
}

static void
test_team_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = make_team (fixture);
  g_autofree char *before = file_checksum (db);
  g_autofree char *before_hash = content_hash (db);
  g_autofree char *after = NULL;
  g_autofree char *after_hash = NULL;
  struct
  {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "rep", "add", "新人甲", "--region", "华东", NULL },
      "There is already a rep named “新人甲” in this region" },
    { { "rep", "add", "新人丙", "--region", "西北", NULL }, "There is no region named “西北”" },
    { { "rep", "add", " ", NULL }, "A rep needs a name" },
    { { "rep", "add", "新人丙", "--hired", "2026-13-01", NULL },
      "Invalid date “2026-13-01”: expected YYYY-MM-DD" },
    { { "rep", "add", NULL }, "Missing argument NAME for “rep add”" },
    { { "rep", "edit", "新人甲", NULL }, "Nothing to change: give --name or --hired" },
    { { "rep", "edit", "新人甲", "--name", "老王", NULL },
      "There is already a rep named “老王” in this region" },
    { { "rep", "edit", "老王", "--name", "新人甲", "--hired", "2024-01-01", NULL },
      "There is already a rep named “新人甲” in this region" },
    { { "rep", "edit", "老王", "--name", "老张", "--hired", "2024-02-30", NULL },
      "Invalid date “2024-02-30”: expected YYYY-MM-DD" },
    { { "rep", "leave", "新人甲", "--date", "2026-10-01", NULL },
      "“新人甲” cannot leave on 2026-10-01, before being hired on 2026-10-23" },
    { { "rep", "leave", "老王", "--date", "2026-12-31", NULL },
      "“老王” still has 1 open opportunity; name a rep to hand it over to" },
    { { "rep", "leave", "老王", "--date", "2026-12-31", "--handover", "小李", NULL },
      "There is no rep named “小李”" },
    { { "rep", "leave", "老王", NULL }, "Missing option --date" },
    { { "rep", "move", "新人甲", "--to", "华东", "--date", "2026-11-01", NULL },
      "“新人甲” is already in region “华东”" },
    { { "rep", "move", "新人甲", "--to", "华南", "--date", "2026-10-01", NULL },
      "“新人甲” cannot move on 2026-10-01, before being hired on 2026-10-23" },
    { { "rep", "move", "新人甲", "--to", "西北", "--date", "2026-11-01", NULL },
      "There is no region named “西北”" },
    { { "rep", "move", "新人甲", "--date", "2026-11-01", NULL }, "Missing option --to" },
    { { "rep", "reactivate", "新人甲", NULL }, "“新人甲” is still on the team" },
    { { "rep", "merge", "新人甲", "新人甲", NULL }, "“新人甲” cannot be merged into themselves" },
    { { "rep", "merge", "新人甲", NULL }, "Missing argument NAME INTO-NAME for “rep merge”" },
    { { "rep", "list", "--format", "xml", NULL }, "Unknown format “xml”: use “text” or “json”" },
    { { "rep", "frob", NULL },
      "Unknown action “frob” for “rep”; run “sales-planner-cli rep --help” for a list of actions" },
    { { "rep", NULL },
      "Missing action for “rep”; run “sales-planner-cli rep --help” for a list of actions" },
    { { "region", "add", "华南", NULL }, "There is already a region named “华南”" },
    { { "region", "rename", "华东", "华南", NULL }, "There is already a region named “华南”" },
    { { "region", "remove", "华东", NULL },
      "Region “华东” still has reps, or had some; move them to another region or merge them "
      "first" },
    { { "region", "remove", "西北", NULL }, "There is no region named “西北”" },
    { { "product", "add", " ", NULL }, "A product needs a name" },
    { { "product", "add", "手机", NULL }, "There is already a product named “手机”" },
    { { "product", "remove", "电脑", NULL }, "There is no product named “电脑”" },
    { { "customer-type", "rename", "批发", "零售", NULL }, "There is no customer type named “批发”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(CliResult) result = run_cli (fixture, "--file", db, a[0], a[1], a[2], a[3], a[4],
                                             a[5], a[6], a[7], NULL);

      const char *m = cases[i].message;
      /* What names nothing that exists, or is missing or unknown, is a usage error (2); what
       * the model refuses is a failure (1). */
      gboolean usage = g_str_has_prefix (m, "There is no ") || g_str_has_prefix (m, "Missing ")
                       || g_str_has_prefix (m, "Unknown ") || g_str_has_prefix (m, "Nothing to ");

      g_test_message ("case %u: %s %s", i, a[0], a[1] != NULL ? a[1] : "");
      assert_exited_with (result, usage ? 2 : 1, m);
    }
  after = file_checksum (db);
  after_hash = content_hash (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (before_hash, ==, after_hash);
}

/* The refusal of a leave without handover, in Chinese. */
static void
test_team_zh_cn (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *builddir = g_getenv ("SP_BUILD_ROOT");
  g_autofree char *localedir = g_build_filename (builddir, "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *env[] = { "LANGUAGE", "zh_CN", "SALES_PLANNER_LOCALEDIR", localedir, NULL };
  g_autoptr(CliResult) leave = NULL;
  g_autoptr(CliResult) region = NULL;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("po/zh_CN/LC_MESSAGES/" GETTEXT_PACKAGE ".mo is not built");
      return;
    }
  db = make_team (fixture);
  before = file_checksum (db);
  leave = run_cli_env (fixture, env, "rep", "leave", "老王", "--date", "2026-12-31", "--file",
                       db, NULL);
  assert_failed_with (leave, "“老王”还有 1 个未结商机；请指定接手的销售代表");
  region = run_cli_env (fixture, env, "region", "list", "--file", db, NULL);
  assert_succeeded_with (region, "华东：2 人\n华南：0 人\n");
  after = file_checksum (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_team_help (Fixture       *fixture,
                gconstpointer  data)
{
  const char *commands[][2] = {
    { "rep", "add" }, { "rep", "edit" }, { "rep", "move" }, { "rep", "leave" },
    { "rep", "reactivate" }, { "rep", "merge" }, { "rep", "list" }, { "region", "add" },
    { "region", "rename" }, { "region", "remove" }, { "region", "list" }, { "product", "add" },
    { "product", "rename" }, { "product", "remove" }, { "product", "list" },
    { "customer-type", "list" },
  };
  g_autoptr(CliResult) group = run_cli (fixture, "help", "rep", NULL);

  assert_succeeded_with (group, NULL);
  g_assert_true (g_str_has_prefix (group->out, "Usage:\n  sales-planner-cli rep ACTION [OPTION…]\n"));
  g_assert_nonnull (strstr (group->out, "\n  merge         Merge a rep imported twice into the "
                                        "other spelling\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CliResult) r = run_cli (fixture, commands[i][0], commands[i][1], "--help", NULL);
      g_autofree char *usage = g_strdup_printf ("Usage:\n  sales-planner-cli %s %s [OPTION…]",
                                                commands[i][0], commands[i][1]);

      assert_succeeded_with (r, NULL);
      g_assert_true (g_str_has_prefix (r->out, usage));
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

  ADD ("/cli/team/workflow", test_team_workflow);
  ADD ("/cli/team/leave-handover", test_team_leave_handover);
  ADD ("/cli/team/errors", test_team_errors);
  ADD ("/cli/team/help", test_team_help);
  ADD ("/cli/team/zh-cn", test_team_zh_cn);

#undef ADD

  return g_test_run ();
}
