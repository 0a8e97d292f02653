/* test-breakdown.c — the target's breakdown: every level adds up to the cent, history
 * weights, straddling weeks, edits that rebalance, locks, refusals, undo and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-model.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"

/* 78,000,011 分: with history weights proportional to the month number it splits into
 * m x 1,000,000 plus a remainder of 11 that the largest remainders place. */
#define TARGET G_GINT64_CONSTANT (78000011)
#define YEAR   2026

enum { NORTH = 1, SOUTH = 2 };
enum { REP_A = 1, REP_B, REP_C, REP_D, REP_E };

typedef struct
{
  char        *dir;
  SpStore     *store;
  gint64       plan_id;
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

/* Two regions; D leaves at the end of June 2026, E joins in mid-September. History: in 2024
 * every month sold 100,000; in 2025 month m sold 100,000 x (m - 1), so the two years
 * together weigh month m as m. Rep r (A = 0 … D = 3) took (r + 1) / 10 of each month; A and C
 * sell product 1, B and D product 2; A and B to customer type 1, C and D to type 2. */
static void
fill_workspace (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = sp_store_get_db (store);

  exec_edit (store,
             "INSERT INTO region (id, name, position) VALUES (1, 'North', 0), (2, 'South', 1);"
             "INSERT INTO rep (id, name, region_id, hired_on, left_on) VALUES"
             " (1, 'Ann', 1, '2020-03-01', NULL), (2, 'Bo', 1, '2021-05-10', NULL),"
             " (3, 'Cai', 2, '2019-01-01', NULL), (4, 'Dan', 2, '2018-01-01', '2026-06-30'),"
             " (5, 'Eve', 2, '2026-09-15', NULL), (6, 'Gone', 2, '2019-01-01', '2025-12-31');"
             "INSERT INTO product (id, name) VALUES (1, 'Terminal'), (2, 'Service');"
             "INSERT INTO customer_type (id, name) VALUES (1, 'Strategic'), (2, 'Scattered');"
             "INSERT INTO plan (id, fiscal_year, team, target, sprint, challenge, basis_years)"
             " VALUES (1, 2026, '', 78000011, 80000000, 90000000, '2024,2025');"
             /* Outside the basis years: must weigh nothing. */
             "INSERT INTO history_order (order_day, amount, region_id, rep_id) VALUES"
             " ('2023-01-10', 999999999, 1, 1), ('2026-01-10', 999999999, 1, 1);");

  g_assert_true (sp_store_begin_edit (store, "history", &error));
  stmt = sp_sql_prepare (db, "INSERT INTO history_order (order_day, amount, region_id, rep_id,"
                             " product_id, customer_type_id) VALUES (?, ?, ?, ?, ?, ?)", &error);
  g_assert_no_error (error);
  for (int year = 2024; year <= 2025; year++)
    for (int month = 1; month <= 12; month++)
      for (int r = 0; r < 4; r++)
        {
          gint64 total = year == 2024 ? 100000 : 100000 * (month - 1);
          g_autofree char *day = g_strdup_printf ("%04d-%02d-%02d", year, month, 10 + r);

          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, total * (r + 1) / 10);
          sqlite3_bind_int (stmt, 3, r < 2 ? NORTH : SOUTH);
          sqlite3_bind_int (stmt, 4, REP_A + r);
          sqlite3_bind_int (stmt, 5, r % 2 + 1);
          sqlite3_bind_int (stmt, 6, r / 2 + 1);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        }
  g_assert_true (sp_store_commit_edit (store, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SpPreferences) preferences = NULL;
  GDate may_day;

  fixture->dir = sp_test_make_dir ();
  path = g_build_filename (fixture->dir, "w.db", NULL);
  fixture->store = sp_store_open (path, &error);
  g_assert_no_error (error);

  preferences = sp_preferences_new (fixture->store);
  g_date_clear (&may_day, 1);
  g_date_set_dmy (&may_day, 1, G_DATE_MAY, YEAR);
  g_assert_true (sp_preferences_add_holiday (preferences, &may_day, "Labour Day", &error));
  g_assert_no_error (error);

  fill_workspace (fixture->store);
  fixture->plan_id = 1;
  fixture->breakdown = sp_breakdown_new (fixture->store, fixture->plan_id, &error);
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

static char *
content_hash (SpStore *store)
{
  g_autoptr(GError) error = NULL;
  char *hash = sp_store_content_hash (store, &error);

  g_assert_no_error (error);
  return hash;
}

static void
generate (Fixture                  *fixture,
          const SpBreakdownOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_breakdown_generate (fixture->breakdown, options, &error));
  g_assert_no_error (error);
}

static GArray *
cells (SpBreakdown          *breakdown,
       SpBreakdownDimension  dimension,
       gint64                member,
       SpBreakdownPeriod     period)
{
  g_autoptr(GError) error = NULL;
  GArray *array = sp_breakdown_get_cells (breakdown, dimension, member, period, &error);

  g_assert_no_error (error);
  g_assert_nonnull (array);
  return array;
}

static SpBreakdownCell
cell (SpBreakdown          *breakdown,
      SpBreakdownDimension  dimension,
      gint64                member,
      SpBreakdownPeriod     period,
      guint                 index)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownCell out;

  g_assert_true (sp_breakdown_get_cell (breakdown, dimension, member, period, index, &out, &error));
  g_assert_no_error (error);
  return out;
}

static gint64
amount (SpBreakdown          *breakdown,
        SpBreakdownDimension  dimension,
        gint64                member,
        SpBreakdownPeriod     period,
        guint                 index)
{
  return cell (breakdown, dimension, member, period, index).amount;
}

#define TEAM(period, index) \
  amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, period, index)

static guint32
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static gint64
sum_days (GArray  *days,
          guint32  first,
          guint32  last)
{
  gint64 sum = 0;

  for (guint i = 0; i < days->len; i++)
    {
      SpBreakdownCell *day = &g_array_index (days, SpBreakdownCell, i);

      if (day->first_day >= first && day->first_day <= last)
        sum += day->amount;
    }
  return sum;
}

/* Every member of every dimension: its days add up to each of its months and weeks, and
 * the stored cells to every parent (sp_breakdown_check). */
