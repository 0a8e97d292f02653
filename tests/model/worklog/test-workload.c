/* test-workload.c — the workload formula and the conversion rates a work log gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "sp-demo.h"
#include "sp-rep.h"
#include "sp-store-private.h"
#include "sp-test-utils.h"
#include "sp-workload.h"

static SpWorkloadInput
example_input (void)
{
  /* 1,000,000.00 yuan at 25,000.00 per order over 21 working days. */
  SpWorkloadInput in = {
    .target = 100000000,
    .avg_order_value = 2500000,
    .rates = { { 1, 3 }, { 37, 120 }, { 3, 10 }, { 1, 2 } },
    .working_days = 21,
  };

  return in;
}

static void
assert_counts (const SpWorkload *w,
               gint64 p, gint64 a, gint64 s, gint64 o, gint64 c)
{
  g_assert_cmpint (w->counts[SP_WORKLOAD_PROSPECTS], ==, p);
  g_assert_cmpint (w->counts[SP_WORKLOAD_APPOINTMENTS], ==, a);
  g_assert_cmpint (w->counts[SP_WORKLOAD_PRESENTATIONS], ==, s);
  g_assert_cmpint (w->counts[SP_WORKLOAD_OBJECTIONS], ==, o);
  g_assert_cmpint (w->counts[SP_WORKLOAD_CLOSES], ==, c);
}

static void
assert_per_day (const SpWorkload *w,
                gint64 p, gint64 a, gint64 s, gint64 o, gint64 c)
{
  g_assert_cmpint (w->per_day[SP_WORKLOAD_PROSPECTS], ==, p);
  g_assert_cmpint (w->per_day[SP_WORKLOAD_APPOINTMENTS], ==, a);
  g_assert_cmpint (w->per_day[SP_WORKLOAD_PRESENTATIONS], ==, s);
  g_assert_cmpint (w->per_day[SP_WORKLOAD_OBJECTIONS], ==, o);
  g_assert_cmpint (w->per_day[SP_WORKLOAD_CLOSES], ==, c);
}

static void
compute_ok (const SpWorkloadInput *in,
            SpWorkload            *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_workload_compute (in, out, &error));
  g_assert_no_error (error);
}

static void
test_formula_example (void)
{
  SpWorkloadInput in = example_input ();
  SpWorkload w;

  compute_ok (&in, &w);
  /* orders 40; 40 / (1/2) = 80; ceil (80 * 10 / 3) = 267; ceil (267 * 120 / 37) = 866;
   * 866 * 3 = 2598 */
  assert_counts (&w, 2598, 866, 267, 80, 40);
  /* 123.7 → 124, 41.2 → 42, 12.7 → 13, 3.8 → 4, 1.9 → 2 */
  assert_per_day (&w, 124, 42, 13, 4, 2);
}

static void
test_formula_boundaries (void)
{
  SpWorkloadInput in = {
    .target = 100,
    .avg_order_value = 25,
    .rates = { { 1, 1 }, { 1, 1 }, { 3, 10 }, { 2, 4 } },
    .working_days = 4,
  };
  SpWorkload w;

  /* 100 / 25 = 4 orders exactly, 4 / (2/4) = 8 objections exactly, 80 / 3 → 27. */
  compute_ok (&in, &w);
  assert_counts (&w, 27, 27, 27, 8, 4);
  assert_per_day (&w, 7, 7, 7, 2, 1);

  /* One unit over: 5 orders → 10 objections → 100 / 3 → 34 presentations. */
  in.target = 101;
  compute_ok (&in, &w);
  assert_counts (&w, 34, 34, 34, 10, 5);
  assert_per_day (&w, 9, 9, 9, 3, 2);

  /* One unit under still needs 4 orders. */
  in.target = 99;
  compute_ok (&in, &w);
  assert_counts (&w, 27, 27, 27, 8, 4);

  /* 3 orders → 6 objections → 60 / 3 = 20 presentations exactly; 20 over 20 days = 1. */
  in.target = 75;
  in.working_days = 20;
  compute_ok (&in, &w);
  assert_counts (&w, 20, 20, 20, 6, 3);
  assert_per_day (&w, 1, 1, 1, 1, 1);

  /* 21 working days: 42 is exactly 2 a day, 43 is 3. */
  in = (SpWorkloadInput) {
    .target = 42, .avg_order_value = 1,
    .rates = { { 42, 43 }, { 1, 1 }, { 1, 1 }, { 1, 1 } },
    .working_days = 21,
  };
  compute_ok (&in, &w);
  assert_counts (&w, 43, 42, 42, 42, 42);
  assert_per_day (&w, 3, 2, 2, 2, 2);
}

