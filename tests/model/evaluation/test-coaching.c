/* test-coaching.c — weakest stage (ties), coaching records, effect before/after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-calendar.h"
#include "sp-coaching.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

#define R(n, d) { n, d }

static void
test_weakest (void)
{
  const SpRate rep_tie[] = { R (1, 2), R (1, 4), R (1, 2), R (1, 3) };
  const SpRate team_tie[] = { R (3, 4), R (1, 2), R (1, 2), R (1, 3) };
  const SpRate rep[] = { R (1, 2), R (1, 5), R (0, 0), R (1, 10) };
  const SpRate team[] = { R (3, 4), R (1, 2), R (9, 10), R (5, 5) };
  const SpRate better[] = { R (4, 4), R (1, 1), R (1, 1), R (1, 1) };

  /* Shortfalls 1/4, 1/4, 0, 0: the tie goes to the earlier stage. */
  g_assert_cmpint (sp_coaching_weakest_stage (rep_tie, team_tie, 4), ==, 0);
  /* 1/4, 3/10, (undefined), 9/10: the last. */
  g_assert_cmpint (sp_coaching_weakest_stage (rep, team, 4), ==, 3);
  g_assert_cmpint (sp_coaching_weakest_stage (rep, team, 3), ==, 1);
  /* No shortfall anywhere. */
  g_assert_cmpint (sp_coaching_weakest_stage (better, team_tie, 4), ==, -1);
  g_assert_cmpint (sp_coaching_weakest_stage (rep_tie, rep_tie, 4), ==, -1);
}

static void
test_records_and_effect (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autoptr(GListModel) list = NULL;
  const char *talk[] = { "邀约成功率低", "话术演练", "主管陪访", "两周内邀约率到 40%" };
  SpPesosStep steps[SP_PESOS_N_STEPS] = {
    { "2026-03-15", "准备话术" }, { "2026-03-16", "讲解" }, { NULL, "" }, { NULL, "" },
    { NULL, "" },
  };
  SpDiagnosis diagnosis;
  SpRate before, after;
  GDate day, from, to;

  g_assert_true (sp_store_begin_edit (store, "Test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store),
    "INSERT INTO rep (id, name) VALUES (1, 'Ann'), (2, 'Bob');"
    "INSERT INTO worklog_entry (rep_id, day, prospects, appointments, presentations, objections,"
    " closes) VALUES (1, '2026-02-13', 10, 2, 0, 0, 0), (1, '2026-02-12', 50, 50, 0, 0, 0),"
    " (1, '2026-03-15', 100, 100, 0, 0, 0), (1, '2026-04-14', 10, 5, 5, 1, 1),"
    " (1, '2026-04-15', 50, 0, 0, 0, 0), (2, '2026-04-02', 10, 8, 4, 4, 1);", &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (store, &error));

  /* April: Ann 10, 5, 5, 1, 1; team 20, 13, 9, 5, 2. Shortfalls 13/20 − 1/2 = 0.15,
   * 9/13 − 1 < 0, 5/9 − 1/5 ≈ 0.356, 2/5 − 1 < 0: presentation → objection handled. */
  g_assert_true (sp_date_parse_iso ("2026-04-01", &from));
  g_assert_true (sp_date_parse_iso ("2026-04-30", &to));
  g_assert_true (sp_coaching_diagnose (store, 1, &from, &to, &diagnosis, &error));
  g_assert_no_error (error);
  g_assert_cmpint (diagnosis.rep[2].num, ==, 1);
  g_assert_cmpint (diagnosis.rep[2].den, ==, 5);
  g_assert_cmpint (diagnosis.team[2].num, ==, 5);
  g_assert_cmpint (diagnosis.team[2].den, ==, 9);
  g_assert_cmpint (diagnosis.weakest, ==, 2);

  /* Coaching on 15 March: before = 13 Feb .. 14 Mar (2/10; 12 Feb is outside), after =
   * 16 Mar .. 14 Apr (5/10; the day itself and 15 April are outside). */
  g_assert_true (sp_date_parse_iso ("2026-03-15", &day));
  g_assert_true (sp_coaching_effect (store, 1, "appointments", &day, &before, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (before.num, ==, 2);
  g_assert_cmpint (before.den, ==, 10);
  g_assert_cmpint (after.num, ==, 5);
  g_assert_cmpint (after.den, ==, 10);
  /* Prospecting has no conversion rate. */
  g_assert_true (sp_coaching_effect (store, 1, "prospects", &day, &before, &after, &error));
  g_assert_cmpint (before.den, ==, 0);
  g_assert_false (sp_coaching_effect (store, 1, "golf", &day, &before, &after, &error));
  g_assert_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sp_coaching_add (store, 1, "appointments", SP_COACHING_TALK, &day, talk,
                                    NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sp_coaching_add (store, 1, "stage:3", SP_COACHING_PESOS, &day, NULL,
                                    steps, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (sp_coaching_add (store, 1, "stage:x", SP_COACHING_PESOS, &day, NULL,
                                    NULL, &error), ==, 0);
  g_clear_error (&error);

  list = sp_coaching_list (store, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(SpCoachingRecord) a = g_list_model_get_item (list, 0);
    g_autoptr(SpCoachingRecord) b = g_list_model_get_item (list, 1);

    g_assert_cmpint (sp_coaching_record_get_kind (a), ==, SP_COACHING_TALK);
    g_assert_cmpstr (sp_coaching_record_get_talk (a, 3), ==, "两周内邀约率到 40%");
    g_assert_cmpstr (sp_coaching_record_get_skill (b), ==, "stage:3");
    g_assert_cmpstr (sp_coaching_record_get_step (b, 1)->day, ==, "2026-03-16");
    g_assert_cmpstr (sp_coaching_record_get_step (b, 0)->note, ==, "准备话术");
    g_assert_null (sp_coaching_record_get_step (b, 2)->day);
  }
  g_clear_object (&list);
  list = sp_coaching_list (store, 2, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  /* Undo removes the record with its steps. */
  g_assert_true (sp_store_undo (store, &error));
  list = sp_coaching_list (store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/coaching/weakest", test_weakest);
  g_test_add_func ("/coaching/records", test_records_and_effect);
  return g_test_run ();
}
