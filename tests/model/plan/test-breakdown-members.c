/* test-breakdown-members.c — members who are not on the team all year (DOMAIN.md §2): a new
 * hire and a leaver carry nothing outside their days, rep years by w x active working days
 * (a new hire at the mean w), seeds for months without history, ramp-up, exact sums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

/* 2026 (Monday to Friday, no holidays) has 261 working days: by month 22 20 22 22 21 22 23
 * 21 22 22 21 23. Ning joins on Thursday 15 October: 12 + 21 + 23 = 56 working days. */
#define TARGET G_GINT64_CONSTANT (36000000)

enum { EAST = 1, WEST = 2 };
enum { ANN = 1, BO, HU, NING, CAI, DAN, LEE };

typedef struct
{
  char        *dir;
  SpStore     *store;
  SpBreakdown *breakdown;
} Fixture;

static void
exec_edit (SpStore    *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_begin_edit (store, "test", &error));
  g_assert_true (sp_sql_exec (sp_store_get_db (store), sql, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (store, &error));
  g_assert_no_error (error);
}

/* East: Ann and Bo all along, Hu since 1 July 2025, Ning from 15 October 2026. West: Cai and
 * Dan all along. History of 2025, each month on the 10th: Ann 100,000, Bo 200,000, Cai
 * 100,000, Dan 150,000, Hu 50,000 from July. So East weighs 3,900,000 and West 3,000,000. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);

  fixture->dir = sp_test_make_dir ();
  path = g_build_filename (fixture->dir, "w.db", NULL);
  fixture->store = sp_store_open (path, &error);
  g_assert_no_error (error);

  g_string_append (sql,
                   "INSERT INTO region (id, name, position) VALUES (1, 'East', 0), (2, 'West', 1);"
                   "INSERT INTO rep (id, name, region_id, hired_on, left_on) VALUES"
                   " (1, 'Ann', 1, '2019-01-01', NULL), (2, 'Bo', 1, '2019-01-01', NULL),"
                   " (3, 'Hu', 1, '2025-07-01', NULL), (4, 'Ning', 1, '2026-10-15', NULL),"
                   " (5, 'Cai', 2, '2019-01-01', NULL), (6, 'Dan', 2, '2019-01-01', NULL);"
                   "INSERT INTO plan (id, fiscal_year, team, target, sprint, challenge, basis_years)"
                   " VALUES (1, 2026, '', 36000000, 36000000, 36000000, '2025');");
  for (int m = 1; m <= 12; m++)
    {
      g_string_append_printf (sql, "INSERT INTO history_order (order_day, amount, region_id, rep_id)"
                                   " VALUES ('2025-%02d-10', 100000, 1, 1),"
                                   " ('2025-%02d-10', 200000, 1, 2),"
                                   " ('2025-%02d-10', 100000, 2, 5),"
                                   " ('2025-%02d-10', 150000, 2, 6);", m, m, m, m);
      if (m >= 7)
        g_string_append_printf (sql, "INSERT INTO history_order (order_day, amount, region_id,"
                                     " rep_id) VALUES ('2025-%02d-10', 50000, 1, 3);", m);
    }
  exec_edit (fixture->store, sql->str);

  fixture->breakdown = sp_breakdown_new (fixture->store, 1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->breakdown);
  g_clear_object (&fixture->store);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
generate (Fixture        *fixture,
          SpWeightSource  reps)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownOptions options;

  sp_breakdown_options_init (&options);
  options.member_sources[SP_BREAKDOWN_DIMENSION_REP] = reps;
  g_assert_true (sp_breakdown_generate (fixture->breakdown, &options, &error));
  g_assert_no_error (error);
}

static SpBreakdownCell
cell (Fixture              *fixture,
      SpBreakdownDimension  dimension,
      gint64                member,
      SpBreakdownPeriod     period,
      guint                 index)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownCell out;

  g_assert_true (sp_breakdown_get_cell (fixture->breakdown, dimension, member, period, index,
                                        &out, &error));
  g_assert_no_error (error);
  return out;
}

static GArray *
cells (Fixture              *fixture,
       SpBreakdownDimension  dimension,
       gint64                member,
       SpBreakdownPeriod     period)
{
  g_autoptr(GError) error = NULL;
  GArray *array = sp_breakdown_get_cells (fixture->breakdown, dimension, member, period, &error);

  g_assert_no_error (error);
  return array;
}

#define REP_YEAR(id) \
  cell (fixture, SP_BREAKDOWN_DIMENSION_REP, id, SP_BREAKDOWN_PERIOD_YEAR, 0).amount
#define REP_MONTH(id, m) \
  cell (fixture, SP_BREAKDOWN_DIMENSION_REP, id, SP_BREAKDOWN_PERIOD_MONTH, m).amount

static guint32
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* Every parent is the sum of its children, to the cent, at every level; each member's days
 * add up to its months, weeks and year. */
