/* test-board.c — ranking boards (战报) and good news (喜报): periods, ties, stars, empty periods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-board.h"
#include "sp-calendar.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

typedef struct
{
  char    *dir;
  char    *path;
  SpStore *store;
} Workspace;

/* 1 March 2026 is a Sunday. Targets of March: Ann 10000, Bob 20000, Cai 10000, Eve 20000,
 * Dan none; North 30000, South 30000. */
static const char base_sql[] =
  "INSERT INTO pipeline_stage (id, name, position, probability_pct, outcome) VALUES"
  " (1, 'Lead', 0, 10, 'open'), (5, 'Won', 1, 100, 'won'), (6, 'Lost', 2, 0, 'lost');"
  "INSERT INTO region (id, name, position) VALUES (1, 'North', 0), (2, 'South', 1);"
  "INSERT INTO rep (id, name, region_id) VALUES (1, 'Ann', 1), (2, 'Bob', 1),"
  " (3, 'Cai', 2), (4, 'Dan', 2), (5, 'Eve', 2);"
  "INSERT INTO plan (id, fiscal_year, team, target) VALUES (1, 2026, '', 1000000);"
  "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id, amount)"
  " VALUES (1, 'month', '2026-03-01', 'rep', 1, 10000), (1, 'month', '2026-03-01', 'rep', 2, 20000),"
  " (1, 'month', '2026-03-01', 'rep', 3, 10000), (1, 'month', '2026-03-01', 'rep', 5, 20000),"
  " (1, 'month', '2026-03-01', 'region', 1, 30000), (1, 'month', '2026-03-01', 'region', 2, 30000);"
  "INSERT INTO worklog_entry (rep_id, day, revenue) VALUES (1, '2026-03-02', 5000),"
  " (1, '2026-03-10', 5000), (2, '2026-03-03', 10000), (3, '2026-03-04', 5000),"
  " (5, '2026-03-05', 10000), (4, '2026-03-20', 300);"
  "INSERT INTO opportunity (rep_id, stage_id, amount, created_on, closed_on, title) VALUES"
  " (2, 5, 60000, '2026-01-10', '2026-03-12', 'Big deal'),"
  " (3, 5, 50000, '2026-01-10', '2026-03-15', 'Just the threshold'),"
  " (3, 5, 80000, '2026-01-10', '2026-04-02', 'April'),"
  " (4, 6, 90000, '2026-01-10', '2026-03-20', 'Lost');";

static void
workspace_open (Workspace *ws)
{
  g_autoptr(GError) error = NULL;

  ws->dir = sp_test_make_dir ();
  ws->path = g_build_filename (ws->dir, "workspace.db", NULL);
  ws->store = sp_store_open (ws->path, &error);
  g_assert_no_error (error);
}

static void
workspace_close (Workspace *ws)
{
  g_clear_object (&ws->store);
  sp_test_remove_tree (ws->dir);
  g_clear_pointer (&ws->dir, g_free);
  g_clear_pointer (&ws->path, g_free);
}