static void
assert_consistent (SpBreakdown *breakdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) mismatches = sp_breakdown_check (breakdown, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < mismatches->len; i++)
    {
      SpBreakdownMismatch *m = &g_array_index (mismatches, SpBreakdownMismatch, i);

      g_test_message ("mismatch: %s %" G_GINT64_FORMAT " %s %u relation %d: %" G_GINT64_FORMAT
                      " vs %" G_GINT64_FORMAT, sp_breakdown_dimension_to_string (m->dimension),
                      m->member_id, sp_breakdown_period_to_string (m->period), m->index,
                      m->relation, m->amount, m->expected);
    }
  g_assert_cmpuint (mismatches->len, ==, 0);

  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      g_autoptr(GArray) members = sp_breakdown_get_members (breakdown, d);

      for (guint i = 0; i < members->len; i++)
        {
          gint64 member = g_array_index (members, gint64, i);
          g_autoptr(GArray) days = cells (breakdown, d, member, SP_BREAKDOWN_PERIOD_DAY);
          g_autoptr(GArray) months = cells (breakdown, d, member, SP_BREAKDOWN_PERIOD_MONTH);
          g_autoptr(GArray) weeks = cells (breakdown, d, member, SP_BREAKDOWN_PERIOD_WEEK);
          gint64 year = amount (breakdown, d, member, SP_BREAKDOWN_PERIOD_YEAR, 0);
          gint64 all_weeks = 0;

          g_assert_cmpuint (days->len, ==, 365);
          g_assert_cmpint (sum_days (days, 0, G_MAXUINT32), ==, year);
          for (guint m = 0; m < months->len; m++)
            {
              SpBreakdownCell *month = &g_array_index (months, SpBreakdownCell, m);

              g_assert_cmpint (sum_days (days, month->first_day, month->last_day), ==,
                               month->amount);
            }
          for (guint w = 0; w < weeks->len; w++)
            {
              SpBreakdownCell *week = &g_array_index (weeks, SpBreakdownCell, w);

              g_assert_cmpint (sum_days (days, week->first_day, week->last_day), ==, week->amount);
              all_weeks += week->amount;
            }
          g_assert_cmpint (all_weeks, ==, year);
        }
    }
}

/* The team's month is split equally over its working days, the extra units on the earliest. */
static void
assert_team_days_follow_rule (SpBreakdown *breakdown)
{
  g_autoptr(GArray) days = cells (breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                  SP_BREAKDOWN_PERIOD_DAY);
  g_autoptr(GArray) months = cells (breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                    SP_BREAKDOWN_PERIOD_MONTH);

  for (guint m = 0; m < months->len; m++)
    {
      SpBreakdownCell *month = &g_array_index (months, SpBreakdownCell, m);
      guint n_working = 0;
      gint64 q, r;
      guint seen = 0;

      for (guint i = 0; i < days->len; i++)
        {
          SpBreakdownCell *day = &g_array_index (days, SpBreakdownCell, i);

          if (day->first_day >= month->first_day && day->first_day <= month->last_day)
            n_working += day->weight == 1;
        }
      g_assert_cmpuint (n_working, >, 0);
      q = month->amount / n_working;
      r = month->amount % n_working;
      for (guint i = 0; i < days->len; i++)
        {
          SpBreakdownCell *day = &g_array_index (days, SpBreakdownCell, i);

          if (day->first_day < month->first_day || day->first_day > month->last_day)
            continue;
          if (day->weight == 0)
            g_assert_cmpint (day->amount, ==, 0);
          else
            g_assert_cmpint (day->amount, ==, q + ((gint64) seen++ < r ? 1 : 0));
        }
    }
}

static void
test_generate_sums (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) reps = NULL;
  g_autoptr(GArray) regions = NULL;

  g_assert_true (sp_breakdown_is_empty (fixture->breakdown));
  generate (fixture, NULL);
  g_assert_false (sp_breakdown_is_empty (fixture->breakdown));

  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_YEAR, 0), ==, TARGET);
  g_assert_cmpuint (sp_breakdown_get_n_periods (fixture->breakdown, SP_BREAKDOWN_PERIOD_WEEK),
                    ==, 53);

  /* Regions by history: North sold 3/10, South 7/10; 0.3 x 78,000,011 = 23,400,003.3. */
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, 23400003);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, SOUTH,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, 54600008);

  /* Reps employed in 2026 only; Gone left in 2025. */
  regions = sp_breakdown_get_members (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION);
  reps = sp_breakdown_get_members (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP);
  g_assert_cmpuint (regions->len, ==, 2);
  g_assert_cmpuint (reps->len, ==, 5);
  g_assert_cmpint (g_array_index (reps, gint64, 0), ==, REP_A);
  g_assert_cmpint (g_array_index (reps, gint64, 1), ==, REP_B);

  /* No months outside a rep's employment. */
  for (guint m = 6; m < 12; m++)
    g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_D,
                             SP_BREAKDOWN_PERIOD_MONTH, m), ==, 0);
  for (guint m = 0; m < 8; m++)
    g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_E,
                             SP_BREAKDOWN_PERIOD_MONTH, m), ==, 0);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_E,
                           SP_BREAKDOWN_PERIOD_MONTH, 9), >, 0);

  assert_consistent (fixture->breakdown);
  assert_team_days_follow_rule (fixture->breakdown);
}

static void
test_generate_history_months (Fixture       *fixture,
                              gconstpointer  data)
{
  static const int basis[] = { 2024, 2025 };
  static const gint64 extra[12] = { 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2 };
  SpBreakdownOptions options;

  sp_breakdown_options_init (&options);
  options.time_source = SP_WEIGHT_SOURCE_HISTORY;
  options.basis_years = basis;
  options.n_basis_years = G_N_ELEMENTS (basis);
  generate (fixture, &options);

  /* Month m weighs 100,000 x m over 2024 and 2025: m x 1,000,000 and the 11 left over go to
   * the largest remainders 11m/78 (months 7, 6, 5, 12, 4, 11). */
  for (guint m = 0; m < 12; m++)
    {
      SpBreakdownCell month = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                    SP_BREAKDOWN_PERIOD_MONTH, m);

      g_assert_cmpint (month.amount, ==, (gint64) (m + 1) * 1000000 + extra[m]);
      g_assert_cmpint (month.weight_source, ==, SP_WEIGHT_SOURCE_HISTORY);
      g_assert_cmpint (month.weight, ==, (gint64) (m + 1) * 100000);
    }
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 0), ==, 6000000);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 3), ==, 33000005);

  /* Only 2025 as the basis: January sold nothing, so it gets nothing. */
  options.basis_years = basis + 1;
  options.n_basis_years = 1;
  generate (fixture, &options);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 0), ==, 0);

  assert_consistent (fixture->breakdown);
}