static void
assert_consistent (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) mismatches = sp_breakdown_check (fixture->breakdown, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mismatches->len, ==, 0);

  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      g_autoptr(GArray) members = sp_breakdown_get_members (fixture->breakdown, d);

      for (guint i = 0; i < members->len; i++)
        {
          gint64 member = g_array_index (members, gint64, i);
          g_autoptr(GArray) days = cells (fixture, d, member, SP_BREAKDOWN_PERIOD_DAY);
          g_autoptr(GArray) months = cells (fixture, d, member, SP_BREAKDOWN_PERIOD_MONTH);
          g_autoptr(GArray) weeks = cells (fixture, d, member, SP_BREAKDOWN_PERIOD_WEEK);
          gint64 year = cell (fixture, d, member, SP_BREAKDOWN_PERIOD_YEAR, 0).amount;
          gint64 all_days = 0;

          for (guint k = 0; k < days->len; k++)
            all_days += g_array_index (days, SpBreakdownCell, k).amount;
          g_assert_cmpint (all_days, ==, year);
          for (guint p = 0; p < 2; p++)
            {
              GArray *periods = p == 0 ? months : weeks;

              for (guint k = 0; k < periods->len; k++)
                {
                  SpBreakdownCell *c = &g_array_index (periods, SpBreakdownCell, k);
                  gint64 sum = 0;

                  for (guint j = 0; j < days->len; j++)
                    {
                      SpBreakdownCell *day = &g_array_index (days, SpBreakdownCell, j);

                      if (day->first_day >= c->first_day && day->first_day <= c->last_day)
                        sum += day->amount;
                    }
                  g_assert_cmpint (sum, ==, c->amount);
                }
            }
        }
    }
}

/* Rep @rep has nothing on a day outside [@first, @last] nor in a month or week wholly
 * outside, and something on each working day inside when @busy. */
static void
assert_only_between (Fixture  *fixture,
                     gint64    rep,
                     guint32   first,
                     guint32   last,
                     gboolean  busy)
{
  static const SpBreakdownPeriod periods[] = {
    SP_BREAKDOWN_PERIOD_MONTH, SP_BREAKDOWN_PERIOD_WEEK, SP_BREAKDOWN_PERIOD_DAY,
  };

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr(GArray) all = cells (fixture, SP_BREAKDOWN_DIMENSION_REP, rep, periods[p]);

      for (guint k = 0; k < all->len; k++)
        {
          SpBreakdownCell *c = &g_array_index (all, SpBreakdownCell, k);

          if (c->last_day < first || c->first_day > last)
            g_assert_cmpint (c->amount, ==, 0);
          else if (busy && periods[p] == SP_BREAKDOWN_PERIOD_DAY && c->weight > 0)
            g_assert_cmpint (c->amount, >, 0);
          if (periods[p] == SP_BREAKDOWN_PERIOD_DAY && (c->first_day < first || c->first_day > last))
            g_assert_cmpint (c->weight, ==, 0);
        }
    }
}

/* History rep weights: Ann w = 1,200,000, Bo 2,400,000; Hu (not there all of 2025) and Ning
 * (no history) the mean of Ann and Bo, 1,800,000. East = 20,347,826 (3.9 / 6.9 of the
 * target) split by w x a: a = 261 but Ning's 56. */
