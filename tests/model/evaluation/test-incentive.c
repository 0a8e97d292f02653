/* test-incentive.c — incentives (激励): bracket edges, rounding, new products, team awards,
 * below-target runs, the store's preview and its CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-calendar.h"
#include "sp-incentive.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

/* Plan 1,000,000 / sprint 1,200,000 / challenge 1,500,000. */
static const SpBonusBracket brackets[] = {
  { SP_TIER_BASE, 8000, 100, 0 },          /* 80 % of base: 1 % */
  { SP_TIER_BASE, 10000, 200, 0 },         /* base reached: 2 % */
  { SP_TIER_SPRINT, 10000, 300, 50000 },   /* sprint reached: 3 % + 500.00 */
  { SP_TIER_CHALLENGE, 10000, 0, 200000 }, /* challenge reached: 2000.00 */
};

static SpIncentiveRules
rules (void)
{
  static const gint64 awards[] = { 100000, 50000 };
  SpIncentiveRules r = {
    brackets, G_N_ELEMENTS (brackets), 1000000, 1200000, 1500000, 500, awards, 2,
  };
  return r;
}

static SpPayoutLine
line_of (gint64 actual,
         gint64 target,
         gint64 new_product)
{
  SpIncentiveRules r = rules ();
  SpPayoutLine line;

  sp_incentive_compute_line (&r, 1, "Ann", actual, target, new_product, &line);
  sp_payout_line_clear (&line);
  return line;
}

static void
test_brackets (void)
{
  SpIncentiveRules r = rules ();
  SpPayoutLine line;

  g_assert_cmpint (sp_incentive_find_bracket (&r, 79999, 100000), ==, -1);
  g_assert_cmpint (sp_incentive_find_bracket (&r, 80000, 100000), ==, 0);
  g_assert_cmpint (sp_incentive_find_bracket (&r, 99999, 100000), ==, 0);
  /* Exactly 100 %. */
  g_assert_cmpint (sp_incentive_find_bracket (&r, 100000, 100000), ==, 1);
  g_assert_cmpint (sp_incentive_find_bracket (&r, 119999, 100000), ==, 1);
  /* Exactly the sprint tier: 100000 × 1.2. */
  g_assert_cmpint (sp_incentive_find_bracket (&r, 120000, 100000), ==, 2);
  g_assert_cmpint (sp_incentive_find_bracket (&r, 149999, 100000), ==, 2);
  g_assert_cmpint (sp_incentive_find_bracket (&r, 150000, 100000), ==, 3);
  /* A tier that is not a whole amount: 33333 × 1.2 = 39999.6. */
  g_assert_cmpint (sp_incentive_find_bracket (&r, 39999, 33333), ==, 1);
  g_assert_cmpint (sp_incentive_find_bracket (&r, 40000, 33333), ==, 2);
  /* No target, no bracket. */
  g_assert_cmpint (sp_incentive_find_bracket (&r, 500000, 0), ==, -1);

  line = line_of (79999, 100000, 0);
  g_assert_cmpint (line.attainment_bonus, ==, 0);
  line = line_of (80000, 100000, 0);
  g_assert_cmpint (line.attainment_bonus, ==, 800);
  line = line_of (100000, 100000, 0);
  g_assert_cmpint (line.attainment_bonus, ==, 2000);
  /* 2 % of 119999 = 2399.98 → 2400; 1 % of 80050 = 800.5 → 801 (half away from zero). */
  line = line_of (119999, 100000, 0);
  g_assert_cmpint (line.attainment_bonus, ==, 2400);
  line = line_of (80050, 100000, 0);
  g_assert_cmpint (line.attainment_bonus, ==, 801);
  line = line_of (120000, 100000, 0);
  g_assert_cmpint (line.attainment_bonus, ==, 3600 + 50000);
  line = line_of (150000, 100000, 0);
  g_assert_cmpint (line.attainment_bonus, ==, 200000);
  g_assert_cmpint (line.bracket, ==, 3);

  /* New products at 5 %: 12345 → 617.25 → 617; 12350 → 617.5 → 618. */
  line = line_of (0, 100000, 12345);
  g_assert_cmpint (line.new_product_award, ==, 617);
  g_assert_cmpint (line.total, ==, 617);
  line = line_of (100000, 100000, 12350);
  g_assert_cmpint (line.new_product_award, ==, 618);
  g_assert_cmpint (line.total, ==, 2000 + 618);
}

#define R(n, d) { n, d }