static void
test_week_straddles (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;
  SpBreakdownCell week, first;

  generate (fixture, NULL);
  days = cells (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_DAY);

  /* Weeks start on Monday 2025-12-29; the 14th starts on 2026-03-30 and ends in April. */
  week = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_WEEK, 13);
  g_assert_cmpuint (week.period_start, ==, julian (2026, 3, 30));
  g_assert_cmpuint (week.last_day, ==, julian (2026, 4, 5));
  g_assert_cmpint (week.amount, ==, sum_days (days, julian (2026, 3, 30), julian (2026, 4, 5)));
  g_assert_cmpint (sum_days (days, julian (2026, 3, 30), julian (2026, 3, 31)), >, 0);
  g_assert_cmpint (sum_days (days, julian (2026, 4, 1), julian (2026, 4, 5)), >, 0);
  g_assert_cmpint (week.weight, ==, 5);

  /* The first week counts only its days inside the fiscal year. */
  first = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_WEEK, 0);
  g_assert_cmpuint (first.period_start, ==, julian (2025, 12, 29));
  g_assert_cmpuint (first.first_day, ==, julian (2026, 1, 1));
  g_assert_cmpint (first.amount, ==, sum_days (days, julian (2026, 1, 1), julian (2026, 1, 4)));
  g_assert_cmpint (first.weight, ==, 2);

  /* The holiday on 1 May takes nothing. */
  g_assert_cmpint (sum_days (days, julian (2026, 5, 1), julian (2026, 5, 1)), ==, 0);
}

static void
set_amount (Fixture               *fixture,
            SpBreakdownDimension   dimension,
            gint64                 member,
            SpBreakdownPeriod      period,
            guint                  index,
            gint64                 value)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownCell c = cell (fixture->breakdown, dimension, member, period, index);
  gint64 excess = -1;
  gboolean ok = sp_breakdown_set_amount (fixture->breakdown, &c, value, 0, &excess, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (excess, ==, 0);
}

static void
set_locked (Fixture               *fixture,
            SpBreakdownDimension   dimension,
            gint64                 member,
            SpBreakdownPeriod      period,
            guint                  index,
            gboolean               locked)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownCell c = cell (fixture->breakdown, dimension, member, period, index);

  g_assert_true (sp_breakdown_set_locked (fixture->breakdown, &c, locked, &error));
  g_assert_no_error (error);
  g_assert_true (cell (fixture->breakdown, dimension, member, period, index).locked == locked);
}

static void
test_edit_month (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  gint64 values[12], weights[12], expected[12];
  gint64 march = 9000000;

  generate (fixture, NULL);
  before = content_hash (fixture->store);

  months = cells (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH);
  for (guint m = 0; m < 12; m++)
    {
      values[m] = g_array_index (months, SpBreakdownCell, m).amount;
      weights[m] = g_array_index (months, SpBreakdownCell, m).weight;
    }
  /* What the engine says: March takes 9,000,000, the others share the rest by working days. */
  g_assert_true (sp_allocation_rebalance (TARGET, values, NULL, weights, 12, 2, march, expected,
                                          NULL, &error));
  g_assert_no_error (error);

  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 2, march);
  for (guint m = 0; m < 12; m++)
    g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, m), ==, expected[m]);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_YEAR, 0), ==, TARGET);
  g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Edit breakdown");

  /* March's weeks follow it: the days of 2026-03-01 … 03-31 add up to 9,000,000. */
  assert_consistent (fixture->breakdown);
  assert_team_days_follow_rule (fixture->breakdown);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH,
                           SP_BREAKDOWN_PERIOD_MONTH, 2)
                   + amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, SOUTH,
                             SP_BREAKDOWN_PERIOD_MONTH, 2), ==, march);

  after = content_hash (fixture->store);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  again = content_hash (fixture->store);
  g_assert_cmpstr (again, ==, before);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 2), ==, values[2]);
  g_clear_pointer (&again, g_free);

  g_assert_true (sp_store_redo (fixture->store, &error));
  g_assert_no_error (error);
  again = content_hash (fixture->store);
  g_assert_cmpstr (again, ==, after);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 2), ==, march);
}

/* A team-wide edit is one undo entry, whatever the number of cells it changes, and it undoes
 * and redoes exactly among edits of other tables and plain (per-row) cell edits. */
static void
test_undo_team_edit_interleaved (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) entries = NULL;
  guint n;

  generate (fixture, NULL);
  g_ptr_array_add (hashes, content_hash (fixture->store));

  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 2, 9000000);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  entries = sp_sql_prepare (sp_store_get_db (fixture->store),
                            "SELECT count(*), count(bulk_table) FROM temp.sp_undo_log"
                            " WHERE stack = 0 AND step = (SELECT max(step) FROM temp.sp_undo_step"
                            " WHERE stack = 0)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (entries), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (entries, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (entries, 1), ==, 1);

  exec_edit (fixture->store, "UPDATE region SET name = 'Nord' WHERE id = 1;"
                             "UPDATE breakdown_cell SET weight = 7 WHERE id = 3;");
  g_ptr_array_add (hashes, content_hash (fixture->store));
  set_locked (fixture, SP_BREAKDOWN_DIMENSION_REGION, NORTH, SP_BREAKDOWN_PERIOD_MONTH, 5, TRUE);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_WEEK, 20, 1500000);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_YEAR, 0, TARGET + 999);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  n = hashes->len;

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = n - 1; i > 0; i--)
        {
          g_autofree char *h = NULL;

          g_assert_true (sp_store_undo (fixture->store, &error));
          g_assert_no_error (error);
          h = content_hash (fixture->store);
          g_assert_cmpstr (h, ==, g_ptr_array_index (hashes, i - 1));
          assert_consistent (fixture->breakdown);
        }
      for (guint i = 1; i < n; i++)
        {
          g_autofree char *h = NULL;

          g_assert_true (sp_store_redo (fixture->store, &error));
          g_assert_no_error (error);
          h = content_hash (fixture->store);
          g_assert_cmpstr (h, ==, g_ptr_array_index (hashes, i));
        }
    }
  assert_consistent (fixture->breakdown);
}