static void
test_new_hire (Fixture       *fixture,
               gconstpointer  data)
{
  static const gint64 years[] = { 4219930, 8439861, 6329896, 1358139 };
  static const gint64 weights[] = { 1200000 * 261, 2400000 * 261, 1800000 * 261, 1800000 * 56 };
  /* The seed of a month without history: 1,800,000 x the team's month share (working
   * days / 261), rounded half away from zero. Hu had history from July 2025 on. */
  static const gint64 hu_seeds[] = { 151724, 137931, 151724, 151724, 144828, 151724,
                                     50000, 50000, 50000, 50000, 50000, 50000 };
  static const gint64 ning_seeds[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 151724, 144828, 158621 };
  gint64 sum = 0;

  generate (fixture, SP_WEIGHT_SOURCE_HISTORY);

  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REGION, EAST, SP_BREAKDOWN_PERIOD_YEAR,
                         0).amount, ==, 20347826);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      SpBreakdownCell year = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, ANN + i,
                                   SP_BREAKDOWN_PERIOD_YEAR, 0);

      g_assert_cmpint (year.amount, ==, years[i]);
      g_assert_cmpint (year.weight, ==, weights[i]);
      g_assert_cmpint (year.weight_source, ==, SP_WEIGHT_SOURCE_HISTORY);
      sum += year.amount;
    }
  g_assert_cmpint (sum, ==, 20347826);

  for (guint m = 0; m < 12; m++)
    {
      SpBreakdownCell hu = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, HU,
                                 SP_BREAKDOWN_PERIOD_MONTH, m);
      SpBreakdownCell ning = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING,
                                   SP_BREAKDOWN_PERIOD_MONTH, m);

      g_assert_cmpint (hu.weight, ==, hu_seeds[m]);
      g_assert_cmpint (hu.amount, >, 0);
      g_assert_cmpint (ning.weight, ==, ning_seeds[m]);
      if (m < 9)
        g_assert_cmpint (ning.amount, ==, 0);
      else
        g_assert_cmpint (ning.amount, >, 0);
    }

  /* October holds 12 of Ning's working days, November 21: a part of a month, not a month. */
  g_assert_cmpint (REP_MONTH (NING, 9), <, REP_MONTH (NING, 10));
  g_assert_cmpint (REP_MONTH (NING, 9) * 21 * 2, >, REP_MONTH (NING, 10) * 12);

  /* Nothing before the 15th, something on every working day from then. */
  assert_only_between (fixture, NING, julian (2026, 10, 15), julian (2026, 12, 31), TRUE);
  assert_consistent (fixture);
}

/* West has only reps who are there all year: their years are the plain split by history
 * (w x 261 each), their seeds their history, and their months the IPF of those seeds on
 * West's months, as sp_allocation_ipf() computes it by hand. */
static void
test_full_year (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 rows[2];
  gint64 cols[12];
  double seed[24];
  gint64 out[24];

  generate (fixture, SP_WEIGHT_SOURCE_HISTORY);

  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REGION, WEST, SP_BREAKDOWN_PERIOD_YEAR,
                         0).amount, ==, 15652174);
  g_assert_cmpint (REP_YEAR (CAI), ==, 6260870);
  g_assert_cmpint (REP_YEAR (DAN), ==, 9391304);

  rows[0] = REP_YEAR (CAI);
  rows[1] = REP_YEAR (DAN);
  for (guint m = 0; m < 12; m++)
    {
      cols[m] = cell (fixture, SP_BREAKDOWN_DIMENSION_REGION, WEST, SP_BREAKDOWN_PERIOD_MONTH,
                      m).amount;
      seed[m] = 100000;
      seed[12 + m] = 150000;
      g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, CAI, SP_BREAKDOWN_PERIOD_MONTH,
                             m).weight, ==, 100000);
      g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, DAN, SP_BREAKDOWN_PERIOD_MONTH,
                             m).weight, ==, 150000);
    }
  g_assert_true (sp_allocation_ipf (rows, 2, cols, 12, seed, out, NULL, &error));
  g_assert_no_error (error);
  for (guint m = 0; m < 12; m++)
    {
      g_assert_cmpint (REP_MONTH (CAI, m), ==, out[m]);
      g_assert_cmpint (REP_MONTH (DAN, m), ==, out[12 + m]);
    }

  assert_only_between (fixture, CAI, julian (2026, 1, 1), julian (2026, 12, 31), TRUE);
  assert_consistent (fixture);
}

/* Lee (no history) leaves West on Tuesday 31 March: equal rep weights by 261, 261 and 64
 * working days; seeds from the team's month shares for January to March only. */