static void
exec_sql (Workspace  *ws,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_begin_edit (ws->store, "Test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (ws->store), sql, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (ws->store, &error));
}

static GDate
iso (const char *text)
{
  GDate date;

  g_assert_true (sp_date_parse_iso (text, &date));
  return date;
}

static void
assert_range (SpBoardPeriod period,
              const char   *day,
              GDateWeekday  week_start,
              GDateMonth    fiscal_start,
              const char   *from,
              const char   *to)
{
  GDate d = iso (day), f, t;
  g_autofree char *f_iso = NULL;
  g_autofree char *t_iso = NULL;

  sp_board_period_range (period, &d, week_start, fiscal_start, &f, &t);
  f_iso = sp_date_format_iso (&f);
  t_iso = sp_date_format_iso (&t);
  g_assert_cmpstr (f_iso, ==, from);
  g_assert_cmpstr (t_iso, ==, to);
}

static void
test_periods (void)
{
  assert_range (SP_BOARD_WEEK, "2026-03-04", G_DATE_MONDAY, 1, "2026-03-02", "2026-03-08");
  assert_range (SP_BOARD_WEEK, "2026-03-02", G_DATE_MONDAY, 1, "2026-03-02", "2026-03-08");
  assert_range (SP_BOARD_WEEK, "2026-03-01", G_DATE_MONDAY, 1, "2026-02-23", "2026-03-01");
  assert_range (SP_BOARD_WEEK, "2026-03-04", G_DATE_SUNDAY, 1, "2026-03-01", "2026-03-07");
  assert_range (SP_BOARD_MONTH, "2024-02-29", G_DATE_MONDAY, 1, "2024-02-01", "2024-02-29");
  assert_range (SP_BOARD_QUARTER, "2026-03-04", G_DATE_MONDAY, 1, "2026-01-01", "2026-03-31");
  assert_range (SP_BOARD_QUARTER, "2026-03-04", G_DATE_MONDAY, 4, "2026-01-01", "2026-03-31");
  assert_range (SP_BOARD_QUARTER, "2026-03-04", G_DATE_MONDAY, 2, "2026-02-01", "2026-04-30");
  assert_range (SP_BOARD_QUARTER, "2026-12-31", G_DATE_MONDAY, 2, "2026-11-01", "2027-01-31");
}

static void
assert_entry (GListModel *board,
              guint       i,
              guint       rank,
              const char *name,
              gint64      actual,
              gint64      target,
              gboolean    star)
{
  g_autoptr(SpBoardEntry) entry = g_list_model_get_item (board, i);

  g_assert_nonnull (entry);
  g_assert_cmpstr (sp_board_entry_get_name (entry), ==, name);
  g_assert_cmpuint (sp_board_entry_get_rank (entry), ==, rank);
  g_assert_cmpint (sp_board_entry_get_actual (entry), ==, actual);
  g_assert_cmpint (sp_board_entry_get_target (entry), ==, target);
  g_assert_cmpint (sp_board_entry_get_star (entry), ==, star);
}

static GListModel *
board (Workspace     *ws,
       SpBoardPeriod  period,
       SpBoardSubject subject,
       const char    *day)
{
  g_autoptr(GError) error = NULL;
  GDate d = iso (day), from, to;
  GListModel *model;

  sp_board_period_range_for_store (ws->store, period, &d, &from, &to);
  model = sp_board_get (ws->store, subject, &from, &to, &error);
  g_assert_no_error (error);
  return model;
}

static void
test_boards (void)
{
  Workspace ws = { 0, };
  GListModel *model;

  workspace_open (&ws);
  exec_sql (&ws, base_sql);

  /* March: Ann 100 %; Bob and Eve 50 % with 10000 tie (rank 2, by name); Cai 50 % with
   * less; Dan has no target. */
  model = board (&ws, SP_BOARD_MONTH, SP_BOARD_REPS, "2026-03-18");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_entry (model, 0, 1, "Ann", 10000, 10000, TRUE);
  assert_entry (model, 1, 2, "Bob", 10000, 20000, FALSE);
  assert_entry (model, 2, 2, "Eve", 10000, 20000, FALSE);
  assert_entry (model, 3, 4, "Cai", 5000, 10000, FALSE);
  assert_entry (model, 4, 5, "Dan", 300, 0, FALSE);
  g_object_unref (model);

  /* The week of Monday 2 March: targets 7/31 of March (10000 → 2258, 20000 → 4516);
   * 5000/2258 = 10000/4516 exactly, so the tie goes by amount, then by name: two stars. */
  model = board (&ws, SP_BOARD_WEEK, SP_BOARD_REPS, "2026-03-04");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_entry (model, 0, 1, "Bob", 10000, 4516, TRUE);
  assert_entry (model, 1, 1, "Eve", 10000, 4516, TRUE);
  assert_entry (model, 2, 3, "Ann", 5000, 2258, FALSE);
  assert_entry (model, 3, 3, "Cai", 5000, 2258, FALSE);
  assert_entry (model, 4, 5, "Dan", 0, 0, FALSE);
  g_object_unref (model);

  /* Teams: North 20000/30000, South 15300/30000. */
  model = board (&ws, SP_BOARD_MONTH, SP_BOARD_REGIONS, "2026-03-01");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  assert_entry (model, 0, 1, "North", 20000, 30000, TRUE);
  assert_entry (model, 1, 2, "South", 15300, 30000, FALSE);
  g_object_unref (model);

  /* The quarter holds March only. */
  model = board (&ws, SP_BOARD_QUARTER, SP_BOARD_REGIONS, "2026-02-01");
  assert_entry (model, 0, 1, "North", 20000, 30000, TRUE);
  g_object_unref (model);

  /* An empty period: everyone at 0 without a target, one shared rank, no star. */
  model = board (&ws, SP_BOARD_MONTH, SP_BOARD_REPS, "2030-01-15");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  assert_entry (model, 0, 1, "Ann", 0, 0, FALSE);
  assert_entry (model, 4, 1, "Eve", 0, 0, FALSE);
  g_object_unref (model);
  model = board (&ws, SP_BOARD_WEEK, SP_BOARD_REGIONS, "2030-01-15");
  assert_entry (model, 0, 1, "North", 0, 0, FALSE);
  assert_entry (model, 1, 1, "South", 0, 0, FALSE);
  g_object_unref (model);

  /* A week starting on Sunday (1 March .. 7 March) holds the same days here. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sp_store_begin_edit (ws.store, "Test", &error));
    g_assert_true (sp_store_set_setting (ws.store, "week-start", "7", &error));
    g_assert_true (sp_store_commit_edit (ws.store, &error));
    model = board (&ws, SP_BOARD_WEEK, SP_BOARD_REPS, "2026-03-08");
    /* 8 March is a Sunday: its week is 8 .. 14 March, where only Ann's 10 March counts. */
    assert_entry (model, 0, 1, "Ann", 5000, 2258, TRUE);
    g_object_unref (model);
  }
  workspace_close (&ws);

  /* No reps, no regions: empty lists. */
  workspace_open (&ws);
  model = board (&ws, SP_BOARD_WEEK, SP_BOARD_REPS, "2026-03-04");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_object_unref (model);
  model = board (&ws, SP_BOARD_QUARTER, SP_BOARD_REGIONS, "2026-03-04");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_object_unref (model);
  workspace_close (&ws);
}