static void
test_edit_member (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) before_months = NULL;
  gint64 rep_year, north[12];

  generate (fixture, NULL);
  before_months = cells (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                         SP_BREAKDOWN_PERIOD_MONTH);
  rep_year = amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_A,
                     SP_BREAKDOWN_PERIOD_YEAR, 0);
  for (guint m = 0; m < 12; m++)
    north[m] = amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH,
                       SP_BREAKDOWN_PERIOD_MONTH, m);

  /* Ann's May (a third of North's, as she sold) to two thirds: her year and her region stay
   * whole, Bo absorbs the change. */
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_REP, REP_A, SP_BREAKDOWN_PERIOD_MONTH, 4,
              north[4] * 2 / 3);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_A,
                           SP_BREAKDOWN_PERIOD_MONTH, 4), ==, north[4] * 2 / 3);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_B,
                           SP_BREAKDOWN_PERIOD_MONTH, 4), ==, north[4] - north[4] * 2 / 3);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_A,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, rep_year);
  for (guint m = 0; m < 12; m++)
    {
      g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH,
                               SP_BREAKDOWN_PERIOD_MONTH, m), ==, north[m]);
      g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, m), ==,
                       g_array_index (before_months, SpBreakdownCell, m).amount);
    }
  assert_consistent (fixture->breakdown);

  /* A region's year: the other region takes the rest; the reps follow. */
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_REGION, NORTH, SP_BREAKDOWN_PERIOD_YEAR, 0, 30000000);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, SOUTH,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, TARGET - 30000000);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_A,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, 15000000);
  assert_consistent (fixture->breakdown);

  /* A product's week: the team's week stays, the other product takes the difference. */
  {
    gint64 team_week = TEAM (SP_BREAKDOWN_PERIOD_WEEK, 20);

    set_amount (fixture, SP_BREAKDOWN_DIMENSION_PRODUCT, 1, SP_BREAKDOWN_PERIOD_WEEK, 20, 700000);
    g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_PRODUCT, 1,
                             SP_BREAKDOWN_PERIOD_WEEK, 20), ==, 700000);
    g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_PRODUCT, 2,
                             SP_BREAKDOWN_PERIOD_WEEK, 20), ==, team_week - 700000);
    assert_consistent (fixture->breakdown);
  }
}

static void
test_edit_week (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GArray) days = NULL;
  gint64 march, april;

  generate (fixture, NULL);
  march = TEAM (SP_BREAKDOWN_PERIOD_MONTH, 2);
  april = TEAM (SP_BREAKDOWN_PERIOD_MONTH, 3);

  /* The straddling week 2026-03-30 … 04-05: its five working days take 1,000,003 (200,001
   * each, the three extra units on the earliest); March and April stay whole. */
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_WEEK, 13, 1000003);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_WEEK, 13), ==, 1000003);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 2), ==, march);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 3), ==, april);
  days = cells (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_DAY);
  g_assert_cmpint (sum_days (days, julian (2026, 3, 30), julian (2026, 3, 30)), ==, 200001);
  g_assert_cmpint (sum_days (days, julian (2026, 3, 31), julian (2026, 3, 31)), ==, 200001);
  g_assert_cmpint (sum_days (days, julian (2026, 4, 1), julian (2026, 4, 1)), ==, 200001);
  g_assert_cmpint (sum_days (days, julian (2026, 4, 2), julian (2026, 4, 2)), ==, 200000);
  g_assert_cmpint (sum_days (days, julian (2026, 4, 4), julian (2026, 4, 5)), ==, 0);
  assert_consistent (fixture->breakdown);

  /* Locked, the week keeps its value when March changes. */
  set_locked (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_WEEK, 13, TRUE);
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 2, 5000000);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_WEEK, 13), ==, 1000003);
  assert_consistent (fixture->breakdown);

  /* A rep's week: the region's week stays. */
  {
    gint64 region_week = amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, SOUTH,
                                 SP_BREAKDOWN_PERIOD_WEEK, 3);

    set_amount (fixture, SP_BREAKDOWN_DIMENSION_REP, REP_C, SP_BREAKDOWN_PERIOD_WEEK, 3, 123456);
    g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_C,
                             SP_BREAKDOWN_PERIOD_WEEK, 3), ==, 123456);
    g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, SOUTH,
                             SP_BREAKDOWN_PERIOD_WEEK, 3), ==, region_week);
    assert_consistent (fixture->breakdown);
  }
}

static void
test_edit_percent (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownCell c;
  gint64 q2;

  generate (fixture, NULL);

  /* North = 40 % of the team: 31,200,004.4 → 31,200,004. */
  c = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH, SP_BREAKDOWN_PERIOD_YEAR, 0);
  g_assert_true (sp_breakdown_set_percent (fixture->breakdown, &c, SP_BREAKDOWN_OF_MEMBER, 4000,
                                           0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, 31200004);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, SOUTH,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, TARGET - 31200004);

  /* May = 33.35 % of the second quarter as it is after the edit (the other quarters' months
   * take up part of the change, so the quarter moves), and locked in the same step. */
  q2 = TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 1);
  c = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 4);
  g_assert_true (sp_breakdown_set_percent (fixture->breakdown, &c, SP_BREAKDOWN_OF_PERIOD, 3335,
                                           SP_BREAKDOWN_EDIT_LOCK, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 1), !=, q2);
  q2 = TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 1);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 4), ==, sp_allocation_percent_of (q2, 3335));

  /* 10 % of the first quarter with January locked: of the quarter after the rebalance, so
   * the share reads 10.0 % afterwards (it read 14.9 % when taken of the quarter before). */
  set_locked (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 0, TRUE);
  c = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 1);
  g_assert_true (sp_breakdown_set_percent (fixture->breakdown, &c, SP_BREAKDOWN_OF_PERIOD, 1000,
                                           0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 1), ==,
                   sp_allocation_percent_of (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 0), 1000));
  g_assert_cmpint (sp_allocation_percent_share (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 1),
                                                TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 0)), ==, 1000);
  g_assert_true (cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                       SP_BREAKDOWN_PERIOD_MONTH, 4).locked);

  /* A year is not a share of a period. */
  c = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_YEAR, 0);
  g_assert_false (sp_breakdown_set_percent (fixture->breakdown, &c, SP_BREAKDOWN_OF_PERIOD, 5000,
                                            0, NULL, &error));
  g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID);
  assert_consistent (fixture->breakdown);
}