static void
test_leaver (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GArray) weeks = NULL;
  SpBreakdownCell week;

  exec_edit (fixture->store, "INSERT INTO rep (id, name, region_id, hired_on, left_on)"
                             " VALUES (7, 'Lee', 2, '2019-01-01', '2026-03-31');");
  generate (fixture, SP_WEIGHT_SOURCE_EQUAL);

  g_assert_cmpint (REP_YEAR (CAI), ==, 6971361);
  g_assert_cmpint (REP_YEAR (DAN), ==, 6971361);
  g_assert_cmpint (REP_YEAR (LEE), ==, 1709452);
  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, LEE, SP_BREAKDOWN_PERIOD_YEAR,
                         0).weight, ==, 64);
  /* East's reps by equal weights too: 261 each, Ning 56. */
  g_assert_cmpint (REP_YEAR (ANN), ==, 6329896);
  g_assert_cmpint (REP_YEAR (NING), ==, 1358138);

  /* A row without history: 1,000,000 x the team's month share (working days / 261). */
  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, LEE, SP_BREAKDOWN_PERIOD_MONTH,
                         0).weight, ==, 84291);
  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, LEE, SP_BREAKDOWN_PERIOD_MONTH,
                         1).weight, ==, 76628);
  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, LEE, SP_BREAKDOWN_PERIOD_MONTH,
                         3).weight, ==, 0);
  for (guint m = 3; m < 12; m++)
    g_assert_cmpint (REP_MONTH (LEE, m), ==, 0);
  g_assert_cmpint (REP_MONTH (LEE, 0) + REP_MONTH (LEE, 1) + REP_MONTH (LEE, 2), ==, 1709452);

  /* The week of 30 March to 5 April keeps only his Monday and Tuesday. */
  weeks = cells (fixture, SP_BREAKDOWN_DIMENSION_REP, LEE, SP_BREAKDOWN_PERIOD_WEEK);
  week = g_array_index (weeks, SpBreakdownCell, 13);
  g_assert_cmpuint (week.period_start, ==, julian (2026, 3, 30));
  g_assert_cmpint (week.weight, ==, 2);
  g_assert_cmpint (week.amount, >, 0);
  assert_only_between (fixture, LEE, julian (2026, 1, 1), julian (2026, 3, 31), TRUE);
  assert_consistent (fixture);
}

/* Ramp-up 50 % and 75 %: Ning's October and November count for half and three quarters, in
 * the year's split (a = 12 x 5000 + 21 x 7500 + 23 x 10000) and in the months' fit. */
static void
test_ramp (Fixture       *fixture,
           gconstpointer  data)
{
  static const gint64 ramp[] = { 5000, 7500 };
  g_autoptr(GError) error = NULL;
  gint64 october, november;
  gint64 plain_october, plain_november;

  generate (fixture, SP_WEIGHT_SOURCE_HISTORY);
  plain_october = REP_MONTH (NING, 9);
  plain_november = REP_MONTH (NING, 10);

  g_assert_true (sp_plan_set_ramp_factors (fixture->store, 1, ramp, G_N_ELEMENTS (ramp), &error));
  g_assert_no_error (error);
  generate (fixture, SP_WEIGHT_SOURCE_HISTORY);

  g_assert_cmpint (REP_YEAR (ANN), ==, 4277284);
  g_assert_cmpint (REP_YEAR (BO), ==, 8554568);
  g_assert_cmpint (REP_YEAR (HU), ==, 6415926);
  g_assert_cmpint (REP_YEAR (NING), ==, 1100048);
  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING, SP_BREAKDOWN_PERIOD_YEAR,
                         0).weight, ==, G_GINT64_CONSTANT (1800000) * 447500);
  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, ANN, SP_BREAKDOWN_PERIOD_YEAR,
                         0).weight, ==, G_GINT64_CONSTANT (1200000) * 2610000);
  /* The seeds stay the row weight x the month share; the factors act in the fit. */
  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING, SP_BREAKDOWN_PERIOD_MONTH,
                         9).weight, ==, 151724);

  october = REP_MONTH (NING, 9);
  november = REP_MONTH (NING, 10);
  g_assert_cmpint (october, <, plain_october);
  g_assert_cmpint (november, <, plain_november);
  /* October (50 %) loses more against November (75 %) than it did without ramp-up. */
  g_assert_cmpint (october * plain_november, <, plain_october * november);
  g_assert_cmpint (REP_MONTH (NING, 11), >, november);

  assert_only_between (fixture, NING, julian (2026, 10, 15), julian (2026, 12, 31), TRUE);
  assert_consistent (fixture);
}

static void
set_amount (Fixture          *fixture,
            gint64            rep,
            SpBreakdownPeriod period,
            guint             index,
            gint64            value)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownCell c = cell (fixture, rep ? SP_BREAKDOWN_DIMENSION_REP
                                         : SP_BREAKDOWN_DIMENSION_REGION,
                            rep ? rep : EAST, period, index);

  g_assert_true (sp_breakdown_set_amount (fixture->breakdown, &c, value, 0, NULL, &error));
  g_assert_no_error (error);
}

/* Edits and locks rebalance around the months Ning is not there; money is never put there,
 * and a change of the hiring day since makes the breakdown stale. */
