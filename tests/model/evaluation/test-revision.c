/* test-revision.c — target revision (目标修正): re-spread, history, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-allocation.h"
#include "sp-calendar.h"
#include "sp-revision.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

/* Jan .. Dec, 1,200,000 in all. */
static const gint64 baseline[12] = {
  80000, 90000, 100000, 100000, 100000, 100000, 100000, 100000, 100000, 100000, 110000, 120000,
};

/* Revised to 1,300,000 after March: Jan–Mar keep 270000; 1,030,000 over Apr–Dec by
 * 100000 × 7, 110000, 120000 (930000): floors 110752 × 7, 121827, 132903 leave 6 units, to
 * the largest remainders: Nov (890000), then Apr–Aug (640000 each, earlier first). */
static const gint64 revised[12] = {
  80000, 90000, 100000, 110753, 110753, 110753, 110753, 110753, 110752, 110752, 121828, 132903,
};

static void
test_respread (void)
{
  g_autoptr(GError) error = NULL;
  gint64 out[12], sum = 0;

  g_assert_true (sp_revision_respread (1300000, baseline, NULL, 12, 3, out, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 12; i++)
    {
      g_assert_cmpint (out[i], ==, revised[i]);
      sum += out[i];
    }
  g_assert_cmpint (sum, ==, 1300000);

  /* Nothing ended: the whole new total by the baseline's shape (×1.5 exactly). */
  g_assert_true (sp_revision_respread (1800000, baseline, NULL, 12, 0, out, &error));
  g_assert_cmpint (out[0], ==, 120000);
  g_assert_cmpint (out[11], ==, 180000);

  /* Lower than what has ended: refused, @out untouched. */
  out[0] = -1;
  g_assert_false (sp_revision_respread (200000, baseline, NULL, 12, 3, out, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED);
  g_assert_cmpint (out[0], ==, -1);
}

static void
test_store (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GArray) base = NULL;
  g_autoptr(GArray) rev = NULL;
  GString *sql = g_string_new ("INSERT INTO plan (id, fiscal_year, team, target)"
                               " VALUES (1, 2026, '', 1200000);");
  guint n_ended = 99;
  GDate day;
  gint64 id;

  for (guint m = 0; m < 12; m++)
    g_string_append_printf (sql, "INSERT INTO breakdown_cell (plan_id, period_kind,"
                            " period_start, dimension, member_id, amount) VALUES (1, 'month',"
                            " '2026-%02u-01', 'team', 0, %" G_GINT64_FORMAT ");", m + 1,
                            baseline[m]);
  g_assert_true (sp_store_begin_edit (store, "Test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store), sql->str, &error));
  g_assert_true (sp_store_commit_edit (store, &error));
  g_string_free (sql, TRUE);

  /* No revision: revised = baseline. */
  g_assert_true (sp_revision_month_targets (store, 1, &base, &rev, &n_ended, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ended, ==, 0);
  g_assert_cmpint (g_array_index (rev, gint64, 3), ==, 100000);
  g_clear_pointer (&base, g_array_unref);
  g_clear_pointer (&rev, g_array_unref);

  /* 15 April: Jan–Mar have ended. */
  g_assert_true (sp_date_parse_iso ("2026-04-15", &day));
  id = sp_revision_add (store, 1, &day, "大客户提前下单", 1300000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* 31 March recorded later: March has not ended on its own last day; the 15 April
   * revision stays the current one (the latest by date). */
  g_assert_true (sp_date_parse_iso ("2026-03-31", &day));
  g_assert_cmpint (sp_revision_add (store, 1, &day, "Q1 review", 1250000, &error), >, 0);
  /* Below the ended months: refused, nothing recorded. */
  g_assert_cmpint (sp_revision_add (store, 1, &day, "too low", 100000, &error), ==, 0);
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED);
  g_clear_error (&error);

  list = sp_revision_list (store, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(SpRevision) first = g_list_model_get_item (list, 0);
    g_autoptr(SpRevision) second = g_list_model_get_item (list, 1);

    g_assert_cmpstr (sp_revision_get_day (first), ==, "2026-03-31");
    g_assert_cmpint (sp_revision_get_amount (first), ==, 1250000);
    g_assert_cmpstr (sp_revision_get_day (second), ==, "2026-04-15");
    g_assert_cmpstr (sp_revision_get_reason (second), ==, "大客户提前下单");
  }
  g_clear_object (&list);

  g_assert_true (sp_revision_month_targets (store, 1, &base, &rev, &n_ended, &error));
  g_assert_cmpuint (n_ended, ==, 3);
  for (guint i = 0; i < 12; i++)
    {
      g_assert_cmpint (g_array_index (base, gint64, i), ==, baseline[i]);
      g_assert_cmpint (g_array_index (rev, gint64, i), ==, revised[i]);
    }
  g_clear_pointer (&base, g_array_unref);
  g_clear_pointer (&rev, g_array_unref);

  /* Undo both: no revision, baseline again; the plan's target never changed. */
  g_assert_true (sp_store_undo (store, &error));
  g_assert_true (sp_store_undo (store, &error));
  list = sp_revision_list (store, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_true (sp_revision_month_targets (store, 1, &base, &rev, &n_ended, &error));
  g_assert_cmpint (g_array_index (rev, gint64, 11), ==, 120000);

  /* No such plan. */
  g_assert_cmpint (sp_revision_add (store, 7, &day, "", 1, &error), ==, 0);
  g_assert_nonnull (error);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/revision/respread", test_respread);
  g_test_add_func ("/revision/store", test_store);
  return g_test_run ();
}