static void
test_lock_quarter (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 q1 = 20000000;
  gint64 q1_months[3];

  generate (fixture, NULL);

  /* Setting Q1 splits it over its months and rebalances the other quarters. */
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_QUARTER, 0, q1);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 0), ==, q1);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 1) + TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 2)
                   + TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 3), ==, TARGET - q1);
  set_locked (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_QUARTER, 0, TRUE);
  for (guint m = 0; m < 3; m++)
    q1_months[m] = TEAM (SP_BREAKDOWN_PERIOD_MONTH, m);

  /* A month elsewhere: the locked quarter and its months keep their values. */
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 6, 10000000);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 0), ==, q1);
  for (guint m = 0; m < 3; m++)
    g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, m), ==, q1_months[m]);

  /* A month inside it: its siblings in the quarter take the change, nothing else moves. */
  {
    gint64 q2 = TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 1);

    set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 1, 9000000);
    g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 0), ==, q1);
    g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 1), ==, 9000000);
    g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 0) + TEAM (SP_BREAKDOWN_PERIOD_MONTH, 2),
                     ==, q1 - 9000000);
    g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 1), ==, q2);
  }

  /* The team's year: the locked quarter stays, the other quarters take the change. */
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_YEAR, 0, 90000000);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_QUARTER, 0), ==, q1);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_YEAR, 0), ==, 90000000);
  assert_consistent (fixture->breakdown);

  /* The plan's target followed, its higher tiers with it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) plans = sp_plan_list (fixture->store, &error);
    g_autoptr(SpPlan) plan = g_list_model_get_item (plans, 0);

    g_assert_no_error (error);
    g_assert_cmpint (sp_plan_get_target (plan), ==, 90000000);
    g_assert_cmpint (sp_plan_get_sprint (plan), ==, 90000000);
    g_assert_cmpint (sp_plan_get_challenge (plan), ==, 90000000);
  }
}

static void
assert_refused (Fixture               *fixture,
                SpBreakdownDimension   dimension,
                gint64                 member,
                SpBreakdownPeriod      period,
                guint                  index,
                gint64                 value,
                int                    code,
                gint64                 excess)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = content_hash (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(GArray) cells_before = cells (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP,
                                          SP_BREAKDOWN_ALL_MEMBERS, SP_BREAKDOWN_PERIOD_WEEK);
  g_autoptr(GArray) cells_after = NULL;
  SpBreakdownCell c = cell (fixture->breakdown, dimension, member, period, index);
  gint64 out_excess = 0;

  g_assert_false (sp_breakdown_set_amount (fixture->breakdown, &c, value, 0, &out_excess, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, code);
  g_assert_cmpint (out_excess, ==, excess);

  after = content_hash (fixture->store);
  g_assert_cmpstr (after, ==, before);
  cells_after = cells (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, SP_BREAKDOWN_ALL_MEMBERS,
                       SP_BREAKDOWN_PERIOD_WEEK);
  g_assert_cmpuint (cells_after->len, ==, cells_before->len);
  g_assert_cmpmem (cells_after->data, cells_after->len * sizeof (SpBreakdownCell),
                   cells_before->data, cells_before->len * sizeof (SpBreakdownCell));
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 locked = 0;

  generate (fixture, NULL);
  for (guint m = 0; m < 2; m++)
    {
      set_locked (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, m, TRUE);
      locked += TEAM (SP_BREAKDOWN_PERIOD_MONTH, m);
    }

  /* March so large that with January and February the year is over by 17. */
  assert_refused (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 2,
                  TARGET - locked + 17, SP_ALLOCATION_ERROR_LOCKS_EXCEED, 17);

  /* A year below its locked months: they are over it by 5. */
  assert_refused (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_YEAR, 0,
                  locked - 5, SP_ALLOCATION_ERROR_LOCKS_EXCEED, 5);

  /* North locked: South is the only other region, so it cannot change. */
  set_locked (fixture, SP_BREAKDOWN_DIMENSION_REGION, NORTH, SP_BREAKDOWN_PERIOD_YEAR, 0, TRUE);
  assert_refused (fixture, SP_BREAKDOWN_DIMENSION_REGION, SOUTH, SP_BREAKDOWN_PERIOD_YEAR, 0,
                  amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, SOUTH,
                          SP_BREAKDOWN_PERIOD_YEAR, 0) - 1000,
                  SP_ALLOCATION_ERROR_ALL_LOCKED, -1000);

  /* A rep's week over what its month can hold. */
  {
    gint64 month = amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_C,
                           SP_BREAKDOWN_PERIOD_MONTH, 5);

    /* Week 23 (2026-06-01 … 06-07) lies inside June. */
    assert_refused (fixture, SP_BREAKDOWN_DIMENSION_REP, REP_C, SP_BREAKDOWN_PERIOD_WEEK, 22,
                    month + 3, SP_ALLOCATION_ERROR_LOCKS_EXCEED, 3);
  }

  /* Both of North's reps' Januaries locked: North's January cannot move at all. */
  {
    gint64 januaries;

    set_locked (fixture, SP_BREAKDOWN_DIMENSION_REP, REP_A, SP_BREAKDOWN_PERIOD_MONTH, 0, TRUE);
    set_locked (fixture, SP_BREAKDOWN_DIMENSION_REP, REP_B, SP_BREAKDOWN_PERIOD_MONTH, 0, TRUE);
    januaries = amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_A,
                        SP_BREAKDOWN_PERIOD_MONTH, 0)
                + amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_B,
                          SP_BREAKDOWN_PERIOD_MONTH, 0);
    g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH,
                             SP_BREAKDOWN_PERIOD_MONTH, 0), ==, januaries);
    assert_refused (fixture, SP_BREAKDOWN_DIMENSION_REGION, NORTH, SP_BREAKDOWN_PERIOD_MONTH, 0,
                    januaries + 500, SP_ALLOCATION_ERROR_ALL_LOCKED, -500);
    assert_refused (fixture, SP_BREAKDOWN_DIMENSION_REGION, NORTH, SP_BREAKDOWN_PERIOD_MONTH, 0,
                    januaries - 300, SP_ALLOCATION_ERROR_LOCKS_EXCEED, 300);
  }

  /* A negative amount, and a day. */
  {
    g_autoptr(GError) error = NULL;
    SpBreakdownCell c = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                              SP_BREAKDOWN_PERIOD_DAY, 40);

    g_assert_false (sp_breakdown_set_amount (fixture->breakdown, &c, 5, 0, NULL, &error));
    g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID);
    g_clear_error (&error);
    c = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 4);
    g_assert_false (sp_breakdown_set_amount (fixture->breakdown, &c, -5, 0, NULL, &error));
    g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID);
  }

  assert_consistent (fixture->breakdown);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  guint changed = 0;

  g_signal_connect_swapped (fixture->breakdown, "changed", G_CALLBACK (count_cb), &changed);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  generate (fixture, NULL);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Break down target");

  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 7, 4000000);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  set_locked (fixture, SP_BREAKDOWN_DIMENSION_REP, REP_B, SP_BREAKDOWN_PERIOD_MONTH, 3, TRUE);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  g_assert_cmpstr (sp_store_get_undo_label (fixture->store), ==, "Lock breakdown cell");
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_REP, REP_A, SP_BREAKDOWN_PERIOD_YEAR, 0, 12345678);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  set_amount (fixture, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_WEEK, 30, 1500000);
  g_ptr_array_add (hashes, content_hash (fixture->store));
  g_assert_cmpuint (changed, ==, 5);

  for (guint i = hashes->len - 1; i > 0; i--)
    {
      g_autofree char *hash = NULL;

      g_assert_true (sp_store_undo (fixture->store, &error));
      g_assert_no_error (error);
      hash = content_hash (fixture->store);
      g_assert_cmpstr (hash, ==, g_ptr_array_index (hashes, i - 1));
      g_assert_cmpuint (changed, ==, 5 + hashes->len - i);
      if (i > 1)
        assert_consistent (fixture->breakdown);
    }
  g_assert_true (sp_breakdown_is_empty (fixture->breakdown));

  for (guint i = 1; i < hashes->len; i++)
    {
      g_autofree char *hash = NULL;

      g_assert_true (sp_store_redo (fixture->store, &error));
      g_assert_no_error (error);
      hash = content_hash (fixture->store);
      g_assert_cmpstr (hash, ==, g_ptr_array_index (hashes, i));
    }
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REP, REP_A,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, 12345678);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_WEEK, 30), ==, 1500000);
  assert_consistent (fixture->breakdown);
}