static void
test_good_news (void)
{
  Workspace ws = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) news = NULL;
  g_autoptr(SpGoodNews) first = NULL;
  g_autoptr(SpGoodNews) second = NULL;
  GDate from = iso ("2026-03-01"), to = iso ("2026-03-31");

  workspace_open (&ws);
  exec_sql (&ws, base_sql);
  /* Deals strictly above 50000: the 60000 one (the 50000 one is not above); Ann reaches
   * 10000 on 10 March. */
  news = sp_good_news_list (ws.store, &from, &to, 50000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (news), ==, 2);
  first = g_list_model_get_item (news, 0);
  second = g_list_model_get_item (news, 1);
  g_assert_cmpint (sp_good_news_get_kind (first), ==, SP_GOOD_NEWS_TARGET_REACHED);
  g_assert_cmpstr (sp_good_news_get_day (first), ==, "2026-03-10");
  g_assert_cmpstr (sp_good_news_get_rep_name (first), ==, "Ann");
  g_assert_cmpint (sp_good_news_get_amount (first), ==, 10000);
  g_assert_cmpint (sp_good_news_get_kind (second), ==, SP_GOOD_NEWS_DEAL_WON);
  g_assert_cmpstr (sp_good_news_get_day (second), ==, "2026-03-12");
  g_assert_cmpstr (sp_good_news_get_rep_name (second), ==, "Bob");
  g_assert_cmpint (sp_good_news_get_amount (second), ==, 60000);
  g_assert_cmpstr (sp_good_news_get_title (second), ==, "Big deal");
  g_clear_object (&news);

  /* The week of 2 March: targets are 7/31 of March. */
  from = iso ("2026-03-02");
  to = iso ("2026-03-08");
  news = sp_good_news_list (ws.store, &from, &to, 0, &error);
  g_assert_no_error (error);
  /* Every rep with a target passes 100 % that week, each on their first day. */
  g_assert_cmpuint (g_list_model_get_n_items (news), ==, 4);
  g_clear_object (&first);
  first = g_list_model_get_item (news, 0);
  g_assert_cmpstr (sp_good_news_get_day (first), ==, "2026-03-02");
  g_assert_cmpstr (sp_good_news_get_rep_name (first), ==, "Ann");
  workspace_close (&ws);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/board/periods", test_periods);
  g_test_add_func ("/board/boards", test_boards);
  g_test_add_func ("/board/good-news", test_good_news);
  return g_test_run ();
}