static void
test_below_runs (void)
{
  const SpRate three_below[] = { R (90, 100), R (50, 100), R (79, 100), R (7999, 10000) };
  const SpRate broken[] = { R (50, 100), R (50, 100), R (0, 0), R (50, 100) };
  const SpRate edge[] = { R (50, 100), R (80, 100), R (50, 100) };
  guint first = 99, length = 99;

  /* Below 80 % for 3 periods (1, 2, 3): listed with N = 3 and N = 2 (the latest run). */
  g_assert_true (sp_incentive_find_below_run (three_below, 4, 8000, 3, &first, &length));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (length, ==, 3);
  g_assert_false (sp_incentive_find_below_run (three_below, 4, 8000, 4, &first, &length));
  g_assert_true (sp_incentive_find_below_run (three_below, 4, 8000, 2, &first, &length));
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (length, ==, 3);
  /* A period without a target breaks the run: N − 1 = 2 yes, N = 3 no. */
  g_assert_true (sp_incentive_find_below_run (broken, 4, 8000, 2, &first, &length));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (length, ==, 2);
  g_assert_false (sp_incentive_find_below_run (broken, 4, 8000, 3, &first, &length));
  /* Exactly 80 % is not below. */
  g_assert_false (sp_incentive_find_below_run (edge, 3, 8000, 2, &first, &length));
}