static void
test_last_year (Fixture       *fixture,
                gconstpointer  data)
{
  SpBreakdownCell march, north, week;

  generate (fixture, NULL);

  /* March 2025 sold 200,000; the team's March target is its share of 78,000,011. */
  march = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 2);
  g_assert_cmpint (march.last_year, ==, 200000);
  g_assert_true (march.has_growth);
  g_assert_cmpint (march.growth_bp, ==,
                   sp_allocation_percent_share (march.amount - 200000, 200000));

  /* January 2025 sold nothing: no growth to show. */
  g_assert_false (cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                        SP_BREAKDOWN_PERIOD_MONTH, 0).has_growth);

  /* North (Ann and Bo) took 3/10 of 2025's 6,600,000; the year before the 2023 order is out. */
  north = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH,
                SP_BREAKDOWN_PERIOD_YEAR, 0);
  g_assert_cmpint (north.last_year, ==, 1980000);

  /* The week 52 weeks before 2026-03-09 … 03-15 is 2025-03-10 … 03-16: Ann to Dan on the
   * 10th to the 13th of March 2025. */
  week = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_WEEK, 10);
  g_assert_cmpuint (week.period_start, ==, julian (2026, 3, 9));
  g_assert_cmpint (week.last_year, ==, 200000);
}

static void
test_headcount_and_custom (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpBreakdownOptions options;
  static const gint64 months[12] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 89 };
  static const SpBreakdownWeight custom[] = {
    { SP_BREAKDOWN_DIMENSION_PRODUCT, 1, 1 },
    { SP_BREAKDOWN_DIMENSION_PRODUCT, 2, 3 },
  };

  sp_breakdown_options_init (&options);
  options.member_sources[SP_BREAKDOWN_DIMENSION_REGION] = SP_WEIGHT_SOURCE_HEADCOUNT;
  options.member_sources[SP_BREAKDOWN_DIMENSION_PRODUCT] = SP_WEIGHT_SOURCE_CUSTOM;
  options.custom = custom;
  options.n_custom = G_N_ELEMENTS (custom);
  options.time_source = SP_WEIGHT_SOURCE_CUSTOM;
  options.time_custom = months;
  options.seed_source = SP_WEIGHT_SOURCE_EQUAL;
  generate (fixture, &options);

  /* North has two reps, South three: 2/5 of 78,000,011 = 31,200,004.4. */
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_REGION, NORTH,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, 31200004);
  g_assert_cmpint (amount (fixture->breakdown, SP_BREAKDOWN_DIMENSION_PRODUCT, 2,
                           SP_BREAKDOWN_PERIOD_YEAR, 0), ==, 58500008);
  g_assert_cmpint (TEAM (SP_BREAKDOWN_PERIOD_MONTH, 11), ==, 69420010);
  assert_consistent (fixture->breakdown);

  /* Headcount means nothing for products. */
  options.member_sources[SP_BREAKDOWN_DIMENSION_PRODUCT] = SP_WEIGHT_SOURCE_HEADCOUNT;
  g_assert_false (sp_breakdown_generate (fixture->breakdown, &options, &error));
  g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID);
}