static void
test_edits (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownCell c;
  gint64 excess = -1;

  generate (fixture, SP_WEIGHT_SOURCE_HISTORY);

  /* Before the 15th of October Ning takes nothing: refused, nothing changed. */
  c = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING, SP_BREAKDOWN_PERIOD_MONTH, 3);
  g_assert_false (sp_breakdown_set_amount (fixture->breakdown, &c, 100, 0, &excess, &error));
  g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID);
  g_clear_error (&error);
  c = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING, SP_BREAKDOWN_PERIOD_WEEK, 40);
  g_assert_cmpuint (c.period_start, ==, julian (2026, 10, 5));
  g_assert_false (sp_breakdown_set_amount (fixture->breakdown, &c, 100, 0, &excess, &error));
  g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (REP_MONTH (NING, 3), ==, 0);

  /* His own edits stay in his days. */
  set_amount (fixture, NING, SP_BREAKDOWN_PERIOD_YEAR, 0, 2000000);
  g_assert_cmpint (REP_YEAR (NING), ==, 2000000);
  assert_only_between (fixture, NING, julian (2026, 10, 15), julian (2026, 12, 31), TRUE);
  set_amount (fixture, NING, SP_BREAKDOWN_PERIOD_QUARTER, 3, 2000000);
  set_amount (fixture, NING, SP_BREAKDOWN_PERIOD_MONTH, 10, 1000000);
  g_assert_cmpint (REP_MONTH (NING, 10), ==, 1000000);
  g_assert_cmpint (REP_MONTH (NING, 9) + REP_MONTH (NING, 11), ==, 1000000);
  c = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING, SP_BREAKDOWN_PERIOD_WEEK, 41);
  g_assert_cmpuint (c.period_start, ==, julian (2026, 10, 12));
  set_amount (fixture, NING, SP_BREAKDOWN_PERIOD_WEEK, 41, 30000);
  g_assert_cmpint (cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING, SP_BREAKDOWN_PERIOD_WEEK,
                         41).amount, ==, 30000);
  assert_only_between (fixture, NING, julian (2026, 10, 15), julian (2026, 12, 31), FALSE);
  assert_consistent (fixture);

  /* Locks: Ning's April (at 0: a lock keeps nothing there), his December and Ann's
   * October; the region's October and year move. */
  c = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING, SP_BREAKDOWN_PERIOD_MONTH, 3);
  g_assert_true (sp_breakdown_set_locked (fixture->breakdown, &c, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (sp_breakdown_set_amount (fixture->breakdown, &c, 5000, SP_BREAKDOWN_EDIT_LOCK,
                                           NULL, &error));
  g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID);
  g_clear_error (&error);
  c = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, NING, SP_BREAKDOWN_PERIOD_MONTH, 11);
  g_assert_true (sp_breakdown_set_locked (fixture->breakdown, &c, TRUE, &error));
  g_assert_no_error (error);
  c = cell (fixture, SP_BREAKDOWN_DIMENSION_REP, ANN, SP_BREAKDOWN_PERIOD_MONTH, 9);
  g_assert_true (sp_breakdown_set_locked (fixture->breakdown, &c, TRUE, &error));
  g_assert_no_error (error);
  set_amount (fixture, 0, SP_BREAKDOWN_PERIOD_MONTH, 9, 3000000);
  set_amount (fixture, 0, SP_BREAKDOWN_PERIOD_YEAR, 0, 25000000);
  c = cell (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_YEAR, 0);
  g_assert_true (sp_breakdown_set_amount (fixture->breakdown, &c, 40000000, 0, NULL, &error));
  g_assert_no_error (error);
  assert_only_between (fixture, NING, julian (2026, 10, 15), julian (2026, 12, 31), FALSE);
  assert_consistent (fixture);

  /* Ning's start moved to 20 November: his October cells no longer fit. */
  exec_edit (fixture->store, "UPDATE rep SET hired_on = '2026-11-20' WHERE id = 4;");
  g_assert_true (sp_breakdown_is_stale (fixture->breakdown));
  generate (fixture, SP_WEIGHT_SOURCE_HISTORY);
  g_assert_false (sp_breakdown_is_stale (fixture->breakdown));
  g_assert_cmpint (REP_MONTH (NING, 9), ==, 0);
  assert_only_between (fixture, NING, julian (2026, 11, 20), julian (2026, 12, 31), TRUE);
  assert_consistent (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/breakdown-members/new-hire", test_new_hire);
  ADD ("/breakdown-members/full-year", test_full_year);
  ADD ("/breakdown-members/leaver", test_leaver);
  ADD ("/breakdown-members/ramp", test_ramp);
  ADD ("/breakdown-members/edits", test_edits);
#undef ADD

  return g_test_run ();
}