static void
test_preview (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) awards = NULL;
  g_autofree char *csv = NULL;
  SpIncentiveRules r = rules ();
  const gint64 products[] = { 2 };
  GDate from, to;

  g_assert_true (sp_store_begin_edit (store, "Test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store),
    "INSERT INTO pipeline_stage (id, name, position, probability_pct, outcome) VALUES"
    " (5, 'Won', 0, 100, 'won');"
    "INSERT INTO product (id, name) VALUES (1, 'Old'), (2, 'New');"
    "INSERT INTO region (id, name, position) VALUES (1, 'North', 0), (2, 'South', 1),"
    " (3, 'West', 2);"
    "INSERT INTO rep (id, name, region_id) VALUES (1, 'Ann', 1), (2, 'Bob', 2), (3, 'Cai', 3);"
    "INSERT INTO plan (id, fiscal_year, team, target, sprint, challenge)"
    " VALUES (1, 2026, '', 1000000, 1200000, 1500000);"
    "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id, amount)"
    " VALUES (1, 'month', '2026-03-01', 'rep', 1, 100000), (1, 'month', '2026-03-01', 'rep', 2, 100000),"
    " (1, 'month', '2026-03-01', 'region', 1, 100000), (1, 'month', '2026-03-01', 'region', 2, 100000),"
    " (1, 'month', '2026-03-01', 'region', 3, 100000);"
    "INSERT INTO worklog_entry (rep_id, day, revenue) VALUES (1, '2026-03-02', 120000),"
    " (2, '2026-03-03', 100000), (3, '2026-03-04', 100000);"
    "INSERT INTO opportunity (rep_id, product_id, stage_id, amount, created_on, closed_on) VALUES"
    " (1, 2, 5, 12345, '2026-01-01', '2026-03-05'), (1, 1, 5, 99999, '2026-01-01', '2026-03-05'),"
    " (2, 2, 5, 5, '2026-01-01', '2026-04-01');", &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (store, &error));

  g_assert_true (sp_date_parse_iso ("2026-03-01", &from));
  g_assert_true (sp_date_parse_iso ("2026-03-31", &to));
  r.plan_target = r.plan_sprint = r.plan_challenge = 0;
  g_assert_true (sp_incentive_rules_set_plan (store, &from, &r, &error));
  g_assert_cmpint (r.plan_sprint, ==, 1200000);

  lines = sp_incentive_preview (store, &r, &from, &to, products, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);
  /* Ann: exactly the sprint tier (3 % of 120000 + 50000) and 5 % of 12345 → 617. */
  g_assert_cmpstr (g_array_index (lines, SpPayoutLine, 0).name, ==, "Ann");
  g_assert_cmpint (g_array_index (lines, SpPayoutLine, 0).attainment_bonus, ==, 53600);
  g_assert_cmpint (g_array_index (lines, SpPayoutLine, 0).new_product_award, ==, 617);
  g_assert_cmpint (g_array_index (lines, SpPayoutLine, 0).total, ==, 54217);
  /* Bob: exactly 100 %; his new-product deal closed in April. */
  g_assert_cmpstr (g_array_index (lines, SpPayoutLine, 1).name, ==, "Bob");
  g_assert_cmpint (g_array_index (lines, SpPayoutLine, 1).total, ==, 2000);
  /* Cai has no target. */
  g_assert_cmpint (g_array_index (lines, SpPayoutLine, 2).bracket, ==, -1);
  g_assert_cmpint (g_array_index (lines, SpPayoutLine, 2).total, ==, 0);

  csv = sp_incentive_preview_to_csv (lines, 2);
  g_assert_cmpstr (csv, ==,
    "\xef\xbb\xbfRep,Actual,Target,Bracket,Attainment bonus,New-product revenue,"
    "New-product award,Total\r\n"
    "Ann,1200.00,1000.00,3,536.00,123.45,6.17,542.17\r\n"
    "Bob,1000.00,1000.00,2,20.00,0.00,0.00,20.00\r\n"
    "Cai,1000.00,0.00,,0.00,0.00,0.00,0.00\r\n"
    "Total,3200.00,,,556.00,123.45,6.17,562.17\r\n");

  /* Regions: North 120 %, South and West tie at 100 % with equal amounts: both rank 2 and
   * both get the second award. */
  awards = sp_incentive_region_awards (store, &r, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awards->len, ==, 3);
  g_assert_cmpstr (g_array_index (awards, SpRegionAward, 0).name, ==, "North");
  g_assert_cmpint (g_array_index (awards, SpRegionAward, 0).amount, ==, 100000);
  g_assert_cmpstr (g_array_index (awards, SpRegionAward, 1).name, ==, "South");
  g_assert_cmpuint (g_array_index (awards, SpRegionAward, 1).rank, ==, 2);
  g_assert_cmpint (g_array_index (awards, SpRegionAward, 1).amount, ==, 50000);
  g_assert_cmpstr (g_array_index (awards, SpRegionAward, 2).name, ==, "West");
  g_assert_cmpuint (g_array_index (awards, SpRegionAward, 2).rank, ==, 2);
  g_assert_cmpint (g_array_index (awards, SpRegionAward, 2).amount, ==, 50000);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

static void
assert_below (GArray     *below,
              guint       i,
              const char *name,
              const char *from,
              const char *to,
              guint       n)
{
  const SpBelowTarget *b = &g_array_index (below, SpBelowTarget, i);
  g_autofree char *f = sp_date_format_iso (&b->from);
  g_autofree char *t = sp_date_format_iso (&b->to);

  g_assert_cmpstr (b->name, ==, name);
  g_assert_cmpstr (f, ==, from);
  g_assert_cmpstr (t, ==, to);
  g_assert_cmpuint (b->n_periods, ==, n);
}

static void
test_below_store (void)
{
  g_autofree char *dir = sp_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "w.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStore) store = sp_store_open (path, &error);
  GArray *below;
  GDate day;

  g_assert_true (sp_store_begin_edit (store, "Test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store),
    "INSERT INTO rep (id, name) VALUES (1, 'Ann'), (2, 'Bob');"
    "INSERT INTO plan (id, fiscal_year, team, target) VALUES (1, 2026, '', 1000000);"
    "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension, member_id, amount)"
    " SELECT 1, 'month', m, 'rep', r, 10000 FROM (SELECT '2026-01-01' AS m UNION SELECT"
    " '2026-02-01' UNION SELECT '2026-03-01' UNION SELECT '2026-04-01'), (SELECT 1 AS r UNION"
    " SELECT 2);"
    "INSERT INTO worklog_entry (rep_id, day, revenue) VALUES (1, '2026-01-05', 5000),"
    " (1, '2026-02-05', 5000), (1, '2026-03-05', 7999), (1, '2026-04-05', 9000),"
    " (2, '2026-01-05', 8000), (2, '2026-02-05', 5000), (2, '2026-03-05', 5000),"
    " (2, '2026-04-05', 5000);", &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (store, &error));
  g_assert_true (sp_date_parse_iso ("2026-04-20", &day));

  /* Below 80 %: Ann Jan–Mar (7999 is below; April 90 % is not), Bob Feb–Apr (January's
   * exactly 80 % is not below). N = 3: both; N = 4: nobody; N − 1 = 2: both, same runs. */
  below = sp_incentive_below_target (store, SP_BOARD_MONTH, &day, 4, 8000, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (below->len, ==, 2);
  assert_below (below, 0, "Ann", "2026-01-01", "2026-03-31", 3);
  assert_below (below, 1, "Bob", "2026-02-01", "2026-04-30", 3);
  g_array_unref (below);
  below = sp_incentive_below_target (store, SP_BOARD_MONTH, &day, 4, 8000, 4, &error);
  g_assert_cmpuint (below->len, ==, 0);
  g_array_unref (below);
  below = sp_incentive_below_target (store, SP_BOARD_MONTH, &day, 4, 8000, 2, &error);
  g_assert_cmpuint (below->len, ==, 2);
  assert_below (below, 1, "Bob", "2026-02-01", "2026-04-30", 3);
  g_array_unref (below);
  /* Looking back two months only: Ann's run is out of sight. */
  below = sp_incentive_below_target (store, SP_BOARD_MONTH, &day, 2, 8000, 2, &error);
  g_assert_cmpuint (below->len, ==, 1);
  assert_below (below, 0, "Bob", "2026-03-01", "2026-04-30", 2);
  g_array_unref (below);

  g_clear_object (&store);
  sp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/incentive/brackets", test_brackets);
  g_test_add_func ("/incentive/below-target", test_below_runs);
  g_test_add_func ("/incentive/preview", test_preview);
  g_test_add_func ("/incentive/below-target-store", test_below_store);
  return g_test_run ();
}