static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreferences) preferences = sp_preferences_new (fixture->store);
  SpBreakdownCell c;

  generate (fixture, NULL);
  g_assert_false (sp_breakdown_is_stale (fixture->breakdown));
  c = cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0, SP_BREAKDOWN_PERIOD_MONTH, 1);

  /* A new product is simply not in the breakdown yet. */
  exec_edit (fixture->store, "INSERT INTO product (name) VALUES ('New')");
  g_assert_false (sp_breakdown_is_stale (fixture->breakdown));

  /* Bo moves to the South: both regions' reps no longer add up. */
  exec_edit (fixture->store, "UPDATE rep SET region_id = 2 WHERE id = 2");
  g_assert_true (sp_breakdown_is_stale (fixture->breakdown));
  g_assert_false (sp_breakdown_set_amount (fixture->breakdown, &c, 10, 0, NULL, &error));
  g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_STALE);
  g_clear_error (&error);
  g_assert_true (sp_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (sp_breakdown_is_stale (fixture->breakdown));

  /* Weeks that start on Sunday are other weeks: the cells must be made again. */
  g_assert_true (sp_preferences_set_week_start (preferences, G_DATE_SUNDAY, &error));
  g_assert_no_error (error);
  g_assert_true (sp_breakdown_is_stale (fixture->breakdown));
  g_assert_false (sp_breakdown_set_amount (fixture->breakdown, &c, 10, 0, NULL, &error));
  g_assert_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_STALE);
  g_clear_error (&error);

  generate (fixture, NULL);
  g_assert_false (sp_breakdown_is_stale (fixture->breakdown));
  assert_consistent (fixture->breakdown);
  g_assert_cmpuint (cell (fixture->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                          SP_BREAKDOWN_PERIOD_WEEK, 0).period_start, ==, julian (2025, 12, 28));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) json = g_memory_output_stream_new_resizable ();
  g_autofree char *csv_text = NULL;
  g_autofree char *json_text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_series = 1 + 2 + 5 + 2 + 2;

  generate (fixture, NULL);

  g_assert_true (sp_breakdown_export (fixture->breakdown, SP_BREAKDOWN_EXPORT_CSV,
                                      SP_BREAKDOWN_EXPORT_DEFAULT, csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (csv, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (csv, NULL, &error));
  csv_text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (csv));
  lines = g_strsplit (csv_text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + n_series * (1 + 4 + 12 + 53) + 1);
  g_assert_cmpstr (lines[0], ==, "dimension,member_id,member,parent_id,period,index,period_start,"
                                 "first_day,last_day,amount,locked,weight_source,weight,last_year,"
                                 "growth_percent");
  g_assert_cmpstr (lines[1], ==, "team,0,Team,0,year,0,2026-01-01,2026-01-01,2026-12-31,"
                                 "780000.11,0,equal,,66000.00,1081.82");

  g_assert_true (sp_breakdown_export (fixture->breakdown, SP_BREAKDOWN_EXPORT_JSON,
                                      SP_BREAKDOWN_EXPORT_DAYS, json, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (json, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (json, NULL, &error));
  json_text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (json));
  g_assert_nonnull (strstr (json_text, "\"fiscal_year\": 2026"));
  g_assert_nonnull (strstr (json_text, "{\"dimension\": \"team\", \"member_id\": 0, \"member\": "
                                       "\"Team\", \"parent_id\": 0, \"period\": \"year\", "
                                       "\"index\": 0, \"period_start\": \"2026-01-01\", "
                                       "\"first_day\": \"2026-01-01\", \"last_day\": "
                                       "\"2026-12-31\", \"amount\": 78000011, \"locked\": "
                                       "false, \"weight_source\": \"equal\", \"weight\": null, "
                                       "\"last_year\": 6600000, \"growth_bp\": 108182}"));
  g_assert_nonnull (strstr (json_text, "\"period\": \"day\", \"index\": 364,"));
}

/* Every dimension's members with their names, before and after the breakdown, and the
 * export of one level with every member named. */
static void
test_members_and_levels (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    SpBreakdownDimension dimension;
    const char          *members;   /* "id:parent:name …" in display order */
  } expected[] = {
    { SP_BREAKDOWN_DIMENSION_TEAM, "0:0:Team" },
    { SP_BREAKDOWN_DIMENSION_REGION, "1:0:North 2:0:South" },
    { SP_BREAKDOWN_DIMENSION_REP, "1:1:Ann 2:1:Bo 3:2:Cai 4:2:Dan 5:2:Eve" },
    { SP_BREAKDOWN_DIMENSION_PRODUCT, "2:0:Service 1:0:Terminal" },
    { SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE, "2:0:Scattered 1:0:Strategic" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) json = g_memory_output_stream_new_resizable ();
  g_autofree char *csv_text = NULL;
  g_autofree char *json_text = NULL;
  g_auto(GStrv) lines = NULL;
  GDate first;

  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        generate (fixture, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          g_autoptr(GArray) members = sp_breakdown_list_members (fixture->breakdown,
                                                                 expected[i].dimension, &error);
          g_autoptr(GString) text = g_string_new (NULL);

          g_assert_no_error (error);
          for (guint m = 0; m < members->len; m++)
            {
              const SpBreakdownMember *member = &g_array_index (members, SpBreakdownMember, m);
              g_autofree char *name = sp_breakdown_dup_member_name (fixture->breakdown,
                                                                    member->dimension,
                                                                    member->id);

              g_assert_cmpint (member->dimension, ==, expected[i].dimension);
              g_assert_cmpstr (name, ==, member->name);
              g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                      m ? " " : "", member->id, member->parent_id, member->name);
            }
          g_assert_cmpstr (text->str, ==, expected[i].members);
        }
    }

  g_assert_null (sp_breakdown_dup_member_name (fixture->breakdown, SP_BREAKDOWN_DIMENSION_PRODUCT,
                                               99));
  {
    g_autofree char *rep = sp_breakdown_dup_member_label (fixture->breakdown,
                                                          SP_BREAKDOWN_DIMENSION_REP, REP_A);
    g_autofree char *product = sp_breakdown_dup_member_label (fixture->breakdown,
                                                              SP_BREAKDOWN_DIMENSION_PRODUCT, 1);
    g_autofree char *unknown = sp_breakdown_dup_member_label (fixture->breakdown,
                                                              SP_BREAKDOWN_DIMENSION_PRODUCT, 99);

    g_assert_cmpstr (rep, ==, "Ann · North");
    g_assert_cmpstr (product, ==, "Terminal");
    g_assert_cmpstr (unknown, ==, "Product 99");
  }

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_MARCH, YEAR);
  g_assert_cmpuint (sp_breakdown_get_month_first_day (fixture->breakdown, 2), ==,
                    g_date_get_julian (&first));
  g_assert_cmpuint (sp_breakdown_get_month_first_day (fixture->breakdown, 12), ==, 0);

  g_assert_true (sp_breakdown_export_level (fixture->breakdown, SP_BREAKDOWN_EXPORT_CSV,
                                            SP_BREAKDOWN_EXPORT_DEFAULT, SP_BREAKDOWN_PERIOD_MONTH,
                                            csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (csv, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (csv, NULL, &error));
  csv_text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (csv));
  lines = g_strsplit (csv_text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + (1 + 2 + 5 + 2 + 2) * 12 + 1);
  for (guint i = 1; lines[i + 1] != NULL; i++)
    g_assert_nonnull (strstr (lines[i], ",month,"));
  g_assert_nonnull (strstr (csv_text, "\r\nproduct,1,Terminal,0,month,0,"));
  g_assert_nonnull (strstr (csv_text, "\r\ncustomer_type,2,Scattered,0,month,11,"));
  g_assert_nonnull (strstr (csv_text, "\r\nrep,5,Eve,2,month,"));

  g_assert_true (sp_breakdown_export_level (fixture->breakdown, SP_BREAKDOWN_EXPORT_JSON,
                                            SP_BREAKDOWN_EXPORT_DEFAULT, SP_BREAKDOWN_PERIOD_DAY,
                                            json, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (json, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (json, NULL, &error));
  json_text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (json));
  g_assert_nonnull (strstr (json_text, "\"member\": \"Strategic\", \"parent_id\": 0, "
                                       "\"period\": \"day\", \"index\": 364,"));
  g_assert_null (strstr (json_text, "\"period\": \"week\""));
}

/* The locked cells of every member and level, as (cell, amount). */
static GArray *
locked_cells (SpBreakdown *breakdown)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SpBreakdownCell));

  for (guint d = 0; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    for (guint p = SP_BREAKDOWN_PERIOD_YEAR; p <= SP_BREAKDOWN_PERIOD_WEEK; p++)
      {
        g_autoptr(GArray) all = cells (breakdown, d, SP_BREAKDOWN_ALL_MEMBERS, p);

        for (guint i = 0; i < all->len; i++)
          if (g_array_index (all, SpBreakdownCell, i).locked)
            g_array_append_val (out, g_array_index (all, SpBreakdownCell, i));
      }

  return out;
}