static void
test_formula_percent (void)
{
  SpWorkloadInput in = example_input ();
  SpWorkload w;
  SpRate rate = sp_rate_from_basis_points (3083);

  g_assert_cmpint (rate.num, ==, 3083);
  g_assert_cmpint (rate.den, ==, 10000);

  /* 30.83% instead of 37/120 (30.833…%): ceil (267 * 10000 / 3083) = 867, not 866. */
  in.rates[1] = rate;
  compute_ok (&in, &w);
  assert_counts (&w, 2601, 867, 267, 80, 40);
  assert_per_day (&w, 124, 42, 13, 4, 2);

  /* 50% is exactly 1/2, 100% changes nothing. */
  in.rates[0] = sp_rate_from_basis_points (10000);
  in.rates[1] = sp_rate_from_basis_points (10000);
  in.rates[2] = sp_rate_from_basis_points (10000);
  in.rates[3] = sp_rate_from_basis_points (5000);
  compute_ok (&in, &w);
  assert_counts (&w, 80, 80, 80, 80, 40);

  /* A rate above 100% is allowed: 3 closes at 150% need 2 handled objections. */
  in = (SpWorkloadInput) {
    .target = 3, .avg_order_value = 1,
    .rates = { { 1, 1 }, { 1, 1 }, { 1, 1 }, sp_rate_from_basis_points (15000) },
    .working_days = 1,
  };
  compute_ok (&in, &w);
  assert_counts (&w, 2, 2, 2, 2, 3);

  g_assert_cmpint (sp_rate_to_basis_points ((SpRate) { 37, 120 }), ==, 3083);
  g_assert_cmpint (sp_rate_to_basis_points ((SpRate) { 2, 3 }), ==, 6667);
  g_assert_cmpint (sp_rate_to_basis_points ((SpRate) { 1, 8 }), ==, 1250);
  g_assert_cmpint (sp_rate_to_basis_points ((SpRate) { 1, 20000 }), ==, 1);  /* 0.5 bp */
  g_assert_cmpint (sp_rate_to_basis_points ((SpRate) { 5, 0 }), ==, 0);
}

