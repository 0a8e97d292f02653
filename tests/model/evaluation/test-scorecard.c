/* test-scorecard.c — the scorecard (绩效考核): weights, the cap, exact totals, a rep's card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-calendar.h"
#include "sp-scorecard.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

static SpRate
rate (gint64 num,
      gint64 den)
{
  SpRate r = { num, den };
  return r;
}

static void
test_weights (void)
{
  g_autoptr(GError) error = NULL;
  const gint64 good[] = { 5000, 3000, 2000 };
  const gint64 short_[] = { 5000, 3000, 1999 };
  const gint64 negative[] = { 12000, -2000 };

  g_assert_true (sp_scorecard_check_weights (good, 3, &error));
  g_assert_no_error (error);
  g_assert_false (sp_scorecard_check_weights (short_, 3, &error));
  g_assert_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "99.99"));
  g_clear_error (&error);
  g_assert_false (sp_scorecard_check_weights (negative, 2, &error));
  g_assert_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID);
}

static void
test_scores (void)
{
  g_autoptr(GError) error = NULL;
  SpScoreLine lines[3] = { { 0, } };
  gint64 total = -1;

  /* 95 % → 95.0; 2/3 → 66.7; the cap: 150 % → 120.0; exactly the cap → 120.0. */
  g_assert_cmpint (sp_scorecard_score_tenths (rate (95, 100), 12000), ==, 950);
  g_assert_cmpint (sp_scorecard_score_tenths (rate (2, 3), 12000), ==, 667);
  g_assert_cmpint (sp_scorecard_score_tenths (rate (3, 2), 12000), ==, 1200);
  g_assert_cmpint (sp_scorecard_score_tenths (rate (6, 5), 12000), ==, 1200);
  g_assert_cmpint (sp_scorecard_score_tenths (rate (3, 2), 15000), ==, 1500);
  g_assert_cmpint (sp_scorecard_score_tenths (rate (0, 0), 12000), ==, 0);
  g_assert_cmpint (sp_scorecard_score_tenths (rate (-5, 10), 12000), ==, 0);

  /* 50 % × 150 % (capped at 120) + 30 % × 2/3 + 20 % × 0.25 =
   * 60 + 20 + 5 = 85.0 exactly. */
  lines[0].weight_bp = 5000; lines[0].attainment = rate (3, 2);
  lines[1].weight_bp = 3000; lines[1].attainment = rate (2, 3);
  lines[2].weight_bp = 2000; lines[2].attainment = rate (1, 4);
  g_assert_true (sp_scorecard_total_tenths (lines, 3, 12000, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 850);

  /* Rounded once, half away from zero: 1/3 × 100 % × 1/3 = 11.11 → 11.1; weights 1/3 each
   * of 1/3 would not sum, so: 33.33 % × 1/3 + 66.67 % × 1/6 = 11.11 + 11.1116… = 22.2227 → 22.2 */
  lines[0].weight_bp = 3333; lines[0].attainment = rate (1, 3);
  lines[1].weight_bp = 6667; lines[1].attainment = rate (1, 6);
  g_assert_true (sp_scorecard_total_tenths (lines, 2, 12000, &total, &error));
  g_assert_cmpint (total, ==, 222);
  /* A half exactly: 100 % × 0.0005 → 0.05 → 0.1. */
  lines[0].weight_bp = 10000; lines[0].attainment = rate (5, 10000);
  g_assert_true (sp_scorecard_total_tenths (lines, 1, 12000, &total, &error));
  g_assert_cmpint (total, ==, 1);
  lines[0].attainment = rate (4, 10000);
  g_assert_true (sp_scorecard_total_tenths (lines, 1, 12000, &total, &error));
  g_assert_cmpint (total, ==, 0);
}

static void
test_rep_card (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  SpScorecardConfig config = { { 0, }, };
  SpScorecard card;
  GDate from, to;

  g_assert_no_error (error);
  g_assert_true (sp_store_begin_edit (store, "Test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store),
    "INSERT INTO rep (id, name) VALUES (1, 'Ann');"
    "INSERT INTO plan (id, fiscal_year, team, target) VALUES (1, 2026, '', 1000000);"
    "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id, amount)"
    " VALUES (1, 'month', '2026-03-01', 'rep', 1, 10000), (1, 'month', '2026-04-01', 'rep', 1, 10000);"
    "INSERT INTO worklog_entry (rep_id, day, revenue, new_customers, orders, collected,"
    " prospects, appointments) VALUES (1, '2026-03-02', 15000, 3, 4, 7000, 30, 10),"
    " (1, '2026-04-20', 10000, 1, 2, 5000, 20, 0);", &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (store, &error));

  /* Weights that do not add up are refused and nothing changes. */
  config.weight_bp[SP_INDICATOR_REVENUE] = 5000;
  config.weight_bp[SP_INDICATOR_NEW_CUSTOMERS] = 4000;
  config.cap_bp = 12000;
  g_assert_false (sp_scorecard_set_config (store, &config, &error));
  g_assert_error (error, SP_EVALUATION_ERROR, SP_EVALUATION_ERROR_INVALID);
  g_clear_error (&error);

  config.weight_bp[SP_INDICATOR_ORDERS] = 1000;
  config.monthly_target[SP_INDICATOR_NEW_CUSTOMERS] = 3;
  config.monthly_target[SP_INDICATOR_ORDERS] = 4;
  g_assert_true (sp_scorecard_set_config (store, &config, &error));
  g_assert_no_error (error);

  /* March and April: revenue 25000/20000 = 125 % → 120; new customers 4/6 → 66.7;
   * orders 6/8 → 75. Total 0.5 × 120 + 0.4 × 66.67 + 0.1 × 75 = 60 + 26.667 + 7.5 = 94.2. */
  g_assert_true (sp_date_parse_iso ("2026-03-01", &from));
  g_assert_true (sp_date_parse_iso ("2026-04-30", &to));
  g_assert_true (sp_scorecard_evaluate (store, 1, &from, &to, &card, &error));
  g_assert_no_error (error);
  g_assert_cmpint (card.lines[SP_INDICATOR_REVENUE].actual, ==, 25000);
  g_assert_cmpint (card.lines[SP_INDICATOR_REVENUE].target, ==, 20000);
  g_assert_cmpint (card.lines[SP_INDICATOR_REVENUE].score_tenths, ==, 1200);
  g_assert_cmpint (card.lines[SP_INDICATOR_NEW_CUSTOMERS].target, ==, 6);
  g_assert_cmpint (card.lines[SP_INDICATOR_NEW_CUSTOMERS].score_tenths, ==, 667);
  g_assert_cmpint (card.lines[SP_INDICATOR_ORDERS].score_tenths, ==, 750);
  g_assert_cmpint (card.lines[SP_INDICATOR_COLLECTION].actual, ==, 12000);
  g_assert_cmpint (card.lines[SP_INDICATOR_ACTIVITY].actual, ==, 60);
  g_assert_cmpint (card.total_tenths, ==, 942);

  /* Undo restores the previous configuration (the default). */
  g_assert_true (sp_store_undo (store, &error));
  g_assert_true (sp_scorecard_get_config (store, &config, &error));
  g_assert_cmpint (config.weight_bp[SP_INDICATOR_REVENUE], ==, 10000);
  g_assert_cmpint (config.weight_bp[SP_INDICATOR_ORDERS], ==, 0);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scorecard/weights", test_weights);
  g_test_add_func ("/scorecard/scores", test_scores);
  g_test_add_func ("/scorecard/rep", test_rep_card);
  return g_test_run ();
}