/* Many random edits, locks, refusals and undos: after each, every level adds up, locked
 * cells kept their values, and a refusal or an undo left the exact content behind. */
static void
test_random_edits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_free);
  static const SpBreakdownDimension dims[] = {
    SP_BREAKDOWN_DIMENSION_TEAM, SP_BREAKDOWN_DIMENSION_REGION, SP_BREAKDOWN_DIMENSION_REP,
    SP_BREAKDOWN_DIMENSION_PRODUCT, SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE,
  };
  guint n_ok = 0, n_refused = 0, n_undone = 0;

  generate (fixture, NULL);
  g_ptr_array_add (history, content_hash (fixture->store));

  for (guint round = 0; round < 150; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) locked = locked_cells (fixture->breakdown);
      g_autoptr(GArray) members = NULL;
      g_autofree char *before = content_hash (fixture->store);
      SpBreakdownDimension d = dims[g_rand_int_range (rand, 0, G_N_ELEMENTS (dims))];
      SpBreakdownPeriod p = g_rand_int_range (rand, SP_BREAKDOWN_PERIOD_YEAR,
                                              SP_BREAKDOWN_PERIOD_DAY);
      int what = g_rand_int_range (rand, 0, 100);
      SpBreakdownCell c;
      gint64 excess = 0;
      gboolean ok;

      if (what < 8 && history->len > 1)
        {
          g_autofree char *now = NULL;

          g_assert_true (sp_store_undo (fixture->store, &error));
          g_assert_no_error (error);
          g_ptr_array_remove_index (history, history->len - 1);
          now = content_hash (fixture->store);
          g_assert_cmpstr (now, ==, g_ptr_array_index (history, history->len - 1));
          assert_consistent (fixture->breakdown);
          n_undone++;
          continue;
        }

      members = sp_breakdown_get_members (fixture->breakdown, d);
      c = cell (fixture->breakdown, d, g_array_index (members, gint64,
                                                      g_rand_int_range (rand, 0, members->len)),
                p, g_rand_int_range (rand, 0, sp_breakdown_get_n_periods (fixture->breakdown, p)));

      if (what < 35)
        ok = sp_breakdown_set_locked (fixture->breakdown, &c, !c.locked, &error);
      else if (what < 45 && (p != SP_BREAKDOWN_PERIOD_YEAR || d != SP_BREAKDOWN_DIMENSION_TEAM))
        ok = sp_breakdown_set_percent (fixture->breakdown, &c,
                                       d == SP_BREAKDOWN_DIMENSION_TEAM ? SP_BREAKDOWN_OF_PERIOD
                                                                        : SP_BREAKDOWN_OF_MEMBER,
                                       g_rand_int_range (rand, 0, 6000), 0, &excess, &error);
      else
        ok = sp_breakdown_set_amount (fixture->breakdown, &c,
                                      c.amount * g_rand_int_range (rand, 0, 200) / 100
                                      + g_rand_int_range (rand, 0, 1000), 0, &excess, &error);

      if (!ok)
        {
          g_autofree char *after = content_hash (fixture->store);

          /* Money on a rep's day off the team (Dan after June, Eve before 15 September). */
          if (error->domain == SP_BREAKDOWN_ERROR)
            {
              g_assert_cmpint (error->code, ==, SP_BREAKDOWN_ERROR_INVALID);
              g_assert_cmpint (d, ==, SP_BREAKDOWN_DIMENSION_REP);
              g_assert_true (c.member_id == REP_D || c.member_id == REP_E);
            }
          else
            {
              g_assert_true (error->domain == SP_ALLOCATION_ERROR);
              g_assert_true ((error->code == SP_ALLOCATION_ERROR_LOCKS_EXCEED && excess >= 0)
                             || (error->code == SP_ALLOCATION_ERROR_ALL_LOCKED && excess <= 0));
            }
          g_assert_cmpstr (after, ==, before);
          n_refused++;
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpint (excess, ==, 0);
      assert_consistent (fixture->breakdown);
      for (guint i = 0; i < locked->len; i++)
        {
          SpBreakdownCell *l = &g_array_index (locked, SpBreakdownCell, i);

          if (l->dimension == c.dimension && l->member_id == c.member_id && l->period == c.period
              && l->index == c.index)
            continue;
          g_assert_cmpint (amount (fixture->breakdown, l->dimension, l->member_id, l->period,
                                   l->index), ==, l->amount);
        }
      if (g_strcmp0 (before, g_ptr_array_index (history, history->len - 1)) == 0)
        {
          g_autofree char *after = content_hash (fixture->store);

          if (g_strcmp0 (after, before) != 0)
            g_ptr_array_add (history, g_steal_pointer (&after));
        }
      n_ok++;
    }

  g_test_message ("%u edits, %u refused, %u undone", n_ok, n_refused, n_undone);
  g_assert_cmpuint (n_ok, >, 50);
  g_assert_cmpuint (n_refused, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/breakdown/generate/sums", test_generate_sums);
  ADD ("/breakdown/generate/history-months", test_generate_history_months);
  ADD ("/breakdown/generate/headcount-custom", test_headcount_and_custom);
  ADD ("/breakdown/week/straddles", test_week_straddles);
  ADD ("/breakdown/edit/month", test_edit_month);
  ADD ("/breakdown/edit/member", test_edit_member);
  ADD ("/breakdown/edit/week", test_edit_week);
  ADD ("/breakdown/edit/percent", test_edit_percent);
  ADD ("/breakdown/lock/quarter", test_lock_quarter);
  ADD ("/breakdown/lock/refused", test_refused);
  ADD ("/breakdown/undo-redo", test_undo_redo);
  ADD ("/breakdown/undo-team-edit-interleaved", test_undo_team_edit_interleaved);
  ADD ("/breakdown/last-year", test_last_year);
  ADD ("/breakdown/stale", test_stale);
  ADD ("/breakdown/export", test_export);
  ADD ("/breakdown/members-and-levels", test_members_and_levels);
  ADD ("/breakdown/random-edits", test_random_edits);

  return g_test_run ();
}