static void
assert_invalid (const SpWorkloadInput *in,
                const char            *needle)
{
  g_autoptr(GError) error = NULL;
  SpWorkload w;

  memset (&w, 0x5a, sizeof w);
  g_assert_false (sp_workload_compute (in, &w, &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
  /* Nothing is written on failure. */
  g_assert_cmpint (w.counts[0], ==, 0x5a5a5a5a5a5a5a5a);
}

static void
test_formula_errors (void)
{
  static const char * const stages[] = {
    "from prospects to appointments",
    "from appointments to presentations",
    "from presentations to objections handled",
    "from objections handled to closes",
  };
  SpWorkloadInput in;

  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      g_autofree char *zero = g_strconcat (stages[i], " is zero", NULL);
      g_autofree char *missing = g_strconcat (stages[i], " is missing", NULL);
      g_autofree char *negative = g_strconcat (stages[i], " is negative", NULL);

      in = example_input ();
      in.rates[i] = (SpRate) { 0, 120 };
      assert_invalid (&in, zero);
      /* Even a target of 0 is refused with a bad rate. */
      in.target = 0;
      assert_invalid (&in, zero);

      in = example_input ();
      in.rates[i] = (SpRate) { 0, 0 };
      assert_invalid (&in, missing);
      in.rates[i] = (SpRate) { 5, 0 };
      assert_invalid (&in, missing);

      in.rates[i] = (SpRate) { -1, 3 };
      assert_invalid (&in, negative);
      in.rates[i] = (SpRate) { 1, -3 };
      assert_invalid (&in, negative);
    }

  in = example_input ();
  in.rates[1] = sp_rate_from_basis_points (0);
  assert_invalid (&in, "from appointments to presentations is zero");
  assert_invalid (&in, "Enter a rate above 0%");

  in = example_input ();
  in.avg_order_value = 0;
  assert_invalid (&in, "average order value");
  in.avg_order_value = -2500000;
  assert_invalid (&in, "average order value");

  in = example_input ();
  in.working_days = 0;
  assert_invalid (&in, "no working days");

  in = example_input ();
  in.target = -1;
  assert_invalid (&in, "target is negative");
}

static void
test_formula_zero_target (void)
{
  SpWorkloadInput in = example_input ();
  SpWorkload w;

  in.target = 0;
  memset (&w, 0x5a, sizeof w);
  compute_ok (&in, &w);
  assert_counts (&w, 0, 0, 0, 0, 0);
  assert_per_day (&w, 0, 0, 0, 0, 0);
}

static void
test_formula_huge (void)
{
  g_autoptr(GError) error = NULL;
  SpWorkloadInput in = {
    .target = G_MAXINT64, .avg_order_value = 1,
    .rates = { { 1, 1 }, { 1, 1 }, { 1, 1 }, { 1, 1 } },
    .working_days = 21,
  };
  SpWorkload w;

  compute_ok (&in, &w);
  assert_counts (&w, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64);
  assert_per_day (&w, 439208192231179801, 439208192231179801, 439208192231179801,
                  439208192231179801, 439208192231179801);

  /* Huge numerators and denominators: no overflow in next * den. */
  in.rates[2] = (SpRate) { G_MAXINT64, G_MAXINT64 };
  in.working_days = 1;
  compute_ok (&in, &w);
  assert_counts (&w, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64);
  assert_per_day (&w, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64);

  /* 4e18 * 4 overflows 64 bits, the result 5.33e18 does not. */
  in = (SpWorkloadInput) {
    .target = 4000000000000000000, .avg_order_value = 1,
    .rates = { { 1, 1 }, { 1, 1 }, { 1, 1 }, { 3, 4 } },
    .working_days = 1,
  };
  compute_ok (&in, &w);
  assert_counts (&w, 5333333333333333334, 5333333333333333334, 5333333333333333334,
                 5333333333333333334, 4000000000000000000);

  /* A result that does not fit is an error, not a wrap-around. */
  in.rates[0] = (SpRate) { 1, 2 };
  g_assert_false (sp_workload_compute (&in, &w, &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* Ten billion yuan, one fen per order, 0.01% rates: 10^20 presentations do not fit. */
  in = (SpWorkloadInput) {
    .target = G_GINT64_CONSTANT (1000000000000), .avg_order_value = 1,
    .rates = { sp_rate_from_basis_points (1), sp_rate_from_basis_points (1),
               sp_rate_from_basis_points (1), sp_rate_from_basis_points (1) },
    .working_days = 250,
  };
  g_assert_false (sp_workload_compute (&in, &w, &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* 1,000,000.00 per order: 10,000 orders; 10% at every stage. */
  in.avg_order_value = 100000000;
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    in.rates[i] = sp_rate_from_basis_points (1000);
  compute_ok (&in, &w);
  assert_counts (&w, 100000000, 10000000, 1000000, 100000, 10000);
  assert_per_day (&w, 400000, 40000, 4000, 400, 40);
}

static void
test_stage_names (void)
{
  g_assert_cmpstr (sp_workload_stage_get_name (SP_WORKLOAD_PROSPECTS), ==, "Prospecting");
  g_assert_cmpstr (sp_workload_stage_get_name (SP_WORKLOAD_CLOSES), ==, "Closing");
}

/* History */

typedef struct
{
  char    *dir;
  SpStore *store;
} Workspace;

static void
workspace_open (Workspace *ws)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  ws->dir = sp_test_make_dir ();
  path = g_build_filename (ws->dir, "workspace.db", NULL);
  ws->store = sp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ws->store);
}

static void
workspace_close (Workspace *ws)
{
  g_clear_object (&ws->store);
  sp_test_remove_tree (ws->dir);
  g_clear_pointer (&ws->dir, g_free);
}

static void
exec_sql (Workspace  *ws,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_store_begin_edit (ws->store, "Test", &error));
  g_assert_no_error (error);
  g_assert_true (sp_sql_exec (sp_store_get_db (ws->store), sql, &error));
  g_assert_no_error (error);
  g_assert_true (sp_store_commit_edit (ws->store, &error));
  g_assert_no_error (error);
}

/* Adds rep @rep_id's entries for March 2026 days @first..@last, each day the same counts,
 * except that closes, orders and revenue only come on odd days. */
static void
add_days (Workspace *ws,
          gint64     rep_id,
          guint      first,
          guint      last,
          gint64     prospects,
          gint64     appointments,
          gint64     presentations,
          gint64     objections,
          gint64     revenue_per_order)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = sp_store_get_db (ws->store);

  g_assert_true (sp_store_begin_edit (ws->store, "Test", &error));
  g_assert_no_error (error);
  stmt = sp_sql_prepare (db,
                         "INSERT INTO worklog_entry (rep_id, day, prospects, appointments,"
                         " presentations, objections, closes, orders, revenue)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         &error);
  g_assert_no_error (error);

  for (guint d = first; d <= last; d++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02u", d);
      gint64 closes = d % 2;

      sqlite3_bind_int64 (stmt, 1, rep_id);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, prospects);
      sqlite3_bind_int64 (stmt, 4, appointments);
      sqlite3_bind_int64 (stmt, 5, presentations);
      sqlite3_bind_int64 (stmt, 6, objections);
      sqlite3_bind_int64 (stmt, 7, closes);
      sqlite3_bind_int64 (stmt, 8, closes);
      sqlite3_bind_int64 (stmt, 9, closes * revenue_per_order);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_true (sp_store_commit_edit (ws->store, &error));
  g_assert_no_error (error);
}

static void
add_reps (Workspace *ws)
{
  exec_sql (ws,
            "INSERT INTO region (id, name) VALUES (1, 'North');"
            "INSERT INTO rep (id, name, region_id) VALUES"
            " (1, 'Li Lei', 1), (2, 'Han Meimei', 1), (3, 'Wang Fang', 1), (4, 'Zhao Qiang', 1);");
}

static void
rates_ok (Workspace       *ws,
          gint64           rep_id,
          const char      *from,
          const char      *to,
          SpWorkloadRates *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_workload_rates_from_log (ws->store, rep_id, from, to, out, &error));
  g_assert_no_error (error);
}

static void
assert_sums (const SpWorkloadRates *r,
             gint64 p, gint64 a, gint64 s, gint64 o, gint64 c,
             gint64 orders, gint64 revenue, guint days)
{
  g_assert_cmpint (r->sums[SP_WORKLOAD_PROSPECTS], ==, p);
  g_assert_cmpint (r->sums[SP_WORKLOAD_APPOINTMENTS], ==, a);
  g_assert_cmpint (r->sums[SP_WORKLOAD_PRESENTATIONS], ==, s);
  g_assert_cmpint (r->sums[SP_WORKLOAD_OBJECTIONS], ==, o);
  g_assert_cmpint (r->sums[SP_WORKLOAD_CLOSES], ==, c);
  g_assert_cmpint (r->orders, ==, orders);
  g_assert_cmpint (r->revenue, ==, revenue);
  g_assert_cmpuint (r->logged_days, ==, days);
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      g_assert_cmpint (r->rates[i].num, ==, r->sums[i + 1]);
      g_assert_cmpint (r->rates[i].den, ==, r->sums[i]);
    }
}

static void
test_history_sums (void)
{
  Workspace ws = { 0 };
  SpWorkloadRates r;
  SpWorkloadInput in;
  SpWorkload w;
  g_autoptr(GError) error = NULL;

  workspace_open (&ws);
  add_reps (&ws);
  /* Rep 1, March 1..20: 10 closes (odd days), revenue 250,000.05 per order. */
  add_days (&ws, 1, 1, 20, 6, 2, 1, 1, 25000005);
  /* Outside the window, on both sides. */
  exec_sql (&ws,
            "INSERT INTO worklog_entry (rep_id, day, prospects, closes, orders, revenue)"
            " VALUES (1, '2026-02-28', 1000, 7, 7, 700), (1, '2026-03-21', 5000, 9, 9, 900);");

  rates_ok (&ws, 1, "2026-03-01", "2026-03-20", &r);
  assert_sums (&r, 120, 40, 20, 20, 10, 10, 250000050, 20);
  g_assert_cmpint (r.avg_order_value, ==, 25000005);
  g_assert_true (sp_workload_rates_has_enough_history (&r));

  /* Both bounds are inclusive. */
  rates_ok (&ws, 1, "2026-02-28", "2026-03-20", &r);
  assert_sums (&r, 1120, 40, 20, 20, 17, 17, 250000750, 21);
  /* 250,000,750 / 17 = 14,705,926.47 → 14,705,926 */
  g_assert_cmpint (r.avg_order_value, ==, 14705926);
  rates_ok (&ws, 1, "2026-03-01", "2026-03-21", &r);
  assert_sums (&r, 5120, 40, 20, 20, 19, 19, 250000950, 21);
  rates_ok (&ws, 1, "2026-03-21", "2026-03-21", &r);
  assert_sums (&r, 5000, 0, 0, 0, 9, 9, 900, 1);
  g_assert_cmpint (r.avg_order_value, ==, 100);
  g_assert_false (sp_workload_rates_has_enough_history (&r));
  rates_ok (&ws, 1, NULL, NULL, &r);
  assert_sums (&r, 6120, 40, 20, 20, 26, 26, 250001650, 22);
  rates_ok (&ws, 1, "2026-03-20", NULL, &r);
  assert_sums (&r, 5006, 2, 1, 1, 9, 9, 900, 2);

  /* An empty window: zeros, no rates, no average order value. */
  rates_ok (&ws, 1, "2025-01-01", "2025-12-31", &r);
  assert_sums (&r, 0, 0, 0, 0, 0, 0, 0, 0);
  g_assert_cmpint (r.avg_order_value, ==, 0);
  g_assert_false (sp_workload_rates_has_enough_history (&r));

  /* Half a minor unit rounds away from zero: 25 / 10 = 2.5 → 3. */
  add_days (&ws, 2, 1, 20, 1, 1, 1, 1, 0);
  exec_sql (&ws, "UPDATE worklog_entry SET revenue = 5 WHERE rep_id = 2 AND day <= '2026-03-05'"
                 " AND orders = 1;");
  rates_ok (&ws, 2, "2026-03-01", "2026-03-20", &r);
  assert_sums (&r, 20, 20, 20, 20, 10, 10, 15, 20);
  g_assert_cmpint (r.avg_order_value, ==, 2);   /* 1.5 → 2 */
  exec_sql (&ws, "UPDATE worklog_entry SET revenue = 10 WHERE rep_id = 2 AND day = '2026-03-01';");
  rates_ok (&ws, 2, "2026-03-01", "2026-03-20", &r);
  g_assert_cmpint (r.revenue, ==, 20);
  g_assert_cmpint (r.avg_order_value, ==, 2);   /* 2.0 */
  exec_sql (&ws, "UPDATE worklog_entry SET revenue = 15 WHERE rep_id = 2 AND day = '2026-03-01';");
  rates_ok (&ws, 2, "2026-03-01", "2026-03-20", &r);
  g_assert_cmpint (r.avg_order_value, ==, 3);   /* 2.5 → 3 */

  /* The team: both reps, distinct days. */
  rates_ok (&ws, 0, "2026-03-01", "2026-03-20", &r);
  assert_sums (&r, 140, 60, 40, 40, 20, 20, 250000050 + 25, 20);

  /* From history to a workload: rep 1's rates 40/120, 20/40, 20/20, 10/20. */
  rates_ok (&ws, 1, "2026-03-01", "2026-03-20", &r);
  sp_workload_input_init_from_rates (&in, &r, 100000000000, 21);
  g_assert_true (sp_workload_compute (&in, &w, &error));
  g_assert_no_error (error);
  /* ceil (100,000,000,000 / 25,000,005) = 4000; objections 8000, presentations 8000,
   * appointments 16000, prospects 48000 */
  assert_counts (&w, 48000, 16000, 8000, 8000, 4000);
  assert_per_day (&w, 2286, 762, 381, 381, 191);

  /* Bad windows. */
  g_assert_false (sp_workload_rates_from_log (ws.store, 1, "2026-03-21", "2026-03-20", &r,
                                              &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_workload_rates_from_log (ws.store, 1, "2026-02-30", NULL, &r, &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_false (sp_workload_rates_from_log (ws.store, 1, NULL, "March", &r, &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "March"));
  g_clear_error (&error);

  workspace_close (&ws);
}

static void
rates_for_rep_ok (Workspace       *ws,
                  gint64           rep_id,
                  SpWorkloadRates *out,
                  gboolean        *used_team)
{
  g_autoptr(GError) error = NULL;

  *used_team = 2;
  g_assert_true (sp_workload_rates_for_rep (ws->store, rep_id, "2026-03-01", "2026-03-20", out,
                                            used_team, &error));
  g_assert_no_error (error);
}

static void
test_history_fallback (void)
{
  Workspace ws = { 0 };
  SpWorkloadRates r;
  gboolean used_team;
  g_autoptr(GError) error = NULL;

  workspace_open (&ws);
  add_reps (&ws);
  add_days (&ws, 1, 1, 20, 6, 2, 1, 1, 100);       /* 20 days, 10 orders: its own */
  add_days (&ws, 2, 1, 19, 4, 2, 2, 2, 300);       /* 19 days, 10 orders: too few days */
  add_days (&ws, 3, 1, 20, 0, 3, 3, 3, 500);       /* no prospects */
  add_days (&ws, 4, 1, 8, 8, 8, 8, 8, 700);        /* 4 orders... */
  add_days (&ws, 4, 10, 20, 8, 8, 8, 8, 0);        /* ...over 19 days */
  exec_sql (&ws, "UPDATE worklog_entry SET closes = 0, orders = 0"
                 " WHERE rep_id = 4 AND day >= '2026-03-10';");

  rates_for_rep_ok (&ws, 1, &r, &used_team);
  g_assert_false (used_team);
  assert_sums (&r, 120, 40, 20, 20, 10, 10, 1000, 20);
  g_assert_cmpint (r.avg_order_value, ==, 100);

  /* Team over the window: rep 1 + rep 2 + rep 3 + rep 4. */
  rates_for_rep_ok (&ws, 2, &r, &used_team);
  g_assert_true (used_team);
  assert_sums (&r, 120 + 76 + 0 + 152, 40 + 38 + 60 + 152, 20 + 38 + 60 + 152,
               20 + 38 + 60 + 152, 10 + 10 + 10 + 4, 34,
               1000 + 3000 + 5000 + 4 * 700, 20);
  /* 11,800 / 34 = 347.06 */
  g_assert_cmpint (r.avg_order_value, ==, 347);

  rates_for_rep_ok (&ws, 3, &r, &used_team);
  g_assert_true (used_team);
  g_assert_cmpint (r.sums[SP_WORKLOAD_PROSPECTS], ==, 348);

  /* 4 orders over 19 days. */
  rates_for_rep_ok (&ws, 4, &r, &used_team);
  g_assert_true (used_team);

  /* Rep 2's 20th day: now its own history is enough. */
  add_days (&ws, 2, 20, 20, 4, 2, 2, 2, 300);
  rates_for_rep_ok (&ws, 2, &r, &used_team);
  g_assert_false (used_team);
  assert_sums (&r, 80, 40, 40, 40, 10, 10, 3000, 20);

  /* Rep 4 gets 20 days but still only 4 orders; then a fifth. */
  exec_sql (&ws, "INSERT INTO worklog_entry (rep_id, day, prospects, appointments, presentations,"
                 " objections) VALUES (4, '2026-03-09', 8, 8, 8, 8);");
  rates_for_rep_ok (&ws, 4, &r, &used_team);
  g_assert_true (used_team);
  exec_sql (&ws, "UPDATE worklog_entry SET closes = 1, orders = 1, revenue = 700"
                 " WHERE rep_id = 4 AND day = '2026-03-09';");
  rates_for_rep_ok (&ws, 4, &r, &used_team);
  g_assert_false (used_team);
  assert_sums (&r, 160, 160, 160, 160, 5, 5, 3500, 20);

  /* Rep 0 is the team. */
  rates_for_rep_ok (&ws, 0, &r, &used_team);
  g_assert_true (used_team);
  g_assert_cmpint (r.orders, ==, 10 + 10 + 10 + 5);

  /* No rep with history in the window: rep 1's own days are outside it, the team has none. */
  g_assert_false (sp_workload_rates_for_rep (ws.store, 1, "2026-04-01", "2026-04-30", &r,
                                             &used_team, &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY);
  g_assert_true (used_team);
  assert_sums (&r, 0, 0, 0, 0, 0, 0, 0, 0);
  g_clear_error (&error);

  workspace_close (&ws);
}

static void
test_history_team_too_little (void)
{
  Workspace ws = { 0 };
  SpWorkloadRates r;
  gboolean used_team = FALSE;
  g_autoptr(GError) error = NULL;

  workspace_open (&ws);
  add_reps (&ws);
  add_days (&ws, 2, 1, 19, 4, 2, 2, 2, 300);

  g_assert_false (sp_workload_rates_for_rep (ws.store, 2, "2026-03-01", "2026-03-20", &r,
                                             &used_team, &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY);
  g_assert_nonnull (strstr (error->message, "team"));
  g_assert_true (used_team);
  /* The team's figures are still there to start a what-if from. */
  assert_sums (&r, 76, 38, 38, 38, 10, 10, 3000, 19);
  g_clear_error (&error);

  /* One more day of another rep makes 20 distinct days for the team. */
  add_days (&ws, 1, 20, 20, 1, 1, 1, 1, 0);
  rates_for_rep_ok (&ws, 2, &r, &used_team);
  g_assert_true (used_team);
  assert_sums (&r, 77, 39, 39, 39, 10, 10, 3000, 20);

  workspace_close (&ws);
}

static void
test_history_description (void)
{
  g_autofree char *text = sp_workload_describe_too_little_history ();

  g_assert_nonnull (strstr (text, "fewer than 20 logged days"));
  g_assert_nonnull (strstr (text, "fewer than 5 orders"));
}

static void
assert_rates_equal (const SpWorkloadRates *a,
                    const SpWorkloadRates *b)
{
  g_assert_cmpmem (a->sums, sizeof a->sums, b->sums, sizeof b->sums);
  g_assert_cmpint (a->orders, ==, b->orders);
  g_assert_cmpint (a->revenue, ==, b->revenue);
  g_assert_cmpuint (a->logged_days, ==, b->logged_days);
  g_assert_cmpmem (a->rates, sizeof a->rates, b->rates, sizeof b->rates);
  g_assert_cmpint (a->avg_order_value, ==, b->avg_order_value);
}

/* sp_workload_rates_for_reps() gives, rep by rep, what sp_workload_rates_for_rep() gives. */
static void
assert_batch_matches (SpStore      *store,
                      const gint64 *rep_ids,
                      guint         n_reps,
                      const char   *from,
                      const char   *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree SpWorkloadRates *batch = g_new0 (SpWorkloadRates, n_reps);
  g_autofree gboolean *used_team = g_new0 (gboolean, n_reps);
  g_autofree gboolean *enough = g_new0 (gboolean, n_reps);

  g_assert_true (sp_workload_rates_for_reps (store, rep_ids, n_reps, from, to, batch,
                                             used_team, enough, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_reps; i++)
    {
      SpWorkloadRates one;
      gboolean one_team = FALSE;
      gboolean ok = sp_workload_rates_for_rep (store, rep_ids[i], from, to, &one, &one_team,
                                               &error);

      if (!ok)
        {
          g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY);
          g_clear_error (&error);
        }
      g_assert_cmpint (enough[i], ==, ok);
      g_assert_cmpint (used_team[i], ==, one_team);
      assert_rates_equal (&batch[i], &one);
    }
}

static void
test_history_batch (void)
{
  Workspace ws = { 0 };
  const gint64 ids[] = { 0, 1, 2, 3, 4, 99, 1 };
  g_autoptr(GError) error = NULL;
  SpWorkloadRates r[1];

  workspace_open (&ws);
  add_reps (&ws);
  /* Nothing logged: every rep and the team too little. */
  assert_batch_matches (ws.store, ids, G_N_ELEMENTS (ids), NULL, NULL);

  add_days (&ws, 1, 1, 20, 6, 2, 1, 1, 100);
  add_days (&ws, 2, 1, 19, 4, 2, 2, 2, 300);
  add_days (&ws, 3, 1, 20, 0, 3, 3, 3, 500);
  add_days (&ws, 4, 1, 8, 8, 8, 8, 8, 700);
  assert_batch_matches (ws.store, ids, G_N_ELEMENTS (ids), NULL, NULL);
  assert_batch_matches (ws.store, ids, G_N_ELEMENTS (ids), "2026-03-01", "2026-03-20");
  assert_batch_matches (ws.store, ids, G_N_ELEMENTS (ids), "2026-03-02", NULL);
  assert_batch_matches (ws.store, ids, G_N_ELEMENTS (ids), NULL, "2026-03-10");
  assert_batch_matches (ws.store, ids, G_N_ELEMENTS (ids), "2026-04-01", "2026-04-30");
  assert_batch_matches (ws.store, ids, 0, NULL, NULL);

  /* A bad window is refused as sp_workload_rates_for_rep() refuses it. */
  g_assert_false (sp_workload_rates_for_reps (ws.store, ids, 1, "2026-03-20", "2026-03-01",
                                              r, NULL, NULL, &error));
  g_assert_error (error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_INVALID);

  workspace_close (&ws);
}

/* Every rep of the demo workspace, over its last 90 days and over everything. */
static void
test_history_batch_demo (void)
{
  Workspace ws = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *all;
  gint64 team = 0;
  GDate today;

  workspace_open (&ws);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_SEPTEMBER, 2026);
  g_assert_true (sp_demo_generate (ws.store, SP_DEMO_SIZE_DEMO, SP_DEMO_DEFAULT_SEED, &today,
                                   NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  reps = sp_rep_list (ws.store, 0, &error);
  g_assert_no_error (error);
  g_array_append_val (ids, team);
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);

      g_array_append_vals (ids, &(gint64) { sp_rep_get_id (rep) }, 1);
    }
  g_assert_cmpuint (ids->len, >, 2);

  all = (const gint64 *) ids->data;
  assert_batch_matches (ws.store, all, ids->len, "2026-06-17", "2026-09-14");
  assert_batch_matches (ws.store, all, ids->len, "2026-09-01", "2026-09-14");
  assert_batch_matches (ws.store, all, ids->len, NULL, NULL);

  workspace_close (&ws);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workload/formula/example", test_formula_example);
  g_test_add_func ("/workload/formula/boundaries", test_formula_boundaries);
  g_test_add_func ("/workload/formula/percent", test_formula_percent);
  g_test_add_func ("/workload/formula/errors", test_formula_errors);
  g_test_add_func ("/workload/formula/zero-target", test_formula_zero_target);
  g_test_add_func ("/workload/formula/huge", test_formula_huge);
  g_test_add_func ("/workload/stage-names", test_stage_names);
  g_test_add_func ("/workload/history/sums", test_history_sums);
  g_test_add_func ("/workload/history/fallback", test_history_fallback);
  g_test_add_func ("/workload/history/team-too-little", test_history_team_too_little);
  g_test_add_func ("/workload/history/description", test_history_description);
  g_test_add_func ("/workload/history/batch", test_history_batch);
  g_test_add_func ("/workload/history/batch-demo", test_history_batch_demo);

  return g_test_run ();
}
